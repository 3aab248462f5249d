"""Journey: reception reads its register of dossiers (Circular 01/2018/TT-VPCP Mẫu 06).

One line per dossier received, numbered per agency and year in order of
receipt; the receipt (Mẫu 01) prints the same number. A page, a PDF and a
CSV; another agency's officers and citizens are refused.
"""
import csv
import io

from samples import pdf_text

from datetime import timedelta

from dossier_support import MONDAY, act, clock, docs, filed, procedure  # noqa: F401

JSON = {'Accept': 'application/json'}
PERIOD = 'from=2027-03-01&to=2027-03-31'


def received(login, docs):
    code = filed(login, docs)
    act(login('reception1'), code, 'receive')
    return code


def test_each_received_dossier_has_its_line_in_order(login, procedure, docs, clock):
    first = received(login, docs)
    clock.set(MONDAY + timedelta(hours=1))     # not the same application posted twice
    second = received(login, docs)
    body = login('reception1').get(f'/dossiers/@@register?{PERIOD}', headers=JSON).json
    lines = [(i['code'], i['number']) for i in body['items']]
    assert [c for c, _n in lines][-2:] == [first, second]
    assert lines[-1][1] == lines[-2][1] + 1


def test_the_receipt_prints_its_register_line(login, procedure, docs):
    code = received(login, docs)
    body = login('reception1').get(f'/dossiers/@@register?{PERIOD}', headers=JSON).json
    number = next(i['number'] for i in body['items'] if i['code'] == code)
    receipt = login('citizen1').get(f'/dossiers/{code}/@@slip/receipt').body
    assert f'Quyển số: 2027, Số thứ tự: {number}' in pdf_text(receipt)


def test_a_dossier_not_yet_received_is_not_in_the_register(login, procedure, docs):
    code = filed(login, docs)
    body = login('reception1').get(f'/dossiers/@@register?{PERIOD}', headers=JSON).json
    assert code not in [i['code'] for i in body['items']]


def test_the_register_as_csv_has_the_forms_columns(login, procedure, docs):
    code = received(login, docs)
    res = login('reception1').get(f'/dossiers/@@register?{PERIOD}&format=csv')
    rows = list(csv.reader(io.StringIO(res.body.decode('utf-8-sig'))))
    assert rows[0][:4] == ['Quyển số', 'TT', 'Mã hồ sơ', 'Tên thủ tục hành chính']
    assert code in [r[2] for r in rows[1:]]


def test_the_register_as_pdf(login, procedure, docs):
    code = received(login, docs)
    res = login('reception1').get(f'/dossiers/@@register?{PERIOD}&format=pdf')
    text = pdf_text(res.body)
    assert res.content_type == 'application/pdf'
    assert 'SỔ THEO DÕI HỒ SƠ' in text and code in text


def test_the_register_page(login, procedure, docs):
    code = received(login, docs)
    page = login('reception1').get(f'/dossiers/@@register?{PERIOD}')
    assert 'Sổ theo dõi hồ sơ (Mẫu 06)' in page.text and code in page.text


def test_a_citizen_may_not_read_the_register(login, procedure):
    res = login('citizen1').get('/dossiers/@@register?agency=000.00.20.H55', headers=JSON,
                                status=403)
    assert res.json['error']['status'] == 403


def test_a_bad_date_is_422_naming_the_field(login, procedure):
    res = login('reception1').get('/dossiers/@@register?from=2027-13-01', headers=JSON,
                                  status=422)
    assert 'from' in res.json['error']['fields']


def test_a_period_backwards_is_422(login, procedure):
    res = login('reception1').get('/dossiers/@@register?from=2027-03-10&to=2027-03-01',
                                  headers=JSON, status=422)
    assert 'to' in res.json['error']['fields']


def test_an_unknown_format_is_422(login, procedure):
    login('reception1').get('/dossiers/@@register?format=xlsx', headers=JSON, status=422)
