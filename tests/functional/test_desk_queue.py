"""Journey: the receiving desk's queue holds what it took in for another agency.

Location-independent filing (Decree 118/2025/NĐ-CP): a commune desk receives
a dossier the province centre settles; its reception finds it in its own
``@@queue`` (marked "Tiếp nhận hộ <handling agency>") while the desk has
something to do with it (``workflow.DESK_STATES``), read from an index of
its own, a page at a time.
"""
from datetime import timedelta

from desk_support import (  # noqa: F401
    ANYWHERE, CENTRE_NAME, JSON, file_at, filed_at_the_commune_desk, setup_desk)
from dossier_support import AGENCY, MONDAY, act, clock, docs  # noqa: F401

from conftest import logged_in


def _queue(client, query=''):
    return client.get(f'/@@queue{query}', headers=JSON).json


def _codes(client, query=''):
    return [item['code'] for item in _queue(client, query)['items']]


def test_the_desk_finds_what_it_took_in_for_the_centre_marked(app, edit_site, clock, docs):
    desk, code = filed_at_the_commune_desk(app, edit_site, docs)
    row = next(i for i in _queue(desk)['items'] if i['code'] == code)
    assert row['received_for'] == {'agency': AGENCY, 'agency_name': CENTRE_NAME,
                                   'label': f'Tiếp nhận hộ {CENTRE_NAME}'}
    assert row['agency'] == AGENCY


def test_the_queue_page_marks_the_row(app, edit_site, clock, docs):
    desk, code = filed_at_the_commune_desk(app, edit_site, docs)
    page = desk.get('/@@queue').html
    cell = next(td for td in page.select('table.queue td') if code in td.text)
    assert cell.select_one('.received-for').text.split() == f'Tiếp nhận hộ {CENTRE_NAME}'.split()


def test_the_centres_own_queue_shows_it_unmarked(app, edit_site, clock, docs):
    _, code = filed_at_the_commune_desk(app, edit_site, docs)
    row = next(i for i in _queue(logged_in(app, 'reception1'))['items'] if i['code'] == code)
    assert row['received_for'] is None


def test_it_leaves_the_desks_queue_once_received(app, edit_site, clock, docs):
    """Intake is over: the centre processes it, the desk has nothing to do until the result."""
    desk, code = filed_at_the_commune_desk(app, edit_site, docs)
    assert code in _codes(desk)
    act(desk, code, 'receive')
    assert code not in _codes(desk)
    assert code not in _codes(desk, '?status=received')


def test_another_officer_of_the_desks_unit_does_not_get_it(app, edit_site, clock, docs):
    _, code = filed_at_the_commune_desk(app, edit_site, docs)
    assert code not in _codes(logged_in(app, 'chuyenvien.pdp'))


def test_a_step_filter_leaves_the_desks_rows_out(app, edit_site, clock, docs):
    desk, code = filed_at_the_commune_desk(app, edit_site, docs)
    assert code not in _codes(desk, '?step=s1')


def test_the_total_counts_the_desks_rows_and_pages_them(app, edit_site, clock, docs):
    desk, first = filed_at_the_commune_desk(app, edit_site, docs)
    clock.set(MONDAY + timedelta(minutes=10))   # past the window in which it is the same filing
    second = file_at(desk, docs, ANYWHERE).json['code']
    body = _queue(desk, '?status=submitted&limit=1')
    assert body['total'] == 2 and len(body['items']) == 1
    rest = _queue(desk, '?status=submitted&limit=1&offset=1')['items']
    assert {body['items'][0]['code'], rest[0]['code']} == {first, second}


def test_the_desk_finds_its_rows_by_name_code_procedure_and_urgency(app, edit_site, clock, docs):
    """The queue's search (issue 16) reaches the desk's rows too, by the desk's own index."""
    from tthc_docs.text.folding import fold
    desk, code = filed_at_the_commune_desk(app, edit_site, docs)
    row = next(i for i in _queue(desk)['items'] if i['code'] == code)
    name = fold(row['applicant_name'])
    assert code in _codes(desk, '?q=' + name.replace(' ', '+'))
    assert code in _codes(desk, '?q=' + code.lower())
    assert code in _codes(desk, f'?procedure={ANYWHERE}')
    assert code not in _codes(desk, '?urgency=overdue')          # filed a moment ago
    assert code not in _codes(desk, '?q=khong+co+ai+ten+nay')
    page = desk.get('/@@queue').html
    offered = [o['value'] for o in page.select('#queue-procedure option')]
    assert ANYWHERE in offered


def test_another_officer_of_the_unit_cannot_find_the_desks_rows(app, edit_site, clock, docs):
    desk, code = filed_at_the_commune_desk(app, edit_site, docs)
    assert code not in _codes(logged_in(app, 'chuyenvien.pdp'), '?q=' + code.lower())
