"""The outbox's views: the admins' page, the relay's two signed calls, the dev portal.

Thin: the outbox decides (``sync.outbox``), the protocol signs
(``sync.protocol``), the policy times (``sync.policy``).
"""
from pyramid.httpexceptions import HTTPNotFound
from pyramid.request import call_app_with_subpath_as_path_info
from pyramid.security import NO_PERMISSION_REQUIRED
from pyramid.settings import asbool
from pyramid.view import view_config, view_defaults

from tthc_docs import security as s
from tthc_docs import timeutil
from tthc_docs.errors import Invalid, NotAllowed, StateConflict, Words
from tthc_docs.indicators.decision import SYNC_SHARE
from tthc_docs.site.content import Site
from tthc_docs.sync import devportal, policy, protocol, setting
from tthc_docs.sync.outbox import OUTCOMES, Outbox
from tthc_docs.sync.sender import relay_payload
from tthc_docs.text.numbers import parse_bounded_int
from tthc_docs.web.body import read_data, read_json, reject_unknown
from tthc_docs.web.views import ResourceViews

DEV_PORTAL = "_devportal"
_ERR = {"description": "error", "content": {"application/json": {
    "schema": {"$ref": "#/components/schemas/Error"}}}}
_RECORD = {"type": "object", "properties": {k: {} for k in (
    "key", "code", "seq", "event", "status", "state", "attempts", "recorded_at", "next_try",
    "last_error", "delivered_at")}}
OPENAPI_PATHS = {
    "/outbox": {"get": {
        "summary": f"Synchronisation with the national portal (admin): indicator {SYNC_SHARE}, "
                   "lag, alert, dead letters",
        "responses": {"200": {"description": "the state of the sync", "content": {
            "application/json": {"schema": {"type": "object", "properties": {
                "share": {"type": "object", "description": f"{{indicator: '{SYNC_SHARE}', "
                          "synchronised, received, value}"},
                "pending": {"type": "integer"}, "delivered": {"type": "integer"},
                "oldest_pending_at": {"type": "string", "nullable": True},
                "lag_seconds": {"type": "integer"}, "threshold_seconds": {"type": "integer"},
                "alert": {"type": "boolean"},
                "dead_letters": {"type": "array", "items": _RECORD}}}}}},
            "403": _ERR}}},
    "/outbox/@@replay": {"post": {
        "summary": "Send dead letters again (admin): {keys: [...]} or {all: true}",
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
            "keys": {"type": "array", "items": {"type": "string"}}, "all": {"type": "boolean"}}}}}},
        "responses": {"200": {"description": "{replayed: [keys]}"}, "403": _ERR, "422": _ERR}}},
    "/outbox/@@batch": {"get": {
        "summary": "The relay's call: the next record of each dossier that is due (signed)",
        "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "{records: [{key, attempt, message}]}"},
                      "403": _ERR, "409": _ERR}}},
    "/outbox/@@outcome": {"post": {
        "summary": "The relay reports one attempt (signed; no CSRF token)",
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
            "key": {"type": "string"}, "attempt": {"type": "integer"},
            "outcome": {"type": "string", "enum": list(OUTCOMES)},
            "status": {"type": "integer"}, "error": {"type": "string"}}}}}},
        "responses": {"200": {"description": "the record"}, "403": _ERR, "409": _ERR,
                      "422": _ERR}}},
}


def sync_status(request, outbox, now):
    """The JSON of ``GET /outbox`` (and the values of its page)."""
    settings = request.registry.settings
    synchronised, received = outbox.share()
    oldest = outbox.oldest_pending()
    lag = int((now - oldest).total_seconds()) if oldest is not None else 0
    threshold = setting(settings, "lag_alert_seconds", int)
    return {
        "share": {"indicator": SYNC_SHARE, "synchronised": synchronised, "received": received,
                  "value": round(synchronised / received, 4) if received else None},
        "pending": outbox.pending_count(), "delivered": outbox.delivered_count(),
        "oldest_pending_at": timeutil.iso(oldest), "lag_seconds": max(lag, 0),
        "threshold_seconds": threshold, "alert": lag > threshold,
        "dead_letters": [rec.as_json() for rec in outbox.dead_letters()],
    }


