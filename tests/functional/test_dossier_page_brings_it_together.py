"""Journey: the dossier page is where fee, slips, form data and signatures meet.

The owner sees the pay button, reception the counter payment; everyone who
may see the dossier gets the slips its state has produced and the form data
labelled by the form version it was filled with; officers get the system's
own verification beside each signed document.
"""
import pytest

from dossier_support import (AGENCY, STEPS, act, apply, clock, docs, get, pay,  # noqa: F401
                             pki_dir, procedure, publish_form, publish_procedure, signing)
from signing_support import awaiting, enrol, fresh_throttle, sign  # noqa: F401
from tthc_docs.people import totp

JSON = {'Accept': 'application/json'}
REUSE = '9.990077'
FORMED = '9.990078'
FORM = 'to-khai-trang-ho-so'


def test_the_owner_sees_the_pay_button_while_the_fee_is_due(login, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    page = login('citizen1').get(f'/dossiers/{code}')
    assert f'/dossiers/{code}/@@pay' in page.text and 'Thanh toán trực tuyến' in page.text


def test_reception_sees_the_counter_payment_form(login, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    page = login('reception1').get(f'/dossiers/{code}')
    assert page.forms['transition'] and f'/dossiers/{code}/@@payment-counter' in page.text


def test_a_new_dossier_has_no_slips_yet(login, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    assert get(login('citizen1'), code).json['slips'] == []


def test_a_received_dossier_lists_the_slips_its_state_allows(login, edit_site, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    pay(edit_site, code)
    act(login('reception1'), code, 'receive')
    slips = get(login('citizen1'), code).json['slips']
    assert [s['name'] for s in slips] == ['receipt', 'control', 'payment-receipt']
    assert slips[0]['url'].endswith(f'/dossiers/{code}/@@slip/receipt')


def test_every_listed_slip_opens_as_a_pdf(login, edit_site, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    pay(edit_site, code)
    act(login('reception1'), code, 'receive')
    citizen = login('citizen1')
    for slip in get(citizen, code).json['slips']:
        assert citizen.get(slip['url']).content_type == 'application/pdf'


def test_the_page_links_the_slips(login, edit_site, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    pay(edit_site, code)
    act(login('reception1'), code, 'receive')
    page = login('citizen1').get(f'/dossiers/{code}')
    assert f'/dossiers/{code}/@@slip/receipt' in page.text
    assert f'/dossiers/{code}/@@slip/refusal' not in page.text


# -- the form data, by its own version ---------------------------------------

FIELDS = [{'name': 'ho_ten', 'title': 'Họ, chữ đệm, tên', 'type': 'text', 'required': True,
           'prefill': 'profile.full_name'},
          {'name': 'ly_do', 'title': 'Lý do đề nghị', 'type': 'text', 'required': True}]


@pytest.fixture
def formed(edit_site, clock):
    with edit_site() as site:
        publish_form(site, FORM, 'Tờ khai thử trang hồ sơ', FIELDS)
        publish_procedure(site, FORMED, form=FORM, requirements=[])
    return FORMED


def file_formed(client):
    return client.post_json(f'/procedures/{FORMED}/@@apply',
                            {'data': {'ly_do': 'Bổ sung hồ sơ xin việc'}, 'attachments': {}},
                            headers=JSON, status=201).json['code']


def test_the_json_has_the_form_rows_with_their_labels(login, formed):
    code = file_formed(login('citizen1'))
    form = get(login('reception1'), code).json['form']
    assert (form['name'], form['version'], form['title']) == (FORM, 1, 'Tờ khai thử trang hồ sơ')
    assert {'name': 'ly_do', 'title': 'Lý do đề nghị', 'value': 'Bổ sung hồ sơ xin việc'} \
        in form['rows']


def test_the_page_shows_the_form_data_with_its_versions_labels(login, edit_site, formed):
    code = file_formed(login('citizen1'))
    with edit_site() as site:
        template = site['forms'][FORM]
        template.save_draft('Tờ khai mới', [FIELDS[0], dict(FIELDS[1], title='Lý do (mới)')],
                            by='editor1')
        template.publish(by='editor1')
    page = login('reception1').get(f'/dossiers/{code}')
    assert 'Lý do đề nghị' in page.text and 'Bổ sung hồ sơ xin việc' in page.text
    assert 'Lý do (mới)' not in page.text and f'/dossiers/{code}/@@form-data' in page.text


# -- the system's verification of signed documents ----------------------------

@pytest.fixture
def reused(login, edit_site, procedure, docs, signing, fresh_throttle):
    """citizen1 files a second dossier attaching the signed result of the first."""
    first = awaiting(login, edit_site, docs)
    sign(login('leader1'), first, totp.current_code(enrol(edit_site)))
    result = get(login('citizen1'), first).json['results'][0]['document']
    with edit_site() as site:
        publish_procedure(site, REUSE, requirements=[
            {'id': 'ket-qua', 'name': 'Kết quả đã cấp', 'doc_type': 'other', 'copies': 1,
             'required': True}])
    res = login('citizen1').post_json(f'/procedures/{REUSE}/@@apply',
                                      {'attachments': {'ket-qua': result}}, headers=JSON)
    return res.json['code'], result, first


def test_an_officer_sees_the_verification_of_a_signed_attachment(login, reused):
    code, result, _ = reused
    attachment = get(login('reception1'), code).json['attachments'][0]
    assert attachment['document'] == result
    v = attachment['verification']
    assert (v['signed'], v['intact'], v['trusted']) == (True, True, True)
    assert v['signer'] == 'Đặng Quốc Bảo' and v['signed_at']


def test_the_api_md_fields_of_the_attachment_are_kept(login, reused):
    code, result, _ = reused
    attachment = get(login('reception1'), code).json['attachments'][0]
    assert {'requirement', 'vault', 'document', 'sha256'} <= set(attachment)


def test_the_owner_gets_no_verification_field(login, reused):
    code, _, _ = reused
    assert 'verification' not in get(login('citizen1'), code).json['attachments'][0]


def test_an_unsigned_attachment_has_no_verification(login, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    assert all('verification' not in a for a in get(login('reception1'), code).json['attachments'])


def test_the_officers_page_shows_the_verification_beside_the_attachment(login, reused):
    code, _, _ = reused
    page = login('reception1').get(f'/dossiers/{code}')
    assert 'Kiểm tra chữ ký số của hệ thống' in page.text and 'Đặng Quốc Bảo' in page.text


def test_an_officer_sees_the_verification_of_the_issued_result(login, reused):
    _, _, first = reused
    result = get(login('leader1'), first).json['results'][0]
    assert result['verification']['intact'] is True
