"""Request-wide guards: a request id and security headers on every answer.

The body size cap is not a tween: pyramid_retry copies the body before any
tween runs, so it lives in ``bodylimit.py`` as WSGI middleware around the app.
"""
import uuid

from pyramid.tweens import EXCVIEW


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    # deform's widgets still use inline scripts and styles.
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; "
                                "style-src 'self' 'unsafe-inline'; "
                                "script-src 'self' 'unsafe-inline'; object-src 'none'; "
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
        response.headers["X-Request-Id"] = request_id
        return response

    return headers_tween


def includeme(config):
    config.add_tween("tthc_docs.tweens.headers_tween_factory", over=EXCVIEW)
