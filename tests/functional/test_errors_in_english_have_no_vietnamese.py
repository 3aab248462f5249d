"""Error answers to an English client carry no Vietnamese (issue 16).

Messages built with values (``errors.Words``) are translated whole; this
walks one representative answer of each kind (400, 404, 409, 415, 422) and
checks that no letter with a Vietnamese diacritic (or đ) is left in the
message or in a field's reason. The values sent are plain ASCII, so any
diacritic found comes from our words, not the client's.
"""
import unicodedata

import pytest

from dossier_support import clock, docs, filed, procedure  # noqa: F401

EN = {'Accept': 'application/json', 'Accept-Language': 'en'}


def vietnamese_letters(text):
    """The letters of ``text`` that only Vietnamese (here) writes: with a mark, or đ."""
    return [c for c in str(text) if c in 'đĐ' or (
        c.isalpha() and unicodedata.normalize('NFD', c) != c)]


def words_of(error):
    return [error['message'], *(error.get('fields') or {}).values()]


def assert_english(res):
    found = {w: vietnamese_letters(w) for w in words_of(res.json['error'])}
    assert {w: f for w, f in found.items() if f} == {}


REQUESTS = {
    'unknown dossier code (404)': ('get', '/@@track?code=000.00.20.H55-270301-9999', 404),
    'unknown unit of the indicators (404)': ('get', '/@@indicators?unit=NOPE', 404),
    'bad form version (400)': ('get', '/forms/x?version=abc', None),
}


@pytest.mark.parametrize('name', sorted(REQUESTS))
def test_a_get_error_is_english(anon, name):
    method, url, status = REQUESTS[name]
    res = anon.get(url, headers=EN, expect_errors=True)
    assert res.status_int >= 400 and (status is None or res.status_int == status)
    assert_english(res)


def test_no_such_procedure_is_english(login, procedure):
    res = login('citizen1').post_json('/procedures/9.999999/@@apply', {'data': {}},
                                      headers=EN, expect_errors=True)
    assert res.status_int == 404
    assert_english(res)


def test_unknown_action_and_field_are_english(login, procedure, docs):
    code = filed(login, docs)
    desk = login('reception1')
    for body in ({'action': 'fly'}, {'action': 'receive', 'colour': 'red'}):
        assert_english(desk.post_json(f'/dossiers/{code}/@@transition', body,
                                      headers=EN, status=422))


def test_bad_json_bodies_are_english(login, procedure, docs):
    code = filed(login, docs)
    desk = login('reception1')
    url = f'/dossiers/{code}/@@transition'
    for body in ('{"action": ', '[' * 500 + ']' * 500):
        res = desk.post(url, body, content_type='application/json', headers=EN, expect_errors=True)
        assert res.status_int in (400, 422)
        assert_english(res)
    res = desk.post(url, 'action=receive', content_type='text/plain', headers=EN, expect_errors=True)
    assert res.status_int == 415
    assert_english(res)


def test_a_paper_the_history_cannot_have_is_english(login, procedure, docs):
    code = filed(login, docs)
    res = login('citizen1').get(f'/dossiers/{code}/@@slip/refusal', headers=EN, expect_errors=True)
    assert res.status_int == 409
    assert_english(res)


def test_colanders_reasons_are_english(login, procedure, docs):
    """A body's field reasons (colander's messages, Vietnamese from COLANDER_VI) read back in English."""
    code = filed(login, docs)
    res = login('reception1').post_json(f'/dossiers/{code}/@@transition',
                                        {'action': 'receive', 'note': 'x' * 5000},
                                        headers=EN, status=422)
    assert res.json['error']['fields'] == {'note': 'Too long: at most 4000.'}
    assert_english(res)
