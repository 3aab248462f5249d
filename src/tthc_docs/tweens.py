"""Request-wide guards: a request id, a body size cap, security headers.

The size cap answers 413 from the Content-Length before the body is read,
and caps a chunked body while it streams, so no client can make the server
hold an oversized upload in memory.
"""
import uuid

from pyramid.tweens import EXCVIEW

from .errors import TooLarge

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


class _CappedInput:
    """A wsgi.input that raises TooLarge once more than ``limit`` bytes are read."""

    def __init__(self, stream, limit):
        self.stream, self.limit, self.seen = stream, limit, 0

    def _count(self, chunk):
        self.seen += len(chunk)
        if self.seen > self.limit:
            raise TooLarge(f"Dữ liệu gửi lên vượt quá giới hạn {self.limit} byte.")
        return chunk

    def read(self, size=-1):
        return self._count(self.stream.read(size))

    def readline(self, size=-1):
        return self._count(self.stream.readline(size))

    def __iter__(self):
        for line in self.stream:
            yield self._count(line)


def body_limit_tween_factory(handler, registry):
    """Under the exception view, so its TooLarge is rendered like any 413."""
    limit = int(registry.settings["tthc_docs.max_body_bytes"])

    def body_limit_tween(request):
        length = request.content_length
        if length is not None and length > limit:
            raise TooLarge(f"Dữ liệu gửi lên vượt quá giới hạn {limit} byte.")
        if length is None and request.method in ("POST", "PUT", "PATCH"):
            request.environ["wsgi.input"] = _CappedInput(request.environ["wsgi.input"], limit)
        return handler(request)

    return body_limit_tween


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
    config.add_tween("tthc_docs.tweens.body_limit_tween_factory", under=EXCVIEW)
