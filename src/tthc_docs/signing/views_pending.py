"""Two-step remote signing: ask (the web thread never waits for the phone), then finish.

- ``POST /@@sign-requests`` (leader) ``{codes, code, note}``: the checks, the
  one-time code, the hashes sent to the signing service; 202 with the
  request at once (``state: awaiting_phone``), nothing signed, no dossier
  changed. A dossier whose request still waits: 409.
- ``POST /@@sign-finish`` (leader) ``{request}``: the leader's page polls;
  202 while the phone has not answered, 200 with the signed dossiers once
  approved; 409 refused/expired/revoked, 503 the service down or a
  signature over another hash: nothing written.
- ``GET /@@sign-requests``: the leader's requests still waiting (reads only).

Thin: ``signing.pending`` decides; ``dossiers.actions.fire`` fires ``sign``.
"""
from pyramid.view import view_config

from tthc_docs import errors, timeutil
from tthc_docs import security as s
from tthc_docs.dossiers.views.services import services_for
from tthc_docs.signing import pending
from tthc_docs.signing.views import require_leader
from tthc_docs.signing.views_csc import _codes, _dossiers
from tthc_docs.site.content import Site
from tthc_docs.web.body import read_data
from tthc_docs.web.respond import respond

AWAITING, SIGNED = "awaiting_phone", "signed"
_ERR = {"description": "error", "content": {"application/json": {
    "schema": {"$ref": "#/components/schemas/Error"}}}}
OPENAPI_PATHS = {
    "/@@sign-requests": {
        "get": {"summary": "The leader's signing requests waiting for the phone",
                "responses": {"200": {"description": "{items: [{id, codes, expires_at}]}"},
                              "401": _ERR, "403": _ERR}},
        "post": {"summary": "Ask to sign (step one): code checked, hashes sent, nothing signed",
                 "requestBody": {"content": {"application/json": {"schema": {
                     "type": "object", "required": ["codes", "code"], "properties": {
                         "codes": {"type": "array", "items": {"type": "string"}},
                         "code": {"type": "string", "pattern": "^[0-9]{6}$"},
                         "note": {"type": "string"}}}}}},
                 "responses": {"202": {"description": "{id, codes, state, expires_at}"},
                               "401": _ERR, "403": _ERR, "404": _ERR, "409": _ERR,
                               "422": _ERR, "429": _ERR, "503": _ERR}}},
    "/@@sign-finish": {"post": {
        "summary": "Finish a signing request once the phone approved (step two)",
        "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["request"],
            "properties": {"request": {"type": "string"}}}}}},
        "responses": {"200": {"description": "{state: signed, items: [{code, status, result}]}"},
                      "202": {"description": "{state: awaiting_phone}"},
                      "401": _ERR, "403": _ERR, "404": _ERR, "409": _ERR, "503": _ERR}}},
}


def _summary(request):
    return {"id": request.id, "codes": list(request.codes), "state": AWAITING,
            "created_at": timeutil.iso(request.created),
            "expires_at": timeutil.iso(request.expires)}


@view_config(context=Site, name="sign-requests", request_method="POST", permission=s.VIEW)
def ask(request):
    """Step one; answers at once, before the leader touches the phone."""
    account = require_leader(request)
    data = read_data(request, {"codes", "code", "note"})
    dossiers = _dossiers(request.context, _codes(data.get("codes")))
    params = {"otp": data.get("code"), "note": str(data.get("note") or "")}
    made = pending.request_signing(request.context, dossiers, account, params,
                                   request.registry.settings, timeutil.now(),
                                   services_for(request, request.context))
    return respond(request, _summary(made), status=202)


@view_config(context=Site, name="sign-requests", request_method="GET", permission=s.VIEW)
def waiting(request):
    account, now = require_leader(request), timeutil.now()
    items = [_summary(r) for r in request.context.signing_requests.items.values()
             if r.leader == account.login and not r.expired(now)]
    return respond(request, {"items": items, "total": len(items)})


@view_config(context=Site, name="sign-finish", request_method="POST", permission=s.VIEW)
def finish(request):
    """Step two, polled: 202 while the phone has not answered, else the signed dossiers."""
    account = require_leader(request)
    request_id = read_data(request, {"request"}).get("request")
    found = request.context.signing_requests.get(request_id)
    if found is None:
        raise errors.NotFound("Không có yêu cầu ký này (đã hoàn tất, hết hạn hoặc bị thay).")
    dossiers = pending.finish(request.context, found, account, request.registry.settings,
                              timeutil.now(), services_for(request, request.context))
    if dossiers is None:
        return respond(request, dict(_summary(found)), status=202)
    return respond(request, {"state": SIGNED, "items": [
        {"code": d.code, "status": d.status, "result": dict(d.results[-1])} for d in dossiers]})
