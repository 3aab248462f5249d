"""Demo vaults: FAKE profiles for citizen1 and citizen2 and small documents.

Every name, number and address here is invented; the ID numbers only have
the right shape (Thái Nguyên's code 019 and Bắc Kạn's 006, the century/sex digit and the birth
year agree) so that the profile validators accept them.  The documents are
generated at load time (a PDF with reportlab, a PNG with Pillow) and say
"TÀI LIỆU MẪU" on their face.
"""
import io

from tthc_docs.vaults.schema import validate_profile

PROFILES = {
    'citizen1': {
        'full_name': 'Nguyễn Thị Lan',
        'birth_date': '1988-05-12',
        'sex': 'Nữ',
        'id_number': '019188012345',
        'origin': 'Xã Tân Cương, tỉnh Thái Nguyên',
        'permanent_address': '12 Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên',
        'current_address': '12 Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên',
        'phone': '0905123456',
        'email': 'nguyen.thi.lan@example.vn',
    },
    'citizen2': {
        'full_name': 'Trần Văn Hùng',
        'birth_date': '1985-11-02',
        'sex': 'Nam',
        'id_number': '006085067890',
        'origin': 'Xã Chợ Rã, tỉnh Thái Nguyên',
        'permanent_address': 'Tổ 7, phường Bắc Kạn, tỉnh Thái Nguyên',
        'current_address': 'Tổ 7, phường Bắc Kạn, tỉnh Thái Nguyên',
        'phone': '0914765432',
        'email': 'tran.van.hung@example.vn',
        'tax_code': '4201234567',
    },
}


def sample_pdf(title, lines, settings=None):
    """A one-page PDF in Vietnamese, marked as a sample."""
    from reportlab.pdfgen import canvas

    from tthc_docs.pdf.fonts import FONT, FONT_BOLD, font_dir_from, register_fonts
    register_fonts(font_dir_from(settings))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setTitle(title)
    c.setFont(FONT_BOLD, 13)
    c.drawCentredString(297, 790, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    c.setFont(FONT_BOLD, 12)
    c.drawCentredString(297, 772, 'Độc lập - Tự do - Hạnh phúc')
    c.setFont(FONT_BOLD, 16)
    c.drawCentredString(297, 720, title.upper())
    c.setFont(FONT, 12)
    y = 680
    for line in lines:
        c.drawString(72, y, line)
        y -= 22
    c.setFont(FONT_BOLD, 28)
    c.setFillGray(0.8)
    c.drawCentredString(297, 420, 'TÀI LIỆU MẪU - KHÔNG CÓ GIÁ TRỊ')
    c.showPage()
    c.save()
    return buf.getvalue()


def sample_png(label, colour=(205, 225, 240)):
    """A small ID-photo-like PNG."""
    from PIL import Image, ImageDraw
    img = Image.new('RGB', (240, 320), colour)
    draw = ImageDraw.Draw(img)
    draw.ellipse((70, 50, 170, 160), fill=(120, 130, 150))
    draw.rectangle((45, 170, 195, 300), fill=(120, 130, 150))
    draw.text((10, 8), label, fill=(40, 40, 40))
    out = io.BytesIO()
    img.save(out, format='PNG')
    return out.getvalue()


def load(site, settings):
    vaults = site['vaults']
    for login, profile in PROFILES.items():
        vault = vaults.for_owner(login)
        if vault is None or vault.profile:
            continue
        # demo data stands for what the counter bound from each citizen's card
        vault.update_profile(validate_profile(profile, bind_id_number=True), by=login,
                            bind_id_number=True)
    _documents_of_citizen1(vaults.for_owner('citizen1'), settings)
    _documents_of_citizen2(vaults.for_owner('citizen2'), settings)


def _documents_of_citizen1(vault, settings):
    if vault is None or len(vault.documents):
        return
    p = PROFILES['citizen1']
    vault.add_document(
        sample_pdf('Giấy khai sinh', [
            f'Họ, chữ đệm, tên: {p["full_name"]}',
            'Ngày, tháng, năm sinh: 12/05/1988',
            f'Giới tính: {p["sex"]}',
            'Nơi sinh: Bệnh viện Trung ương Thái Nguyên',
            'Số: 123/1988, Quyển số: 01 (bản sao mẫu)',
        ], settings),
        title='Giấy khai sinh (bản sao)', doc_type='giay-khai-sinh',
        kind='uploaded', added_by='citizen1', filename='giay-khai-sinh.pdf')
    vault.add_document(sample_png('Anh the mau'), title='Ảnh thẻ 3x4',
                       doc_type='anh-the', kind='uploaded', added_by='citizen1',
                       filename='anh-the.png')
    vault.add_document(
        sample_pdf('Giấy xác nhận thông tin về cư trú', [
            f'Xác nhận ông/bà: {p["full_name"]}',
            f'Nơi thường trú: {p["permanent_address"][:60]}',
            'Bản số hóa từ bản chính tại bộ phận một cửa (mẫu)',
        ], settings),
        title='Giấy xác nhận thông tin về cư trú', doc_type='xac-nhan-cu-tru',
        kind='digitized', added_by='reception1', certified_by='reception1',
        original='Bản chính do Công an phường Phan Đình Phùng cấp (mẫu)',
        filename='xac-nhan-cu-tru.pdf')
    _identity_card(vault, PROFILES['citizen1'], settings)


def _identity_card(vault, profile, settings):
    """A digitised identity card: nearly every procedure asks for one (fake data)."""
    vault.add_document(
        sample_pdf('Căn cước công dân', [
            f'Họ và tên: {profile["full_name"]}',
            f'Số định danh cá nhân: {profile["id_number"]} (mẫu)',
            'Bản số hóa từ bản chính tại bộ phận một cửa (mẫu)',
        ], settings),
        title='Căn cước công dân (bản số hóa)', doc_type='cccd',
        kind='digitized', added_by='reception1', certified_by='reception1',
        original='Thẻ căn cước công dân bản chính (mẫu)', filename='can-cuoc.pdf')


def _documents_of_citizen2(vault, settings):
    if vault is None or len(vault.documents):
        return
    p = PROFILES['citizen2']
    vault.add_document(
        sample_pdf('Giấy chứng nhận đăng ký kinh doanh', [
            'Tên hộ kinh doanh: Cửa hàng tạp hóa Hùng Phát (mẫu)',
            f'Chủ hộ: {p["full_name"]}',
            f'Mã số thuế: {p["tax_code"]}',
        ], settings),
        title='Giấy chứng nhận đăng ký hộ kinh doanh', doc_type='giay-chung-nhan-dkkd',
        kind='uploaded', added_by='citizen2', filename='dang-ky-kinh-doanh.pdf')
    _identity_card(vault, p, settings)
