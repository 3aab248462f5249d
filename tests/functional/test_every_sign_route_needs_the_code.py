"""Journey: whichever page or API a leader signs from, the one-time code is demanded.

Four routes reach the ``sign`` action: the JSON ``@@transition``, the dossier
page's HTML action form, the phone page (``@@sign-mobile`` -> ``@@sign``) and
the JSON ``@@sign``. Without the code each is refused and nothing is signed;
with it each signs.
"""
from dossier_support import act, clock, docs, get, pki_dir, procedure, signing  # noqa: F401
from signing_support import awaiting, enrol, fresh_throttle, sign  # noqa: F401
from tthc_docs.people import totp


def unchanged(login, code):
    body = get(login('leader1'), code).json
    return body['status'] == 'awaiting_signature' and body['results'] == []


# -- JSON POST /dossiers/<code>/@@transition --------------------------------------

def test_json_transition_without_the_code_is_422_naming_otp(login, edit_site, procedure, docs,
                                                           signing, fresh_throttle):
    code = awaiting(login, edit_site, docs)
    enrol(edit_site)
    res = act(login('leader1'), code, 'sign', status=422)
    assert 'otp' in res.json['error']['fields'] and unchanged(login, code)


def test_json_transition_with_a_wrong_code_is_422(login, edit_site, procedure, docs, signing,
                                                  fresh_throttle):
    code = awaiting(login, edit_site, docs)
    enrol(edit_site)
    act(login('leader1'), code, 'sign', status=422, otp='000000')
    assert unchanged(login, code)


def test_json_transition_with_the_code_signs(login, edit_site, procedure, docs, signing,
                                             fresh_throttle):
    code = awaiting(login, edit_site, docs)
    otp = totp.current_code(enrol(edit_site))
    res = act(login('leader1'), code, 'sign', otp=otp)
    assert res.json['status'] == 'result_ready' and len(res.json['results']) == 1


# -- the dossier page's HTML action form ---------------------------------------------

def _page_form(login, code):
    form = login('leader1').get(f'/dossiers/{code}').forms['transition']
    form['action'] = 'sign'
    return form


def test_the_page_form_offers_a_code_box_when_sign_is_offered(login, edit_site, procedure, docs,
                                                              signing):
    code = awaiting(login, edit_site, docs)
    assert 'otp' in _page_form(login, code).fields


def test_the_page_form_without_the_code_is_refused(login, edit_site, procedure, docs, signing,
                                                   fresh_throttle):
    code = awaiting(login, edit_site, docs)
    enrol(edit_site)
    _page_form(login, code).submit(status=422)
    assert unchanged(login, code)


def test_the_page_form_with_the_code_signs(login, edit_site, procedure, docs, signing,
                                           fresh_throttle):
    code = awaiting(login, edit_site, docs)
    secret = enrol(edit_site)
    form = _page_form(login, code)
    form['otp'] = totp.current_code(secret)
    asked = form.submit()
    assert get(login('leader1'), code).json['status'] == 'awaiting_signature'  # asked first
    assert asked.forms['confirm-form'].submit().status_int == 303
    assert get(login('leader1'), code).json['status'] == 'result_ready'


# -- the phone page: @@sign-mobile leads to the @@sign confirmation ----------------------

def _phone_form(login, code):
    leader = login('leader1')
    queue = leader.get('/@@sign-mobile')
    link = next(a for a in queue.html.select('a.phone-item') if code in a['href'])
    return leader.get(link['href']).forms['sign-form']


def test_the_phone_page_without_the_code_is_refused(login, edit_site, procedure, docs, signing,
                                                    fresh_throttle):
    code = awaiting(login, edit_site, docs)
    enrol(edit_site)
    _phone_form(login, code).submit(status=422)
    assert unchanged(login, code)


def test_the_phone_page_with_the_code_signs(login, edit_site, procedure, docs, signing,
                                            fresh_throttle):
    code = awaiting(login, edit_site, docs)
    secret = enrol(edit_site)
    form = _phone_form(login, code)
    form['code'] = totp.current_code(secret)
    assert form.submit().status_int == 303
    assert get(login('leader1'), code).json['status'] == 'result_ready'


# -- JSON POST /dossiers/<code>/@@sign ---------------------------------------------------

def test_json_sign_without_the_code_is_422_naming_code(login, edit_site, procedure, docs, signing,
                                                       fresh_throttle):
    code = awaiting(login, edit_site, docs)
    enrol(edit_site)
    res = login('leader1').post_json(f'/dossiers/{code}/@@sign', {},
                                     headers={'Accept': 'application/json'}, status=422)
    assert 'code' in res.json['error']['fields'] and unchanged(login, code)


def test_json_sign_with_the_code_signs(login, edit_site, procedure, docs, signing,
                                       fresh_throttle):
    code = awaiting(login, edit_site, docs)
    res = sign(login('leader1'), code, totp.current_code(enrol(edit_site)))
    assert res.json['status'] == 'result_ready'
