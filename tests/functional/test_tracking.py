"""Journey: anyone follows a dossier by its code, and sees nothing personal."""
from dossier_support import (act, clock, docs, filed, procedure)  # noqa: F401

JSON = {'Accept': 'application/json'}


def test_anyone_tracks_a_dossier_by_code(anon, login, procedure, docs):
    code = filed(login, docs)
    assert anon.get('/@@track', params={'code': code}, headers=JSON).json['status'] == 'submitted'


def test_tracking_answers_exactly_the_public_fields(anon, login, procedure, docs):
    code = filed(login, docs)
    body = anon.get('/@@track', params={'code': code}, headers=JSON).json
    assert set(body) == {'code', 'procedure', 'procedure_name', 'status', 'status_label',
                         'agency', 'received_at', 'due_at', 'appointment_at', 'returned_at',
                         'overdue'}


def test_tracking_shows_nothing_personal(anon, login, procedure, docs):
    code = filed(login, docs)
    text = anon.get('/@@track', params={'code': code}, headers=JSON).text
    assert 'citizen1' not in text and 'v-' not in text


def test_tracking_shows_the_due_date_after_receipt(anon, login, procedure, docs):
    code = filed(login, docs)
    act(login('reception1'), code, 'receive')
    body = anon.get('/@@track', params={'code': code}, headers=JSON).json
    assert body['due_at'] == body['appointment_at'] == '2027-03-08T17:00:00+07:00'


def test_an_unknown_code_is_404(anon, procedure):
    anon.get('/@@track', params={'code': '000.00.20.H55-270301-9999'}, headers=JSON, status=404)


def test_a_malformed_code_is_422(anon, procedure):
    res = anon.get('/@@track', params={'code': '../etc'}, headers=JSON, status=422)
    assert 'code' in res.json['error']['fields']


def test_a_missing_code_is_422(anon, procedure):
    anon.get('/@@track', headers=JSON, status=422)


def test_the_tracking_page_has_a_form(anon, procedure):
    page = anon.get('/@@track')
    assert 'name="code"' in page.text


def test_the_tracking_page_shows_the_status(anon, login, procedure, docs):
    code = filed(login, docs)
    page = anon.get('/@@track', params={'code': code})
    assert 'Đã nộp' in page.text


def test_the_tracking_page_says_when_a_code_is_unknown(anon, procedure):
    page = anon.get('/@@track', params={'code': '000.00.20.H55-270301-9999'}, status=404)
    assert 'Không có hồ sơ' in page.text
