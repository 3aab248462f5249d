"""Errors as API.md fixes them: JSON for JSON clients, a Vietnamese page else.

Domain errors carry their status; Pyramid's own HTTP errors (404 from
traversal, 403 from the ACLs, 400 from the CSRF check) are mapped to the
same body.  Anything else is logged with a request id and answered 500
without a traceback.  The catch-all does not match a retryable conflict
before the last attempt, so pyramid_retry can retry it.
"""
import logging
import re
import traceback
import uuid
from urllib.parse import quote

from pyramid.csrf import get_csrf_token
from pyramid.httpexceptions import HTTPException, HTTPForbidden, HTTPSeeOther
from pyramid.view import exception_view_config, notfound_view_config, forbidden_view_config

from tthc_docs import errors
from tthc_docs.web.i18n import _
from tthc_docs.web.respond import render, wants_json

log = logging.getLogger(__name__)

SERVER_ERROR = "Hệ thống gặp lỗi. Vui lòng thử lại sau."
#: The words of each status, as the error classes define them (translated in locale/).
MESSAGES = {status: cls.default_message for status, cls in errors.BY_STATUS.items()}
MESSAGES[500] = SERVER_ERROR


def render_error(request, status, body):
    """One answer for every error: JSON or the error page, with ``status``."""
    body = in_language(request, body)
    if wants_json(request):
        return render(request, "json", body, status)
    try:
        csrf = get_csrf_token(request)
    except Exception:  # a broken session must not hide the real error
        csrf = ""
    return render(request, "tthc_docs.templates:error.pt",
                  {"status": status, "error": body["error"], "csrf_token": csrf}, status)


def in_language(request, body):
    """``body`` with its message and field reasons in the request's language.

    Vietnamese by default: the messages are the catalog's ids, so a client
    that asks for English (``Accept-Language: en``, or the ``_LOCALE_``
    cookie) gets the catalog's English; the shape of API.md's error does not
    change, only its words.  A message the catalog lacks stays Vietnamese.
    """
    if request.locale_name == "vi":
        return body
    words = dict(body["error"])
    words["message"] = translated(request.localizer, words["message"])
    if isinstance(words.get("fields"), dict):
        words["fields"] = {name: translated(request.localizer, why)
                           for name, why in words["fields"].items()}
    return dict(body, error=words)


def translated(localizer, text, context=None):
    """``text`` from the catalog; an ``errors.Words`` by its template, its values filled in."""
    if isinstance(text, errors.Words):
        values = {k: translated(localizer, v, text.contexts.get(k))
                  for k, v in text.values.items()}
        return localizer.translate(_(text.template, mapping=values))
    if isinstance(text, str):
        return localizer.translate(_(text, context=context))
    return text


@exception_view_config(errors.DomainError)
def domain_error(exc, request):
    response = render_error(request, exc.status, exc.as_json())
    retry_after = getattr(exc, "retry_after", None)   # 429 and 503 say when to try again
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


@notfound_view_config()
def not_found(exc, request):
    return domain_error(errors.NotFound(), request)


@forbidden_view_config()
def forbidden(exc, request):
    """401 for an anonymous JSON client, the login page for a browser, else 403."""
    if request.account is None:
        if wants_json(request):
            return domain_error(errors.NotLoggedIn(), request)
        # encoded: the page's own query must not add parameters to the login URL
        return HTTPSeeOther(request.application_url + "/@@login?came_from="
                            + quote(request.path_qs, safe="/@"))
    return domain_error(errors.NotAllowed(), request)


@exception_view_config(HTTPException)
def http_error(exc, request):
    """Pyramid's own HTTP exceptions: keep redirects, render 4xx in our shape."""
    if exc.status_int < 400:
        return exc
    if isinstance(exc, HTTPForbidden):
        return forbidden(exc, request)
    message = MESSAGES.get(exc.status_int, exc.title)
    detail = getattr(exc, "detail", None)
    if exc.status_int == 400 and "CSRF" in str(exc.explanation or "") + str(detail or ""):
        message = "Thiếu hoặc sai mã chống giả mạo (CSRF token) trong yêu cầu."
    return render_error(request, exc.status_int,
                        {"error": {"status": exc.status_int, "message": message}})


_ID_NUMBER = re.compile(r"(?<!\d)\d{12}(?!\d)")


def redact(text):
    """Mask 12-digit runs (personal ID numbers) before text reaches a log.

    An unexpected exception's message may quote profile or form data; the
    traceback is kept for the operator, the ID number is not.
    """
    return _ID_NUMBER.sub("************", str(text))


@exception_view_config(Exception, retryable_error=False)
def unexpected(exc, request):
    """Log with a request id; answer 500 without the traceback."""
    request_id = request.environ.get("tthc.request_id") or uuid.uuid4().hex[:12]
    log.error("unhandled error, request %s %s %s\n%s", request_id, request.method,
              redact(request.path), redact("".join(traceback.format_exception(exc))))
    body = {"error": {"status": 500, "message": SERVER_ERROR, "request_id": request_id}}
    return render_error(request, 500, body)
