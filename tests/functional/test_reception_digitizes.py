"""At the counter: the officer finds the citizen's vault, digitises paper, and
later reads a document only for a dossier of their agency, which is logged."""
import pytest
from samples import make_pdf

from dossier_support import apply as file_dossier, clock, docs, procedure  # noqa: F401

JSON = {'Accept': 'application/json'}
AGENCY = '000.00.20.H55'
CITIZEN1_ID = '019188012345'   # the demo's fake number


@pytest.fixture
def officer(login):
    return login('reception1')


@pytest.fixture
def vault_path(login):
    return login('citizen1').session_info['vault'].rstrip('/')


def find(client, number, status=200):
    return client.post_json('/vaults/@@find', {'id_number': number}, headers=JSON,
                            status=status)


def digitize(client, vault_path, data, original='Bản chính số 12/QĐ-UBND ngày 01/02/2020',
             status=None):
    fields = {'doc_type': 'quyet-dinh', 'title': 'Quyết định (bản số hóa)'}
    if original is not None:
        fields['original'] = original
    return client.post(f'{vault_path}/@@digitize', fields,
                       upload_files=[('file', 'scan.pdf', data)], headers=JSON, status=status)


def test_officer_finds_the_vault_by_id_number_in_the_body(officer, vault_path):
    res = find(officer, '019 188 012 345')
    assert res.json['vault'].rstrip('/') == vault_path
    assert res.json['full_name'] == 'Nguyễn Thị Lan'


def test_find_never_answers_the_id_number(officer):
    assert CITIZEN1_ID not in find(officer, CITIZEN1_ID).text


def test_unknown_id_number_is_404(officer):
    find(officer, '056199000001', status=404)


def test_malformed_id_number_is_422(officer):
    res = find(officer, '12345', status=422)
    assert 'id_number' in res.json['error']['fields']


def test_find_form_works_in_the_browser(officer):
    form = officer.get('/vaults/@@find').forms['find-form']
    form['id_number'] = CITIZEN1_ID
    assert 'Nguyễn Thị Lan' in form.submit().text


def test_digitizing_stores_a_digitized_document(officer, vault_path):
    res = digitize(officer, vault_path, make_pdf('bản quét'), status=201)
    assert (res.json['kind'], res.json['certified_by']) == ('digitized', 'reception1')
    assert res.json['original'].startswith('Bản chính')


def test_digitizing_the_same_scan_again_is_200(officer, vault_path):
    data = make_pdf('quét hai lần')
    first = digitize(officer, vault_path, data, status=201).json
    assert digitize(officer, vault_path, data, status=200).json['id'] == first['id']


def test_digitizing_without_the_original_is_422(officer, vault_path):
    res = digitize(officer, vault_path, make_pdf('thiếu'), original=None, status=422)
    assert 'original' in res.json['error']['fields']


def test_digitized_document_appears_in_the_citizens_vault(officer, login, vault_path):
    doc = digitize(officer, vault_path, make_pdf('xuất hiện')).json
    citizen = login('citizen1')
    ids = [d['id'] for d in citizen.get(vault_path, headers=JSON).json['documents']]
    assert doc['id'] in ids


def test_digitize_form_in_the_browser(officer, vault_path):
    form = officer.get(f'{vault_path}/@@digitize').forms['digitize-form']
    form['file'] = ('scan.pdf', make_pdf('trình duyệt'))
    form['doc_type'] = 'giay-khai-sinh'
    form['original'] = 'Bản chính giấy khai sinh'
    assert 'Đã lưu bản số hóa' in form.submit(status=201).text


def test_officer_cannot_open_the_vault_it_digitizes_into(officer, vault_path):
    officer.get(vault_path, headers=JSON, status=403)


@pytest.fixture
def granted_doc(officer, vault_path, edit_site):
    """A digitised document granted to the demo agency for one dossier."""
    doc = digitize(officer, vault_path, make_pdf('được cấp quyền')).json
    with edit_site() as site:
        site['vaults'][vault_path.rsplit('/', 1)[-1]].grant(doc['id'], 'HS-0001', AGENCY)
    return f"{vault_path}/documents/{doc['id']}"


