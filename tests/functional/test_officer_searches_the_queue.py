"""Journey: an officer finds a dossier in the queue by code, name, procedure and urgency.

Issue 16.  The rule of each filter is ``dossiers/queues.py``; these tests go
through the page and the JSON of ``/@@queue`` on real dates (a received
dossier of five working days, received Monday 1 March 2027, is due Monday
8 March at the end of office hours: Decree 61/2018/NĐ-CP art. 18-19).
"""
from datetime import timedelta
from urllib.parse import quote_plus

from dossier_support import (CODE, FREE, MONDAY, act, apply, clock, docs, filed,  # noqa: F401
                             procedure, received)

JSON = {'Accept': 'application/json'}


def codes(client, query):
    return [i['code'] for i in client.get(f'/@@queue?{query}', headers=JSON).json['items']]


def test_the_applicants_name_finds_the_dossier_without_diacritics(login, procedure, docs):
    code = filed(login, docs)                       # citizen1 is Nguyễn Thị Lan
    desk = login('reception1')
    assert code in codes(desk, 'q=nguyen+thi+lan')
    assert code in codes(desk, 'q=' + quote_plus('NGUYỄN Thị La'))   # the last word as far as it is typed
    assert code not in codes(desk, 'q=tran+van+hung')


def test_the_code_finds_the_dossier_in_any_case_or_by_its_tail(login, procedure, docs):
    code = filed(login, docs)
    desk = login('reception1')
    assert codes(desk, f'q=+{code.lower()}+') == [code]
    assert codes(desk, 'q=' + code.split('-', 1)[1]) == [code]


def test_the_procedure_filter_keeps_only_that_procedure(login, procedure, docs, edit_site):
    free, paid = filed(login, docs), filed(login, docs, code=CODE)
    found = codes(login('reception1'), f'procedure={CODE}&limit=100')
    assert paid in found and free not in found


def test_nearly_due_and_overdue_filters_follow_the_working_days(login, procedure, docs, clock):
    code = received(login, docs)                    # due Mon 8/3 17:00
    desk = login('reception1')
    clock.set(MONDAY + timedelta(days=4))           # Fri 5/3: one working day left
    assert (code in codes(desk, 'urgency=due_soon'), code in codes(desk, 'urgency=overdue')) \
        == (True, False)
    clock.set(MONDAY + timedelta(days=2))           # Wed 3/3: three working days left
    assert code not in codes(desk, 'urgency=due_soon')
    clock.set(MONDAY + timedelta(days=8))           # Tue 9/3: late
    assert (code in codes(desk, 'urgency=due_soon'), code in codes(desk, 'urgency=overdue')) \
        == (False, True)


def test_a_dossier_waiting_for_a_supplement_is_not_in_the_urgency_filters(login, procedure,
                                                                          docs, clock):
    code = received(login, docs)
    act(login('reception1'), code, 'request_supplement', note='Thiếu ảnh')
    clock.set(MONDAY + timedelta(days=8))           # its clock stopped (Decree 61/2018 art. 16)
    assert code not in codes(login('reception1'), 'urgency=overdue')


def test_filters_combine_and_the_total_counts_what_matches(login, procedure, docs, clock):
    late = received(login, docs)
    clock.set(MONDAY + timedelta(days=8))
    fresh = filed(login, docs)
    body = login('reception1').get(f'/@@queue?q=nguyen+thi+lan&procedure={FREE}'
                                   '&urgency=overdue', headers=JSON).json
    assert [i['code'] for i in body['items']] == [late] and body['total'] == 1
    assert fresh != late


def test_another_agencys_code_is_not_found(login, procedure, docs):
    code = filed(login, docs)
    other = code.replace('000.00.20.H55', '000.00.21.H55')
    assert codes(login('reception1'), f'q={other}') == []


def test_a_bad_urgency_is_422_naming_it(login, procedure):
    res = login('reception1').get('/@@queue?urgency=soonish', headers=JSON, status=422)
    assert 'urgency' in res.json['error']['fields']


def test_a_search_too_long_is_422(login, procedure):
    res = login('reception1').get('/@@queue?q=' + 'a' * 201, headers=JSON, status=422)
    assert 'q' in res.json['error']['fields']


