"""Verification for anyone, and the leader's phone flow: queue, confirm with a one-time code, enrol.

Thin: verification is ``signing.verify``; signing is
``dossiers.actions.fire(..., 'sign', ...)``, which checks the one-time code
(as it does for every route that signs) and issues the result through
``signing.service.ResultIssuer``; enrolment codes are ``totp``. No pyHanko here.
"""
from pyramid.view import view_config, view_defaults

from tthc_docs import errors, timeutil
from tthc_docs.dossiers.codes import as_typed
from tthc_docs.people import totp
from tthc_docs.vaults import uploads
from tthc_docs.dossiers import actions, states
from tthc_docs import security as s
from tthc_docs.dossiers.content import Dossier, applicant_name
from tthc_docs.dossiers.views.services import code_throttle, services_for
from tthc_docs.site.content import Site, find_site
from tthc_docs.lazy import lazy_module
from tthc_docs.web.body import read_data
from tthc_docs.web.respond import show_again
from tthc_docs.web.views import ResourceViews
from tthc_docs.dossiers.serialise import dossier_url

# pyHanko on first use: only a verification or a leader's signing page needs it (issue 15).
csc = lazy_module("tthc_docs.signing.csc")
verify = lazy_module("tthc_docs.signing.verify")

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


VERIFY_PT = "tthc_docs.templates:signing/verify.pt"
MOBILE_PT = "tthc_docs.templates:signing/queue.pt"
CONFIRM_PT = "tthc_docs.templates:signing/confirm.pt"
TOTP_PT = "tthc_docs.templates:signing/totp.pt"
SIGNED = "tthc.signed"   # the flash queue of codes a batch just signed


def _pending_secret(request):
    """The secret being enrolled: derived from the server session, never in the cookie."""
    return totp.secret_from(request.session.derived_secret("totp-enrol"))


def _code_and_note(request):
    """``{"code", "note"}`` from JSON (nothing else accepted) or from the page's form."""
    data = read_data(request, {"code", "note"})
    return {"code": data.get("code"), "note": data.get("note")}


def require_leader(request):
    account = request.account
    if account is None:
        raise errors.NotLoggedIn("Cần đăng nhập.")
    if s.LEADER not in account.roles:
        raise errors.NotAllowed("Chỉ lãnh đạo dùng được chức năng ký.")
    return account