def test_officer_reads_with_a_granted_dossier(officer, granted_doc):
    res = officer.get(f'{granted_doc}/@@download?dossier=HS-0001')
    assert res.content_type == 'application/pdf'


def test_officer_read_is_logged_for_the_owner(officer, login, vault_path, granted_doc):
    officer.get(f'{granted_doc}/@@download?dossier=HS-0001')
    items = login('citizen1').get(f'{vault_path}/@@access-log', headers=JSON).json['items']
    assert (items[0]['who'], items[0]['dossier']) == ('reception1', 'HS-0001')
    assert items[0]['document'] == granted_doc.rsplit('/', 1)[-1]
    assert items[0]['at'].endswith('+07:00')


def test_owner_page_shows_the_log(officer, login, vault_path, granted_doc):
    officer.get(f'{granted_doc}/@@download?dossier=HS-0001')
    assert 'HS-0001' in login('citizen1').get(vault_path).text


def test_another_officer_of_the_agency_may_read_too(login, granted_doc):
    login('specialist1').get(f'{granted_doc}/@@download?dossier=HS-0001', status=200)


def test_officer_without_dossier_is_refused(officer, granted_doc):
    officer.get(f'{granted_doc}/@@download', status=403)


def test_officer_with_another_dossier_is_refused(officer, granted_doc):
    officer.get(f'{granted_doc}/@@download?dossier=HS-9999', status=403)


def test_refused_reads_are_not_logged_as_reads(officer, login, vault_path, granted_doc):
    officer.get(f'{granted_doc}/@@download?dossier=HS-9999', status=403)
    assert login('citizen1').get(f'{vault_path}/@@access-log', headers=JSON).json['items'] == []


def test_officer_of_another_agency_is_refused(app, edit_site, granted_doc):
    from conftest import logged_in
    with edit_site() as site:
        site['people'].create('tuphap1', 'demo-password', 'Cán bộ Sở Tư pháp',
                              ['reception'], agency='000.00.11.H55')
    other = logged_in(app, 'tuphap1')
    other.get(f'{granted_doc}/@@download?dossier=HS-0001', status=403)


def test_tampered_log_is_reported_to_the_owner(officer, login, vault_path, granted_doc,
                                                edit_site):
    for _ in range(3):
        officer.get(f'{granted_doc}/@@download?dossier=HS-0001')
    with edit_site() as site:
        log = site['vaults'][vault_path.rsplit('/', 1)[-1]].access_log
        del log._entries[2]
    body = login('citizen1').get(f'{vault_path}/@@access-log', headers=JSON).json
    assert body['intact'] is False and len(body['items']) == 2


def test_officer_reading_the_facts_is_logged_too(officer, login, vault_path, granted_doc):
    officer.get(f'{granted_doc}?dossier=HS-0001', headers=JSON)
    items = login('citizen1').get(f'{vault_path}/@@access-log', headers=JSON).json['items']
    assert [i['who'] for i in items] == ['reception1']


def test_officer_sees_the_document_page_with_a_preview(officer, granted_doc):
    page = officer.get(f'{granted_doc}?dossier=HS-0001')
    assert 'dossier=HS-0001' in page.text and '<iframe' in page.text


def test_vault_endpoints_are_in_the_openapi_document(anon):
    paths = anon.get('/@@openapi.json').json['paths']
    assert {'/vaults/{id}', '/vaults/{id}/documents', '/vaults/@@find',
            '/vaults/{id}/documents/{doc}/@@download'} <= set(paths)


def test_officer_reads_an_attachment_of_a_filed_dossier(officer, login, vault_path,
                                                       procedure, docs):
    """The grant comes from filing (issue 6), not from the test."""
    code = file_dossier(login('citizen1'), docs).json['code']
    url = f"{vault_path}/documents/{docs['giay-khai-sinh']}/@@download?dossier={code}"
    assert officer.get(url).content_type == 'application/pdf'
    items = login('citizen1').get(f'{vault_path}/@@access-log', headers=JSON).json['items']
    assert (items[0]['who'], items[0]['dossier']) == ('reception1', code)
