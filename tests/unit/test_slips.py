"""The papers as real PDFs, read back with pypdf: every field Circular 01/2018's forms require.

Each form's fields are listed as Mẫu 01-05 of Circular 01/2018/TT-VPCP lay
them out; the QR code is decoded from the embedded image with zxing-cpp and
must carry Circular 01/2023/TT-VPCP's minimum data.
"""
import dataclasses
import io
import unicodedata
from datetime import datetime

import pypdf
import pytest
import zxingcpp
from PIL import Image

from tthc_docs.dossiers import slip_forms, slips
from tthc_docs.dossiers.slips import Handover, PaperRow
from tthc_docs.timeutil import VN_TZ

CODE = "000.00.20.H55-261127-0001"
TRACK = "https://dichvucong.example.gov.vn/@@track?code=" + CODE


def at(day, hour, minute=0, month=11):
    return datetime(2026, month, day, hour, minute, tzinfo=VN_TZ)


def facts(**over):
    base = slips.SlipFacts(
        code=CODE, procedure_code="1.001193", procedure_name="Đăng ký khai sinh",
        agency_name="Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên",
        parent_agency="Ủy ban nhân dân tỉnh Thái Nguyên", track_url=TRACK, place="Thái Nguyên",
        applicant_name="Nguyễn Thị Hường", issued_at=at(27, 9, 30), number="7/PXL",
        applicant_id="019190001234", applicant_address="12 Hoàng Văn Thụ, phường Phan Đình Phùng",
        applicant_phone="0905123456", applicant_email="huong@example.vn", status="received",
        received_at=at(27, 9, 30), due_at=at(2, 17, month=12), appointment_at=at(2, 17, month=12),
        processing_days=3,
        papers=(PaperRow("Tờ khai điện tử (to-khai-khai-sinh, phiên bản 1)",
                         "Bản điện tử (tờ khai điện tử)"),
                PaperRow("Giấy chứng sinh", "Bản chính (đã đối chiếu, số hóa)", 2)),
        collect_at="Bộ phận tiếp nhận và trả kết quả Trung tâm", register=(2026, 15),
        officer_name="Lê Văn Tiếp", receiver_name="Lê Văn Tiếp", fee_amount=25_000, paid=True,
        supplement_note="Bổ sung bản sao giấy chứng sinh có chứng thực",
        supplement_reason="thành phần hồ sơ chưa đầy đủ",
        refusal_note="Hồ sơ không thuộc thẩm quyền giải quyết",
        apology_reason="Chờ xác minh thông tin hộ tịch", apology_due_at=at(9, 17, month=12),
        signer_authority="KT. Giám đốc", signer_title="Phó Giám đốc", signer_name="Đặng Quốc Bảo",
        handovers=(Handover("Tổ chức, cá nhân (Nguyễn Thị Hường)", "Lê Văn Tiếp", at(27, 9, 30),
                            "Trước hạn", "Tiếp nhận"),
                   Handover("Lê Văn Tiếp", "Phạm Thẩm Định", at(28, 8), "Trước hạn",
                            "Chuyển bước")),
        payment_reference=CODE + "_abc", payment_amount=25_000, payment_provider="vnpay",
        paid_at=at(27, 9))
    return dataclasses.replace(base, **over)


def text_of(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages))
    return " ".join(text.split())


@pytest.fixture(scope="module")
def rendered():
    return {name: slip_forms.render(name, facts()) for name in slips.KINDS}


@pytest.fixture(scope="module")
def texts(rendered):
    return {name: text_of(data) for name, data in rendered.items()}


def qr_of(data):
    """The QR code's text, decoded from the first page's embedded image."""
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    for image in page.images:
        found = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.data)).convert("L"))
        if found:
            return found[0].text
    return None


COMMON = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          f"Mã hồ sơ: {CODE}", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH THÁI NGUYÊN",
          "Thái Nguyên, ngày 27 tháng 11 năm 2026")
