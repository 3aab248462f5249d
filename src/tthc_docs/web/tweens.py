"""Request-wide guards: a request id and security headers on every answer.

The body size cap is not a tween: pyramid_retry copies the body before any
tween runs, so it lives in ``bodylimit.py`` as WSGI middleware around the app.
"""
import re
import uuid

from pyramid.tweens import EXCVIEW

from tthc_docs.errors import BadRequest, Invalid, UnsupportedType, Words
from tthc_docs.security import session_login


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    # Nothing inline: deform's sequence widgets are overridden (templates/deform/) and
    # set up by static/deform-init.js, small behaviours are static/page.js, every style
    # is in a stylesheet (tests/functional/test_no_inline_script.py scans the pages).
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; "
                                "style-src 'self'; "
                                "script-src 'self'; object-src 'none'; "
                                "frame-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
                                "form-action 'self'"),
}


def headers_tween_factory(handler, registry):
    """Over the exception view, so error pages get the headers too."""
    secure = registry.settings["tthc_docs.secure_cookies"]

    def headers_tween(request):
        request_id = uuid.uuid4().hex[:12]
        request.environ["tthc.request_id"] = request_id
        response = handler(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if secure:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if "Cache-Control" not in response.headers and (
                response.status_code >= 500 or session_login(request)):
            # Personal pages must not stay in a shared (counter, kiosk) browser's cache;
            # nor a server error, whose session may be out of reach (the database away).
            response.headers["Cache-Control"] = "no-store"
        response.headers["X-Request-Id"] = request_id
        return response

    return headers_tween


FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
BODY_TYPES = ("", "application/json") + FORM_TYPES
# What the multipart parser (cgi.valid_boundary) accepts.
BOUNDARY = re.compile(r'boundary="?([ -~]{0,200}[!-~])"?(?:;|$)', re.IGNORECASE)
# Where the app's forms take files: `file` (vault, counter, verify), `file.<requirement>` (apply).
FILE_FIELD = re.compile(r"^file(\.|$)")


def body_type_tween_factory(handler, registry):
    """Refuse an unsafe request's body early when no view could read it.

    Every endpoint reads JSON or a form: any other type (text/plain, a bare
    PDF) is a 415 naming it; a multipart body without a usable boundary is a
    400, and a file sent where a form expects text is a 422 naming the field,
    instead of a 500 from wherever a view or the CSRF check first reads
    ``request.POST``.  Parsing here costs nothing extra: pyramid_retry has
    already copied the body (capped by ``bodylimit``), and WebOb keeps the
    parsed form for the view.
    """

    def body_type_tween(request):
        if request.method in ("POST", "PUT", "PATCH", "DELETE"):
            content_type = request.content_type
            if content_type not in BODY_TYPES:
                raise UnsupportedType(
                    Words("Kiểu nội dung ${type} không được hỗ trợ: hãy gửi application/json "
                          "(hoặc biểu mẫu multipart/form-data, application/x-www-form-urlencoded).",
                          type=content_type))
            if content_type == "multipart/form-data":
                _check_multipart(request)
        return handler(request)

    return body_type_tween


def _check_multipart(request):
    if not BOUNDARY.search(request.environ.get("CONTENT_TYPE", "")):
        raise BadRequest("Nội dung multipart/form-data thiếu hoặc sai tham số "
                         "boundary trong Content-Type.")
    try:
        parts = list(request.POST.items())
    except ValueError as exc:
        raise BadRequest(Words("Nội dung multipart/form-data không đọc được: ${reason}.", reason=exc)) from None
    misplaced = {name: "Phải là văn bản, không phải tệp." for name, value in parts
                 if not isinstance(value, str) and not FILE_FIELD.match(name)}
    if misplaced:
        if not any(FILE_FIELD.match(name) for name, _ in parts):
            misplaced["file"] = "Tệp phải gửi trong trường file."
        raise Invalid("Chỉ trường file nhận tệp.", misplaced)


def includeme(config):
    config.add_tween("tthc_docs.web.tweens.headers_tween_factory", over=EXCVIEW)
    config.add_tween("tthc_docs.web.tweens.body_type_tween_factory", under=EXCVIEW)
