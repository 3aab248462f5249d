"""The payment adapter and service: signature, tampering, replay, idempotency, amounts."""
import logging
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

import pytest

from tthc_docs.errors import StateConflict
from tthc_docs.payments import provider_from_settings, service, signing, vnpay
from tthc_docs.payments.base import PaymentRefused
from tthc_docs.payments.ledger import ledger_for
from tthc_docs.timeutil import VN_TZ

SECRET = "unit-test-secret"
MERCHANT = "TTHCDEV"
NOW = datetime(2026, 11, 27, 9, 30, tzinfo=VN_TZ)
CODE = "000.00.20.H55-261127-0001"


class Payable:
    """The slice of the Dossier contract that payments use (issue 6, resources/dossiers.py)."""

    def __init__(self, fee=25_000, status="submitted"):
        self.code, self.fee_amount, self.status = CODE, fee, status
        self.payment, self.recorded = None, []

    @property
    def is_paid(self):
        return self.payment is not None

    def record_payment(self, provider, reference, amount, paid_at):
        self.recorded.append(reference)
        if self.payment is None:
            self.payment = {"provider": provider, "reference": reference, "amount": amount,
                            "paid_at": paid_at}


@pytest.fixture
def provider():
    return vnpay.SignedRedirectGateway("http://127.0.0.1:1/pay", MERCHANT, SECRET)


@pytest.fixture
def dossier():
    return Payable()


def start(provider, dossier):
    """Start a payment; the request parameters the gateway would receive."""
    url = service.start(dossier, provider, return_url="http://127.0.0.1:2/@@payment-return",
                        notify_url="http://127.0.0.1:2/@@payment-notify", client_ip="127.0.0.1",
                        now=NOW)
    return dict(parse_qsl(urlsplit(url).query))


def notification(request, success=True, nonce="n-1", sent=NOW, secret=SECRET, **over):
    """A gateway notification for ``request``, signed unless told otherwise."""
    params = vnpay.result_params(request, success=success, transaction_no="14226112",
                                 paid_at=sent)
    params.update(vnp_Nonce=nonce, vnp_NotifyDate=vnpay.format_time(sent), **over)
    return signing.sign(params, secret)


def notify(provider, dossier, params, now=NOW):
    return service.notify(provider, params, lambda code: dossier if code == CODE else None, now)


def test_redirect_is_signed_and_carries_amount_in_hundredths(provider, dossier):
    request = start(provider, dossier)
    assert signing.is_signed_by(request, SECRET) and request["vnp_Amount"] == "2500000"


def test_redirect_reference_names_the_dossier(provider, dossier):
    assert service.dossier_code_of(start(provider, dossier)["vnp_TxnRef"]) == CODE


def test_valid_notification_records_the_payment(provider, dossier):
    ack = notify(provider, dossier, notification(start(provider, dossier)))
    assert (ack.status, ack.code, dossier.payment["amount"]) == (200, "00", 25_000)


def test_paid_at_comes_from_the_gateway(provider, dossier):
    notify(provider, dossier, notification(start(provider, dossier)))
    assert dossier.payment["paid_at"] == NOW


def test_bad_signature_is_refused(provider, dossier):
    params = notification(start(provider, dossier), secret="someone-else")
    ack = notify(provider, dossier, params)
    assert (ack.status, ack.code, dossier.payment) == (403, "97", None)


def test_tampered_amount_breaks_the_signature(provider, dossier):
    params = notification(start(provider, dossier))
    params["vnp_Amount"] = "100"
    assert notify(provider, dossier, params).code == "97" and not dossier.is_paid


def test_signed_wrong_amount_is_refused(provider, dossier):
    params = notification(start(provider, dossier), vnp_Amount="1000000")
    ack = notify(provider, dossier, params)
    assert (ack.status, ack.code, dossier.is_paid) == (422, "04", False)


def test_notification_for_another_merchant_is_refused(provider, dossier):
    params = notification(start(provider, dossier), vnp_TmnCode="OTHER")
    assert notify(provider, dossier, params).status == 403


def test_replayed_notification_is_refused(provider, dossier):
    params = notification(start(provider, dossier))
    notify(provider, dossier, params)
    ack = notify(provider, dossier, params)
    assert (ack.status, ack.code) == (409, "94")


