"""The PDF base: fonts with Vietnamese glyphs, QR codes, the administrative layout, results."""
import datetime
import io
import unicodedata

import pytest
from PIL import Image

from tthc_docs.pdf import (
    AdminDocument,
    FontsMissing,
    long_date,
    nfc,
    qr_png,
    register_fonts,
    render_document,
)
from tthc_docs.pdf.fonts import DEFAULT_FONT_DIR
from tthc_docs.pdf.layout import MOTTO, MOTTO_2, PAGE_H, PAGE_W
from tthc_docs.pdf.result import render_result, verify_link

pypdf = pytest.importorskip("pypdf")


def _text(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    return unicodedata.normalize("NFC", "".join(page.extract_text() for page in reader.pages))


def _result(**over):
    result = dict(
        code="000.00.20.H55-261127-0001", procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh", agency_name="Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên",
        parent_agency="UBND tỉnh Thái Nguyên", issued_at=datetime.date(2026, 11, 27),
        applicant_name="Nguyễn Thị Hường", facts=[("Họ và tên", "Nguyễn Thị Hường")],
        signer_authority="KT. Giám đốc", signer_title="Phó Giám đốc", signer_name="Trần Văn Lãnh",
        verify_url="http://127.0.0.1:6543/@@verify",
    )
    result.update(over)
    return result


def test_register_fonts_is_idempotent():
    assert register_fonts() == register_fonts() == DEFAULT_FONT_DIR


def test_register_fonts_names_the_missing_file(tmp_path):
    with pytest.raises(FontsMissing, match="DejaVuSerif.ttf"):
        register_fonts(str(tmp_path))


def test_nfc_composes_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Thái Nguyên")
    assert nfc(decomposed) == "Thái Nguyên" and len(nfc(decomposed)) == 11


def test_nfc_of_none_is_empty():
    assert nfc(None) == ""


def test_long_date_in_administrative_form():
    assert long_date("Thái Nguyên", datetime.date(2026, 11, 27)) == "Thái Nguyên, ngày 27 tháng 11 năm 2026"


def test_long_date_pads_small_days_and_early_months():
    assert long_date("Thái Nguyên", datetime.date(2026, 2, 5)) == "Thái Nguyên, ngày 05 tháng 02 năm 2026"


def test_long_date_does_not_pad_later_months():
    assert long_date("", datetime.date(2026, 3, 15)) == "ngày 15 tháng 3 năm 2026"


def test_qr_png_is_a_square_png():
    image = Image.open(io.BytesIO(qr_png("http://127.0.0.1/@@verify?code=X")))
    assert image.format == "PNG" and image.size[0] == image.size[1]


#: What papers' codes carry (Circular 01/2023/TT-VPCP's minimum data), short and long.
QR_TEXTS = (
    "http://127.0.0.1/@@verify?code=X",
    "https://dichvucong.example.gov.vn/@@track?code=000.00.20.H55-261127-0001\n"
    "Mã hồ sơ: 000.00.20.H55-261127-0001\nMã TTHC: 1.001193\nMã định danh: 056190001234\n"
    "Giấy tờ: Giấy tiếp nhận hồ sơ và hẹn trả kết quả\n"
    "Hệ thống: Hệ thống thông tin giải quyết thủ tục hành chính tỉnh\n"
    "Thời điểm xuất bản: 09:30 27/11/2026\nNgày hẹn trả kết quả: 02/12/2026",
    "Phiếu kiểm soát quá trình giải quyết hồ sơ " * 12,
)


def _random_texts():
    """Numeric, alphanumeric and byte runs, mixed (qrcode splits them into chunks), of
    lengths from one byte to version 30 or so: every branch of the encoder."""
    import random
    rng = random.Random(15)
    alphabets = (b"0123456789", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:", bytes(range(256)),
                 b"abc0123456789:/ ")
    return [bytes(rng.choice(rng.choice(alphabets)) for _ in range(length))
            for length in (1, 7, 19, 40, 77, 150, 260, 420, 700, 1100)]


@pytest.mark.parametrize("data", [nfc(t).encode("utf-8") for t in QR_TEXTS] + _random_texts())
def test_the_symbol_is_the_one_qrcode_itself_makes(data):
    """Data chunks, version, error correction, placement and mask (ISO/IEC 18004 §7.8.3's
    penalty counted on packed lines) as qrcode does them: the same symbol, module for module."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    from tthc_docs.pdf.qr_symbol import symbol
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    rows, n = symbol(data)
    assert [[bool(rows >> (i * n + k) & 1) for k in range(n)] for i in range(n)] == code.get_matrix()


def test_the_image_draws_the_symbol_with_its_quiet_zone():
    from tthc_docs.pdf.qr import BORDER, qr_image, qr_matrix
    matrix = qr_matrix(QR_TEXTS[1])
    image = qr_image(QR_TEXTS[1], box_size=1)
    assert image.size == (len(matrix), len(matrix))
    assert [[image.getpixel((x, y)) == 0 for x in range(len(matrix))]
            for y in range(len(matrix))] == matrix
    assert not any(matrix[0]) and not any(row[BORDER - 1] for row in matrix)
    assert matrix[BORDER][BORDER]             # the finder pattern's corner


def test_the_penalty_counts_each_rule():
    """A light 11x11 symbol: 11 rows and 11 columns each one run of 11 (rule 1: 9 points
    each), 100 blocks of 2x2 (rule 2: 3 each), no dark module (rule 4: 100); then symbols
    with finder-like lines (rule 3) and random ones, against qrcode's own count."""
    import random

    from qrcode.util import lost_point

    from tthc_docs.pdf.qr_symbol import as_bits, pack, penalty

    def points(grid):
        n = len(grid)
        return penalty(pack([as_bits(row) for row in grid], n),
                       pack([as_bits(col) for col in zip(*grid)], n), n)

    light = [[0] * 11 for _ in range(11)]
    assert points(light) == 22 * 9 + 3 * 100 + 100
    light[5] = [1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0]
    assert points(light) == lost_point(light) == 562     # 40 of them for rule 3
    rng = random.Random(15)
    for _ in range(20):
        share = rng.uniform(0.3, 0.7)
        grid = [[rng.random() < share for _ in range(25)] for _ in range(25)]
        assert points(grid) == lost_point(grid)


def test_verify_link_carries_dossier_and_procedure():
    link = verify_link("http://h/@@verify", "A-1", "1.001193")
    assert link == "http://h/@@verify?code=A-1&procedure=1.001193"


def test_document_has_motto_and_vietnamese_text():
    doc = AdminDocument(agency="Ủy ban nhân dân xã Vĩnh Lương", title="Thông báo",
                        date=datetime.date(2026, 11, 27), paragraphs=("Đề nghị ông bà bổ sung giấy tờ.",))
    text = _text(render_document(doc).data)
    assert MOTTO in text and MOTTO_2 in text and "Đề nghị ông bà bổ sung giấy tờ." in text


def test_document_normalises_decomposed_input():
    doc = AdminDocument(agency="X", title="T", date=datetime.date(2026, 11, 27),
                        paragraphs=(unicodedata.normalize("NFD", "Nguyễn Thị Hường"),))
    assert "Nguyễn Thị Hường" in _text(render_document(doc).data)


def test_signature_box_lies_on_the_first_page():
    box = render_result(_result()).signature_box
    page, x1, y1, x2, y2 = box
    assert page == 0 and 0 < x1 < x2 <= PAGE_W and 0 < y1 < y2 <= PAGE_H


def test_no_signature_box_when_not_reserved():
    doc = AdminDocument(agency="X", title="T", date=datetime.date(2026, 11, 27), reserve_signature=False)
    assert render_document(doc).signature_box is None


def test_long_result_spills_onto_a_second_page_with_the_signer():
    facts = [(f"Mục {i}", "giá trị") for i in range(60)]
    rendered = render_result(_result(facts=facts))
    assert len(pypdf.PdfReader(io.BytesIO(rendered.data)).pages) >= 2 and rendered.signature_box[0] >= 1


def test_result_names_dossier_signer_and_date():
    text = _text(render_result(_result()).data)
    assert "000.00.20.H55-261127-0001" in text and "Trần Văn Lãnh" in text and "ngày 27 tháng 11 năm 2026" in text


def test_result_metadata_names_the_dossier():
    reader = pypdf.PdfReader(io.BytesIO(render_result(_result()).data))
    assert reader.metadata["/Subject"] == "000.00.20.H55-261127-0001"


def test_correction_names_the_replaced_document():
    text = _text(render_result(_result(replaces="d-123")).data)
    assert "thay thế" in text and "d-123" in text


def test_result_values_are_written_the_vietnamese_way():
    from samples import pdf_text
    from tthc_docs.pdf.result import render_result
    data = render_result({"code": "X-1", "verify_url": "http://h/@@verify", "facts": [
        ("Ngày sinh", "1988-05-12"), ("Tôi cam đoan những lời khai trên là đúng sự thật:", "True"),
        ("Đã có bản chính", False)]}).data
    text = pdf_text(data)
    assert "Ngày sinh: 12/05/1988" in text
    assert "sự thật: Có" in text and "sự thật:: " not in text
    assert "Đã có bản chính: Không" in text and "True" not in text


# -- the signature never stands alone on a page (Decree 30/2020 App. I) --------

@pytest.mark.parametrize("count", range(1, 61))
def test_the_last_page_holds_the_last_rows_with_the_signature(count):
    """Whatever the number of rows, a page 2 has at least the last three rows (or all)."""
    facts = [(f"Mục số {i:02d}", f"giá trị của mục {i:02d}") for i in range(count)]
    rendered = render_result(_result(facts=facts, place="Thái Nguyên"))
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(rendered.data)).pages]
    on_last = sum(f"Mục số {i:02d}:" in pages[-1] for i in range(count))
    assert rendered.signature_box[0] == len(pages) - 1
    assert len(pages) == 1 or on_last >= min(3, count), (count, len(pages), on_last)


def test_a_result_is_dated_at_the_place_it_is_given():
    text = _text(render_result(_result(place="Phổ Yên")).data)
    assert "Phổ Yên, ngày 27 tháng 11 năm 2026" in text


def test_documents_rendered_by_several_threads_at_once_are_all_whole():
    """Server threads render papers at the same time; reportlab's shared fonts must not mix them."""
    from concurrent.futures import ThreadPoolExecutor
    names = ["Nguyễn Thị Lan", "Trần Văn Bảo", "Lê Thị Hồng Nhung", "Phạm Quốc Việt",
             "Đặng Thùy Dương", "Hoàng Minh Khôi", "Vũ Ngọc Ánh", "Bùi Đức Thắng"]

    def render(i):
        name = names[i % len(names)]
        return render_result(_result(applicant_name=name, facts=[
            ("Họ và tên", name), ("Ghi chú", "ăâđêôơư ỹỷỵừứ" * (i % 5 + 1))])).data

    with ThreadPoolExecutor(max_workers=8) as pool:
        pdfs = list(pool.map(render, range(40)))
    for i, data in enumerate(pdfs):
        assert names[i % len(names)] in _text(data)
