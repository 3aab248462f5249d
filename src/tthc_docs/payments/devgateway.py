"""A development payment gateway that speaks the VNPay-like protocol for real.

For ``make run`` and the functional tests: a small WSGI app (WebOb only) that

1. shows a payment page for a signed request (``GET pay?vnp_...``), refusing
   a bad signature, an unknown merchant or an expired request;
2. when the citizen presses "Thanh toán" (or "Hủy"), signs the result, POSTs
   the server-to-server notification (with a fresh nonce and time) over HTTP
   to the ``vnp_IpnUrl`` of the request, and only then redirects the browser
   to ``vnp_ReturnUrl`` with signed result parameters.

3. refunds a payment it took (``POST refund``, VNPay's signed refund command).

It notifies loopback hosts only, so a development setting can never be
turned into a way to make the server call elsewhere.  Served standalone
(``make_app`` as a paste app factory, or ``DevGateway(...)`` under waitress)
or mounted by the main app at ``/_devgateway/`` when
``tthc_docs.payment.dev_gateway = true``.
"""
import html
import json
import logging
import secrets
import urllib.error
import urllib.request
from ipaddress import ip_address
from urllib.parse import parse_qsl, urlencode, urlsplit

from webob import Request, Response

from tthc_docs import timeutil
from tthc_docs.payments import signing, vnpay

log = logging.getLogger("tthc_docs.payments.devgateway")

LOOPBACK_NAMES = ("localhost",)


def is_loopback_url(url):
    """True for an http(s) URL whose host is a loopback address or ``localhost``."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if parts.hostname in LOOPBACK_NAMES:
        return True
    try:
        return ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


class DevGateway:
    """The WSGI app; ``merchants`` maps merchant codes to their secrets."""

    def __init__(self, merchants, timeout=10):
        self.merchants = dict(merchants)
        self.timeout = timeout
        #: Each notification sent: {"params", "status", "body"} (the merchant's answer), newest last.
        self.notifications = []
        #: Payments made: transaction number -> {"reference", "amount", "refunded"}.
        self.payments = {}

    def __call__(self, environ, start_response):
        request = Request(environ)
        path = request.path_info.strip("/")
        if path in ("", "pay") and request.method == "GET":
            response = self.page(request)
        elif path == "pay" and request.method == "POST":
            response = self.decide(request)
        elif path == "refund" and request.method == "POST":
            response = self.refund(request)
        else:
            response = _page(404, "Không tìm thấy", "<p>Cổng thanh toán thử nghiệm: không có trang này.</p>")
        return response(environ, start_response)

    def page(self, request):
        """The payment page for a signed request."""
        params, problem = self._checked(dict(request.GET))
        if problem:
            return _page(400, "Yêu cầu thanh toán không hợp lệ", f"<p>{html.escape(problem)}</p>")
        amount = timeutil.format_vnd(int(params["vnp_Amount"]) // 100)
        body = f"""
<p>Đơn vị chấp nhận thanh toán: <strong>{html.escape(params["vnp_TmnCode"])}</strong></p>
<p>Nội dung: {html.escape(params.get("vnp_OrderInfo", ""))}</p>
<p>Mã giao dịch: <code>{html.escape(params["vnp_TxnRef"])}</code></p>
<p>Số tiền: <strong id="amount">{html.escape(amount)}</strong></p>
<form method="post" action="pay">
  <input type="hidden" name="request" value="{html.escape(request.query_string)}">
  <button type="submit" name="decision" value="pay">Thanh toán</button>
  <button type="submit" name="decision" value="cancel">Hủy giao dịch</button>
