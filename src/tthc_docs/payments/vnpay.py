"""Adapter for a VNPay-like redirect-and-signed-callback gateway.

The protocol (VNPay's "Payment gateway 2.1.0" shape, which most Vietnamese
gateways copy):

- the merchant redirects the browser to ``<gateway>?vnp_...&vnp_SecureHash=``
  with the amount in hundredths of a đồng (``vnp_Amount`` = đồng x 100), a
  merchant transaction reference ``vnp_TxnRef``, a return URL and a creation
  time ``yyyyMMddHHmmss`` in Vietnam time;
- the gateway sends the browser back to the return URL with signed result
  parameters (``vnp_ResponseCode`` "00" = paid) - display only, never trusted
  to change anything;
- the gateway also notifies the merchant server to server (IPN) with the same
  signed result plus ``vnp_Nonce`` and ``vnp_NotifyDate``: the merchant
  verifies the signature, refuses a notification outside the freshness
  window, and answers ``{"RspCode", "Message"}``.

``vnp_IpnUrl`` (signed, in the redirect) tells the development gateway where
to notify; a production gateway has it configured in its merchant portal and
ignores it.
"""
import json
import secrets
import urllib.error
import urllib.request
from datetime import datetime, timedelta

from tthc_docs.payments import signing
from tthc_docs.payments.base import (PaymentOutcome, PaymentProvider, PaymentRefused,
                                     RefundResult)
from tthc_docs.timeutil import VN_TZ

VERSION = "2.1.0"
DATE_FORMAT = "%Y%m%d%H%M%S"
SUCCESS = "00"

# Answers to a notification (VNPay's codes, plus 94 for a replay or a stale one).
ACK_OK = "00"
ACK_NOT_FOUND = "01"
ACK_ALREADY = "02"
ACK_AMOUNT = "04"
ACK_REPLAY = "94"
ACK_SIGNATURE = "97"
ACK_UNKNOWN = "99"


def format_time(dt):
    """``yyyyMMddHHmmss`` in Vietnam time, as the gateway writes dates."""
    return dt.astimezone(VN_TZ).strftime(DATE_FORMAT)


def parse_time(text):
    """The inverse of ``format_time``; ``None`` for a missing or malformed value."""
    try:
        return datetime.strptime(str(text), DATE_FORMAT).replace(tzinfo=VN_TZ)
    except (TypeError, ValueError):
        return None