#: Every field each form requires, as printed.
FIELDS = {
    "receipt": ("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Tiếp nhận hồ sơ của: Ông/Bà Nguyễn Thị Hường",
                "Địa chỉ: 12 Hoàng Văn Thụ, phường Phan Đình Phùng", "Số điện thoại: 0905123456",
                "Email: huong@example.vn", "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
                "1. Thành phần hồ sơ nộp gồm:", "Tờ khai điện tử", "Bản điện tử (tờ khai điện tử)",
                "Giấy chứng sinh", "Bản chính (đã đối chiếu, số hóa)", "02",
                "2. Số lượng hồ sơ: 01 (bộ)",
                "3. Thời gian giải quyết hồ sơ theo quy định là: 3 ngày làm việc",
                "4. Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 27 tháng 11 năm 2026",
                "5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 02 tháng 12 năm 2026",
                "6. Đăng ký nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả Trung tâm",
                "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 15",
                "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)",
                "25.000 đồng (đã thanh toán)", "Lê Văn Tiếp"),
    "supplement": ("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Hồ sơ của: Ông/Bà Nguyễn Thị Hường",
                   "Địa chỉ: 12 Hoàng Văn Thụ, phường Phan Đình Phùng", "Số điện thoại: 0905123456",
                   "Email: huong@example.vn", "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:",
                   "Bổ sung bản sao giấy chứng sinh có chứng thực",
                   "Lý do: thành phần hồ sơ chưa đầy đủ", "liên hệ với Lê Văn Tiếp",
                   "NGƯỜI HƯỚNG DẪN", "Số: 7/PXL"),
    "refusal": ("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Ông/Bà: Nguyễn Thị Hường",
                "Địa chỉ: 12 Hoàng Văn Thụ, phường Phan Đình Phùng", "Số điện thoại: 0905123456",
                "Email: huong@example.vn", "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
                "lý do cụ thể như sau: Hồ sơ không thuộc thẩm quyền giải quyết",
                "NGƯỜI TIẾP NHẬN HỒ SƠ"),
    "apology": ("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Số: 7/PXL",
                "Kính gửi: Ông/Bà Nguyễn Thị Hường",
                "Thời hạn trả kết quả giải quyết hồ sơ theo quy định: ngày 02 tháng 12 năm 2026",
                "Lý do: Chờ xác minh thông tin hộ tịch",
                "trả kết quả giải quyết hồ sơ cho ông/bà vào ngày 09 tháng 12 năm 2026",
                "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đặng Quốc Bảo",
                "(Ký, ghi rõ họ tên và đóng dấu)"),
    "control": ("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
                "Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
                "Cơ quan (bộ phận) giải quyết hồ sơ:", "Cơ quan phối hợp giải quyết hồ sơ: Không",
                "Tên cơ quan", "Thời gian giao, nhận hồ sơ", "Kết quả giải quyết hồ sơ",
                "Ghi chú", "1. Giao: Tổ chức, cá nhân (Nguyễn Thị Hường)", "Nhận: Lê Văn Tiếp",
                "2. Giao: Lê Văn Tiếp", "Nhận: Phạm Thẩm Định", "Trước hạn",
                "08 giờ 00 phút, ngày 28 tháng 11 năm 2026"),
    slips.PAYMENT_RECEIPT: ("BIÊN NHẬN THANH TOÁN PHÍ, LỆ PHÍ", "25.000 đồng", CODE + "_abc"),
}


@pytest.mark.parametrize("name", slips.KINDS)
def test_paper_is_a_pdf_with_the_motto_and_agency(rendered, texts, name):
    assert rendered[name].startswith(b"%PDF-")
    missing = [f for f in COMMON if f not in texts[name]]
    assert missing == []


@pytest.mark.parametrize("name", slips.KINDS)
def test_paper_has_every_field_its_form_requires(texts, name):
    missing = [f for f in FIELDS[name] if f not in texts[name]]
    assert missing == []


def test_control_slip_names_people_not_logins(texts):
    assert "citizen1" not in texts["control"] and "system" not in texts["control"]


@pytest.mark.parametrize("name", slips.KINDS)
def test_qr_carries_what_circular_01_2023_asks(rendered, name):
    text = qr_of(rendered[name])
    assert text is not None
    lines = text.splitlines()
    assert lines[0] == TRACK
    for wanted in (f"Mã hồ sơ: {CODE}", "Mã TTHC: 1.001193", "Mã định danh: 019190001234",
                   f"Giấy tờ: {slips.TITLES[name]}", f"Hệ thống: {slips.SYSTEM_NAME}",
                   "Thời điểm xuất bản: 09:30 27/11/2026"):
        assert wanted in lines


def test_receipt_qr_adds_the_appointment(rendered):
    assert "Ngày hẹn trả kết quả: 02/12/2026" in qr_of(rendered["receipt"]).splitlines()


def test_the_identifier_stays_out_of_the_address(rendered):
    assert "019190001234" not in qr_of(rendered["receipt"]).splitlines()[0]


def test_decomposed_input_extracts_as_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    assert "Nguyễn Thị Hường" in text_of(slip_forms.render("receipt", facts(applicant_name=decomposed)))


def test_missing_contact_says_so_instead_of_leaving_a_blank():
    text = text_of(slip_forms.render("refusal", facts(applicant_email="", applicant_phone="")))
    assert "Email: Không kê khai" in text and "Số điện thoại: Không kê khai" in text


def test_unknown_paper_is_a_key_error():
    with pytest.raises(KeyError):
        slip_forms.render("invoice", facts())


def test_a_paper_is_dated_at_the_place_it_is_given():
    text = text_of(slip_forms.render("receipt", facts(place="Phổ Yên")))
    assert "Phổ Yên, ngày 27 tháng 11 năm 2026" in text and "Thái Nguyên, ngày" not in text
