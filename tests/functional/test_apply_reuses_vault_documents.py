"""Journey: applying with what the vault already holds.

Document fields of the form are checked against the citizen's vault; each
requirement offers the vault's documents of its type, an issued (signed)
result first and marked as such, attached by reference; uploads obey the
``tthc_docs.max_upload_bytes`` setting.
"""
import pytest
from webtest import Upload

from dossier_support import (AGENCY, CODE, apply, clock, docs, get, pki_dir,  # noqa: F401
                             procedure, publish_form, publish_procedure, signing, walk_to)

JSON = {'Accept': 'application/json'}
ISSUING = '9.990088'
WITH_DOC_FIELD = '9.990089'
FORM = 'to-khai-co-giay-to'


@pytest.fixture
def doc_form(edit_site, clock):
    """A procedure whose form asks for a birth certificate from the vault."""
    fields = [{'name': 'ly_do', 'title': 'Lý do', 'type': 'text', 'required': True},
              {'name': 'giay_khai_sinh', 'title': 'Giấy khai sinh trong kho', 'type': 'document',
               'doc_type': 'giay-khai-sinh', 'required': True}]
    with edit_site() as site:
        publish_form(site, FORM, 'Tờ khai có giấy tờ', fields)
        publish_procedure(site, WITH_DOC_FIELD, form=FORM, requirements=[])


def file_with(client, doc_id, status):
    return client.post_json(f'/procedures/{WITH_DOC_FIELD}/@@apply',
                            {'data': {'ly_do': 'Xin cấp lại', 'giay_khai_sinh': doc_id}},
                            headers=JSON, status=status)


def test_a_document_field_naming_a_document_not_in_the_vault_is_422(login, doc_form):
    res = file_with(login('citizen1'), 'd-khong-co', 422)
    assert 'giay_khai_sinh' in res.json['error']['fields']


def test_a_document_field_naming_a_document_of_another_type_is_422(login, doc_form, docs):
    res = file_with(login('citizen1'), docs['xac-nhan-cu-tru'], 422)
    assert 'giay_khai_sinh' in res.json['error']['fields']


def test_another_citizens_document_is_422_in_a_document_field(login, doc_form, edit_site):
    with edit_site() as site:
        theirs = [d.id for d in site['vaults'].for_owner('citizen2').documents.values()]
    if not theirs:
        pytest.skip('citizen2 has no demo documents')
    res = file_with(login('citizen1'), theirs[0], 422)
    assert 'giay_khai_sinh' in res.json['error']['fields']


def test_a_document_field_with_the_citizens_own_document_is_filed(login, doc_form, docs):
    code = file_with(login('citizen1'), docs['giay-khai-sinh'], 201).json['code']
    assert get(login('citizen1'), code).json['data']['giay_khai_sinh'] == docs['giay-khai-sinh']


# -- reuse of an issued result --------------------------------------------------

@pytest.fixture
def issued(login, edit_site, procedure, docs, signing):
    """A signed result of type giay-khai-sinh in citizen1's vault: its document id."""
    with edit_site() as site:
        publish_procedure(site, ISSUING, result_doc_type='giay-khai-sinh')
    code = apply(login('citizen1'), docs, code=ISSUING).json['code']
    walk_to(login, code, 'result_ready', edit_site)
    doc_id = get(login('citizen1'), code).json['results'][0]['document']
    with edit_site() as site:
        assert site['vaults'].for_owner('citizen1').get_document(doc_id).doc_type == \
            'giay-khai-sinh'
    return doc_id


def options(page, requirement):
    select = page.forms['apply'][f'attachments.{requirement}']
    return [value for value, _selected, _text in select.options if value]


def test_the_issued_result_is_offered_first_for_its_requirement(login, issued, docs):
    page = login('citizen1').get(f'/procedures/{CODE}/@@apply')
    assert options(page, 'khai-sinh')[:2] == [issued, docs['giay-khai-sinh']]