def _upload(request):
    limit = int(request.registry.settings.get("tthc_docs.max_upload_bytes")
                or uploads.DEFAULT_MAX_UPLOAD_BYTES)
    if request.content_length is not None and request.content_length > limit + MULTIPART_OVERHEAD:
        raise errors.TooLarge(errors.Words("Tệp quá lớn: tối đa ${mb} MB.", mb=limit // (1024 * 1024)))
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


def mobile_body(request, account):
    """What awaits ``account``'s signature, as the phone-sized list shows it (50 at most)."""
    dossiers, total = find_site(request.context)["dossiers"].queue(
        account.agency, (states.AWAITING_SIGNATURE,), None, 0, 50)
    items = [{"code": d.code, "procedure_name": d.procedure_name,
              "applicant_name": d.applicant_name, "due_at": timeutil.iso(d.due_at),
              "sign_url": dossier_url(request, d) + "/@@sign"} for d in dossiers]
    return {"items": items, "total": total, "enrolled": bool(account.totp_secret)}


@view_defaults(context=Site, name="verify", permission=s.VIEW)
class VerifyViews(ResourceViews):
    """Anyone checks a signed result: the stored one by code (the QR code), or a PDF."""

    @view_config(request_method="GET")
    def stored(self):
        """The upload form; with ``?code=`` the verification of that dossier's stored result."""
        code = as_typed(self.request.params.get("code"))
        if not code:
            return self.respond({"report": None, "code": "", "hint": (
                "Gửi tệp PDF bằng POST (trường file), hoặc nêu mã hồ sơ (?code=).")},
                template=VERIFY_PT)
        dossier, doc = _dossier_result(self.context, code)
        report = verify.verify_document(doc, self.request.registry.settings)
        report["procedure"] = dossier.procedure_code
        wanted = (self.request.params.get("procedure") or "").strip()
        if wanted and wanted != dossier.procedure_code:
            # a QR code printed on a forged paper would name another procedure
            report["problems"] = report["problems"] + [
                f"Mã thủ tục trên mã QR ({wanted}) không khớp với hồ sơ "
                f"({dossier.procedure_code})."]
        return self.respond({"report": report, "code": code}, template=VERIFY_PT)

    @view_config(request_method="POST", require_csrf=False)
    def upload(self):
        """Anyone checks a PDF. No CSRF token: it changes nothing and must work from scripts."""
        report = verify.verify_with_settings(_upload(self.request), self.request.registry.settings)
        return self.respond(report, template=VERIFY_PT, page={"report": report, "code": ""})


@view_defaults(permission=s.VIEW)
class LeaderViews(ResourceViews):
    """The leader's phone flow: the list, confirming with a one-time code, enrolling."""

    @view_config(context=Site, name="sign-mobile", request_method="GET")
    def mobile(self):
        """The list; on the page, a form that signs the ticked ones at once (``@@sign-batch``)."""
        return self.respond(mobile_body(self.request, require_leader(self.request)), template=MOBILE_PT,
                            page=lambda: {"signed": self.request.session.pop_flash(SIGNED),
                                          "error": None, "field_errors": {}})

    @view_config(context=Dossier, name="sign", request_method="GET")
    def confirm(self):
        return self.respond(self.confirm_body(require_leader(self.request)), template=CONFIRM_PT)

    def confirm_body(self, account):
        """The confirmation page; once signed, the verification of the issued result."""
        dossier = self.context
        body = {"code": dossier.code, "procedure_name": dossier.procedure_name,
                "status": dossier.status, "status_label": states.STATE_LABELS.get(dossier.status),
                "applicant": applicant_name(find_site(dossier), dossier),
                "due_at": timeutil.iso(dossier.due_at), "url": dossier_url(self.request, dossier)}
        report = None
        if dossier.results and dossier.status != states.AWAITING_SIGNATURE:
            report = verify.verify_document(stored_result(find_site(dossier), dossier.code),
                                     self.request.registry.settings)
        body.update(enrolled=bool(account.totp_secret), error=None, report=report,
                    two_step=csc.enabled(self.request.registry.settings))
        return body

    @view_config(context=Dossier, name="sign", request_method="POST")
    def sign(self):
        """Fire ``sign`` with the posted ``code``: 403/409, then 422/429 for the code, then sign."""
        dossier, account = self.context, require_leader(self.request)
        data = _code_and_note(self.request)
        params = {"otp": data["code"], "note": str(data["note"] or "")}
        try:
            actions.fire(dossier, "sign", account, params, timeutil.now(),
                         services_for(self.request, dossier))
        except errors.Invalid as exc:  # the page again; nothing of this attempt is kept
            fields = {("code" if k == "otp" else k): v for k, v in exc.fields.items()}
            return show_again(self.request, errors.Invalid(exc.message, fields), CONFIRM_PT,
                              self.confirm_body(account), doom=True)
        return self.respond(lambda: self.signed(dossier),
                            redirect=dossier_url(self.request, dossier) + "/@@sign?done=1")

    def signed(self, dossier):
        """The issued result and the system's own check of it."""
        ref = dossier.results[-1]
        doc = find_site(dossier)["vaults"][ref["vault"]].get_document(ref["document"])
        return {"code": dossier.code, "status": dossier.status, "result": dict(ref),
                "verification": verify.verify_document(doc, self.request.registry.settings)}

    @view_config(context=Site, name="totp", request_method="GET")
    def totp_page(self):
        account = require_leader(self.request)
        if account.totp_secret:
            return self.respond({"enrolled": True, "otpauth_uri": None, "qr": None,
                                 "secret": None, "error": None}, template=TOTP_PT)
        secret = _pending_secret(self.request)
        return self.respond(self.enrolment(secret, account), template=TOTP_PT)

    def enrolment(self, secret, account):
        return {"enrolled": False, "otpauth_uri": totp.provisioning_uri(secret, account.login),
                "qr": totp.qr_data_uri(secret, account.login), "secret": secret, "error": None}

    @view_config(context=Site, name="totp", request_method="POST")
    def totp_enrol(self):
        """Save the pending secret once a first code proves the app has it."""
        account = require_leader(self.request)
        if account.totp_secret:
            raise errors.StateConflict("Đã đăng ký ứng dụng xác thực.")
        secret = _pending_secret(self.request)
        try:
            step = totp.verify(secret, str(_code_and_note(self.request)["code"] or ""),
                               login=account.login, throttle=code_throttle(self.request))
        except errors.Invalid as exc:
            return show_again(self.request, exc, TOTP_PT, self.enrolment(secret, account))
        account.totp_secret = secret
        account.totp_last_step = step
        return self.respond({"enrolled": True},
                            redirect=self.request.application_url + "/@@sign-mobile")
