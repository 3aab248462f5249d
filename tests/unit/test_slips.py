"""The standard slips as real PDFs: parsed back, Vietnamese text intact, code and QR present."""
import dataclasses
import io
import unicodedata
from datetime import date, datetime

import pypdf
import pytest

from tthc_docs.dossiers import slips
from tthc_docs.timeutil import VN_TZ

CODE = "000.00.20.H55-261127-0001"
TRACK = "http://127.0.0.1:6543/@@track?code=" + CODE


def facts(**over):
    base = slips.SlipFacts(
        code=CODE, procedure_name="Đăng ký khai sinh",
        agency_name="Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên",
        parent_agency="Ủy ban nhân dân tỉnh Thái Nguyên", track_url=TRACK,
        applicant_name="Nguyễn Thị Hường", issued_on=date(2026, 11, 27),
        applicant_address="12 Hoàng Văn Thụ, phường Phan Đình Phùng", status="received",
        received_at=datetime(2026, 11, 27, 9, 30, tzinfo=VN_TZ),
        due_at=datetime(2026, 12, 2, 17, 0, tzinfo=VN_TZ), processing_days=3,
        requirements=("Tờ khai đăng ký khai sinh", "Giấy chứng sinh"), officer_name="Lê Văn Tiếp",
        fee_amount=25_000, paid=True,
        supplement_at=datetime(2026, 11, 28, 10, 0, tzinfo=VN_TZ),
        supplement_note="Bổ sung bản sao giấy chứng sinh có chứng thực",
        refusal_note="Hồ sơ không thuộc thẩm quyền giải quyết",
        apology_reason="Chờ xác minh thông tin hộ tịch",
        apology_due_at=datetime(2026, 12, 9, 17, 0, tzinfo=VN_TZ), leader_name="Trần Văn Lãnh",
        steps=(slips.Step(datetime(2026, 11, 27, 9, 30, tzinfo=VN_TZ), "Tiếp nhận", "Lê Văn Tiếp"),
               slips.Step(datetime(2026, 11, 28, 8, 0, tzinfo=VN_TZ), "Chuyển xử lý", "Phạm Thẩm Định",
                          "thẩm định hồ sơ")),
        payment_reference=CODE + "_abc", payment_amount=25_000, payment_provider="vnpay",
        paid_at=datetime(2026, 11, 27, 9, 0, tzinfo=VN_TZ))
    return dataclasses.replace(base, **over)


def text_of(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    return unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages))


def flat(text):
    """Line breaks from wrapping removed, so phrases can be searched."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def rendered():
    everything = facts(status="rejected")
    return {name: slips.render(name, everything) for name in slips.NAMES + (slips.PAYMENT_RECEIPT,)}


@pytest.mark.parametrize("name", slips.NAMES + (slips.PAYMENT_RECEIPT,))
def test_slip_is_a_pdf(rendered, name):
    assert rendered[name].startswith(b"%PDF-")


@pytest.mark.parametrize("name", slips.NAMES + (slips.PAYMENT_RECEIPT,))
def test_slip_title_extracts_with_diacritics(rendered, name):
    assert slips.TITLES[name].upper() in flat(text_of(rendered[name]))


@pytest.mark.parametrize("name", slips.NAMES + (slips.PAYMENT_RECEIPT,))
def test_slip_carries_the_dossier_code(rendered, name):
    assert f"Mã hồ sơ: {CODE}" in flat(text_of(rendered[name]))


@pytest.mark.parametrize("name", slips.NAMES)
def test_slip_has_the_national_motto(rendered, name):
    assert "Độc lập - Tự do - Hạnh phúc" in text_of(rendered[name])


@pytest.mark.parametrize("name", slips.NAMES + (slips.PAYMENT_RECEIPT,))
def test_slip_has_a_qr_image(rendered, name):
    page = pypdf.PdfReader(io.BytesIO(rendered[name])).pages[0]
    assert len(page.images) >= 1


def test_receipt_lists_the_papers_and_the_appointment(rendered):
    text = flat(text_of(rendered["receipt"]))
    assert "Giấy chứng sinh" in text and "17 giờ 00 phút, ngày 02 tháng 12 năm 2026" in text


def test_receipt_says_the_fee_was_paid(rendered):
    assert "25.000 đồng (đã thanh toán)" in flat(text_of(rendered["receipt"]))


def test_supplement_names_what_to_add(rendered):
    assert "Bổ sung bản sao giấy chứng sinh có chứng thực" in flat(text_of(rendered["supplement"]))


def test_refusal_gives_the_reason(rendered):
    assert "không thuộc thẩm quyền giải quyết" in flat(text_of(rendered["refusal"]))


def test_apology_gives_the_new_appointment(rendered):
    assert "ngày 09 tháng 12 năm 2026" in flat(text_of(rendered["apology"]))


def test_control_lists_each_hand_over(rendered):
    assert "Chuyển xử lý: Phạm Thẩm Định" in flat(text_of(rendered["control"]))


def test_payment_receipt_shows_amount_and_reference(rendered):
    text = flat(text_of(rendered[slips.PAYMENT_RECEIPT]))
    assert "25.000 đồng" in text and CODE + "_abc" in text


def test_decomposed_input_extracts_as_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    text = flat(text_of(slips.render("receipt", facts(applicant_name=decomposed))))
    assert "Nguyễn Thị Hường" in text


def test_receipt_needs_a_received_dossier():
    assert not slips.available("receipt", facts(received_at=None))


def test_refusal_needs_a_rejected_dossier():
    assert not slips.available("refusal", facts(status="processing"))


def test_apology_needs_a_new_appointment():
    assert not slips.available("apology", facts(apology_due_at=None))


def test_supplement_needs_a_request():
    assert not slips.available("supplement", facts(supplement_at=None))


def test_payment_receipt_needs_a_payment():
    assert not slips.available(slips.PAYMENT_RECEIPT, facts(paid=False))


def test_unknown_slip_name_is_a_key_error():
    with pytest.raises(KeyError):
        slips.available("invoice", facts())


def test_counter_payment_receipt_says_where_it_was_paid():
    text = flat(text_of(slips.render(slips.PAYMENT_RECEIPT, facts(payment_provider="counter"))))
    assert "Nộp trực tiếp tại Bộ phận tiếp nhận và trả kết quả" in text