class SignedRedirectGateway(PaymentProvider):
    """HMAC-SHA512 signed redirect, return and notification (VNPay-like)."""

    name = "vnpay"

    def __init__(self, gateway_url, merchant, secret, window=timedelta(minutes=10),
                 expire_after=timedelta(minutes=15), refund_url=None, timeout=15):
        if not (gateway_url and merchant and secret):
            raise ValueError("payment gateway_url, merchant and secret must all be set")
        self.gateway_url = gateway_url
        # VNPay's merchant API (querydr/refund) sits beside the pay URL
        self.refund_url = refund_url or gateway_url.rsplit("/", 1)[0] + "/refund"
        self.timeout = timeout
        self.merchant = merchant
        self.secret = secret
        self.window = window
        self.expire_after = expire_after

    def redirect_url(self, request):
        params = {
            "vnp_Version": VERSION,
            "vnp_Command": "pay",
            "vnp_TmnCode": self.merchant,
            "vnp_Amount": str(int(request.amount) * 100),
            "vnp_CurrCode": "VND",
            "vnp_TxnRef": request.reference,
            "vnp_OrderInfo": request.description,
            "vnp_OrderType": "billpayment",
            "vnp_Locale": "vn",
            "vnp_ReturnUrl": request.return_url,
            "vnp_IpnUrl": request.notify_url,
            "vnp_IpAddr": request.client_ip or "127.0.0.1",
            "vnp_CreateDate": format_time(request.created_at),
            "vnp_ExpireDate": format_time(request.created_at + self.expire_after),
        }
        separator = "&" if "?" in self.gateway_url else "?"
        return self.gateway_url + separator + signing.signed_query(params, self.secret)

    def read_return(self, params):
        return self._outcome(self._verified(params))

    def read_notification(self, params, now):
        params = self._verified(params)
        outcome = self._outcome(params)
        if not outcome.nonce or outcome.sent_at is None:
            raise PaymentRefused("notification without nonce or time", ACK_SIGNATURE, 400,
                                 outcome.reference)
        if abs(now - outcome.sent_at) > self.window:
            raise PaymentRefused(f"notification outside the {self.window} window "
                                 f"(sent {outcome.sent_at.isoformat()})", ACK_REPLAY, 409,
                                 outcome.reference)
        return outcome

    def refund(self, reference, transaction_no, amount, paid_at, by, now):
        """VNPay's refund command (full refund, type 02), signed; the gateway's signed answer."""
        params = signing.sign({
            "vnp_RequestId": secrets.token_hex(8), "vnp_Version": VERSION,
            "vnp_Command": "refund", "vnp_TmnCode": self.merchant,
            "vnp_TransactionType": "02", "vnp_TxnRef": reference,
            "vnp_Amount": str(int(amount) * 100), "vnp_TransactionNo": transaction_no,
            "vnp_TransactionDate": format_time(paid_at), "vnp_CreateBy": by,
            "vnp_CreateDate": format_time(now), "vnp_IpAddr": "127.0.0.1",
            "vnp_OrderInfo": f"Hoan tien thanh toan trung {reference}"}, self.secret)
        req = urllib.request.Request(self.refund_url, data=json.dumps(params).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as answer:
                body = json.loads(answer.read())
        except (OSError, ValueError) as exc:
            return RefundResult(False, "unreachable", str(exc)[:200])
        body = {str(k): str(v) for k, v in body.items()} if isinstance(body, dict) else {}
        if not signing.is_signed_by(body, self.secret):
            return RefundResult(False, ACK_SIGNATURE, "unsigned or forged refund answer")
        code = body.get("vnp_ResponseCode", "")
        return RefundResult(code == SUCCESS, code, body.get("vnp_Message", ""))

    def acknowledge(self, code, message):
        return {"RspCode": code, "Message": message}

    def _verified(self, params):
        """Plain ``str`` parameters once the signature and merchant check out."""
        params = {str(k): str(v) for k, v in dict(params).items()}
        if not signing.is_signed_by(params, self.secret):
            raise PaymentRefused("invalid signature", ACK_SIGNATURE, 403,
                                 params.get("vnp_TxnRef"))
        if params.get("vnp_TmnCode") != self.merchant:
            raise PaymentRefused("message for another merchant", ACK_SIGNATURE, 403,
                                 params.get("vnp_TxnRef"))
        return params

    def _outcome(self, params):
        reference = params.get("vnp_TxnRef", "")
        try:
            hundredths = int(params.get("vnp_Amount", ""))
        except ValueError:
            raise PaymentRefused("malformed amount", ACK_AMOUNT, 422, reference) from None
        if hundredths < 0 or hundredths % 100:
            raise PaymentRefused("amount is not whole đồng", ACK_AMOUNT, 422, reference)
        code = params.get("vnp_ResponseCode", "")
        return PaymentOutcome(
            reference=reference,
            amount=hundredths // 100,
            success=code == SUCCESS and params.get("vnp_TransactionStatus", SUCCESS) == SUCCESS,
            gateway_code=code,
            transaction_no=params.get("vnp_TransactionNo", ""),
            paid_at=parse_time(params.get("vnp_PayDate")),
            nonce=params.get("vnp_Nonce", ""),
            sent_at=parse_time(params.get("vnp_NotifyDate")),
            raw=params,
        )


def result_params(request_params, *, success, transaction_no, paid_at, bank="NCB"):
    """The gateway's result for a payment request (used by the development gateway)."""
    return {
        "vnp_TmnCode": request_params["vnp_TmnCode"],
        "vnp_Amount": request_params["vnp_Amount"],
        "vnp_BankCode": bank,
        "vnp_OrderInfo": request_params.get("vnp_OrderInfo", ""),
        "vnp_PayDate": format_time(paid_at),
        "vnp_ResponseCode": SUCCESS if success else "24",
        "vnp_TransactionNo": transaction_no,
        "vnp_TransactionStatus": SUCCESS if success else "02",
        "vnp_TxnRef": request_params["vnp_TxnRef"],
    }