def test_the_page_marks_the_overdue_row_in_words_and_keeps_the_filters_in_its_pager(
        login, procedure, docs, clock):
    for minutes in (0, 5, 10):                      # each a new application, not a replay
        clock.set(MONDAY + timedelta(minutes=minutes))
        received(login, docs)
    clock.set(MONDAY + timedelta(days=8))
    page = login('reception1').get('/@@queue?q=nguyen&urgency=overdue&limit=2')
    row = page.html.select('tr.overdue')[0]
    assert 'Quá hạn' in row.get_text()
    pager = page.html.select('nav.pager a')[-1]['href']
    assert 'q=nguyen' in pager and 'urgency=overdue' in pager and 'offset=2' in pager
    assert page.html.select_one('#queue-urgency option[selected]')['value'] == 'overdue'


def test_the_procedure_filter_offers_the_procedures_in_the_queue(login, procedure, docs):
    filed(login, docs)
    page = login('reception1').get('/@@queue')
    offered = [o['value'] for o in page.html.select('#queue-procedure option')]
    assert FREE in offered


def test_the_leaders_sign_queue_is_searched_the_same_way(login, procedure, docs):
    code = filed(login, docs)
    leader = login('leader1')
    assert leader.get('/@@sign-queue?q=nguyen', headers=JSON).json['q'] == 'nguyen'
    assert code not in [i['code'] for i in leader.get('/@@sign-queue?q=nguyen',
                                                      headers=JSON).json['items']]


def _flag_and_filter(desk, code):
    """(the row's overdue flag in the listing, whether the overdue filter finds it)."""
    rows = desk.get('/@@queue?limit=100', headers=JSON).json['items']
    flag = next(r['overdue'] for r in rows if r['code'] == code)
    return flag, code in codes(desk, 'urgency=overdue&limit=100')


def test_a_dossier_already_late_when_paused_stays_overdue_in_flag_and_filter(login, procedure,
                                                                             docs, clock):
    """Decree 61/2018 art. 16(2)(c) stops the clock for a supplement; it does not undo the
    lateness incurred before it: due Mon 8/3, paused Wed 10/3, still late on Fri 12/3."""
    code = received(login, docs)
    desk = login('reception1')
    clock.set(MONDAY + timedelta(days=9))           # Wed 10/3: late
    act(desk, code, 'request_supplement', note='Thiếu ảnh')
    clock.set(MONDAY + timedelta(days=11))          # Fri 12/3
    assert _flag_and_filter(desk, code) == (True, True)
    named = desk.get('/@@queue?q=nguyen+thi+lan&limit=100', headers=JSON).json['items']
    body = desk.get('/@@queue?urgency=overdue&q=nguyen+thi+lan&limit=100', headers=JSON).json
    assert {i['code'] for i in body['items']} == {r['code'] for r in named if r['overdue']}
    assert body['total'] == len(body['items'])


def test_the_overdue_filter_finds_exactly_the_rows_flagged_overdue(login, procedure, docs, clock):
    def received_at(hour):     # an hour apart: not a resubmission of the same application
        clock.set(MONDAY.replace(hour=hour))
        return received(login, docs)
    late, paused_late, paused_in_time = (received_at(hour) for hour in (9, 11, 13))
    desk = login('reception1')
    act(desk, paused_in_time, 'request_supplement', note='Thiếu ảnh')
    clock.set(MONDAY + timedelta(days=9))           # Wed 10/3: the others are late
    act(desk, paused_late, 'request_supplement', note='Thiếu ảnh')
    clock.set(MONDAY + timedelta(days=11))
    rows = desk.get('/@@queue?limit=100', headers=JSON).json['items']
    body = desk.get('/@@queue?urgency=overdue&limit=100', headers=JSON).json
    assert {i['code'] for i in body['items']} == {r['code'] for r in rows if r['overdue']}
    assert {late, paused_late} <= {i['code'] for i in body['items']}
    assert paused_in_time not in {i['code'] for i in body['items']}


def test_a_dossier_paused_in_time_is_neither_flagged_nor_filtered(login, procedure, docs, clock):
    code = received(login, docs)
    desk = login('reception1')
    clock.set(MONDAY + timedelta(days=2))           # Wed 3/3: in time
    act(desk, code, 'request_supplement', note='Thiếu ảnh')
    clock.set(MONDAY + timedelta(days=11))          # Fri 12/3: past the due date, clock stopped
    assert _flag_and_filter(desk, code) == (False, False)
