"""Refuse requests whose path, query string or form body is not valid UTF-8.

WebOb decodes ``PATH_INFO`` and the query string lazily, wherever a view or
the router first touches them, so ``/%ff`` or ``?code=%ff`` raised
``UnicodeDecodeError`` deep inside Pyramid, and the error view, reading the
same request, crashed again: a 500.  This WSGI middleware checks the three
once, before Pyramid, and answers 400 naming the part that is broken.

It sits inside the body cap (``BodyLimit``), so reading a form body here is
already bounded; bodies larger than ``FORM_CHECK_BYTES`` or of unknown length
are left to the views (they are uploads, not forms typed by a person).
"""
import io
from urllib.parse import unquote_to_bytes

from tthc_docs.web.wsgierrors import answer

#: Form bodies up to this size are checked here (a typed form is far smaller).
FORM_CHECK_BYTES = 1024 * 1024
_FORM = "application/x-www-form-urlencoded"


class BadEncoding(Exception):
    """A part of the request is not UTF-8; ``field`` names it when known."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message, self.field = message, field


def check_path(path):
    """Raise BadEncoding unless the WSGI path (latin-1 code points) is UTF-8."""
    try:
        path.encode("latin-1").decode("utf-8")
    except UnicodeError:
        raise BadEncoding("Địa chỉ (đường dẫn) chứa ký tự không phải UTF-8 hợp lệ.") from None


def check_pairs(raw, where):
    """Raise BadEncoding naming the first ``name=value`` pair that is not UTF-8.

    ``raw`` is a urlencoded string as WSGI gives it (latin-1 code points).
    """
    try:
        data = raw.encode("latin-1")
    except UnicodeError:
        raise BadEncoding(f"{where} chứa ký tự không hợp lệ.") from None
    for pair in data.split(b"&"):
        name, _, value = pair.partition(b"=")
        name = unquote_to_bytes(name.replace(b"+", b" "))
        shown = name.decode("utf-8", "replace")[:60] or "?"
        try:
            name.decode("utf-8")
            unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8")
        except UnicodeError:
            raise BadEncoding(f'{where}: tham số "{shown}" không phải văn bản UTF-8 hợp lệ.',
                              shown) from None


def _form_body(environ):
    """The urlencoded body (then put back as a fresh stream), or None when not checked."""
    if not environ.get("CONTENT_TYPE", "").startswith(_FORM):
        return None
    try:
        length = int(environ.get("CONTENT_LENGTH") or -1)
    except ValueError:
        return None
    if not 0 < length <= FORM_CHECK_BYTES:
        return None
    body = environ["wsgi.input"].read(length)
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    return body


def check_environ(environ):
    """Check path, query string and a small urlencoded body; raise BadEncoding."""
    check_path(environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", ""))
    check_pairs(environ.get("QUERY_STRING", ""), "Chuỗi truy vấn")
    body = _form_body(environ)
    if body is not None:
        check_pairs(body.decode("latin-1"), "Nội dung biểu mẫu")


class EncodingGuard:
    """WSGI middleware: 400 for text that is not UTF-8, before Pyramid decodes it."""

    def __init__(self, app):
        self.app = app
        self.registry = getattr(app, "registry", None)

    def __call__(self, environ, start_response):
        try:
            check_environ(environ)
        except BadEncoding as exc:
            fields = {exc.field: "Không phải văn bản UTF-8 hợp lệ."} if exc.field else None
            return answer(environ, start_response, 400, exc.message, fields)
        return self.app(environ, start_response)