@view_defaults(context=Outbox)
class OutboxViews(ResourceViews):
    """``/outbox``: what admins watch, and what the relay calls."""

    @view_config(request_method="GET", permission=s.MANAGE)
    def status(self):
        return self.respond(sync_status(self.request, self.context, timeutil.now()),
                            template="tthc_docs.templates:sync/status.pt")

    @view_config(name="replay", request_method="POST", permission=s.MANAGE)
    def replay(self):
        data = read_data(self.request, {"keys", "all"})
        if asbool(data.get("all")):
            keys = [rec.key for rec in self.context.dead_letters(limit=10 ** 6)]
        else:
            keys = data.getall("keys") if hasattr(data, "getall") else data.get("keys")
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise Invalid("Cần danh sách khóa cần gửi lại.", {"keys": "danh sách chuỗi"})
        done = self.context.replay(keys, timeutil.now())
        return self.respond({"replayed": [rec.key for rec in done]},
                            redirect=self.request.resource_url(self.context))

    @view_config(name="batch", request_method="GET", permission=NO_PERMISSION_REQUIRED)
    def batch(self):
        self._check_relay(b"")
        limit = parse_bounded_int(self.request.GET.get("limit", "50"), "limit", 1, 500)
        due = self.context.due(timeutil.now(), limit=limit)
        return self.respond({"records": [{"key": rec.key, "attempt": rec.attempts + 1,
                                          "message": dict(rec.message)} for rec in due]})

    @view_config(name="outcome", request_method="POST", permission=NO_PERMISSION_REQUIRED,
                 require_csrf=False)
    def outcome(self):
        self._check_relay(self.request.body)
        data = read_json(self.request)
        reject_unknown(data, {"key", "attempt", "outcome", "status", "error"})
        if data.get("outcome") not in OUTCOMES or not isinstance(data.get("attempt"), int):
            raise Invalid("Báo cáo không hợp lệ.", {"outcome": "một trong: " + ", ".join(OUTCOMES),
                                                    "attempt": "số nguyên"})
        settings = self.request.registry.settings
        first, cap = policy.parse_backoff(setting(settings, "backoff"))
        rec = self.context.settle(
            data.get("key"), data["attempt"], data["outcome"], timeutil.now(),
            error=data.get("error") or "", backoff=lambda n: policy.backoff(n, first, cap),
            max_attempts=setting(settings, "max_attempts", int))
        if rec is None:
            raise Invalid("Không có bản ghi với khóa này.", {"key": "không tồn tại"})
        return self.respond(rec.as_json())

    def _check_relay(self, body):
        """Only the relay (HMAC with the relay secret, within the window) calls these."""
        settings = self.request.registry.settings
        secret = setting(settings, "relay_secret")
        if not secret:
            raise StateConflict("Chưa cấu hình đồng bộ (tthc_docs.portal.relay_secret).")
        payload = relay_payload(self.request.method, self.request.path_qs, body)
        reason = protocol.check_signature(self.request.headers, payload, secret, timeutil.now(),
                                          setting(settings, "window_seconds", int))
        if reason:
            raise NotAllowed(Words("Yêu cầu đồng bộ bị từ chối: ${reason}.", reason=reason))


@view_config(context=Site, name=DEV_PORTAL, require_csrf=False,
             permission=NO_PERMISSION_REQUIRED)
def dev_portal(context, request):
    """The development national portal under ``/_devportal/`` when the setting enables it."""
    settings = request.registry.settings
    if not asbool(settings.get("tthc_docs.portal.dev_portal")):
        raise HTTPNotFound()
    portal = getattr(request.registry, "tthc_dev_portal", None)
    if portal is None:
        portal = request.registry.tthc_dev_portal = devportal.from_settings(settings)
    return call_app_with_subpath_as_path_info(request, portal)
