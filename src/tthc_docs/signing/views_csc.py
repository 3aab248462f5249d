"""Batch signing from the leader's queue, and the development PKI's revocation server.

- ``POST /@@sign-batch`` (leader, JSON ``{"codes": [...], "code": "123456"}``):
  several results approved with one one-time code and, when signing is
  remote, one request on the leader's phone (``numSignatures`` = how many);
  through ``dossiers.actions.fire_signing_batch``: all or none.
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
from tthc_docs.dossiers.views.services import services_for
from tthc_docs.signing.revocation import RevocationApp
from tthc_docs.signing.service import BatchIssuer
from tthc_docs.site.content import Site
from tthc_docs.web.body import read_json, reject_unknown

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


def _codes(body):
    codes = body.get("codes")
    if not isinstance(codes, list) or not codes or not all(isinstance(c, str) for c in codes):
        raise errors.Invalid("Chọn ít nhất một hồ sơ để ký.", {"codes": "Danh sách mã hồ sơ."})
    if len(codes) > MAX_BATCH or len(set(codes)) != len(codes):
        raise errors.Invalid(f"Mỗi lần ký tối đa {MAX_BATCH} hồ sơ, không trùng nhau.",
                             {"codes": f"Tối đa {MAX_BATCH}, không trùng."})
    return codes


@view_config(context=Site, name="sign-batch", request_method="POST", permission=s.VIEW,
             renderer="json")
def sign_batch(request):
    account = request.account
    if account is None:
        raise errors.NotLoggedIn("Cần đăng nhập.")
    if s.LEADER not in account.roles:
        raise errors.NotAllowed("Chỉ lãnh đạo dùng được chức năng ký.")
    body = read_json(request)
    reject_unknown(body, {"codes", "code", "note"})
    registry = request.context["dossiers"]
    dossiers = []
    for code in _codes(body):
        dossier = registry.get(code)
        if dossier is None:
            raise errors.NotFound(f"Không có hồ sơ {code}.")
        dossiers.append(dossier)
    services = services_for(request, request.context)
    services.issuer = BatchIssuer(request.context, request.registry.settings)
    actions.fire_signing_batch(dossiers, account, {"otp": body.get("code"),
                                                   "note": str(body.get("note") or "")},
                               timeutil.now(), services)
    return {"items": [{"code": d.code, "status": d.status, "result": dict(d.results[-1])}
                      for d in dossiers]}


@view_config(context=Site, name="_devpki", require_csrf=False)
def dev_pki(request):
    """The development PKI's CRLs and OCSP responder, when the setting serves them."""
    settings = request.registry.settings
    if not asbool(settings.get("tthc_docs.dev_pki_server")) or not settings.get("tthc_docs.pki_dir"):
        raise HTTPNotFound()
    return call_app_with_subpath_as_path_info(request, RevocationApp(settings["tthc_docs.pki_dir"]))
