"""Verification for anyone, and the leader's phone flow: queue, confirm with a one-time code, enrol.

Thin: verification is ``signing.verify``; signing is
``dossiers.actions.fire(..., 'sign', ...)``, which checks the one-time code
(as it does for every route that signs) and issues the result through
``signing.service.ResultIssuer``; enrolment codes are ``totp``. No pyHanko here.
"""
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.renderers import render_to_response
from pyramid.view import view_config

from tthc_docs import errors, timeutil
from tthc_docs.people import totp
from tthc_docs.vaults import uploads
from tthc_docs.dossiers import actions, states
from tthc_docs import security as s
from tthc_docs.dossiers.content import Dossier, applicant_name
from tthc_docs.dossiers.views.services import code_throttle, services_for
from tthc_docs.site.content import Site, find_site
from tthc_docs.signing.verify import verify_document, verify_with_settings
from tthc_docs.web.base import read_json, reject_unknown, resource_view, wants_json
from tthc_docs.dossiers.serialise import dossier_url

MULTIPART_OVERHEAD = 64 * 1024
_REPORT = {"type": "object", "properties": {
    "signed": {"type": "boolean"}, "intact": {"type": "boolean"}, "trusted": {"type": "boolean"},
    "timestamped": {"type": "boolean"}, "signer": {"type": "string", "nullable": True},
    "signed_at": {"type": "string", "format": "date-time", "nullable": True},
    "dossier": {"type": "string", "nullable": True},
    "problems": {"type": "array", "items": {"type": "string"}}}}
_ERR = {"description": "error", "content": {"application/json": {
    "schema": {"$ref": "#/components/schemas/Error"}}}}
OPENAPI_PATHS = {
    "/@@verify": {
        "get": {"summary": "Verify the stored result of a dossier (the QR code's target)",
                "parameters": [{"name": "code", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": {"description": "the report", "content": {
                    "application/json": {"schema": _REPORT}}}, "404": _ERR}},
        "post": {"summary": "Verify an uploaded signed PDF (anyone)",
                 "requestBody": {"content": {"multipart/form-data": {"schema": {
                     "type": "object", "required": ["file"],
                     "properties": {"file": {"type": "string", "format": "binary"}}}}}},
                 "responses": {"200": {"description": "the report", "content": {
                     "application/json": {"schema": _REPORT}}},
                     "413": _ERR, "415": _ERR, "422": _ERR}}},
    "/@@sign-mobile": {"get": {"summary": "The leader's phone-sized list of dossiers awaiting signature",
                               "responses": {"200": {"description": "{items, total}"},
                                             "401": _ERR, "403": _ERR}}},
    "/dossiers/{code}/@@sign": {"parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
        "get": {"summary": "What the leader is about to sign", "responses": {"200": {
            "description": "summary"}, "403": _ERR}},
        "post": {"summary": "Sign with a one-time code (TOTP): fires the sign transition",
                 "requestBody": {"content": {"application/json": {"schema": {
                     "type": "object", "required": ["code"], "properties": {
                         "code": {"type": "string", "pattern": "^[0-9]{6}$"},
                         "note": {"type": "string"}}}}}},
                 "responses": {"200": {"description": "the signed result and its verification"},
                               "403": _ERR, "409": _ERR, "422": _ERR, "429": _ERR}}},
    "/@@totp": {
        "get": {"summary": "The leader's authenticator enrolment (QR when not yet enrolled)",
                "responses": {"200": {"description": "{enrolled, otpauth_uri, qr}"}}},
        "post": {"summary": "Confirm enrolment with a first code",
                 "requestBody": {"content": {"application/json": {"schema": {
                     "type": "object", "required": ["code"],
                     "properties": {"code": {"type": "string"}}}}}},
                 "responses": {"200": {"description": "{enrolled: true}"}, "422": _ERR,
                               "429": _ERR}}},
}


def _body(request):
    if request.content_type == "application/json":
        data = read_json(request)
        reject_unknown(data, {"code", "note"})
        return data
    return {k: v for k, v in request.POST.items() if k != "csrf_token"}


