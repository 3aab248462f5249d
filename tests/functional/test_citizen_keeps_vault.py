"""A citizen keeps a vault: profile once, documents once, sees who read them."""
import io

import pytest
from samples import make_image, make_pdf

from dossier_support import apply as file_dossier, clock, docs, procedure  # noqa: F401

JSON = {'Accept': 'application/json'}


@pytest.fixture
def citizen(login):
    return login('citizen1')


@pytest.fixture
def vault_path(citizen):
    return citizen.session_info['vault'].rstrip('/')


def upload(client, vault_path, data, name='tai-lieu.pdf', doc_type='giay-khai-sinh',
           title='Giấy khai sinh', status=None, headers=JSON):
    return client.post(f'{vault_path}/documents',
                       {'doc_type': doc_type, 'title': title},
                       upload_files=[('file', name, data)], headers=headers, status=status)


def test_my_vault_redirects_to_the_vault(citizen, vault_path):
    res = citizen.get('/@@my-vault', status=303)
    assert res.location.rstrip('/').endswith(vault_path)


def test_vault_json_has_profile_documents_and_storage(citizen, vault_path):
    body = citizen.get(vault_path, headers=JSON).json
    assert body['profile']['full_name'] == 'Nguyễn Thị Lan'
    assert {'uploaded', 'digitized'} <= {d['kind'] for d in body['documents']}
    assert body['storage']['documents'] == len(body['documents'])


def test_document_json_has_the_api_keys(citizen, vault_path):
    doc = citizen.get(vault_path, headers=JSON).json['documents'][0]
    assert {'id', 'title', 'doc_type', 'sha256', 'size', 'kind', 'signed',
            'issued_by', 'issued_at', 'url'} <= set(doc)


def test_vault_page_is_html_in_vietnamese(citizen, vault_path):
    page = citizen.get(vault_path)
    assert 'Kho dữ liệu cá nhân' in page.text and 'Nhật ký truy cập' in page.text


def test_upload_new_bytes_is_201(citizen, vault_path):
    res = upload(citizen, vault_path, make_pdf('mới'), status=201)
    assert res.json['kind'] == 'uploaded' and res.json['content_type'] == 'application/pdf'


def test_same_bytes_again_is_200_with_the_same_id(citizen, vault_path):
    data = make_pdf('hai lần')
    first = upload(citizen, vault_path, data, status=201).json
    again = upload(citizen, vault_path, data, name='khac.pdf', status=200).json
    assert again['id'] == first['id']


def test_storage_counts_the_upload_once(citizen, vault_path):
    before = citizen.get(vault_path, headers=JSON).json['storage']
    data = make_image()
    upload(citizen, vault_path, data, name='a.png', doc_type='anh-the')
    upload(citizen, vault_path, data, name='b.png', doc_type='anh-the')
    after = citizen.get(vault_path, headers=JSON).json['storage']
    assert after == {'documents': before['documents'] + 1,
                     'bytes': before['bytes'] + len(data)}


def test_type_comes_from_content_not_name(citizen, vault_path):
    res = upload(citizen, vault_path, make_image(), name='scan.pdf', doc_type='anh-the')
    assert res.json['content_type'] == 'image/png' and res.json['filename'] == 'scan.png'


def test_path_traversal_name_is_cleaned_and_stored(citizen, vault_path):
    res = upload(citizen, vault_path, make_pdf('x'), name='../../etc/passwd\x07.pdf', status=201)
    assert res.json['filename'] == 'passwd.pdf'


