"""Journey: anyone checks a signed result, by upload or through the QR code's dossier code."""
import pytest
from webtest import Upload

from dossier_support import (CODE, apply, clock, docs, get, pay, pki_dir,  # noqa: F401
                             procedure, publish_procedure, signing, walk_to)
from signing_support import result_bytes
from tthc_docs import timeutil

PDF = 'application/pdf'
REUSABLE = '9.990003'


@pytest.fixture
def signed(login, edit_site, procedure, docs, signing):
    """A dossier whose result has been signed (through the dossier's sign transition)."""
    code = apply(login('citizen1'), docs).json['code']
    pay(edit_site, code)
    walk_to(login, code, 'result_ready', edit_site)
    return code


def _upload(client, data, status=200, name='ket-qua.pdf'):
    return client.post('/@@verify', upload_files=[('file', name, data, PDF)],
                       headers={'Accept': 'application/json'}, status=status)


def test_the_qr_target_verifies_the_stored_result(anon, signed):
    report = anon.get(f'/@@verify?code={signed}', headers={'Accept': 'application/json'}).json['report']
    assert (report['signed'], report['intact'], report['trusted'], report['timestamped']) == (True,) * 4


def test_the_report_names_signer_dossier_and_time(anon, signed):
    report = anon.get(f'/@@verify?code={signed}', headers={'Accept': 'application/json'}).json['report']
    assert report['signer'] == 'Đặng Quốc Bảo' and report['dossier'] == signed
    assert report['signed_at'].endswith('+07:00')


def test_the_qr_target_page_is_html_for_a_phone(anon, signed):
    page = anon.get(f'/@@verify?code={signed}&procedure={CODE}')
    assert 'Kết quả kiểm tra' in page.text and 'Đặng Quốc Bảo' in page.text


def test_an_unknown_code_is_404(anon, db):
    anon.get('/@@verify?code=000.00.20.H55-990101-9999', headers={'Accept': 'application/json'},
             status=404)


def test_anyone_uploads_the_result_and_it_is_genuine(anon, signed, edit_site):
    report = _upload(anon, result_bytes(edit_site, signed)).json
    assert report['trusted'] is True and report['intact'] is True and report['dossier'] == signed


def test_a_tampered_result_is_not_intact(anon, signed, edit_site):
    data = bytearray(result_bytes(edit_site, signed))
    data[len(data) // 4] ^= 0x20
    report = _upload(anon, bytes(data)).json
    assert report['intact'] is False and report['trusted'] is False


def test_an_unsigned_pdf_is_reported_unsigned(anon, db):
    from tthc_docs.pdf.result import render_result
    report = _upload(anon, render_result({'code': 'X', 'verify_url': 'x'}).data).json
    assert report['signed'] is False


def test_a_logged_in_citizen_can_verify_too(login, signed, edit_site):
    assert _upload(login('citizen2'), result_bytes(edit_site, signed)).json['trusted'] is True


def test_a_non_pdf_is_415(anon, db):
    res = _upload(anon, b'\x89PNG\r\n\x1a\n not a pdf', status=415)
    assert 'PDF' in res.json['error']['message']


def test_a_broken_pdf_is_422(anon, db):
    _upload(anon, b'%PDF-1.7\n garbage without structure', status=422)


def test_an_encrypted_pdf_is_422(anon, db):
    import io
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer
    from tthc_docs.pdf.result import render_result
    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(render_result({'code': 'X'}).data)))
    writer.encrypt('secret', 'secret')
    out = io.BytesIO()
    writer.write(out)
    res = _upload(anon, out.getvalue(), status=422)
    assert 'mã hóa' in res.json['error']['message']


def test_a_huge_file_is_413(app, anon, db, monkeypatch):
    monkeypatch.setitem(app.registry.settings, 'tthc_docs.max_upload_bytes', 1024)
    _upload(anon, b'%PDF-1.7\n' + bytes(200 * 1024), status=413)


def test_no_file_is_422(anon, db):
    res = anon.post('/@@verify', {'other': 'x'}, upload_files=[('nothing', 'a.txt', b'x')],
                    headers={'Accept': 'application/json'}, status=422)
    assert 'file' in res.json['error']['fields']


def test_a_body_that_is_not_multipart_is_415(anon, db):
    anon.post('/@@verify', b'%PDF-1.7', headers={'Accept': 'application/json',
                                                 'Content-Type': PDF}, status=415)


def test_the_verification_page_has_an_upload_form(anon, db):
    page = anon.get('/@@verify')
    assert 'type="file"' in page.text and 'multipart/form-data' in page.text


def test_the_browser_upload_shows_the_report(anon, signed, edit_site):
    page = anon.get('/@@verify')
    form = [f for f in page.forms.values() if f.enctype == 'multipart/form-data'][0]
    form['file'] = Upload('ket-qua.pdf', result_bytes(edit_site, signed), PDF)
    assert 'Đặng Quốc Bảo' in form.submit().text


def _reuse(login, edit_site, docs):
    """Issue a result whose type a later procedure requires, then attach it by reference.

    Returns ``(later dossier code, issued document id, vault size before the later filing)``.
    """
    with edit_site() as site:
        for code, result_type in ((REUSABLE, 'xac-nhan-cu-tru'), (CODE, 'other')):
            publish_procedure(site, code, result_doc_type=result_type)
    first = apply(login('citizen1'), docs, code=REUSABLE).json['code']
    walk_to(login, first, 'result_ready', edit_site)
    issued = get(login('citizen1'), first).json['results'][0]['document']
    with edit_site() as site:
        count = len(site['vaults'].for_owner('citizen1').documents)
    later = apply(login('citizen1'), dict(docs, **{'xac-nhan-cu-tru': issued})).json['code']
    return later, issued, count


def test_reuse_by_reference_keeps_one_copy(login, edit_site, clock, docs, signing):
    """A result of one procedure attached to a later dossier by reference: one copy, noted reuse."""
    later, issued, count = _reuse(login, edit_site, docs)
    with edit_site() as site:
        vault = site['vaults'].for_owner('citizen1')
        assert len(vault.documents) == count and later in vault.reused_by(issued)
    assert get(login('reception1'), later).json['attachments'][1]['document'] == issued


def test_the_officer_gets_the_verification_of_a_reused_result(app, login, edit_site, clock, docs,
                                                              signing):
    from tthc_docs.signing.verify import verify_references
    later, issued, _ = _reuse(login, edit_site, docs)
    with edit_site() as site:
        reports = verify_references(site, site['dossiers'][later].attachments, app.registry.settings)
    assert list(reports) == [issued] and reports[issued]['trusted'] is True


def test_the_verification_is_computed_for_a_stored_document(signed, edit_site, settings, app):
    from tthc_docs.signing.verify import verify_document
    with edit_site() as site:
        ref = site['dossiers'][signed].results[0]
        doc = site['vaults'][ref['vault']].get_document(ref['document'])
        report = verify_document(doc, app.registry.settings)
    assert report['trusted'] is True and report['sha256'] == doc.sha256
    assert report['checked_at'].startswith(str(timeutil.now().year))


def test_a_qr_naming_another_procedure_is_flagged(anon, signed):
    report = anon.get(f'/@@verify?code={signed}&procedure=1.000000',
                      headers={'Accept': 'application/json'}).json['report']
    assert report['procedure'] == CODE and any('không khớp' in p for p in report['problems'])
