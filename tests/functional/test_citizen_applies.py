"""Journey: a citizen applies online with vault documents, and pays before receipt."""
from datetime import timedelta

from dossier_support import (AGENCY, CODE, FREE, MONDAY, act, application, apply,  # noqa: F401
                             clock, docs, get, pay, procedure, procedure_data)


def test_apply_answers_201_with_a_circular_01_code(login, procedure, docs):
    res = apply(login('citizen1'), docs)
    assert res.json['code'] == f'{AGENCY}-270301-0001'


def test_a_new_dossier_is_submitted(login, procedure, docs):
    assert apply(login('citizen1'), docs).json['status'] == 'submitted'


def test_apply_online_charges_the_online_fee_unpaid(login, procedure, docs):
    assert apply(login('citizen1'), docs).json['fee'] == {'amount': 10000, 'paid': False}


def test_a_free_procedure_is_paid_at_once(login, procedure, docs):
    assert apply(login('citizen1'), docs, code=FREE).json['fee'] == {'amount': 0, 'paid': True}


def test_attachments_are_references_to_vault_documents(login, procedure, docs):
    client = login('citizen1')
    code = apply(client, docs).json['code']
    refs = {a['requirement']: a['document'] for a in get(client, code).json['attachments']}
    assert refs == {'khai-sinh': docs['giay-khai-sinh'], 'cu-tru': docs['xac-nhan-cu-tru']}


def test_applying_grants_the_agency_each_attached_document(login, procedure, docs, edit_site):
    code = apply(login('citizen1'), docs).json['code']
    with edit_site() as site:
        vault = site['vaults'].for_owner('citizen1')
        assert vault.is_granted(docs['giay-khai-sinh'], code, AGENCY)


def test_applying_notes_the_reuse_of_each_document(login, procedure, docs, edit_site):
    code = apply(login('citizen1'), docs).json['code']
    with edit_site() as site:
        assert code in site['vaults'].for_owner('citizen1').reused_by(docs['xac-nhan-cu-tru'])


def test_a_missing_required_document_is_422_naming_it(login, procedure, docs):
    body = application(docs)
    del body['attachments']['cu-tru']
    res = login('citizen1').post_json(f'/procedures/{CODE}/@@apply', body, status=422)
    assert 'attachments.cu-tru' in res.json['error']['fields']


def test_the_422_message_lists_what_is_missing(login, procedure, docs):
    res = login('citizen1').post_json(f'/procedures/{CODE}/@@apply',
                                      {'attachments': {}}, status=422)
    assert 'Giấy khai sinh' in res.json['error']['message']


def test_a_document_of_the_wrong_type_is_422(login, procedure, docs):
    body = application(docs)
    body['attachments']['khai-sinh'] = docs['anh-the']
    res = login('citizen1').post_json(f'/procedures/{CODE}/@@apply', body, status=422)
    assert 'attachments.khai-sinh' in res.json['error']['fields']


def test_another_persons_document_is_422(login, procedure, docs, edit_site):
    with edit_site() as site:
        other = next(iter(site['vaults'].for_owner('citizen2').documents.values())).id
    body = application(docs)
    body['attachments']['khai-sinh'] = other
    login('citizen1').post_json(f'/procedures/{CODE}/@@apply', body, status=422)


def test_an_unknown_requirement_is_422(login, procedure, docs):
    body = application(docs)
    body['attachments']['nonsense'] = docs['anh-the']
    login('citizen1').post_json(f'/procedures/{CODE}/@@apply', body, status=422)


def test_an_agency_the_procedure_does_not_allow_is_422(login, procedure, docs):
    res = apply(login('citizen1'), docs, status=422, agency='000.00.99.H55')
    assert 'agency' in res.json['error']['fields']


def test_an_unknown_field_in_the_body_is_422(login, procedure, docs):
    apply(login('citizen1'), docs, status=422, colour='blue')


def test_malformed_json_is_400(login, procedure):
    login('citizen1').post(f'/procedures/{CODE}/@@apply', '{not json',
                           content_type='application/json', status=400)


def test_an_unknown_procedure_is_404(login, procedure, docs):
    apply(login('citizen1'), docs, code='9.999999', status=404)


def test_a_draft_procedure_is_409(login, procedure, docs, edit_site):
    with edit_site() as site:
        site['procedures'].create(procedure_data('9.990003', 0), 'editor1')
    apply(login('citizen1'), docs, code='9.990003', status=409)


def test_a_retired_procedure_is_409(login, procedure, docs, edit_site):
    with edit_site() as site:
        site['procedures'].retire(FREE, 'editor1')
    apply(login('citizen1'), docs, code=FREE, status=409)


def test_the_same_idempotency_key_makes_one_dossier(login, procedure, docs):
    client = login('citizen1')
    headers = {'Idempotency-Key': 'abc-123', 'Accept': 'application/json'}
    first = client.post_json(f'/procedures/{CODE}/@@apply', application(docs), headers=headers)
    again = client.post_json(f'/procedures/{CODE}/@@apply', application(docs), headers=headers,
                             status=200)
    assert again.json['code'] == first.json['code']


def test_an_identical_double_click_makes_one_dossier(login, procedure, docs):
    client = login('citizen1')
    first = apply(client, docs)
    assert apply(client, docs, status=200).json['code'] == first.json['code']


def test_the_same_application_later_is_a_new_dossier(login, procedure, docs, clock):
    client = login('citizen1')
    first = apply(client, docs).json['code']
    clock.set(MONDAY + timedelta(minutes=10))
    assert apply(client, docs).json['code'] != first


