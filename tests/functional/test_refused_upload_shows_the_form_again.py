"""A refused upload is no dead end: the form comes back with the reason beside the file box.

A browser gets the page it posted from again (the vault, or the apply page), at
the refusal's status (415 a type we do not keep, 413 too large, 422 broken),
with every other input as it was; nothing of the attempt is kept.  A JSON
client keeps API.md's contract: the same status and error body as before.
"""
from webtest import Upload

from dossier_support import CODE, clock, docs, procedure  # noqa: F401
from samples import make_image, make_pdf

ZIP = b'PK\x03\x04' + b'\x00' * 200


def vault_form(citizen):
    return citizen.get(citizen.session_info['vault']).forms['upload-form']


def test_a_zip_in_the_vault_comes_back_beside_the_file_box(login):
    citizen = login('citizen1')
    form = vault_form(citizen)
    form['file'] = ('ho-so.pdf', ZIP)
    form['doc_type'] = 'anh-the'
    form['title'] = 'Ảnh thẻ của tôi'
    page = form.submit(status=415)
    note = page.html.select_one('#file-error').get_text()
    assert 'Không nhận loại tệp này' in note and 'Chỉ nhận tệp PDF, JPEG hoặc PNG' in note
    again = page.forms['upload-form']
    assert (again['doc_type'].value, again['title'].value) == ('anh-the', 'Ảnh thẻ của tôi')
    assert page.html.select_one('#file')['aria-describedby'] == 'file-error'


def test_the_form_shown_again_posts_where_it_did_and_its_links_lead_to_the_vault(login):
    """Shown again by the documents' folder, the page still names the vault's own addresses."""
    citizen = login('citizen1')
    vault = citizen.session_info['vault'].rstrip('/')
    form = vault_form(citizen)
    form['file'] = ('ho-so.pdf', ZIP)
    page = form.submit(status=415)
    again = page.forms['upload-form']
    assert again.action.endswith(f'{vault}/documents')
    links = {a['href'].split('example.com', 1)[-1] for a in page.html.select('main a')}
    assert {f'{vault}/profile', f'{vault}/@@access-log'} <= links
    again['file'] = ('giay-to.pdf', make_pdf('Giấy tờ gửi lại'))
    again['title'] = 'Giấy tờ gửi lại'
    again.submit(status=303)
    assert 'Giấy tờ gửi lại' in citizen.get(vault).text


def test_a_refused_file_keeps_nothing_in_the_vault(login, edit_site):
    with edit_site() as site:
        before = len(site['vaults'].for_owner('citizen1').documents)
    form = vault_form(login('citizen1'))
    form['file'] = ('x.pdf', ZIP)
    form.submit(status=415)
    with edit_site() as site:
        assert len(site['vaults'].for_owner('citizen1').documents) == before


def test_a_file_over_the_limit_comes_back_as_413_with_the_limit(app, login, monkeypatch):
    monkeypatch.setitem(app.registry.settings, 'tthc_docs.max_upload_bytes', 70 * 1024)
    form = vault_form(login('citizen1'))
    form['file'] = ('lon.png', make_image(size=(600, 600), colour=(1, 2, 3)) + b'\x00' * 80 * 1024)
    form['title'] = 'Ảnh lớn'
    page = form.submit(status=413)
    assert 'dung lượng tối đa cho phép là 0,1 MB' in page.html.select_one('#file-error').get_text()
    assert page.forms['upload-form']['title'].value == 'Ảnh lớn'


def test_a_broken_pdf_comes_back_as_422_beside_the_file_box(login):
    form = vault_form(login('citizen1'))
    form['file'] = ('hong.pdf', make_pdf()[:300])
    page = form.submit(status=422)
    assert page.html.select_one('#file-error').get_text().strip()


def test_json_clients_keep_the_415_of_the_contract(login):
    citizen = login('citizen1')
    res = citizen.post(citizen.session_info['vault'] + '/documents',
                       {'doc_type': 'anh-the'}, upload_files=[('file', 'x.pdf', ZIP)],
                       headers={'Accept': 'application/json'}, status=415)
    assert res.json['error']['status'] == 415
    assert 'Không nhận loại tệp này' in res.json['error']['message']


def test_the_refusal_reads_in_english(login):
    form = vault_form(login('citizen1'))
    form['file'] = ('x.pdf', ZIP)
    page = form.submit(status=415, headers={'Accept-Language': 'en'})
    assert 'The document was not saved.' in page.text


def test_the_apply_page_comes_back_with_the_reason_and_the_choices(login, procedure, docs,
                                                                   edit_site):
    form = login('citizen1').get(f'/procedures/{CODE}/@@apply').forms['apply']
    form['attachments.khai-sinh'] = docs['giay-khai-sinh']
    form['attachments.cu-tru'] = docs['xac-nhan-cu-tru']
    form['file.anh'] = Upload('anh.pdf', ZIP, 'application/pdf')
    page = form.submit('submit', status=415)
    assert 'Không nhận loại tệp này' in page.html.select_one('#file-error-anh').get_text()
    again = page.forms['apply']
    assert again['attachments.khai-sinh'].value == docs['giay-khai-sinh']
    assert again['attachments.cu-tru'].value == docs['xac-nhan-cu-tru']
    assert 'các tệp tải lên cần chọn lại' in page.text
    with edit_site() as site:
        assert not [d for d in site['dossiers'].values() if d.procedure_code == CODE]


def test_the_apply_page_names_the_refused_file_by_its_requirement(login, procedure, docs):
    form = login('citizen1').get(f'/procedures/{CODE}/@@apply').forms['apply']
    form['file.anh'] = Upload('anh.pdf', ZIP, 'application/pdf')
    page = form.submit('submit', status=415)
    problems = page.html.select_one('.error[role=alert]').get_text(' ')
    assert 'Ảnh thẻ' in problems and 'file.anh' not in problems
