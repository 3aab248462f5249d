"""Journeys: due dates as the law counts them, and the channels a procedure offers.

Deadlines (Civil Code art. 147, the one-stop office's cut-off): the period
starts the working day after receipt; a dossier received after the cut-off
counts as received the next working day; a same-day procedure is due the
day it is received before the cut-off. Channels: a procedure offered only
at the counter refuses an online filing (409 naming what it offers).
"""
from datetime import timedelta

import pytest
from dossier_support import (MONDAY, act, application, clock, counter_find, docs,  # noqa: F401
                             filed, procedure, publish_procedure)

SAME_DAY = '9.990091'
COUNTER_ONLY = '9.990092'
JSON = {'Accept': 'application/json'}
ZERO_STEPS = [{'id': 'xu-ly', 'name': 'Giải quyết ngay', 'role': 'specialist', 'days': 0}]


@pytest.fixture
def same_day(edit_site, procedure):
    with edit_site() as site:
        publish_procedure(site, SAME_DAY, processing_days=0, steps=ZERO_STEPS)
    return SAME_DAY


@pytest.fixture
def counter_only(edit_site, procedure):
    with edit_site() as site:
        publish_procedure(site, COUNTER_ONLY, methods=['counter'])
    return COUNTER_ONLY


def receive_at(login, code, clock, moment):
    clock.set(moment)
    return act(login('reception1'), code, 'receive').json


def test_received_before_the_cut_off_the_period_starts_the_next_day(login, procedure, docs,
                                                                     clock):
    code = filed(login, docs)                                    # 5 working days
    body = receive_at(login, code, clock, MONDAY.replace(hour=16, minute=55))
    assert body['due_at'] == body['appointment_at'] == '2027-03-08T17:00:00+07:00'


def test_received_after_the_cut_off_counts_as_received_the_next_working_day(
        login, procedure, docs, clock):
    code = filed(login, docs)
    body = receive_at(login, code, clock, MONDAY.replace(hour=17, minute=30))
    assert body['due_at'] == '2027-03-09T17:00:00+07:00'


def test_a_same_day_procedure_received_in_the_morning_is_due_that_evening(
        login, same_day, docs, clock):
    code = filed(login, docs, code=SAME_DAY)
    body = receive_at(login, code, clock, MONDAY.replace(hour=10))
    assert (body['due_at'], body['overdue']) == ('2027-03-01T17:00:00+07:00', False)


def test_a_same_day_procedure_received_after_hours_is_due_the_next_working_day(
        login, same_day, docs, clock):
    code = filed(login, docs, code=SAME_DAY)
    body = receive_at(login, code, clock, MONDAY.replace(hour=17, minute=10))
    assert (body['due_at'], body['overdue']) == ('2027-03-02T17:00:00+07:00', False)


def test_the_catalog_due_date_counts_from_the_day_after(anon, procedure):
    res = anon.get(f'/procedures/{procedure}/@@due-date', {'from': '2027-02-03'}, headers=JSON)
    assert res.json['due'] == '2027-02-17'                       # 5 days after Tết 2027


def test_an_online_filing_of_a_counter_only_procedure_is_409(login, counter_only, docs):
    res = login('citizen1').post_json(f'/procedures/{COUNTER_ONLY}/@@apply', application(docs),
                                      headers=JSON, status=409)
    error = res.json['error']
    assert error['allowed'] == ['counter'] and 'trực tiếp' in error['message']


def test_chung_thuc_chu_ky_refuses_an_online_filing(login, docs):
    res = login('citizen1').post_json('/procedures/2.000884/@@apply', {'data': {}},
                                      headers=JSON, status=409)
    assert 'không nhận hồ sơ trực tuyến' in res.json['error']['message']


def test_the_counter_still_files_a_counter_only_procedure(login, counter_only, docs):
    client = login('reception1')
    counter_find(client)
    res = client.post_json(f'/procedures/{COUNTER_ONLY}/@@apply',
                           application(docs, citizen='citizen1'), headers=JSON, status=201)
    assert res.json['channel'] == 'counter'
