"""Payment use cases: start a payment, and act on a gateway notification.

No web imports: the views hand in the provider, the parameters and a way to
find a dossier.  The notification is the only thing that changes a dossier
(the browser's return is display only), and it does so once: a forged,
stale, replayed or wrong-amount message is refused, logged, and leaves the
dossier exactly as it was.
"""
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from pyramid.traversal import find_root

from tthc_docs import timeutil
from tthc_docs.dossiers.states import PAYABLE
from tthc_docs.errors import DomainError, Invalid, NotFound, StateConflict, Words
from tthc_docs.payments import vnpay
from tthc_docs.payments.base import COUNTER_PROVIDER, PaymentRefused, PaymentRequest
from tthc_docs.payments.ledger import FAILED, PAID, PENDING, ledger_for
from tthc_docs.text.messages import Message
from tthc_docs.payments.refunds import FAILED as FAILED_REFUND, REFUNDED

log = logging.getLogger("tthc_docs.payments")

SEPARATOR = "_"
#: How long an attempt stays payable when the provider does not say (VNPay's default).
ATTEMPT_LIFETIME = timedelta(minutes=15)


@dataclass(frozen=True)
class Ack:
    """The answer to a notification: HTTP status, gateway code and message."""

    status: int
    code: str
    message: str
    reference: str = ""

    @property
    def accepted(self):
        return self.status == 200


def reference_for(code):
    """A fresh transaction reference that names its dossier: ``<code>_<hex>``."""
    return f"{code}{SEPARATOR}{secrets.token_hex(5)}"


def dossier_code_of(reference):
    """The dossier code inside a transaction reference ('' when there is none)."""
    code, sep, _ = str(reference or "").rpartition(SEPARATOR)
    return code if sep else ""


def start(dossier, provider, *, return_url, notify_url, client_ip, now):
    """Open a payment attempt for the dossier's fee; the gateway URL to send the browser to.

    One open attempt per dossier: while one is still payable at the gateway
    (until its expiry), another is refused (409), so two cannot both be paid.
    """
    if dossier.is_paid:
        raise StateConflict("Hồ sơ đã được thanh toán.", allowed=())
    if not dossier.fee_amount:
        raise StateConflict("Hồ sơ này không phải nộp phí, lệ phí.", allowed=())
    if dossier.status not in PAYABLE:
        raise StateConflict("Chỉ thanh toán trực tuyến khi hồ sơ chờ tiếp nhận.", allowed=())
    ledger = ledger_for(dossier, create=True)
    lifetime = getattr(provider, "expire_after", ATTEMPT_LIFETIME)
    open_ref = ledger.open_attempt(now, lifetime)
    if open_ref is not None:
        until = timeutil.format_datetime(ledger.attempt(open_ref)["started_at"] + lifetime)
        raise StateConflict(Message("Đang có một giao dịch thanh toán chưa kết thúc "
                                    "(${reference}); hãy hoàn tất giao dịch đó hoặc thử lại "
                                    "sau ${until}.", reference=open_ref, until=until),
                            allowed=())
    reference = reference_for(dossier.code)
    amount = int(dossier.fee_amount)
    ledger.add_attempt(reference, amount, now)
    log.info("payment started: dossier=%s reference=%s amount=%d", dossier.code, reference, amount)
    return provider.redirect_url(PaymentRequest(
        reference=reference, amount=amount,
        description=f"Thanh toan phi, le phi ho so {dossier.code}",
        return_url=return_url, notify_url=notify_url, client_ip=client_ip, created_at=now))


def notify(provider, params, find_dossier, now, remote=""):
    """Act on a gateway notification; never raises, always an ``Ack``.

    ``find_dossier(code)`` returns the dossier or None.
    """
    try:
        return _accept(provider, params, find_dossier, now)
    except PaymentRefused as refused:
        log.warning("payment notification refused: %s (reference=%s, from=%s)",
                    refused.reason, refused.reference or "-", remote or "-")
        return Ack(refused.status, refused.code, refused.reason, refused.reference or "")


