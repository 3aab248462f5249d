"""Error answers given by WSGI middleware, outside Pyramid's error views.

The body cap and the encoding guard refuse a request before Pyramid sees it,
so they cannot use the error views; they answer here, in the shape API.md
fixes (``{"error": {"status", "message", "fields"}}`` for JSON clients, a
plain page otherwise).  Only end-to-end headers are set: a WSGI application
may not set hop-by-hop headers such as ``Connection`` (PEP 3333), and
waitress answers 500 instead of the intended status when one does.
"""
import html
import json

REASONS = {400: "Bad Request", 413: "Request Entity Too Large"}


def wants_json(environ):
    """True when the client sent or asked for JSON (Accept or Content-Type)."""
    return ("json" in environ.get("HTTP_ACCEPT", "")
            or "json" in environ.get("CONTENT_TYPE", ""))


def answer(environ, start_response, status, message, fields=None):
    """Start and return a complete error response for ``status``."""
    if wants_json(environ):
        error = {"status": status, "message": message}
        if fields:
            error["fields"] = fields
        body = json.dumps({"error": error}, ensure_ascii=False).encode("utf-8")
        content_type = "application/json"
    else:
        body = (f'<!DOCTYPE html><html lang="vi"><meta charset="utf-8">'
                f"<title>Lỗi {status}</title><h1>Lỗi {status}</h1>"
                f"<p>{html.escape(message)}</p></html>").encode("utf-8")
        content_type = "text/html; charset=UTF-8"
    start_response(f"{status} {REASONS.get(status, 'Error')}", [
        ("Content-Type", content_type), ("Content-Length", str(len(body))),
        ("X-Content-Type-Options", "nosniff")])
    return [body]
