"""Online payment of a dossier's fee: start, the browser's return, the gateway's notification.

Thin: the rules live in ``tthc_docs.payments.service``.  ``@@pay`` opens an
attempt and sends the owner to the gateway; ``@@payment-return`` only shows
what the signed return says and whether the notification has already
recorded the payment; ``@@payment-notify`` is the one place a payment is
recorded.  It is exempt from CSRF because the gateway signs it (HMAC); a
refused notification dooms the transaction, so not even the ledger changes.
"""
from urllib.parse import parse_qs, urlsplit

from pyramid.httpexceptions import HTTPNotFound
from pyramid.request import call_app_with_subpath_as_path_info
from pyramid.security import NO_PERMISSION_REQUIRED
from pyramid.settings import asbool
from pyramid.view import view_config, view_defaults

from tthc_docs import security as s
from tthc_docs import timeutil
from tthc_docs.config import public_url
from tthc_docs.dossiers import press
from tthc_docs.dossiers.content import Dossier
from tthc_docs.errors import BadRequest, Invalid, NotAllowed, StateConflict, Words
from tthc_docs.payments import devgateway, provider_from_settings, service
from tthc_docs.payments.base import PaymentRefused
from tthc_docs.site.content import Site, find_site
from tthc_docs.web.body import read_data
from tthc_docs.web.views import ResourceViews

DEV_GATEWAY = "_devgateway"

OPENAPI_PATHS = {
    "/dossiers/{code}/@@pay": {"get": {
        "summary": "The fee page: amount, paid, the payment (owner, handling agency)",
        "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "{code, procedure, fee: {amount, paid, payment, receipt}, "
                                             "payable}"},
                      "403": {"description": "not allowed"}}}, "post": {
        "summary": "Start paying the dossier's fee online (owner); answers the gateway URL",
        "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {
            "200": {"description": "the gateway redirect", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"redirect": {"type": "string"},
                                                 "reference": {"type": "string"},
                                                 "amount": {"type": "integer"}}}}}},
            "303": {"description": "browsers are sent to the gateway"},
            "403": {"description": "not the owner"},
            "409": {"description": "nothing to pay, already paid, or the dossier was received"}}}},
    "/dossiers/{code}/@@payment-counter": {"post": {
        "summary": "Reception records the fee paid in cash at the counter",
        "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
        "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {"receipt_no": {"type": "string"}}}}}},
        "responses": {"200": {"description": "{amount, paid, payment, receipt}"},
                      "403": {"description": "not reception of the handling agency"},
                      "409": {"description": "nothing to pay, already paid, or already received"},
                      "422": {"description": "receipt_no is not a short text"}}}},
    "/@@payment-return": {"get": {
        "summary": "Where the gateway sends the browser back (signed parameters; display only)",
        "responses": {"200": {"description": "{reference, dossier, amount, success, paid, url}"},
                      "400": {"description": "missing or bad signature"}}}},
    "/@@payment-notify": {"get": {
        "summary": "The same notification as query parameters (gateways that use GET)",
        "responses": {"200": {"description": "{RspCode, Message}"},
                      "400": {"description": "malformed notification"}}}, "post": {
        "summary": "Server-to-server payment notification (HMAC-SHA512 signed; no CSRF token)",
        "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {
            "type": "object", "description": "vnp_* parameters with vnp_SecureHash, vnp_Nonce, "
                                             "vnp_NotifyDate"}}}},
        "responses": {
            "200": {"description": "{RspCode: 00 recorded | 02 already confirmed, Message}"},
            "400": {"description": "malformed notification"},
            "403": {"description": "bad signature or merchant (RspCode 97)"},
            "404": {"description": "unknown transaction reference (RspCode 01)"},
            "409": {"description": "replayed or stale notification (RspCode 94)"},
            "422": {"description": "amount differs from the fee due (RspCode 04)"}}}},
    "/@@refunds": {
        "get": {"summary": "Payments taken twice, to refund or refunded (admin)",
                "responses": {"200": {"description": "{items: [{key, dossier, reference, "
                                                     "transaction_no, amount, state, ...}]}"},
                              "403": {"description": "not an admin"}}},
        "post": {"summary": "Ask the gateway to refund one duplicate payment (admin)",
                 "requestBody": {"content": {"application/json": {"schema": {
                     "type": "object", "required": ["key"],
                     "properties": {"key": {"type": "string"}}}}}},
                 "responses": {"200": {"description": "the item, state refunded or failed"},
                               "404": {"description": "no such item"},
                               "409": {"description": "already refunded"}}}},
}


def provider(request):
    """The configured gateway adapter; 409 when online payment is not set up."""
    try:
        return provider_from_settings(request.registry.settings)
    except ValueError as exc:
        raise StateConflict(Words("Thanh toán trực tuyến chưa được cấu hình (${reason}).", reason=exc)) from None


def payment_json(request, dossier):
    """The fee part of a dossier's JSON: amount, paid, and the payment if any."""
    payment = dossier.payment or None
    return {"amount": dossier.fee_amount, "paid": dossier.is_paid,
            "payment": payment and {"provider": payment.get("provider"),
                                    "reference": payment.get("reference"),
                                    "amount": payment.get("amount"),
                                    "paid_at": timeutil.iso(payment.get("paid_at"))},
            "receipt": (request.resource_url(dossier, "@@payment-receipt")
                        if dossier.payment else None)}


