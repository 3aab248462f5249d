"""Journey: officers work from their agency's queue, overdue and nearly-due first."""
from datetime import timedelta

from dossier_support import (MONDAY, act, clock, docs, filed, get,  # noqa: F401
                             procedure, received, walk_to)

JSON = {'Accept': 'application/json'}


def queue(client, query=''):
    return client.get(f'/@@queue{query}', headers=JSON).json


def test_a_new_dossier_is_in_receptions_queue(login, procedure, docs):
    code = filed(login, docs)
    assert code in [i['code'] for i in queue(login('reception1'), '?status=submitted')['items']]


def test_the_overdue_dossier_comes_first(login, procedure, docs, clock):
    first = received(login, docs)    # received Mon 1/3: due Mon 8/3
    clock.set(MONDAY + timedelta(days=2, minutes=5))
    second = received(login, docs)   # received Wed 3/3: due Wed 10/3
    clock.set(MONDAY + timedelta(days=8))
    codes = [i['code'] for i in queue(login('reception1'), '?status=received')['items']]
    assert codes.index(first) < codes.index(second)


def test_a_dossier_past_its_date_is_flagged_overdue(login, procedure, docs, clock):
    code = received(login, docs)                 # due Mon 8/3 17:00
    clock.set(MONDAY + timedelta(days=8))        # Tue 9/3
    items = {i['code']: i for i in queue(login('reception1'), '?status=received')['items']}
    assert items[code]['overdue'] is True


def test_a_nearly_due_dossier_is_flagged(login, procedure, docs, clock):
    code = received(login, docs)                 # due Mon 8/3 17:00
    clock.set(MONDAY + timedelta(days=4))        # Fri 5/3: one working day left
    items = {i['code']: i for i in queue(login('reception1'), '?status=received')['items']}
    assert items[code]['due_soon'] is True


def test_the_queue_by_step_shows_the_specialists_work(login, procedure, docs):
    code = filed(login, docs)
    walk_to(login, code, 'processing')
    items = queue(login('specialist1'), '?status=processing&step=xu-ly')['items']
    assert code in [i['code'] for i in items]


def test_the_leader_assigns_the_step_to_a_specialist(login, procedure, docs):
    code = filed(login, docs)
    walk_to(login, code, 'processing')
    res = act(login('leader1'), code, 'assign', assignee='specialist1')
    assert res.json['current_step']['assignee'] == 'specialist1'


def test_assigning_someone_outside_the_agency_is_422(login, procedure, docs):
    code = filed(login, docs)
    walk_to(login, code, 'processing')
    act(login('leader1'), code, 'assign', assignee='citizen2', status=422)


def test_the_sign_queue_lists_what_awaits_signature(login, procedure, docs):
    code = filed(login, docs)
    walk_to(login, code, 'awaiting_signature')
    items = login('leader1').get('/@@sign-queue', headers=JSON).json['items']
    assert code in [i['code'] for i in items]


def test_a_bad_state_filter_is_422(login, procedure):
    login('reception1').get('/@@queue?status=lost', headers=JSON, status=422)


def test_a_page_too_large_is_422(login, procedure):
    login('reception1').get('/@@queue?limit=5000', headers=JSON, status=422)


def test_the_queue_page_renders(login, procedure, docs):
    code = filed(login, docs)
    assert code in login('reception1').get('/@@queue').text


def test_the_dossier_page_offers_the_officers_actions(login, procedure, docs):
    code = filed(login, docs)
    page = login('reception1').get(f'/dossiers/{code}')
    assert 'value="receive"' in page.text


def test_the_dossier_page_form_fires_an_action(login, procedure, docs):
    code = filed(login, docs)
    client = login('reception1')
    form = client.get(f'/dossiers/{code}').forms['transition']
    form['action'] = 'receive'
    form.submit().follow()
    assert get(client, code).json['status'] == 'received'


def test_signing_without_a_signing_identity_is_refused_and_changes_nothing(login, procedure,
                                                                           docs):
    code = filed(login, docs)
    walk_to(login, code, 'awaiting_signature')
    res = act(login('leader1'), code, 'sign', status=(403, 409, 422))
    assert get(login('leader1'), code).json['status'] == 'awaiting_signature', res.text
