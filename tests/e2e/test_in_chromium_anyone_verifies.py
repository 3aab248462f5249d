"""Journey in Chromium, on a phone: anyone checks a signed result, by upload and by code."""
from playwright.sync_api import expect


def signed_result(edit_site, code):
    with edit_site() as site:
        ref = site['dossiers'][code].results[-1]
        return site['vaults'][ref['vault']].get_document(ref['document']).read()


def test_anyone_verifies_a_signed_result_by_upload(person, walk, paid_dossier, edit_site,
                                                   tmp_path):
    walk(paid_dossier, 'returned')
    pdf = tmp_path / 'ket-qua.pdf'
    pdf.write_bytes(signed_result(edit_site, paid_dossier))
    visitor = person('visitor', phone=True)
    page = visitor.go('/@@verify')
    page.get_by_label('Tệp PDF cần kiểm tra').set_input_files(str(pdf))
    page.get_by_role('button', name='Kiểm tra', exact=True).click()
    expect(page.locator('.verdict')).to_have_text(
        'Văn bản hợp lệ: có chữ ký số tin cậy và không bị sửa sau khi ký.')
    expect(page.locator('main')).to_contain_text('Đặng Quốc Bảo')
    visitor.shot('1-valid')
    assert visitor.width() <= 360


def test_a_changed_result_is_not_valid(person, walk, paid_dossier, edit_site, tmp_path):
    walk(paid_dossier, 'returned')
    data = bytearray(signed_result(edit_site, paid_dossier))
    at = data.index(b'/Contents') - 40   # inside the signed range, before the signature
    data[at] = data[at] ^ 0x01
    pdf = tmp_path / 'da-sua.pdf'
    pdf.write_bytes(bytes(data))
    visitor = person('visitor', phone=True)
    page = visitor.go('/@@verify')
    page.get_by_label('Tệp PDF cần kiểm tra').set_input_files(str(pdf))
    page.get_by_role('button', name='Kiểm tra', exact=True).click()
    expect(page.locator('main')).not_to_contain_text('Văn bản hợp lệ')
    visitor.shot('2-changed')


def test_anyone_verifies_by_the_dossier_code(person, walk, paid_dossier):
    walk(paid_dossier, 'returned')
    visitor = person('visitor')
    page = visitor.go('/@@verify')
    page.get_by_label('Hoặc nhập mã hồ sơ (in trên mã QR)').fill(f'  {paid_dossier.lower()} ')
    page.get_by_role('button', name='Tra cứu').click()
    visitor.shot('3-by-code')
    expect(page.locator('.verdict')).to_contain_text('Văn bản hợp lệ')