def test_replay_leaves_the_dossier_unchanged(provider, dossier):
    params = notification(start(provider, dossier))
    notify(provider, dossier, params)
    notify(provider, dossier, params)
    assert len(dossier.recorded) == 1


def test_replay_is_logged(provider, dossier, caplog):
    params = notification(start(provider, dossier))
    notify(provider, dossier, params)
    with caplog.at_level(logging.WARNING, logger="tthc_docs.payments"):
        notify(provider, dossier, params)
    assert "replayed" in caplog.text


def test_stale_notification_is_refused(provider, dossier):
    params = notification(start(provider, dossier), sent=NOW - timedelta(hours=1))
    ack = notify(provider, dossier, params)
    assert (ack.status, ack.code, dossier.is_paid) == (409, "94", False)


def test_notification_without_nonce_is_refused(provider, dossier):
    params = notification(start(provider, dossier), nonce="")
    assert notify(provider, dossier, params).status == 400


def test_same_reference_twice_changes_nothing(provider, dossier):
    request = start(provider, dossier)
    notify(provider, dossier, notification(request, nonce="a"))
    ack = notify(provider, dossier, notification(request, nonce="b"))
    assert (ack.status, ack.code, dossier.recorded) == (200, "02", [request["vnp_TxnRef"]])


def test_unknown_reference_is_refused(provider, dossier):
    request = dict(start(provider, dossier), vnp_TxnRef=CODE + "_0000000000")
    ack = notify(provider, dossier, notification(request))
    assert (ack.status, ack.code) == (404, "01")


def test_unknown_dossier_is_refused(provider, dossier):
    request = dict(start(provider, dossier), vnp_TxnRef="nope_123")
    assert notify(provider, dossier, notification(request)).status == 404


def test_failed_payment_is_acknowledged_but_not_recorded(provider, dossier):
    request = start(provider, dossier)
    ack = notify(provider, dossier, notification(request, success=False))
    assert (ack.code, dossier.is_paid, ledger_for(dossier).attempt(request["vnp_TxnRef"])["state"]) \
        == ("00", False, "failed")


def test_forged_notification_is_logged(provider, dossier, caplog):
    params = notification(start(provider, dossier), secret="forger")
    with caplog.at_level(logging.WARNING, logger="tthc_docs.payments"):
        notify(provider, dossier, params)
    assert "invalid signature" in caplog.text


def test_return_parameters_are_verified(provider, dossier):
    result = signing.sign(vnpay.result_params(start(provider, dossier), success=True,
                                              transaction_no="1", paid_at=NOW), SECRET)
    assert provider.read_return(result).success


def test_tampered_return_is_refused(provider, dossier):
    result = signing.sign(vnpay.result_params(start(provider, dossier), success=False,
                                              transaction_no="1", paid_at=NOW), SECRET)
    result["vnp_ResponseCode"] = "00"
    with pytest.raises(PaymentRefused):
        provider.read_return(result)


def test_start_refuses_a_paid_dossier(provider, dossier):
    notify(provider, dossier, notification(start(provider, dossier)))
    with pytest.raises(StateConflict):
        start(provider, dossier)


def test_start_refuses_a_free_dossier(provider):
    with pytest.raises(StateConflict):
        start(provider, Payable(fee=0))


def test_start_refuses_after_receipt(provider):
    with pytest.raises(StateConflict):
        start(provider, Payable(status="received"))


def test_canonical_form_sorts_and_encodes():
    assert signing.canonical({"vnp_b": "x y", "vnp_a": "đ", "other": "1"}) == "vnp_a=%C4%91&vnp_b=x+y"


def test_provider_from_settings_names_the_missing_setting():
    with pytest.raises(ValueError, match="tthc_docs.payment.secret"):
        provider_from_settings({"tthc_docs.payment.gateway_url": "http://x",
                                "tthc_docs.payment.merchant": "M"})


def test_counter_payment_is_recorded_with_the_paper_receipt_number(dossier):
    service.record_counter_payment(dossier, "reception1", NOW, "BL-0042")
    assert dossier.payment["reference"] == CODE + "_BL-0042"


def test_counter_payment_twice_is_refused(dossier):
    service.record_counter_payment(dossier, "reception1", NOW, "BL-0042")
    with pytest.raises(StateConflict):
        service.record_counter_payment(dossier, "reception1", NOW, "BL-0043")