</form>"""
        return _page(200, "Cổng thanh toán thử nghiệm", body)

    def decide(self, request):
        """Pay or cancel: notify the merchant's server, then send the browser back."""
        params, problem = self._checked(dict(parse_qsl(request.POST.get("request", ""))))
        if problem:
            return _page(400, "Yêu cầu thanh toán không hợp lệ", f"<p>{html.escape(problem)}</p>")
        now = timeutil.now()
        secret = self.merchants[params["vnp_TmnCode"]]
        result = vnpay.result_params(params, success=request.POST.get("decision") == "pay",
                                     transaction_no=str(secrets.randbelow(10**8)).zfill(8),
                                     paid_at=now)
        if result["vnp_ResponseCode"] == vnpay.SUCCESS:
            self.payments[result["vnp_TransactionNo"]] = {
                "reference": params["vnp_TxnRef"], "amount": params["vnp_Amount"],
                "merchant": params["vnp_TmnCode"], "refunded": False}
        self.send_notification(params["vnp_IpnUrl"], dict(
            result, vnp_Nonce=secrets.token_hex(16), vnp_NotifyDate=vnpay.format_time(now)), secret)
        location = params["vnp_ReturnUrl"]
        location += ("&" if "?" in location else "?") + signing.signed_query(result, secret)
        return Response(status=303, location=location)

    def refund(self, request):
        """VNPay's refund command: a signed JSON request, a signed JSON answer.

        Refuses (signed, with a code) an unknown merchant or signature, a
        transaction this gateway never took, another amount, or one refunded.
        """
        try:
            params = {str(k): str(v) for k, v in json.loads(request.body).items()}
        except (ValueError, AttributeError):
            return Response(status=400, json_body={"vnp_ResponseCode": "03"})
        secret = self.merchants.get(params.get("vnp_TmnCode"))
        if secret is None or not signing.is_signed_by(params, secret):
            return Response(status=403, json_body={"vnp_ResponseCode": "97"})
        paid = self.payments.get(params.get("vnp_TransactionNo"))
        if paid is None or paid["reference"] != params.get("vnp_TxnRef"):
            code, message = "91", "Không tìm thấy giao dịch"
        elif paid["amount"] != params.get("vnp_Amount"):
            code, message = "03", "Số tiền hoàn không đúng"
        elif paid["refunded"]:
            code, message = "94", "Giao dịch đã được hoàn tiền"
        else:
            paid["refunded"] = True
            code, message = vnpay.SUCCESS, "Hoàn tiền thành công"
        answer = signing.sign({"vnp_ResponseId": secrets.token_hex(8), "vnp_Command": "refund",
                               "vnp_ResponseCode": code, "vnp_Message": message,
                               "vnp_TmnCode": params["vnp_TmnCode"],
                               "vnp_TxnRef": params.get("vnp_TxnRef", ""),
                               "vnp_TransactionNo": params.get("vnp_TransactionNo", "")}, secret)
        log.info("refund of %s answered %s", params.get("vnp_TransactionNo"), code)
        return Response(json_body=answer)

    def send_notification(self, url, params, secret):
        """POST the signed notification to the merchant; record what came back."""
        params = signing.sign(params, secret)
        data = urlencode(params).encode("ascii")
        req = urllib.request.Request(url, data=data, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as answer:
                status, body = answer.status, answer.read()
        except urllib.error.HTTPError as err:
            status, body = err.code, err.read()
        except OSError as err:
            status, body = 0, str(err).encode()
        try:
            body = json.loads(body)
        except ValueError:
            body = body.decode("utf-8", "replace")
        log.info("notification for %s answered %s %s", params.get("vnp_TxnRef"), status, body)
        self.notifications.append({"params": params, "status": status, "body": body})
        return status, body

    def _checked(self, params):
        """``(params, None)`` for a valid request, else ``(params, reason)``."""
        secret = self.merchants.get(params.get("vnp_TmnCode"))
        if secret is None:
            return params, "Đơn vị chấp nhận thanh toán không tồn tại."
        if not signing.is_signed_by(params, secret):
            return params, "Sai chữ ký."
        expires = vnpay.parse_time(params.get("vnp_ExpireDate"))
        if expires is None or expires < timeutil.now():
            return params, "Yêu cầu thanh toán đã hết hạn."
        if not str(params.get("vnp_Amount", "")).isdigit():
            return params, "Số tiền không hợp lệ."
        for key in ("vnp_ReturnUrl", "vnp_IpnUrl"):
            if not is_loopback_url(params.get(key)):
                return params, f"{key} phải là địa chỉ loopback trong môi trường thử nghiệm."
        return params, None


def _page(status, title, body):
    text = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>
<body><h1>{html.escape(title)}</h1>{body}</body></html>"""
    return Response(text, status=status, content_type="text/html", charset="utf-8")


def from_settings(settings):
    """A gateway for the merchant and secret of the app's settings."""
    merchant = settings.get("tthc_docs.payment.merchant")
    secret = settings.get("tthc_docs.payment.secret")
    if not (merchant and secret):
        raise ValueError("tthc_docs.payment.merchant and .secret are needed by the dev gateway")
    return DevGateway({merchant: secret})


def make_app(global_conf, **settings):
    """Paste app factory: ``use = call:tthc_docs.payments.devgateway:make_app``."""
    return from_settings(dict(global_conf or {}, **settings))
