"""Journey: a leader signs a waiting result from a phone, confirming with a one-time code."""
import re
from datetime import timedelta

from dossier_support import clock, docs, get, pki_dir, procedure, signing  # noqa: F401
from signing_support import awaiting, enrol, fresh_throttle, sign  # noqa: F401
from tthc_docs.people import totp


def test_enrolment_shows_a_qr_code_then_saves_the_secret(login, edit_site, fresh_throttle):
    leader = login('leader1')
    page = leader.get('/@@totp', headers={'Accept': 'application/json'}).json
    assert page['enrolled'] is False and page['qr'].startswith('data:image/png')
    secret = re.search(r'secret=([A-Z2-7]+)', page['otpauth_uri']).group(1)
    leader.post_json('/@@totp', {'code': totp.current_code(secret)}, headers={'Accept': 'application/json'})
    with edit_site() as site:
        assert site['people']['leader1'].totp_secret == secret


def test_enrolment_refuses_a_wrong_first_code(login, edit_site, fresh_throttle):
    leader = login('leader1')
    leader.get('/@@totp', headers={'Accept': 'application/json'})
    leader.post_json('/@@totp', {'code': '000000'}, headers={'Accept': 'application/json'}, status=422)
    with edit_site() as site:
        assert site['people']['leader1'].totp_secret is None


def test_the_phone_queue_lists_the_waiting_dossier(login, edit_site, procedure, docs, signing):
    code = awaiting(login, edit_site, docs)
    items = login('leader1').get('/@@sign-mobile', headers={'Accept': 'application/json'}).json['items']
    assert code in [i['code'] for i in items]


def test_the_phone_queue_page_is_phone_sized_html(login, edit_site, procedure, docs, signing):
    code = awaiting(login, edit_site, docs)
    page = login('leader1').get('/@@sign-mobile')
    assert 'class="phone"' in page.text and code in page.text


def test_leader_signs_with_a_valid_code(login, edit_site, procedure, docs, signing, fresh_throttle):
    code = awaiting(login, edit_site, docs)
    secret = enrol(edit_site)
    res = sign(login('leader1'), code, totp.current_code(secret)).json
    assert res['status'] == 'result_ready'
    assert {k: res['verification'][k] for k in ('signed', 'intact', 'trusted', 'timestamped')} == \
        dict.fromkeys(('signed', 'intact', 'trusted', 'timestamped'), True)


def test_the_signed_result_goes_to_the_owners_vault_once(login, edit_site, procedure, docs, signing,
                                                         fresh_throttle):
    code = awaiting(login, edit_site, docs)
    sign(login('leader1'), code, totp.current_code(enrol(edit_site)))
    with edit_site() as site:
        dossier = site['dossiers'][code]
        doc = site['vaults'][dossier.vault_id].get_document(dossier.results[0]['document'])
        assert (doc.kind, doc.signed, doc.dossier, len(dossier.results)) == ('issued', True, code, 1)


def test_a_wrong_code_is_refused_and_the_dossier_is_unchanged(login, edit_site, procedure, docs, signing,
                                                              fresh_throttle):
    code = awaiting(login, edit_site, docs)
    enrol(edit_site)
    res = sign(login('leader1'), code, '000000', status=422)
    assert 'code' in res.json['error']['fields']
    assert get(login('leader1'), code).json['status'] == 'awaiting_signature'


def test_wrong_codes_are_throttled(login, edit_site, procedure, docs, signing, fresh_throttle):
    code = awaiting(login, edit_site, docs)
    secret = enrol(edit_site)
    leader = login('leader1')
    for _ in range(5):
        sign(leader, code, '000000', status=422)
    sign(leader, code, totp.current_code(secret), status=429)
    assert get(leader, code).json['status'] == 'awaiting_signature'


def test_a_used_code_cannot_sign_again(login, edit_site, procedure, docs, signing, clock,
                                       fresh_throttle):
    first = awaiting(login, edit_site, docs)
    clock.set(clock.value + timedelta(minutes=5))  # not the same application posted twice
    second = awaiting(login, edit_site, docs)
    otp = totp.current_code(enrol(edit_site))
    leader = login('leader1')
    sign(leader, first, otp)
    sign(leader, second, otp, status=422)


def test_a_leader_without_enrolment_is_told_to_enrol(login, edit_site, procedure, docs, signing,
                                                     fresh_throttle):
    code = awaiting(login, edit_site, docs)
    res = sign(login('leader1'), code, '123456', status=409)
    assert 'đăng ký' in res.json['error']['message']


def test_the_browser_flow_signs_and_shows_the_verification(login, edit_site, procedure, docs, signing,
                                                           fresh_throttle):
    code = awaiting(login, edit_site, docs)
    secret = enrol(edit_site)
    leader = login('leader1')
    form = leader.get(f'/dossiers/{code}/@@sign').forms['sign-form']
    form['code'] = totp.current_code(secret)
    page = form.submit().follow()
    assert 'Đã ký' in page.text and 'Đặng Quốc Bảo' in page.text


