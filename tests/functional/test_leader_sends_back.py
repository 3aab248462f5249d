"""Journey: a leader sends a dossier awaiting signature back for rework; queues name the applicant."""
from dossier_support import act, apply, clock, docs, get, pay, procedure, walk_to  # noqa: F401

JSON = {'Accept': 'application/json'}


def awaiting(login, edit_site, docs):
    code = apply(login('citizen1'), docs).json['code']
    pay(edit_site, code)
    walk_to(login, code, 'awaiting_signature')
    return code


def test_the_leader_is_offered_send_back(login, edit_site, procedure, docs):
    code = awaiting(login, edit_site, docs)
    assert 'send_back' in get(login('leader1'), code).json['actions']


def test_send_back_without_a_note_is_422_and_changes_nothing(login, edit_site, procedure, docs):
    code = awaiting(login, edit_site, docs)
    res = act(login('leader1'), code, 'send_back', status=422)
    assert 'note' in res.json['error']['fields']
    assert get(login('leader1'), code).json['status'] == 'awaiting_signature'


def test_send_back_returns_the_dossier_to_the_specialists_step(login, edit_site, procedure, docs):
    code = awaiting(login, edit_site, docs)
    body = act(login('leader1'), code, 'send_back', note='Sai ngày sinh, sửa lại').json
    assert body['status'] == 'processing' and body['step'] == 'xu-ly'
    last = body['history'][-1]
    assert (last['action'], last['by'], last['note']) == (
        'send_back', 'leader1', 'Sai ngày sinh, sửa lại')


def test_after_rework_the_dossier_can_be_approved_again(login, edit_site, procedure, docs):
    code = awaiting(login, edit_site, docs)
    act(login('leader1'), code, 'send_back', note='Sửa lại')
    act(login('specialist1'), code, 'forward')
    assert act(login('leader1'), code, 'approve').json['status'] == 'awaiting_signature'


def test_a_specialist_may_not_send_back(login, edit_site, procedure, docs):
    code = awaiting(login, edit_site, docs)
    act(login('specialist1'), code, 'send_back', note='Sửa', status=403)


def test_send_back_outside_awaiting_signature_is_409(login, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    res = act(login('leader1'), code, 'send_back', note='Sửa', status=409)
    assert 'send_back' not in res.json['error'].get('allowed', [])


def test_the_page_offers_send_back_with_its_label(login, edit_site, procedure, docs):
    code = awaiting(login, edit_site, docs)
    page = login('leader1').get(f'/dossiers/{code}')
    assert 'value="send_back"' in page.text and 'Trả lại để xử lý lại' in page.text


def test_the_queue_shows_the_applicants_name(login, edit_site, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    with edit_site() as site:
        name = site['vaults'].for_owner('citizen1').profile['full_name']
    items = login('reception1').get('/@@queue', headers=JSON).json['items']
    assert [i['applicant_name'] for i in items if i['code'] == code] == [name]
    assert name in login('reception1').get('/@@queue').text


def test_the_applicants_id_number_is_not_in_the_queue(login, edit_site, procedure, docs):
    apply(login('citizen1'), docs)
    with edit_site() as site:
        id_number = site['vaults'].for_owner('citizen1').profile['id_number']
    assert id_number not in login('reception1').get('/@@queue').text
    assert id_number not in login('reception1').get('/@@queue', headers=JSON).text


def test_anyone_tracking_the_code_does_not_see_the_applicants_name(anon, login, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    assert 'applicant_name' not in anon.get(f'/@@track?code={code}', headers=JSON).json


def test_filing_and_the_queues_log_no_id_number_and_put_none_in_urls(login, edit_site, procedure,
                                                                    docs, caplog):
    with edit_site() as site:
        id_number = site['vaults'].for_owner('citizen1').profile['id_number']
    caplog.set_level('DEBUG')
    res = apply(login('citizen1'), docs)
    items = login('reception1').get('/@@queue', headers=JSON).json['items']
    assert id_number not in res.headers['Location'] and id_number not in res.json['url']
    assert all(id_number not in i['url'] for i in items)
    assert id_number not in caplog.text
