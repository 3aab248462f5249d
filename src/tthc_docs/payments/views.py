"""Online payment of a dossier's fee: start, the browser's return, the gateway's notification.

Thin: the rules live in ``tthc_docs.payments.service``.  ``@@pay`` opens an
attempt and sends the owner to the gateway; ``@@payment-return`` only shows
what the signed return says and whether the notification has already
recorded the payment; ``@@payment-notify`` is the one place a payment is
recorded.  It is exempt from CSRF because the gateway signs it (HMAC); a
refused notification dooms the transaction, so not even the ledger changes.
"""
from pyramid.httpexceptions import HTTPNotFound, HTTPSeeOther
from pyramid.request import call_app_with_subpath_as_path_info
from pyramid.security import NO_PERMISSION_REQUIRED
from pyramid.settings import asbool
from pyramid.view import view_config

from tthc_docs import security as s
from tthc_docs import timeutil
from tthc_docs.errors import BadRequest, Invalid, NotAllowed, StateConflict
from tthc_docs.payments import devgateway, provider_from_settings, service
from tthc_docs.payments.base import PaymentRefused
from tthc_docs.dossiers.content import Dossier
from tthc_docs.site.content import Site, find_site
from tthc_docs.web.base import read_json, reject_unknown, resource_view, wants_json

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
}


def provider(request):
    """The configured gateway adapter; 409 when online payment is not set up."""
    try:
        return provider_from_settings(request.registry.settings)
    except ValueError as exc:
        raise StateConflict(f"Thanh toán trực tuyến chưa được cấu hình ({exc}).") from None


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


@resource_view(template="tthc_docs.templates:payments/pay.pt", context=Dossier, name="pay",
               request_method="GET", permission=s.VIEW)
def pay_page(request):
    """The fee page: the owner's pay button, reception's counter form, the slips."""
    dossier = request.context
    is_owner = request.account is not None and request.account.login == dossier.owner
    return {"code": dossier.code, "procedure": dossier.procedure_name,
            "fee": payment_json(request, dossier),
            "payable": (is_owner and not dossier.is_paid
                        and dossier.status in service.PAYABLE_STATES)}


@view_config(context=Dossier, name="pay", request_method="POST", permission=s.OWN)
def pay(request):
    dossier = request.context
    url = service.start(
        dossier, provider(request),
        return_url=request.application_url + "/@@payment-return",
        notify_url=request.application_url + "/@@payment-notify",
        client_ip=request.client_addr or "127.0.0.1", now=timeutil.now())
    if not wants_json(request):
        return HTTPSeeOther(url)
    request.response.content_type = "application/json"
    request.response.json_body = {"redirect": url, "amount": dossier.fee_amount,
                                  "reference": _reference_in(url)}
    return request.response


@view_config(context=Dossier, name="payment-counter", request_method="POST",
             permission=s.HANDLE)
def payment_counter(request):
    """Reception of the handling agency took the fee at the counter."""
    dossier, account = request.context, request.account
    if s.RECEPTION not in account.roles:
        raise NotAllowed("Chỉ cán bộ một cửa của cơ quan tiếp nhận được thu phí tại quầy.")
    body = read_json(request) if request.content_type == "application/json" else request.POST
    if body is not request.POST:
        reject_unknown(body, {"receipt_no"})
    receipt_no = body.get("receipt_no") or ""
    if not isinstance(receipt_no, str) or len(receipt_no) > 40 or "/" in receipt_no:
        raise Invalid("Số biên lai không hợp lệ.", {"receipt_no": "tối đa 40 ký tự, không có '/'"})
    service.record_counter_payment(dossier, account.login, timeutil.now(), receipt_no)
    if not wants_json(request):
        return HTTPSeeOther(request.resource_url(dossier))
    request.response.content_type = "application/json"
    request.response.json_body = payment_json(request, dossier)
    return request.response


@resource_view(template="tthc_docs.templates:payments/return.pt", context=Site,
               name="payment-return", request_method="GET", permission=NO_PERMISSION_REQUIRED)
def payment_return(request):
    try:
        outcome = provider(request).read_return(request.GET)
    except PaymentRefused as refused:
        raise BadRequest(f"Kết quả thanh toán không hợp lệ: {refused.reason}.") from None
    code = service.dossier_code_of(outcome.reference)
    dossier = find_site(request.context)["dossiers"].get(code) if code else None
    paid = bool(dossier is not None and dossier.payment
                and dossier.payment.get("reference") == outcome.reference)
    return {"reference": outcome.reference, "dossier": code, "amount": outcome.amount,
            "success": outcome.success, "paid": paid,
            "url": request.resource_url(dossier) if dossier is not None else None}


@view_config(context=Site, name="payment-notify", request_method=("POST", "GET"),
             require_csrf=False, permission=NO_PERMISSION_REQUIRED)
def payment_notify(request):
    gateway = provider(request)
    params = request.POST if request.method == "POST" else request.GET
    registry = find_site(request.context)["dossiers"]
    ack = service.notify(gateway, params, registry.get, timeutil.now(),
                         remote=request.client_addr or "")
    if not ack.accepted:
        request.tm.doom()
    body = gateway.acknowledge(ack.code, ack.message)
    if ack.status >= 400:
        body["error"] = {"status": ack.status, "message": ack.message}
    request.response.status_int = ack.status
    request.response.content_type = "application/json"
    request.response.json_body = body
    return request.response


@view_config(context=Site, name=DEV_GATEWAY, permission=NO_PERMISSION_REQUIRED,
             require_csrf=False)
def dev_gateway(request):
    """The development gateway under ``/_devgateway/`` when the setting enables it."""
    settings = request.registry.settings
    if not asbool(settings.get("tthc_docs.payment.dev_gateway")):
        raise HTTPNotFound()
    gateway = getattr(request.registry, "tthc_dev_gateway", None)
    if gateway is None:
        gateway = request.registry.tthc_dev_gateway = devgateway.from_settings(settings)
    return call_app_with_subpath_as_path_info(request, gateway)


def _reference_in(url):
    from urllib.parse import parse_qs, urlsplit
    return parse_qs(urlsplit(url).query).get("vnp_TxnRef", [""])[0]
