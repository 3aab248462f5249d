"""Batch signing from the leader's queue, and the development PKI's revocation server.

- ``POST /@@sign-batch`` (leader, JSON ``{"codes": [...], "code": "123456"}``, or
  the ticked boxes of the ``@@sign-mobile`` page): several results approved
  with one one-time code and, when signing is remote, one request on the
  leader's phone (``numSignatures`` = how many); through
  ``dossiers.actions.fire_signing_batch``. All or none: every dossier is
  checked and every signature made and checked before any is stored, all in
  the request's one transaction; a fault anywhere (a dossier not awaiting
  signature, a wrong code, the phone refusing, the service returning a bad
  signature for one document) answers the error and leaves every dossier
  and vault as it was. The error names the fault, not the item: the batch
  is one decision of the leader's, taken again as a whole.
- ``/_devpki/…``: CRLs and OCSP of the development PKI (``signing.revocation``),
  only when ``tthc_docs.dev_pki_server`` is true (development.ini).
"""
from pyramid.httpexceptions import HTTPNotFound
from pyramid.request import call_app_with_subpath_as_path_info
from pyramid.settings import asbool
from pyramid.view import view_config

from tthc_docs import errors, timeutil
from tthc_docs import security as s
from tthc_docs.dossiers import actions
from tthc_docs.lazy import lazy_module
from tthc_docs.dossiers.views.services import services_for
from tthc_docs.signing.service import BatchIssuer
from tthc_docs.site.content import Site
from tthc_docs.signing.views import MOBILE_PT, SIGNED, mobile_body, require_leader
from tthc_docs.web.body import read_data
from tthc_docs.web.respond import respond, show_again

# cryptography on first use: only the development PKI's OCSP/CRL answers need it (issue 15).
revocation = lazy_module("tthc_docs.signing.revocation")

MAX_BATCH = 20
_ERR = {"description": "error", "content": {"application/json": {
    "schema": {"$ref": "#/components/schemas/Error"}}}}
OPENAPI_PATHS = {
    "/@@sign-batch": {"post": {
        "summary": "Sign several awaiting results with one code and one approval on the phone",
        "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["codes", "code"], "properties": {
                "codes": {"type": "array", "items": {"type": "string"}, "maxItems": MAX_BATCH},
                "code": {"type": "string", "pattern": "^[0-9]{6}$"},
                "note": {"type": "string"}}}}}},
        "responses": {"200": {"description": "{items: [{code, status, result}]}"},
                      "401": _ERR, "403": _ERR, "404": _ERR, "409": _ERR, "422": _ERR,
                      "429": _ERR, "503": _ERR}}},
}


def _codes(codes):
    if not isinstance(codes, list) or not codes or not all(isinstance(c, str) for c in codes):
        raise errors.Invalid("Chọn ít nhất một hồ sơ để ký.", {"codes": "Danh sách mã hồ sơ."})
    if len(codes) > MAX_BATCH or len(set(codes)) != len(codes):
        raise errors.Invalid(errors.Words("Mỗi lần ký tối đa ${n} hồ sơ, không trùng nhau.", n=MAX_BATCH),
                             {"codes": errors.Words("Tối đa ${n}, không trùng.", n=MAX_BATCH)})
    return codes


def _posted(request):
    """``(codes, one-time code, note)`` from the JSON body or from the page's ticked boxes."""
    data = read_data(request, {"codes", "code", "note"})
    codes = data.getall("codes") if hasattr(data, "getall") else data.get("codes")
    return _codes(codes), data.get("code"), str(data.get("note") or "")


def _dossiers(site, codes):
    registry = site["dossiers"]
    found = [registry.get(code) for code in codes]
    missing = [code for code, dossier in zip(codes, found) if dossier is None]
    if missing:
        raise errors.NotFound(errors.Words("Không có hồ sơ ${codes}.", codes=', '.join(missing)))
    return found


def _fire(request, account):
    codes, otp, note = _posted(request)
    dossiers = _dossiers(request.context, codes)
    services = services_for(request, request.context)
    services.issuer = BatchIssuer(request.context, request.registry.settings)
    actions.fire_signing_batch(dossiers, account, {"otp": otp, "note": note},
                               timeutil.now(), services)
    return dossiers


@view_config(context=Site, name="sign-batch", request_method="POST", permission=s.VIEW)
def sign_batch(request):
    """Sign the chosen dossiers, all or none; a browser returns to the list (or sees why not)."""
    account = require_leader(request)
    try:
        dossiers = _fire(request, account)
    except errors.DomainError as exc:   # the list again with the reason; nothing was kept
        if isinstance(exc, errors.Invalid) and "otp" in exc.fields:   # the form's field is "code"
            exc = errors.Invalid(exc.message, {"code": exc.fields["otp"]})
        page = dict(mobile_body(request, account), signed=[])
        response = show_again(request, exc, MOBILE_PT, page, doom=True)
        if getattr(exc, "retry_after", None) is not None:
            response.headers["Retry-After"] = str(exc.retry_after)
        return response
    body = {"items": [{"code": d.code, "status": d.status, "result": dict(d.results[-1])}
                      for d in dossiers]}
    for dossier in dossiers:
        request.session.flash(dossier.code, SIGNED)
    return respond(request, body, redirect=request.application_url + "/@@sign-mobile")


@view_config(context=Site, name="_devpki", require_csrf=False)
def dev_pki(request):
    """The development PKI's CRLs and OCSP responder, when the setting serves them."""
    settings = request.registry.settings
    if not asbool(settings.get("tthc_docs.dev_pki_server")) or not settings.get("tthc_docs.pki_dir"):
        raise HTTPNotFound()
    return call_app_with_subpath_as_path_info(request, revocation.RevocationApp(settings["tthc_docs.pki_dir"]))