@pytest.mark.parametrize('name, data', [
    ('virus.exe', b'MZ\x90\x00' + b'\x00' * 100),
    ('page.html', b'<!DOCTYPE html><html><script>alert(1)</script></html>'),
    ('image.svg', b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ('archive.pdf', b'PK\x03\x04' + b'\x00' * 100),
])
def test_unsupported_files_are_415(citizen, vault_path, name, data):
    res = upload(citizen, vault_path, data, name=name, status=415)
    assert 'PDF, JPEG hoặc PNG' in res.json['error']['message']


def test_truncated_pdf_is_422_saying_so(citizen, vault_path):
    data = make_pdf('cắt')
    res = upload(citizen, vault_path, data[: len(data) // 2], status=422)
    assert 'cắt cụt' in res.json['error']['message']


def test_encrypted_pdf_is_422_saying_so(citizen, vault_path):
    res = upload(citizen, vault_path, make_pdf('x', encrypt='bi-mat'), status=422)
    assert 'mật khẩu' in res.json['error']['message']


def test_unknown_doc_type_is_422(citizen, vault_path):
    res = upload(citizen, vault_path, make_pdf(), doc_type='khong-ton-tai', status=422)
    assert 'doc_type' in res.json['error']['fields']


def test_missing_file_is_422(citizen, vault_path):
    res = citizen.post(f'{vault_path}/documents', {'doc_type': 'other'},
                       content_type='multipart/form-data', headers=JSON, status=422)
    assert 'file' in res.json['error']['fields']


def test_json_body_instead_of_multipart_is_415(citizen, vault_path):
    citizen.post_json(f'{vault_path}/documents', {'doc_type': 'other'}, status=415)


def test_upload_without_csrf_token_is_400(citizen, vault_path):
    del citizen.extra_environ['HTTP_X_CSRF_TOKEN']
    upload(citizen, vault_path, make_pdf(), status=400)


def test_browser_upload_redirects_to_the_vault(citizen, vault_path):
    page = citizen.get(vault_path)
    form = page.forms['upload-form']
    form['file'] = ('anh.png', make_image())
    form['doc_type'] = 'anh-the'
    res = form.submit().follow()
    assert 'Đã lưu giấy tờ vào kho.' in res.text


def test_download_serves_stored_type_and_etag(citizen, vault_path):
    data = make_pdf('tải về')
    doc = upload(citizen, vault_path, data).json
    res = citizen.get(doc['url'] + '/@@download')
    assert res.body == data and res.content_type == 'application/pdf'
    assert res.headers['ETag'] == f'"{doc["sha256"]}"'
    assert res.headers['X-Content-Type-Options'] == 'nosniff'
    assert res.headers['Content-Disposition'].startswith('attachment;')


def test_preview_is_inline(citizen, vault_path):
    doc = upload(citizen, vault_path, make_image(), name='p.png', doc_type='anh-the').json
    res = citizen.get(doc['url'] + '/@@download?preview=1')
    assert res.headers['Content-Disposition'].startswith('inline;')


def test_if_none_match_gives_304(citizen, vault_path):
    doc = upload(citizen, vault_path, make_pdf('etag')).json
    citizen.get(doc['url'] + '/@@download',
                headers={'If-None-Match': f'"{doc["sha256"]}"'}, status=304)


def test_vietnamese_file_name_in_disposition(citizen, vault_path):
    doc = upload(citizen, vault_path, make_pdf('tên'), name='Giấy khai sinh.pdf').json
    res = citizen.get(doc['url'] + '/@@download')
    assert "filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf" in res.headers['Content-Disposition']


def test_document_page_shows_a_pdf_preview(citizen, vault_path):
    doc = upload(citizen, vault_path, make_pdf('xem')).json
    page = citizen.get(doc['url'])
    assert '<iframe' in page.text and 'preview=1' in page.text


def test_owner_reads_are_not_logged(citizen, vault_path):
    doc = upload(citizen, vault_path, make_pdf('đọc')).json
    citizen.get(doc['url'] + '/@@download')
    assert citizen.get(f'{vault_path}/@@access-log', headers=JSON).json['items'] == []


def test_owner_deletes_an_unused_upload(citizen, vault_path):
    doc = upload(citizen, vault_path, make_pdf('xóa')).json
    res = citizen.delete(doc['url'], headers=JSON)
    assert res.json['deleted'] == doc['id']
    citizen.get(doc['url'], headers=JSON, status=404)


def test_owner_cannot_delete_a_digitized_document(citizen, vault_path):
    docs = citizen.get(vault_path, headers=JSON).json['documents']
    digitized = next(d for d in docs if d['kind'] == 'digitized')
    citizen.delete(digitized['url'], headers=JSON, status=409)


def test_owner_cannot_delete_a_document_an_open_dossier_uses(citizen, vault_path,
                                                             procedure, docs):
    code = file_dossier(citizen, docs).json['code']
    url = f"{vault_path}/documents/{docs['giay-khai-sinh']}"
    res = citizen.delete(url, headers=JSON, status=409)
    assert code in res.json['error']['message']


def test_a_dossier_that_does_not_exist_holds_nothing(citizen, vault_path, edit_site):
    doc = upload(citizen, vault_path, make_pdf('đang dùng')).json
    with edit_site() as site:
        vault = site['vaults'][vault_path.rsplit('/', 1)[-1]]
        vault.note_reuse(doc['id'], 'NO-SUCH-OPEN-DOSSIER')
        vault.grant(doc['id'], 'NO-SUCH-OPEN-DOSSIER', '000.00.20.H55')
    # a dossier code that does not exist holds nothing open
    citizen.delete(doc['url'], headers=JSON, status=200)


def test_profile_put_changes_and_records_history(citizen, vault_path):
    res = citizen.put_json(f'{vault_path}/profile', {'phone': '+84 905 111 222'},
                           headers=JSON)
    assert res.json['profile']['phone'] == '0905111222' and res.json['changed'] == ['phone']
    history = citizen.get(f'{vault_path}/profile', headers=JSON).json['history']
    assert history[0]['fields'] == ['phone']


def test_profile_bad_id_number_is_422_naming_it(citizen, vault_path):
    res = citizen.put_json(f'{vault_path}/profile', {'id_number': '123456789'},
                           headers=JSON, status=422)
    assert 'chứng minh nhân dân' in res.json['error']['fields']['id_number']


def test_profile_id_number_must_match_birth_year(citizen, vault_path):
    res = citizen.put_json(f'{vault_path}/profile', {'birth_date': '1990-01-01'},
                           headers=JSON, status=422)
    assert 'id_number' in res.json['error']['fields']


def test_profile_unknown_key_is_422(citizen, vault_path):
    citizen.put_json(f'{vault_path}/profile', {'religion': 'x'}, headers=JSON, status=422)


def test_profile_html_form_saves(citizen, vault_path):
    form = citizen.get(f'{vault_path}/profile').forms['profile-form']
    form['current_address'] = '7 Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên'
    res = form.submit().follow()
    assert 'Đã lưu thông tin cá nhân.' in res.text


def test_profile_html_form_shows_errors(citizen, vault_path):
    form = citizen.get(f'{vault_path}/profile').forms['profile-form']
    form['phone'] = '12345'
    res = form.submit(status=422)
    assert 'Số điện thoại' in res.text


def _profile(citizen, vault_path):
    return citizen.get(f'{vault_path}/profile', headers=JSON).json['profile']


def test_profile_html_post_of_one_key_keeps_the_others(citizen, vault_path):
    before = _profile(citizen, vault_path)
    citizen.post(f'{vault_path}/profile', {'phone': '0905111222'}, status=303)
    assert _profile(citizen, vault_path) == dict(before, phone='0905111222')


def test_profile_html_post_with_no_keys_changes_nothing(citizen, vault_path):
    before = _profile(citizen, vault_path)
    page = citizen.post(f'{vault_path}/profile', {}, status=303).follow()
    assert _profile(citizen, vault_path) == before and 'Không có thay đổi nào.' in page.text


def test_profile_html_post_of_an_empty_key_clears_only_that_key(citizen, vault_path):
    before = _profile(citizen, vault_path)
    assert before.get('email')
    citizen.post(f'{vault_path}/profile', {'email': ''}, status=303)
    expected = {k: v for k, v in before.items() if k != 'email'}
    assert _profile(citizen, vault_path) == expected


# -- the upload size limit (tthc_docs.max_upload_bytes) ------------------------

@pytest.fixture
def small_limit(app, monkeypatch):
    monkeypatch.setitem(app.registry.settings, 'tthc_docs.max_upload_bytes', 2000)
    return 2000


def test_file_over_the_limit_is_413(citizen, vault_path, small_limit):
    data = make_pdf('x' * 10) + b'%' + b'0' * 3000
    res = upload(citizen, vault_path, data, status=413)
    assert 'MB' in res.json['error']['message']


def _raw_post(citizen, vault_path, environ):
    from webtest import TestRequest
    req = TestRequest.blank(f'{vault_path}/documents', method='POST', environ=dict(
        citizen.extra_environ, **environ))
    req.content_type = 'multipart/form-data; boundary=xyz'
    req.headers['Accept'] = 'application/json'
    return citizen.do_request(req, status='*')


def test_oversized_content_length_is_413(citizen, vault_path, small_limit):
    body = b'x' * (200 * 1024)
    res = _raw_post(citizen, vault_path, {'wsgi.input': io.BytesIO(body),
                                          'CONTENT_LENGTH': str(len(body))})
    assert res.status_int == 413


def test_oversized_chunked_body_is_413(citizen, vault_path, small_limit):
    """No Content-Length: the limit applies to the stream as it is read."""
    body = b'x' * (200 * 1024)
    res = _raw_post(citizen, vault_path, {'wsgi.input': io.BytesIO(body),
                                          'wsgi.input_terminated': True,
                                          'HTTP_TRANSFER_ENCODING': 'chunked'})
    assert res.status_int == 413


def test_pdf_preview_may_be_framed_by_our_own_page(citizen, vault_path):
    doc = upload(citizen, vault_path, make_pdf('khung')).json
    res = citizen.get(doc['url'] + '/@@download?preview=1')
    assert res.headers['X-Frame-Options'] == 'SAMEORIGIN'
    assert "frame-ancestors 'self'" in res.headers['Content-Security-Policy']


def test_attachment_download_may_not_be_framed(citizen, vault_path):
    doc = upload(citizen, vault_path, make_pdf('không khung')).json
    assert citizen.get(doc['url'] + '/@@download').headers['X-Frame-Options'] == 'DENY'