def _leader(request):
    account = request.account
    if account is None:
        raise errors.NotLoggedIn("Cần đăng nhập.")
    if s.LEADER not in account.roles:
        raise errors.NotAllowed("Chỉ lãnh đạo dùng được chức năng ký.")
    return account


# -- verification (anyone) ---------------------------------------------------

def _upload(request):
    limit = int(request.registry.settings.get("tthc_docs.max_upload_bytes")
                or uploads.DEFAULT_MAX_UPLOAD_BYTES)
    if request.content_length is not None and request.content_length > limit + MULTIPART_OVERHEAD:
        raise errors.TooLarge(f"Tệp quá lớn: tối đa {limit // (1024 * 1024)} MB.")
    if not (request.content_type or "").startswith("multipart/form-data"):
        raise errors.UnsupportedType('Hãy gửi tệp PDF bằng multipart/form-data (trường "file").')
    field = request.POST.get("file")
    if field is None or not hasattr(field, "file"):
        raise errors.Invalid("Chưa chọn tệp.", {"file": "Chọn tệp PDF cần kiểm tra."})
    return uploads.read_limited(field.file, limit)


def stored_result(site, code):
    """The latest result document of dossier ``code``, or NotFound."""
    return _dossier_result(site, code)[1]


def _dossier_result(site, code):
    dossier = site["dossiers"].get(code) if isinstance(code, str) and code else None
    if dossier is None or not dossier.results:
        raise errors.NotFound("Không có kết quả đã ký cho mã hồ sơ này.")
    ref = dossier.results[-1]
    return dossier, site["vaults"][ref["vault"]].get_document(ref["document"])


@resource_view(template="tthc_docs.templates:signing/verify.pt", context=Site, name="verify",
               request_method="GET", permission=s.VIEW)
def verify_page(request):
    """The upload form; with ``?code=`` the verification of that dossier's stored result."""
    code = (request.params.get("code") or "").strip()
    if not code:
        return {"report": None, "code": "",
                "hint": "Gửi tệp PDF bằng POST (trường file), hoặc nêu mã hồ sơ (?code=)."}
    dossier, doc = _dossier_result(request.context, code)
    report = verify_document(doc, request.registry.settings)
    report["procedure"] = dossier.procedure_code
    wanted = (request.params.get("procedure") or "").strip()
    if wanted and wanted != dossier.procedure_code:
        # a QR code printed on a forged paper would name another procedure
        report["problems"] = report["problems"] + [
            f"Mã thủ tục trên mã QR ({wanted}) không khớp với hồ sơ ({dossier.procedure_code})."]
    return {"report": report, "code": code}


@resource_view(template="tthc_docs.templates:signing/verify.pt", context=Site, name="verify",
               request_method="POST", permission=s.VIEW, require_csrf=False)
def verify_upload(request):
    """Anyone checks a PDF. No CSRF token: it changes nothing and must work from scripts."""
    data = _upload(request)
    report = verify_with_settings(data, request.registry.settings)
    return {"report": report, "code": ""} if not wants_json(request) else report


# -- the leader's phone flow -------------------------------------------------

@resource_view(template="tthc_docs.templates:signing/queue.pt", context=Site, name="sign-mobile",
               request_method="GET", permission=s.VIEW)
def sign_mobile(request):
    account = _leader(request)
    dossiers, total = request.context["dossiers"].queue(
        account.agency, (states.AWAITING_SIGNATURE,), None, 0, 50)
    items = [{"code": d.code, "procedure_name": d.procedure_name,
              "applicant_name": d.applicant_name,
              "due_at": timeutil.iso(d.due_at), "sign_url": dossier_url(request, d) + "/@@sign"}
             for d in dossiers]
    return {"items": items, "total": total, "enrolled": bool(account.totp_secret)}


def _summary(request, dossier):
    return {"code": dossier.code, "procedure_name": dossier.procedure_name,
            "status": dossier.status, "status_label": states.STATE_LABELS.get(dossier.status),
            "applicant": applicant_name(find_site(dossier), dossier),
            "due_at": timeutil.iso(dossier.due_at), "url": dossier_url(request, dossier)}


