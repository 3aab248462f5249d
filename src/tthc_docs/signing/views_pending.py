"""Two-step remote signing: ask (the web thread never waits for the phone), then finish.

- ``POST /@@sign-requests`` (leader) ``{codes, code, note}``: the checks, the
  one-time code, the hashes sent to the signing service; 202 with the
  request at once (``state: awaiting_phone``), nothing signed, no dossier
  changed. A dossier whose request still waits: 409.
- ``POST /@@sign-finish`` (leader) ``{request}``: the leader's page polls;
  202 while the phone has not answered, 200 with the signed dossiers once
  approved (and the same 200 to every later poll of that request); 409
  refused/expired/revoked (the request ends: the leader may ask again at
  once) or another finish of the same request under way, 503 the service
  down or a signature over another hash: nothing signed.
- ``GET /@@sign-requests``: the leader's requests still waiting (reads only).

Thin: ``signing.pending`` decides; ``dossiers.actions.fire`` fires ``sign``.
"""
from pyramid.view import view_config
from pyramid_zodbconn import get_connection

from tthc_docs import errors, timeutil
from tthc_docs import security as s
from tthc_docs.dossiers.views.services import services_for
from tthc_docs.signing import pending
from tthc_docs.signing.views import require_leader
from tthc_docs.signing.views_csc import _codes, _dossiers
from tthc_docs.site.content import Site
from tthc_docs.web.body import read_data
from tthc_docs.dossiers.serialise import dossier_url
from tthc_docs.web.respond import respond, show_again, wants_json

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
        "responses": {"200": {"description": "{state: signed, items: [{code, status, result}]}; "
                                             "the same to every later poll of a signed request"},
                      "202": {"description": "{state: awaiting_phone}"},
                      "401": _ERR, "403": _ERR, "404": _ERR, "409": _ERR, "422": _ERR,
                      "503": _ERR}}},
}


REQUESTS_PT = "tthc_docs.templates:signing/requests.pt"
NOTE = "tthc.sign-requests"   # the flash queue of the requests page
ASKED = "Đã gửi yêu cầu ký đến điện thoại; phê duyệt rồi bấm Hoàn tất."
NOT_YET = "Điện thoại chưa phê duyệt yêu cầu; hãy phê duyệt rồi bấm Hoàn tất lại."


def _summary(request):
    return {"id": request.id, "codes": list(request.codes), "state": AWAITING,
            "created_at": timeutil.iso(request.created),
            "expires_at": timeutil.iso(request.expires)}


def _list(request, account, without=None):
    now = timeutil.now()
    items = [_summary(r) for r in request.context.signing_requests.items.values()
             if r.leader == account.login and r.waiting(now) and r.id != without]
    return {"items": items, "total": len(items)}


def _page(request):
    return {"messages": request.session.pop_flash(NOTE), "error": None, "field_errors": {}}


def _codes_posted(data):
    codes = data.getall("codes") if hasattr(data, "getall") else data.get("codes")
    return _codes(codes)


@view_config(context=Site, name="sign-requests", request_method="POST", permission=s.VIEW)
def ask(request):
    """Step one; answers at once, before the leader touches the phone."""
    account = require_leader(request)
    data = read_data(request, {"codes", "code", "note"})
    try:
        dossiers = _dossiers(request.context, _codes_posted(data))
        params = {"otp": data.get("code"), "note": str(data.get("note") or "")}
        made = pending.request_signing(request.context, dossiers, account, params,
                                       request.registry.settings, timeutil.now(),
                                       services_for(request, request.context))
    except errors.DomainError as exc:   # the requests page with the reason; nothing was kept
        if isinstance(exc, errors.Invalid) and "otp" in exc.fields:
            exc = errors.Invalid(exc.message, {"code": exc.fields["otp"]}) \
                if not wants_json(request) else exc
        return show_again(request, exc, REQUESTS_PT, dict(_list(request, account), messages=[]),
                          doom=True)
    return respond(request, _summary(made), status=202, flash=ASKED,
                   redirect=request.application_url + "/@@sign-requests")


@view_config(context=Site, name="sign-requests", request_method="GET", permission=s.VIEW)
def waiting(request):
    """The leader's requests still waiting for the phone (the page polls from here)."""
    account = require_leader(request)
    return respond(request, _list(request, account), template=REQUESTS_PT,
                   page=lambda: _page(request))


@view_config(context=Site, name="sign-finish", request_method="POST", permission=s.VIEW)
def finish(request):
    """Step two, polled: 202 while the phone has not answered, else the signed dossiers."""
    account = require_leader(request)
    try:
        dossiers, found = _finish(request, account)
    except pending.Ended as exc:   # kept apart: this request's own transaction is aborted
        pending.record_end(get_connection(request).db(), exc.request_id, exc.message,
                           timeutil.now())
        return show_again(request, exc, REQUESTS_PT, dict(
            _list(request, account, without=exc.request_id), messages=[]), doom=True)
    except errors.DomainError as exc:
        return show_again(request, exc, REQUESTS_PT, dict(_list(request, account), messages=[]),
                          doom=True)
    if dossiers is None:
        return respond(request, dict(_summary(found)), status=202, flash=NOT_YET,
                       redirect=request.application_url + "/@@sign-requests")
    body = {"state": SIGNED, "items": [
        {"code": d.code, "status": d.status, "result": found.results[d.code]} for d in dossiers]}
    return respond(request, body, redirect=dossier_url(request, dossiers[0]) + "/@@sign?done=1")


def _finish(request, account):
    request_id = read_data(request, {"request"}).get("request")
    if not isinstance(request_id, str) or not request_id:
        raise errors.Invalid("Thiếu mã yêu cầu ký.", {"request": "Mã yêu cầu ký (id) đã nhận."})
    found = request.context.signing_requests.get(request_id)
    if found is None:
        raise errors.NotFound("Không có yêu cầu ký này (đã hoàn tất, hết hạn hoặc bị thay).")
    collected = request.environ.setdefault("tthc.sign-finish", {})   # kept across replays
    return pending.finish(request.context, found, account, request.registry.settings,
                          timeutil.now(), services_for(request, request.context),
                          collected), found