def test_the_browser_gets_the_form_back_after_a_wrong_code(login, edit_site, procedure, docs, signing,
                                                           fresh_throttle):
    code = awaiting(login, edit_site, docs)
    enrol(edit_site)
    form = login('leader1').get(f'/dossiers/{code}/@@sign').forms['sign-form']
    form['code'] = '000000'
    page = form.submit(status=422)
    assert 'Mã xác nhận không đúng' in page.text


def test_a_missing_passphrase_refuses_signing_and_keeps_the_dossier(
        app, login, edit_site, procedure, docs, signing, fresh_throttle, monkeypatch, tmp_path):
    code = awaiting(login, edit_site, docs)
    p12 = signing.identity_paths('leader1')[0]
    monkeypatch.setitem(app.registry.settings, 'tthc_docs.signers',
                        f'leader1:{p12}:{tmp_path / "missing.pass"}')
    res = sign(login('leader1'), code, totp.current_code(enrol(edit_site)), status=409)
    assert 'mật khẩu' in res.json['error']['message']
    assert get(login('leader1'), code).json['results'] == []


def test_a_wrong_passphrase_refuses_signing(app, login, edit_site, procedure, docs, signing,
                                            fresh_throttle, monkeypatch, tmp_path):
    code = awaiting(login, edit_site, docs)
    wrong = tmp_path / 'wrong.pass'
    wrong.write_text('not-it')
    monkeypatch.setitem(app.registry.settings, 'tthc_docs.signers',
                        f'leader1:{signing.identity_paths("leader1")[0]}:{wrong}')
    sign(login('leader1'), code, totp.current_code(enrol(edit_site)), status=409)
    assert get(login('leader1'), code).json['status'] == 'awaiting_signature'


def test_an_expired_certificate_refuses_signing(app, login, edit_site, procedure, docs, signing, clock,
                                                fresh_throttle):
    code = awaiting(login, edit_site, docs)
    secret = enrol(edit_site)
    clock.set(clock.value.replace(year=2031))
    res = sign(login('leader1'), code, totp.current_code(secret), status=409)
    assert 'hết hạn' in res.json['error']['message']
    assert get(login('leader1'), code).json['status'] == 'awaiting_signature'


def test_the_browser_enrolment_page_shows_the_qr_and_enrols(login, edit_site, fresh_throttle):
    leader = login('leader1')
    page = leader.get('/@@totp')
    assert 'data:image/png;base64,' in page.text
    secret = re.search(r'<code>([A-Z2-7]+)</code>', page.text).group(1)
    form = page.forms['totp-form']
    form['code'] = totp.current_code(secret)
    assert form.submit().status_int == 303
    with edit_site() as site:
        assert site['people']['leader1'].totp_secret == secret


def test_signing_in_the_wrong_state_is_409_naming_the_allowed_actions(login, edit_site, procedure, docs,
                                                                      signing, fresh_throttle):
    from dossier_support import apply
    code = apply(login('citizen1'), docs).json['code']
    res = sign(login('leader1'), code, totp.current_code(enrol(edit_site)), status=409)
    assert 'allowed' in res.json['error']


def test_a_re_sign_after_a_correction_is_a_new_document_naming_the_old(
        app, login, edit_site, procedure, docs, signing, fresh_throttle):
    from tthc_docs import timeutil
    from tthc_docs.dossiers import actions
    from tthc_docs.dossiers.calendar import calendar_for
    from tthc_docs.people.totp import TotpThrottle
    from tthc_docs.signing.service import ResultIssuer
    code = awaiting(login, edit_site, docs)
    sign(login('leader1'), code, totp.current_code(enrol(edit_site)))
    secret = enrol(edit_site)
    with edit_site() as site:
        dossier, leader = site['dossiers'][code], site['people']['leader1']
        first = dossier.results[0]['document']
        dossier.status = 'awaiting_signature'  # as if the result went back for a correction
        services = actions.Services(site, calendar_for(site),
                                    ResultIssuer(site, app.registry.settings), TotpThrottle())
        actions.fire(dossier, 'sign', leader, {'otp': totp.current_code(secret)},
                     timeutil.now(), services)
        second = site['vaults'][dossier.vault_id].get_document(dossier.results[1]['document'])
        assert second.id != first and second.replaces == first
        assert [r['document'] for r in dossier.results] == [first, second.id]


def test_issue_result_refuses_a_leader_of_another_agency(app, login, edit_site, procedure, docs, signing):
    import pytest
    from tthc_docs import errors
    from tthc_docs.signing.service import issue_result
    code = awaiting(login, edit_site, docs)
    with edit_site() as site:
        leader = site['people']['leader1']
        leader.agency = '000.00.11.H55'
        with pytest.raises(errors.NotAllowed):
            issue_result(site, site['dossiers'][code], leader, app.registry.settings)
        assert site['dossiers'][code].results == []
