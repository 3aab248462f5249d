"""The request body cap, as WSGI middleware around the whole app.

It must sit outside Pyramid: pyramid_retry makes the body seekable (copies
it to a temporary file) before any tween or view runs.  Here a body whose
Content-Length is over the limit is answered 413 without reading a byte,
and a body of unknown length (chunked) is wrapped so that reading past the
limit raises, wherever the reading happens.
"""
import json

from tthc_docs.errors import TooLarge
from tthc_docs.vaults.uploads import LimitedStream


def _too_large(environ, start_response, limit):
    """Outside Pyramid there is no request to negotiate with: any mention of JSON gets JSON."""
    error = TooLarge(f"Dữ liệu gửi lên vượt quá giới hạn {limit} byte.")
    message = error.message
    as_json = "json" in environ.get("HTTP_ACCEPT", "") or "json" in environ.get(
        "CONTENT_TYPE", "")
    if as_json:
        body = json.dumps(error.as_json()).encode()
        content_type = "application/json"
    else:
        body = (f"<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\">"
                f"<title>Lỗi 413</title><h1>Lỗi 413</h1><p>{message}</p></html>").encode()
        content_type = "text/html; charset=UTF-8"
    start_response("413 Request Entity Too Large", [
        ("Content-Type", content_type), ("Content-Length", str(len(body))),
        ("X-Content-Type-Options", "nosniff"), ("Connection", "close")])
    return [body]


class BodyLimit:
    """Refuse bodies over ``limit`` bytes before they are read or copied."""

    def __init__(self, app, limit):
        self.app, self.limit = app, int(limit)
        self.registry = getattr(app, "registry", None)

    def __call__(self, environ, start_response):
        try:
            length = int(environ.get("CONTENT_LENGTH") or -1)
        except ValueError:
            length = -1
        if length > self.limit:
            return _too_large(environ, start_response, self.limit)
        if length < 0 and environ.get("REQUEST_METHOD") in ("POST", "PUT", "PATCH"):
            environ["wsgi.input"] = LimitedStream(environ["wsgi.input"], self.limit)
        try:
            return self.app(environ, start_response)
        except TooLarge:
            return _too_large(environ, start_response, self.limit)
