"""JSON errors in the language the client asks for: Vietnamese by default, English on request.

Issue 16.  The shape is API.md's (``{"error": {"status", "message",
"fields"}}``) in both languages; only the words change.  English comes from
the catalog (``locale/en``), including messages built with values
(``errors.Words``).
"""
import pytest

from dossier_support import clock, docs, filed, procedure  # noqa: F401

EN = {'Accept': 'application/json', 'Accept-Language': 'en'}
VI = {'Accept': 'application/json'}


def test_not_logged_in_is_401_in_english(anon):
    res = anon.get('/@@queue', headers=EN, status=401)
    assert res.json == {'error': {'status': 401, 'message': 'You need to log in.'}}


def test_not_logged_in_is_401_in_vietnamese_by_default(anon):
    assert anon.get('/@@queue', headers=VI, status=401).json['error']['message'] \
        == 'Cần đăng nhập.'


def test_a_citizen_at_the_queue_is_403_in_english(login):
    res = login('citizen1').get('/@@queue', headers=EN, status=403)
    assert res.json['error']['message'] == "Only the handling agency's officers can see the queue."


def test_no_such_dossier_is_404_in_english(login):
    res = login('reception1').get('/dossiers/000.00.20.H55-270301-9999', headers=EN, status=404)
    assert res.json['error']['message'] == 'The page or object you asked for was not found.'


def test_a_bad_parameter_is_422_in_english_with_its_field(login):
    res = login('reception1').get('/@@queue?limit=5000', headers=EN, status=422)
    assert res.json['error'] == {'status': 422, 'message': 'The parameter limit is not valid.',
                                 'fields': {'limit': 'Must be a whole number from 1 to 100.'}}


def test_a_missing_csrf_token_is_400_in_english(login, procedure, docs):
    code = filed(login, docs)
    desk = login('reception1')
    del desk.extra_environ['HTTP_X_CSRF_TOKEN']
    res = desk.post_json(f'/dossiers/{code}/@@transition', {'action': 'receive'},
                         headers=EN, status=400)
    assert 'CSRF' in res.json['error']['message'] and 'Thiếu' not in res.json['error']['message']


def test_a_state_conflict_is_409_in_english_with_the_states_words(login, procedure, docs):
    code = filed(login, docs)
    res = login('reception1').post_json(f'/dossiers/{code}/@@transition', {'action': 'return'},
                                        headers=EN, status=409)
    assert res.json['error']['message'] == (
        'The dossier is in the state «Submitted»: «Return the result» is not possible. '
        'This state allows: ' + ', '.join(res.json['error']['allowed']) + '.')


@pytest.mark.parametrize('header', ['en-US,en;q=0.9', 'en'])
def test_english_variants_are_english(anon, header):
    res = anon.get('/@@queue', headers={'Accept': 'application/json',
                                        'Accept-Language': header}, status=401)
    assert res.json['error']['message'] == 'You need to log in.'


def test_the_error_page_reads_a_message_with_values_in_english(login):
    page = login('reception1').get('/@@queue?limit=5000', headers={'Accept-Language': 'en'},
                                   status=422)
    assert 'The parameter limit is not valid.' in page.text
    assert 'Must be a whole number from 1 to 100.' in page.text