def test_anonymous_apply_is_401(anon, procedure, docs):
    anon.post_json(f'/procedures/{CODE}/@@apply', application(docs), status=(400, 401))


def test_an_editor_may_not_apply(login, procedure, docs):
    apply(login('editor1'), docs, status=403)


def test_receive_before_payment_is_409_unpaid(login, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    res = act(login('reception1'), code, 'receive', status=409)
    assert 'chưa nộp phí' in res.json['error']['message']


def test_after_payment_the_dossier_shows_paid(login, procedure, docs, edit_site):
    client = login('citizen1')
    code = apply(client, docs).json['code']
    pay(edit_site, code)
    assert get(client, code).json['fee'] == {'amount': 10000, 'paid': True}


def test_after_payment_reception_receives_with_a_due_date(login, procedure, docs, edit_site):
    code = apply(login('citizen1'), docs).json['code']
    pay(edit_site, code)
    res = act(login('reception1'), code, 'receive')
    assert res.json['due_at'] == '2027-03-08T17:00:00+07:00'


def test_the_same_payment_reference_twice_records_one_payment(login, procedure, docs, edit_site):
    code = apply(login('citizen1'), docs).json['code']
    pay(edit_site, code)
    pay(edit_site, code)
    history = get(login('citizen1'), code).json['history']
    assert [h['action'] for h in history].count('pay') == 1


def test_the_citizen_sees_the_new_dossier_first_in_their_list(login, procedure, docs):
    client = login('citizen1')
    code = apply(client, docs).json['code']
    res = client.get('/@@my-dossiers', headers={'Accept': 'application/json'})
    assert res.json['items'][0]['code'] == code


def test_another_citizen_does_not_see_it_in_their_list(login, procedure, docs):
    code = apply(login('citizen1'), docs).json['code']
    res = login('citizen2').get('/@@my-dossiers', headers={'Accept': 'application/json'})
    assert code not in [i['code'] for i in res.json['items']]


def test_the_handling_officer_reads_an_attachment_and_it_is_logged(login, procedure, docs,
                                                                    edit_site):
    code = apply(login('citizen1'), docs).json['code']
    url = get(login('citizen1'), code).json['attachments'][0]['url']
    login('reception1').get(url)
    with edit_site() as site:
        log = list(site['vaults'].for_owner('citizen1').access_log)
    assert any(getattr(e, 'dossier', None) == code or
               (isinstance(e, dict) and e.get('dossier') == code) for e in log)


def test_the_browser_form_lists_the_documents_of_each_requirement(login, procedure, docs):
    page = login('citizen1').get(f'/procedures/{CODE}/@@apply')
    assert docs['giay-khai-sinh'] in page.text


def test_the_browser_form_files_a_dossier_and_shows_it(login, procedure, docs):
    client = login('citizen1')
    form = client.get(f'/procedures/{CODE}/@@apply').forms['apply']
    form['attachments.khai-sinh'] = docs['giay-khai-sinh']
    form['attachments.cu-tru'] = docs['xac-nhan-cu-tru']
    page = form.submit('submit').follow()
    assert f'{AGENCY}-270301-0001' in page.text


def test_an_upload_during_the_application_lands_in_the_vault(login, procedure, docs, edit_site):
    from webtest import Upload
    from tthc_docs.demo.vaults import sample_png
    client = login('citizen1')
    form = client.get(f'/procedures/{CODE}/@@apply').forms['apply']
    form['attachments.khai-sinh'] = docs['giay-khai-sinh']
    form['attachments.cu-tru'] = docs['xac-nhan-cu-tru']
    form['file.anh'] = Upload('anh.png', sample_png('Ảnh mới', (10, 200, 30)), 'image/png')
    form.submit('submit')
    with edit_site() as site:
        titles = [d.title for d in site['vaults'].for_owner('citizen1').documents.values()
                  if d.doc_type == 'anh-the']
    assert len(titles) == 2


def test_the_browser_form_is_prefilled_from_the_vault(login, procedure):
    page = login('citizen1').get('/procedures/1.004873/@@apply')
    assert 'value="Nguyễn Thị Lan"' in page.text


def test_invalid_form_data_is_422_naming_the_field(login, procedure, docs):
    body = {'data': {'so_ban_sao': 'nhiều'}, 'attachments': {}}
    res = login('citizen1').post_json('/procedures/1.004873/@@apply', body, status=422)
    assert 'so_ban_sao' in res.json['error']['fields']


def test_the_browser_form_comes_back_with_what_is_missing(login, procedure, docs):
    client = login('citizen1')
    form = client.get(f'/procedures/{CODE}/@@apply').forms['apply']
    form['attachments.khai-sinh'] = docs['giay-khai-sinh']
    form['attachments.cu-tru'] = ''
    page = form.submit('submit', status=422)
    assert 'Giấy xác nhận cư trú' in page.text
    assert page.forms['apply']['attachments.khai-sinh'].value == docs['giay-khai-sinh']


def test_the_one_matching_vault_document_is_chosen_already(login, procedure, docs):
    form = login('citizen1').get(f'/procedures/{CODE}/@@apply').forms['apply']
    assert form['attachments.cu-tru'].value == docs['xac-nhan-cu-tru']


def test_the_my_dossiers_page_lists_the_new_dossier(login, procedure, docs):
    client = login('citizen1')
    code = apply(client, docs).json['code']
    assert code in client.get('/@@my-dossiers').text


def test_the_owner_sees_the_dossier_page_with_its_status(login, procedure, docs):
    client = login('citizen1')
    code = apply(client, docs).json['code']
    assert 'Đã nộp' in client.get(f'/dossiers/{code}').text