@view_defaults(context=Dossier)
class DossierPayment(ResourceViews):
    """A dossier's fee: the page, paying online, and paying at the counter."""

    @view_config(name="pay", request_method="GET", permission=s.VIEW)
    def page(self):
        """The fee page: the owner's pay button, reception's counter form, the slips."""
        dossier, account = self.context, self.request.account
        return self.respond({
            "code": dossier.code, "procedure": dossier.procedure_name,
            "fee": payment_json(self.request, dossier),
            "payable": service.payable_by(dossier, account.login if account else None)},
            template="tthc_docs.templates:payments/pay.pt")

    @view_config(name="pay", request_method="POST", permission=s.OWN)
    def pay(self):
        """Open an attempt; a browser is sent to the gateway, a JSON client gets its URL.

        The gateway calls back at the one public address (``tthc_docs.public_url``),
        never at whichever host the request named: a Host header is the
        client's to choose, and the notification must reach this portal.
        """
        app = public_url(self.request.registry.settings)
        url = service.start(self.context, provider(self.request),
                            return_url=app + "/@@payment-return",
                            notify_url=app + "/@@payment-notify",
                            client_ip=self.request.client_addr or "127.0.0.1",
                            now=timeutil.now())
        return self.respond({"redirect": url, "amount": self.context.fee_amount,
                             "reference": reference_in(url)}, redirect=url)

    @view_config(name="payment-counter", request_method="POST", permission=s.RECEIVE)
    def at_counter(self):
        """Reception took the fee at the counter: the handling agency's, or the desk that received it."""
        if s.RECEPTION not in self.request.account.roles:
            raise NotAllowed("Chỉ cán bộ một cửa của cơ quan tiếp nhận được thu phí tại quầy.")
        receipt_no = read_data(self.request, {"receipt_no"}).get("receipt_no") or ""
        service.record_counter_payment(self.context, self.login, timeutil.now(), receipt_no)
        issue_papers(self.request, self.context)
        return self.respond(payment_json(self.request, self.context),
                            redirect=self.request.resource_url(self.context))


@view_defaults(context=Site, permission=NO_PERMISSION_REQUIRED)
class GatewayViews(ResourceViews):
    """What the gateway calls: the browser's return, the notification, the dev stand-in."""

    @view_config(name="payment-return", request_method="GET")
    def payment_return(self):
        """Display only: what the signed return says, and whether it is already recorded."""
        try:
            outcome = provider(self.request).read_return(self.request.GET)
        except PaymentRefused as refused:
            raise BadRequest(Words("Kết quả thanh toán không hợp lệ: ${reason}.", reason=refused.reason)) from None
        code = service.dossier_code_of(outcome.reference)
        dossier = find_site(self.context)["dossiers"].get(code) if code else None
        return self.respond({
            "reference": outcome.reference, "dossier": code, "amount": outcome.amount,
            "success": outcome.success, "paid": service.is_recorded(dossier, outcome.reference),
            "url": self.request.resource_url(dossier) if dossier is not None else None},
            template="tthc_docs.templates:payments/return.pt")

    @view_config(name="payment-notify", request_method=("POST", "GET"), require_csrf=False)
    def payment_notify(self):
        """The gateway's own JSON answer (RspCode), whatever the Accept header says."""
        gateway = provider(self.request)
        params = self.request.POST if self.request.method == "POST" else self.request.GET
        registry = find_site(self.context)["dossiers"]
        ack = service.notify(gateway, params, registry.get, timeutil.now(),
                             remote=self.request.client_addr or "")
        if not ack.accepted:
            self.request.tm.doom()
        elif service.dossier_code_of(ack.reference) in registry:
            issue_papers(self.request, registry[service.dossier_code_of(ack.reference)])
        body = gateway.acknowledge(ack.code, ack.message)
        if ack.status >= 400:
            body["error"] = {"status": ack.status, "message": ack.message}
        return self.respond(body, status=ack.status)

    @view_config(name=DEV_GATEWAY, require_csrf=False)
    def dev_gateway(self):
        """The development gateway under ``/_devgateway/`` when the setting enables it."""
        settings = self.request.registry.settings
        if not asbool(settings.get("tthc_docs.payment.dev_gateway")):
            raise HTTPNotFound()
        gateway = getattr(self.request.registry, "tthc_dev_gateway", None)
        if gateway is None:
            gateway = self.request.registry.tthc_dev_gateway = devgateway.from_settings(settings)
        return call_app_with_subpath_as_path_info(self.request, gateway)


@view_defaults(context=Site, name="refunds", permission=s.MANAGE)
class RefundViews(ResourceViews):
    """The admins' page of duplicate payments and the refund call."""

    @view_config(request_method="GET")
    def listing(self):
        items = [refund_json(item) for item in find_site(self.context).refunds.listing()]
        return self.respond({"items": items}, template="tthc_docs.templates:payments/refunds.pt")

    @view_config(request_method="POST")
    def refund(self):
        key = read_data(self.request, {"key"}).get("key")
        if not isinstance(key, str) or not key:
            raise Invalid("Cần chọn khoản hoàn tiền.", {"key": "Bắt buộc."})
        item = service.refund(find_site(self.context).refunds, key, provider(self.request),
                              self.login, timeutil.now())
        return self.respond(refund_json(item),
                            redirect=self.request.application_url + "/@@refunds")


def refund_json(item):
    return dict(item, paid_at=timeutil.iso(item["paid_at"]),
                noted_at=timeutil.iso(item["noted_at"]), done_at=timeutil.iso(item["done_at"]))


def issue_papers(request, dossier):
    """The payment receipt, issued when the payment is recorded (``dossiers.press``)."""
    press.issue_pending(find_site(dossier), dossier, press.Press.from_settings(
        request.registry.settings))


def reference_in(url):
    """The transaction reference inside a gateway URL."""
    return parse_qs(urlsplit(url).query).get("vnp_TxnRef", [""])[0]
