"""Journey: the slips appear as the dossier moves, and print what the officers wrote.

Each transition is fired over HTTP by the officer the workflow names; each
slip is fetched as a PDF and read back with pypdf (Vietnamese intact).
"""
from datetime import timedelta

import pytest
from samples import pdf_text

from tthc_docs import timeutil
from payment_helpers import file_dossier, receive

JSON = {"Accept": "application/json"}


@pytest.fixture
def received(edit_site):
    """The code of a paid dossier of citizen1, received by reception1."""
    with edit_site() as site:
        dossier = file_dossier(site)
        receive(site, dossier)
        return dossier.code


@pytest.fixture
def submitted(edit_site):
    with edit_site() as site:
        return file_dossier(site).code


def fire(client, code, action, note="", **extra):
    return client.post_json(f"/dossiers/{code}/@@transition", dict(action=action, note=note, **extra),
                            headers=JSON)


def slip(client, code, name, status=200):
    return client.get(f"/dossiers/{code}/@@slip/{name}", headers=JSON, status=status)


def test_receipt_slip_is_a_pdf(login, received):
    res = slip(login("citizen1"), received, "receipt")
    assert res.content_type == "application/pdf" and res.body.startswith(b"%PDF-")


def test_receipt_slip_names_the_receiving_officer_and_the_code(login, received):
    text = pdf_text(slip(login("citizen1"), received, "receipt").body)
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text and f"Mã hồ sơ: {received}" in text


def test_receipt_slip_prints_the_applicant_from_the_vault(login, received):
    assert "Nguyễn Thị Lan" in pdf_text(slip(login("reception1"), received, "receipt").body)


def test_receipt_slip_points_the_qr_caption_to_tracking(login, received):
    assert "/@@track?code=" in pdf_text(slip(login("citizen1"), received, "receipt").body)


def test_supplement_slip_prints_the_request(login, received):
    fire(login("reception1"), received, "request_supplement", "Bổ sung tờ khai có chữ ký")
    assert "Bổ sung tờ khai có chữ ký" in pdf_text(slip(login("citizen1"), received, "supplement").body)


def test_refusal_slip_prints_the_reason(login, submitted):
    fire(login("reception1"), submitted, "reject", "Không thuộc thẩm quyền giải quyết")
    text = pdf_text(slip(login("citizen1"), submitted, "refusal").body)
    assert "Không thuộc thẩm quyền giải quyết" in text


def test_refused_dossier_has_no_receipt_slip(login, submitted):
    fire(login("reception1"), submitted, "reject", "Không thuộc thẩm quyền giải quyết")
    assert slip(login("citizen1"), submitted, "receipt", status=409).json["error"]["message"]


def test_apology_slip_prints_the_new_appointment(login, received):
    new_day = timeutil.now().date() + timedelta(days=30)
    fire(login("reception1"), received, "apologize", "Chờ xác minh thông tin",
         new_due=new_day.isoformat())
    text = pdf_text(slip(login("citizen1"), received, "apology").body)
    assert f"ngày {new_day.day:02d} tháng {new_day.month:02d} năm {new_day.year}" in text


def test_control_slip_lists_the_receipt(login, received):
    assert "Tiếp nhận" in pdf_text(slip(login("specialist1"), received, "control").body)


def test_payment_receipt_prints_the_reference(login, received):
    res = login("citizen1").get(f"/dossiers/{received}/@@payment-receipt", headers=JSON)
    assert f"{received}_test" in pdf_text(res.body)


def test_fee_page_links_the_slips_of_a_received_dossier(login, received):
    page = login("citizen1").get(f"/dossiers/{received}/@@pay", headers={"Accept": "text/html"})
    assert page.html.find("a", href=f"http://example.com/dossiers/{received}/@@slip/receipt")


def test_fee_page_offers_reception_the_counter_form(login, submitted):
    page = login("reception1").get(f"/dossiers/{submitted}/@@pay", headers={"Accept": "text/html"})
    assert page.html.find("form", action=f"http://example.com/dossiers/{submitted}/@@payment-counter")


def test_fee_page_offers_the_owner_the_pay_button(login, submitted):
    page = login("citizen1").get(f"/dossiers/{submitted}/@@pay", headers={"Accept": "text/html"})
    assert page.html.find("form", action=f"http://example.com/dossiers/{submitted}/@@pay")
