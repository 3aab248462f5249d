"""Journey: an officer who will miss the date apologises with a new appointment."""
from datetime import timedelta

from dossier_support import (MONDAY, act, clock, docs, filed, get,  # noqa: F401
                             procedure, walk_to)


def processing(login, docs):
    code = filed(login, docs)
    walk_to(login, code, 'processing')          # received Monday 1/3: due Monday 8/3
    return code


def apologize(client, code, status=200, **body):
    body.setdefault('note', 'Cần xác minh thêm với cơ quan khác')
    return act(client, code, 'apologize', status=status, **body)


def test_the_new_date_is_the_appointment_and_the_legal_due_date_stays(login, procedure, docs):
    code = processing(login, docs)
    res = apologize(login('specialist1'), code, new_due='2027-03-10')
    assert (res.json['due_at'], res.json['appointment_at']) == \
        ('2027-03-08T17:00:00+07:00', '2027-03-10T17:00:00+07:00')


def test_the_citizen_sees_the_apology(login, procedure, docs):
    code = processing(login, docs)
    apologize(login('specialist1'), code, new_due='2027-03-10')
    apology = get(login('citizen1'), code).json['apologies'][0]
    assert (apology['reason'], apology['new_due']) == \
        ('Cần xác minh thêm với cơ quan khác', '2027-03-10T17:00:00+07:00')


def test_the_history_keeps_both_appointments_for_the_slip(login, procedure, docs):
    code = processing(login, docs)
    apologize(login('specialist1'), code, new_due='2027-03-10')
    entry = get(login('citizen1'), code).json['history'][-1]
    assert (entry['old_due'], entry['new_due'], entry['legal_due_at']) == \
        ('2027-03-08T17:00:00+07:00', '2027-03-10T17:00:00+07:00', '2027-03-08T17:00:00+07:00')


def test_the_apology_does_not_change_the_state(login, procedure, docs):
    code = processing(login, docs)
    assert apologize(login('specialist1'), code, new_due='2027-03-10').json['status'] == \
        'processing'


def test_an_apology_leaves_an_overdue_dossier_overdue(login, procedure, docs, clock):
    code = processing(login, docs)
    clock.set(MONDAY + timedelta(days=8, hours=1))              # Tue 9/3: a day late
    before = get(login('citizen1'), code).json
    apologize(login('specialist1'), code, new_due='2027-03-12')
    after = get(login('citizen1'), code).json
    assert before['overdue'] is after['overdue'] is True
    assert after['due_at'] == before['due_at'] == '2027-03-08T17:00:00+07:00'


def test_the_track_page_tells_the_legal_date_and_the_appointment(login, procedure, docs):
    code = processing(login, docs)
    apologize(login('specialist1'), code, new_due='2027-03-10')
    res = login('citizen1').get('/@@track', {'code': code},
                                headers={'Accept': 'application/json'})
    assert (res.json['due_at'], res.json['appointment_at']) == \
        ('2027-03-08T17:00:00+07:00', '2027-03-10T17:00:00+07:00')


def test_a_new_date_before_the_legal_due_date_is_422(login, procedure, docs):
    code = processing(login, docs)
    res = apologize(login('specialist1'), code, status=422, new_due='2027-03-05')
    assert '08/03/2027' in res.json['error']['fields']['new_due']


def test_a_new_date_in_the_past_is_422(login, procedure, docs, clock):
    code = processing(login, docs)
    clock.set(MONDAY + timedelta(days=9))                        # Wed 10/3
    res = apologize(login('specialist1'), code, status=422, new_due='2027-03-09')
    assert 'new_due' in res.json['error']['fields']


def test_a_second_apology_cannot_bring_the_appointment_forward(login, procedure, docs):
    code = processing(login, docs)
    apologize(login('specialist1'), code, new_due='2027-03-12')
    apologize(login('specialist1'), code, status=422, new_due='2027-03-10')


def test_a_malformed_date_is_422(login, procedure, docs):
    code = processing(login, docs)
    apologize(login('specialist1'), code, status=422, new_due='mai')


def test_an_apology_needs_a_reason(login, procedure, docs):
    code = processing(login, docs)
    apologize(login('specialist1'), code, status=422, new_due='2027-03-10', note='')


def test_the_citizen_may_not_apologise(login, procedure, docs):
    code = processing(login, docs)
    apologize(login('citizen1'), code, status=403, new_due='2027-03-10')


def test_an_apology_before_receipt_is_409(login, procedure, docs):
    code = filed(login, docs)
    apologize(login('reception1'), code, status=409, new_due='2027-03-10')
