"""Journey: the office asks for a supplement, the clock stops, the citizen supplements."""
from datetime import timedelta

from dossier_support import (MONDAY, act, clock, docs, get, procedure,  # noqa: F401
                             received)


def test_request_supplement_needs_a_note(login, procedure, docs):
    code = received(login, docs)
    res = act(login('reception1'), code, 'request_supplement', status=422)
    assert 'note' in res.json['error']['fields']


def test_request_supplement_stops_the_clock(login, procedure, docs, clock):
    code = received(login, docs)
    clock.set(MONDAY + timedelta(days=1))
    res = act(login('reception1'), code, 'request_supplement', note='Thiếu ảnh thẻ')
    assert (res.json['status'], res.json['paused_at']) == \
        ('supplement_requested', '2027-03-02T09:00:00+07:00')


def test_a_waiting_dossier_is_not_overdue(login, procedure, docs, clock):
    code = received(login, docs)
    act(login('reception1'), code, 'request_supplement', note='Thiếu ảnh thẻ')
    clock.set(MONDAY + timedelta(days=30))
    assert get(login('citizen1'), code).json['overdue'] is False


def test_the_citizen_supplements_with_a_new_document(login, procedure, docs, clock):
    code = received(login, docs)
    act(login('reception1'), code, 'request_supplement', note='Thiếu ảnh thẻ')
    res = act(login('citizen1'), code, 'supplement', attachments={'anh': docs['anh-the']})
    assert 'anh' in [a['requirement'] for a in res.json['attachments']]


def test_supplementing_returns_to_the_earlier_state(login, procedure, docs):
    code = received(login, docs)
    act(login('reception1'), code, 'request_supplement', note='Thiếu ảnh thẻ')
    assert act(login('citizen1'), code, 'supplement').json['status'] == 'received'


def test_the_due_date_moves_by_the_working_days_waited(login, procedure, docs, clock):
    code = received(login, docs)                      # Mon 1/3, 5 days: due Mon 8/3 17:00
    clock.set(MONDAY + timedelta(days=1))             # Tue
    act(login('reception1'), code, 'request_supplement', note='Thiếu ảnh thẻ')
    clock.set(MONDAY + timedelta(days=7))             # next Mon: Wed..Mon = 4 working days
    res = act(login('citizen1'), code, 'supplement')
    assert res.json['due_at'] == res.json['appointment_at'] == '2027-03-12T17:00:00+07:00'


def test_a_supplement_handed_in_after_the_cut_off_counts_the_next_working_day(
        login, procedure, docs, clock):
    code = received(login, docs)
    clock.set(MONDAY + timedelta(days=1))             # Tue
    act(login('reception1'), code, 'request_supplement', note='Thiếu ảnh thẻ')
    clock.set(MONDAY + timedelta(days=7, hours=8, minutes=30))   # next Mon 17:30: as Tue 9/3
    res = act(login('citizen1'), code, 'supplement')
    assert res.json['due_at'] == '2027-03-15T17:00:00+07:00'


def test_a_supplement_of_the_wrong_type_is_422(login, procedure, docs):
    code = received(login, docs)
    act(login('reception1'), code, 'request_supplement', note='Thiếu ảnh thẻ')
    act(login('citizen1'), code, 'supplement', attachments={'anh': docs['giay-khai-sinh']},
        status=422)


def test_supplementing_when_nothing_was_asked_is_409(login, procedure, docs):
    code = received(login, docs)
    res = act(login('citizen1'), code, 'supplement', status=409)
    assert 'withdraw' in res.json['error']['allowed']


def test_another_citizen_may_not_supplement(login, procedure, docs):
    code = received(login, docs)
    act(login('reception1'), code, 'request_supplement', note='Thiếu ảnh thẻ')
    act(login('citizen2'), code, 'supplement', status=403)


def test_the_history_keeps_what_was_asked(login, procedure, docs):
    code = received(login, docs)
    act(login('reception1'), code, 'request_supplement', note='Thiếu ảnh thẻ')
    entry = get(login('citizen1'), code).json['history'][-1]
    assert (entry['action'], entry['note']) == ('request_supplement', 'Thiếu ảnh thẻ')
