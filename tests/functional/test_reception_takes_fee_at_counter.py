"""Journey: a dossier filed at the counter; reception takes the fee in cash, then receives it."""
import pytest

from payment_helpers import file_dossier

JSON = {"Accept": "application/json"}


@pytest.fixture
def counter_dossier(edit_site):
    with edit_site() as site:
        return file_dossier(site, channel="counter").code


def take_fee(client, code, receipt_no="BL-0001", status=200):
    return client.post_json(f"/dossiers/{code}/@@payment-counter", {"receipt_no": receipt_no},
                            headers=JSON, status=status)


def test_counter_fee_is_the_full_fee(login, counter_dossier):
    assert take_fee(login("reception1"), counter_dossier).json["amount"] == 8000


def test_cash_payment_marks_the_dossier_paid(login, counter_dossier):
    take_fee(login("reception1"), counter_dossier)
    res = login("citizen1").get(f"/dossiers/{counter_dossier}", headers=JSON)
    assert res.json["fee"]["paid"] is True


def test_reception_receives_after_taking_the_fee(login, counter_dossier):
    reception = login("reception1")
    take_fee(reception, counter_dossier)
    res = reception.post_json(f"/dossiers/{counter_dossier}/@@transition",
                              {"action": "receive", "note": ""}, headers=JSON)
    assert res.json["status"] == "received"


def test_the_fee_cannot_be_taken_twice(login, counter_dossier):
    reception = login("reception1")
    take_fee(reception, counter_dossier)
    take_fee(reception, counter_dossier, "BL-0002", status=409)


def test_a_bad_receipt_number_is_refused(login, counter_dossier):
    res = take_fee(login("reception1"), counter_dossier, "x" * 41, status=422)
    assert "receipt_no" in res.json["error"]["fields"]


def test_counter_payment_receipt_names_the_paper_receipt(login, counter_dossier):
    take_fee(login("reception1"), counter_dossier, "BL-0042")
    res = login("citizen1").get(f"/dossiers/{counter_dossier}/@@payment-receipt", headers=JSON)
    assert res.content_type == "application/pdf"
