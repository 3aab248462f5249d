"""Every message a citizen reads is Vietnamese first, and English when asked, whole.

Messages with values built in Python (``text.messages.Message``: an unknown
dossier code, a refused file, the e-form's reasons beside each field) are
looked up by their msgid and filled in; a payment return that cannot be trusted
says so in words, not in the gateway's English ("invalid signature").
"""
import pytest
from webtest import Upload  # noqa: F401

from tthc_docs.payments import signing

EN = {'Accept-Language': 'en'}
MERCHANT, SECRET = 'TTHCTEST', 'test-payment-secret-0123456789abcdef'
ZIP = b'PK\x03\x04' + b'\x00' * 200


@pytest.fixture
def gateway(app, monkeypatch):
    """Online payment configured, as development.ini does."""
    for key, value in {'tthc_docs.payment.gateway_url': 'http://127.0.0.1:9/_devgateway/pay',
                       'tthc_docs.payment.merchant': MERCHANT,
                       'tthc_docs.payment.secret': SECRET}.items():
        monkeypatch.setitem(app.registry.settings, key, value)


def forged_return(secret='not-the-secret'):
    return signing.signed_query({'vnp_TmnCode': MERCHANT, 'vnp_TxnRef': 'X_1', 'vnp_Amount': '400000',
                                 'vnp_ResponseCode': '00'}, secret)


def test_a_forged_payment_return_says_why_in_vietnamese(anon, gateway):
    page = anon.get('/@@payment-return?' + forged_return(), status=400)
    outcome = page.html.select_one('#outcome').get_text()
    assert 'chữ ký của cổng thanh toán không hợp lệ' in outcome
    assert 'invalid signature' not in page.text
    assert page.html.find('a', string='Hồ sơ của tôi') is not None


def test_a_forged_payment_return_reads_in_english(anon, gateway):
    page = anon.get('/@@payment-return?' + forged_return(), headers=EN, status=400)
    assert "the payment gateway's signature is not valid" in page.html.select_one('#outcome').get_text()


def test_json_clients_get_the_400_in_vietnamese(anon, gateway):
    res = anon.get('/@@payment-return?' + forged_return(), status=400,
                   headers={'Accept': 'application/json'})
    assert 'chữ ký của cổng thanh toán không hợp lệ' in res.json['error']['message']


def test_a_genuine_return_still_shows_the_outcome(anon, gateway):
    page = anon.get('/@@payment-return?' + forged_return(SECRET))
    assert 'Mã giao dịch' in page.text and 'X_1' in page.text


def test_an_unknown_dossier_code_is_said_in_english(anon):
    page = anon.get('/@@track', {'code': '000.00.20.H55-270203-0009'}, headers=EN, status=404)
    assert 'There is no dossier with code 000.00.20.H55-270203-0009.' in page.text


def test_a_refused_file_names_its_type_in_english(login):
    citizen = login('citizen1')
    form = citizen.get(citizen.session_info['vault']).forms['upload-form']
    form['file'] = ('x.pdf', ZIP)
    page = form.submit(status=415, headers=EN)
    assert ('This type of file is not accepted (a ZIP archive (or an Office document)). '
            'Only PDF, JPEG or PNG files are.') in page.html.select_one('#file-error').get_text()


@pytest.fixture
def refused_form(login):
    """The trích lục e-form posted with "hai" copies and nothing else typed, in English."""
    client = login('citizen1')
    form = client.get('/procedures/2.000635/@@apply', headers=EN).forms['apply']
    form['data.so_ban_sao'] = 'hai'
    return form.submit('submit', headers=EN, status=422)


def test_the_e_form_reasons_read_in_english(refused_form):
    text = refused_form.text
    assert '"hai" is not a whole number.' in text and 'Required.' in text
    assert 'không phải số nguyên' not in text and 'Bắt buộc nhập' not in text


def test_the_e_form_summary_and_notices_read_in_english(refused_form):
    text = refused_form.text
    assert 'Fields still to correct: 7.' in text
    assert 'From your vault' in text and 'Từ kho dữ liệu' not in text
    assert 'Các trường đánh dấu' not in text


def test_the_blank_e_form_is_kept_per_language(login):
    client = login('citizen1')
    assert 'Từ kho dữ liệu' in client.get('/procedures/2.000635/@@apply').text
    assert 'From your vault' in client.get('/procedures/2.000635/@@apply', headers=EN).text
    assert 'Từ kho dữ liệu' in client.get('/procedures/2.000635/@@apply').text


def test_vietnamese_stays_the_default(refused_form, login):
    form = login('citizen1').get('/procedures/2.000635/@@apply').forms['apply']
    form['data.so_ban_sao'] = 'hai'
    text = form.submit('submit', status=422).text
    assert '"hai" không phải số nguyên.' in text and 'Biểu mẫu còn 7 trường chưa hợp lệ.' in text