def test_the_issued_result_is_marked_as_signed(login, issued):
    page = login('citizen1').get(f'/procedures/{CODE}/@@apply')
    option = page.html.find('option', attrs={'value': issued})
    assert 'kết quả đã cấp, có chữ ký số' in option.text and 'issued' in option['class']


def test_the_issued_result_is_not_offered_for_other_types(login, issued):
    page = login('citizen1').get(f'/procedures/{CODE}/@@apply')
    assert issued not in options(page, 'cu-tru')


def test_choosing_the_issued_result_attaches_it_by_reference(login, edit_site, issued, docs):
    client = login('citizen1')
    with edit_site() as site:
        before = len(site['vaults'].for_owner('citizen1').documents)
    form = client.get(f'/procedures/{CODE}/@@apply').forms['apply']
    form['attachments.khai-sinh'] = issued
    form['attachments.cu-tru'] = docs['xac-nhan-cu-tru']
    code = form.submit('submit').headers['Location'].rsplit('/', 1)[-1]
    attached = get(client, code).json['attachments']
    assert [a['document'] for a in attached if a['requirement'] == 'khai-sinh'] == [issued]
    with edit_site() as site:
        assert len(site['vaults'].for_owner('citizen1').documents) == before


# -- the upload limit -------------------------------------------------------------

def test_an_upload_over_the_configured_limit_is_413_and_files_nothing(
        app, login, edit_site, procedure, docs, monkeypatch):
    from tthc_docs.demo.vaults import sample_png
    monkeypatch.setitem(app.registry.settings, 'tthc_docs.max_upload_bytes', 1000)
    client = login('citizen1')
    form = client.get(f'/procedures/{CODE}/@@apply').forms['apply']
    form['attachments.khai-sinh'] = docs['giay-khai-sinh']
    form['attachments.cu-tru'] = docs['xac-nhan-cu-tru']
    png = sample_png('Ảnh lớn', (10, 200, 30))
    assert len(png) > 1000
    form['file.anh'] = Upload('anh.png', png, 'image/png')
    form.submit('submit', status=413)
    with edit_site() as site:
        assert not [d for d in site['dossiers'].values() if d.procedure_code == CODE]


def test_an_upload_under_the_configured_limit_is_kept(app, login, edit_site, procedure, docs,
                                                      monkeypatch):
    from tthc_docs.demo.vaults import sample_png
    png = sample_png('Ảnh nhỏ', (10, 100, 30))
    monkeypatch.setitem(app.registry.settings, 'tthc_docs.max_upload_bytes', len(png) + 10)
    client = login('citizen1')
    form = client.get(f'/procedures/{CODE}/@@apply').forms['apply']
    form['attachments.khai-sinh'] = docs['giay-khai-sinh']
    form['attachments.cu-tru'] = docs['xac-nhan-cu-tru']
    form['file.anh'] = Upload('anh.png', png, 'image/png')
    form.submit('submit', status=303)


def test_the_handling_agency_may_open_a_document_named_in_the_form(login, edit_site, doc_form,
                                                                  docs):
    code = file_with(login('citizen1'), docs['giay-khai-sinh'], 201).json['code']
    with edit_site() as site:
        vault = site['vaults'].for_owner('citizen1').id
    login('reception1').get(
        f"/vaults/{vault}/documents/{docs['giay-khai-sinh']}/@@download?dossier={code}",
        status=200)


def test_the_dossier_page_links_the_document_named_in_the_form(login, doc_form, docs):
    code = file_with(login('citizen1'), docs['giay-khai-sinh'], 201).json['code']
    rows = get(login('reception1'), code).json['form']['rows']
    row = [r for r in rows if r['name'] == 'giay_khai_sinh'][0]
    assert row['document'] == docs['giay-khai-sinh'] and row['document_title']
    assert row['url'].endswith(f"/documents/{docs['giay-khai-sinh']}/@@download?dossier={code}")
    login('reception1').get(row['url'], status=200)
    assert f'href="{row["url"]}"' in login('reception1').get(f'/dossiers/{code}').text
