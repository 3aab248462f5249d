"""The request body cap, as WSGI middleware around the whole app.

It must sit outside Pyramid: pyramid_retry makes the body seekable (copies
it to a temporary file) before any tween or view runs.  Here a body whose
Content-Length is over the limit is answered 413 without reading a byte,
and a body of unknown length (chunked) is wrapped so that reading past the
limit raises, wherever the reading happens.
"""
from tthc_docs.errors import TooLarge
from tthc_docs.vaults.uploads import LimitedStream
from tthc_docs.web.wsgierrors import answer


def _too_large(environ, start_response, limit):
    """413 with no hop-by-hop header: waitress turns a ``Connection`` header into a 500."""
    message = f"Dữ liệu gửi lên vượt quá giới hạn {limit} byte."
    return answer(environ, start_response, 413, message)


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