def _accept(provider, params, find_dossier, now):
    outcome = provider.read_notification(params, now)
    ref = outcome.reference
    dossier = find_dossier(dossier_code_of(ref)) if dossier_code_of(ref) else None
    ledger = ledger_for(dossier) if dossier is not None else None
    attempt = ledger.attempt(ref) if ledger is not None else None
    if attempt is None:
        raise PaymentRefused("unknown transaction reference", vnpay.ACK_NOT_FOUND, 404, ref)
    if ledger.seen(outcome.nonce):
        raise PaymentRefused("replayed notification (nonce already used)", vnpay.ACK_REPLAY, 409, ref)
    if outcome.amount != attempt["amount"] or outcome.amount != int(dossier.fee_amount or 0):
        raise PaymentRefused(f"amount {outcome.amount} does not match the fee due "
                             f"{dossier.fee_amount}", vnpay.ACK_AMOUNT, 422, ref)
    if attempt["state"] != PENDING or dossier.is_paid:
        return _again(ledger, attempt, dossier, outcome, now, ref)
    if not outcome.success:
        ledger.remember(outcome.nonce, now)
        ledger.settle(ref, FAILED, outcome.gateway_code)
        log.info("payment failed: reference=%s gateway_code=%s", ref, outcome.gateway_code)
        return Ack(200, vnpay.ACK_OK, "Confirm Success", ref)
    try:
        dossier.record_payment(provider.name, ref, outcome.amount, outcome.paid_at or now)
    except DomainError as exc:
        raise PaymentRefused(f"the dossier refused the payment: {exc.message}",
                             vnpay.ACK_UNKNOWN, exc.status, ref) from None
    ledger.remember(outcome.nonce, now)
    ledger.settle(ref, PAID, outcome.gateway_code, outcome.transaction_no)
    ledger.receive(ref, outcome.transaction_no, outcome.amount, outcome.paid_at or now, False)
    log.info("payment recorded: dossier=%s reference=%s amount=%d", dossier.code, ref, outcome.amount)
    return Ack(200, vnpay.ACK_OK, "Confirm Success", ref)


def _again(ledger, attempt, dossier, outcome, now, ref):
    """A notification after the fee was paid: the same payment again, or money taken twice.

    The same gateway transaction reported again is acknowledged "already
    confirmed" (02).  Any other success (another attempt, or this attempt
    completed a second time) is money the citizen paid twice: recorded,
    acknowledged, and flagged for refund in the site's queue.
    """
    same = (attempt["state"] == PAID
            and attempt.get("transaction_no", "") == outcome.transaction_no)
    if same or not outcome.success or not dossier.is_paid:
        log.info("payment notification repeated: reference=%s", ref)
        return Ack(200, vnpay.ACK_ALREADY, "Order already confirmed", ref)
    ledger.remember(outcome.nonce, now)
    paid_at = outcome.paid_at or now
    ledger.receive(ref, outcome.transaction_no, outcome.amount, paid_at, True)
    find_root(dossier).refunds.flag(dossier.code, ref, outcome.transaction_no, outcome.amount,
                                    paid_at, now)
    log.warning("duplicate payment flagged for refund: dossier=%s reference=%s transaction=%s "
                "amount=%d", dossier.code, ref, outcome.transaction_no, outcome.amount)
    return Ack(200, vnpay.ACK_OK, "Confirm Success (duplicate, to be refunded)", ref)


def refund(queue, key, provider, by, now):
    """Ask the gateway to give back a duplicate payment; the queue item, settled."""
    item = queue.get(key)
    if item is None:
        raise NotFound("Không có khoản hoàn tiền này.")
    if item["state"] == REFUNDED:
        raise StateConflict("Khoản này đã được hoàn tiền.", allowed=())
    result = provider.refund(item["reference"], item["transaction_no"], item["amount"],
                             item["paid_at"], by, now)
    state = REFUNDED if result.success else FAILED_REFUND
    log.info("refund %s: dossier=%s reference=%s transaction=%s gateway_code=%s", state,
             item["dossier"], item["reference"], item["transaction_no"], result.code)
    return queue.settle(key, state, by, now, result.code)


def record_counter_payment(dossier, officer, now, receipt_no=""):
    """Reception took the fee in cash at the counter (a paper receipt, biên lai).

    The same paper receipt number twice is one payment (idempotent by
    reference); without one, a reference is made from the dossier code.
    The number becomes part of the reference: a short text without '/'.
    """
    if not isinstance(receipt_no, str) or len(receipt_no) > 40 or "/" in receipt_no:
        raise Invalid("Số biên lai không hợp lệ.", {"receipt_no": "tối đa 40 ký tự, không có '/'"})
    if dossier.is_paid:
        raise StateConflict("Hồ sơ đã được thanh toán hoặc không phải nộp phí.", allowed=())
    if dossier.status not in PAYABLE:
        raise StateConflict("Chỉ thu phí khi hồ sơ chờ tiếp nhận.", allowed=())
    receipt_no = str(receipt_no or "").strip()
    reference = f"{dossier.code}{SEPARATOR}{receipt_no or 'quay-' + secrets.token_hex(4)}"
    dossier.record_payment(COUNTER_PROVIDER, reference, int(dossier.fee_amount), now)
    log.info("counter payment: dossier=%s reference=%s by=%s", dossier.code, reference, officer)
    return reference


def payable_by(dossier, login):
    """May ``login`` pay this dossier's fee online now? Its owner, while it waits for reception."""
    return (login is not None and login == dossier.owner and not dossier.is_paid
            and dossier.status in PAYABLE)


def is_recorded(dossier, reference):
    """Has the notification for ``reference`` already recorded the payment on ``dossier``?"""
    return bool(dossier is not None and dossier.payment
                and dossier.payment.get("reference") == reference)