@resource_view(template="tthc_docs.templates:signing/confirm.pt", context=Dossier, name="sign",
               request_method="GET", permission=s.VIEW)
def sign_confirm(request):
    account = _leader(request)
    return _confirm_body(request, request.context, account)


def _confirm_body(request, dossier, account, error=None):
    """The confirmation page; once signed, the verification of the issued result."""
    body = _summary(request, dossier)
    report = None
    if dossier.results and dossier.status != states.AWAITING_SIGNATURE:
        report = verify_document(stored_result(find_site(dossier), dossier.code),
                                 request.registry.settings)
    body.update(enrolled=bool(account.totp_secret), error=error, report=report)
    return body


@view_config(context=Dossier, name="sign", request_method="POST", permission=s.VIEW)
def sign_with_code(request):
    """Fire ``sign`` with the posted ``code``: 403/409, then 422/429 for the code, then sign."""
    dossier, account = request.context, _leader(request)
    site = find_site(dossier)
    body = _body(request)
    params = {"otp": body.get("code"), "note": str(body.get("note") or "")}
    try:
        actions.fire(dossier, "sign", account, params, timeutil.now(),
                     services_for(request, dossier))
    except errors.Invalid as exc:
        fields = {("code" if k == "otp" else k): v for k, v in exc.fields.items()}
        if wants_json(request):
            raise errors.Invalid(exc.message, fields) from None
        request.tm.doom()   # the page comes back; nothing of this attempt is kept
        return _page_again(request, "tthc_docs.templates:signing/confirm.pt",
                           _confirm_body(request, dossier, account, exc.message), exc.status)
    if not wants_json(request):
        return HTTPSeeOther(dossier_url(request, dossier) + "/@@sign?done=1")
    ref = dossier.results[-1]
    doc = site["vaults"][ref["vault"]].get_document(ref["document"])
    request.response.content_type = "application/json"
    request.response.json_body = {
        "code": dossier.code, "status": dossier.status, "result": dict(ref),
        "verification": verify_document(doc, request.registry.settings)}
    return request.response


def _page_again(request, template, body, status):
    """A browser gets the same page back with the reason, not the bare error page."""
    response = render_to_response(template, body, request=request)
    response.status_int = status
    return response


# -- TOTP enrolment ----------------------------------------------------------

def _pending_secret(request):
    """The secret being enrolled: derived from the server session, never in the cookie."""
    return totp.secret_from(request.session.derived_secret("totp-enrol"))


@resource_view(template="tthc_docs.templates:signing/totp.pt", context=Site, name="totp",
               request_method="GET", permission=s.VIEW)
def totp_page(request):
    account = _leader(request)
    if account.totp_secret:
        return {"enrolled": True, "otpauth_uri": None, "qr": None, "secret": None, "error": None}
    secret = _pending_secret(request)
    return {"enrolled": False, "otpauth_uri": totp.provisioning_uri(secret, account.login),
            "qr": totp.qr_data_uri(secret, account.login), "secret": secret, "error": None}


@view_config(context=Site, name="totp", request_method="POST", permission=s.VIEW)
def totp_enrol(request):
    """Save the pending secret once a first code proves the app has it."""
    account = _leader(request)
    if account.totp_secret:
        raise errors.StateConflict("Đã đăng ký ứng dụng xác thực.")
    secret = _pending_secret(request)
    try:
        step = totp.verify(secret, str(_body(request).get("code") or ""), login=account.login,
                           throttle=code_throttle(request))
    except errors.Invalid as exc:
        if wants_json(request):
            raise
        body = {"enrolled": False, "otpauth_uri": totp.provisioning_uri(secret, account.login),
                "qr": totp.qr_data_uri(secret, account.login), "secret": secret,
                "error": exc.message}
        return _page_again(request, "tthc_docs.templates:signing/totp.pt", body, exc.status)
    account.totp_secret = secret
    account.totp_last_step = step
    if not wants_json(request):
        return HTTPSeeOther(request.application_url + "/@@sign-mobile")
    request.response.content_type = "application/json"
    request.response.json_body = {"enrolled": True}
    return request.response
