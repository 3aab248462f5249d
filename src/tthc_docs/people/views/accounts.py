"""Log in, log out, who am I (API.md "Sessions").

``POST /@@login`` takes JSON or the HTML form.  A JSON login needs no CSRF
token (a cross-site page cannot send ``application/json`` without a CORS
pre-flight, and the client has no token before its first session); the HTML
form carries the token like every other form.  The session is renewed on
login so that a session fixed before login is worthless after it.
"""
from pyramid.csrf import check_csrf_token, get_csrf_token, new_csrf_token
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.security import forget, remember
from pyramid.view import view_config

from tthc_docs.errors import Invalid, NotLoggedIn, TooManyAttempts
from tthc_docs.site.content import Site, find_site
from tthc_docs.web.base import read_json, reject_unknown, resource_view, wants_json

OPENAPI_PATHS = {
    "/@@login": {"get": {"summary": "The login page (browsers)",
                         "parameters": [{"name": "came_from", "in": "query",
                                         "schema": {"type": "string"}}],
                         "responses": {"200": {"description": "HTML page",
                                               "content": {"text/html": {}}}}}, "post": {
        "summary": "Log in; sets the session cookie",
        "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["login", "password"],
            "properties": {"login": {"type": "string"}, "password": {"type": "string"}}}}}},
        "responses": {"200": {"description": "the session", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Session"}}}},
            "401": {"description": "wrong login or password"},
            "422": {"description": "missing fields"}, "429": {"description": "too many failures"}}}},
    "/@@logout": {"post": {"summary": "Log out", "responses": {"200": {"description": "logged out"}}}},
    "/@@me": {"get": {"summary": "The current session (login null when anonymous)",
                      "responses": {"200": {"description": "the session", "content": {
                          "application/json": {"schema": {"$ref": "#/components/schemas/Session"}}}}}}},
}


def session_json(request, account):
    """``{"login", "roles", "csrf_token", "vault", ...}`` for the login and @@me answers."""
    vault = None
    if account is not None and account.vault_id:
        vault = request.resource_path(find_site(request.context)["vaults"][account.vault_id])
    return {
        "login": account.login if account else None,
        "full_name": account.full_name if account else None,
        "roles": sorted(account.roles) if account else [],
        "agency": account.agency if account else None,
        "csrf_token": get_csrf_token(request),
        "vault": vault,
    }


@view_config(context=Site, name="login", request_method="GET",
             renderer="tthc_docs.templates:login.pt")
def login_form(request):
    return {"came_from": _safe_came_from(request, request.params.get("came_from")),
            "error": None, "login": ""}


@view_config(context=Site, name="login", request_method="POST", require_csrf=False)
def login(request):
    as_json = request.content_type == "application/json"
    if as_json:
        data = read_json(request)
        reject_unknown(data, {"login", "password"})
    else:
        check_csrf_token(request)
        data = request.POST
    login_name, password = data.get("login"), data.get("password")
    missing = {k: "Bắt buộc." for k, v in (("login", login_name), ("password", password))
               if not isinstance(v, str) or not v}
    if missing:
        raise Invalid("Cần nhập tên đăng nhập và mật khẩu.", missing)
    throttle = request.registry.login_throttle
    address = request.client_addr or "unknown"
    wait = throttle.retry_after(login_name, address)
    if wait:
        raise TooManyAttempts(f"Đăng nhập sai quá nhiều lần. Thử lại sau {wait} giây.", wait)
    account = find_site(request.context)["people"].get(login_name.strip())
    if account is None or not account.active or not account.check_password(password):
        throttle.failed(login_name, address)
        if not as_json:
            return _login_page_again(request, login_name)
        raise NotLoggedIn("Sai tên đăng nhập hoặc mật khẩu.")
    throttle.succeeded(login_name, address)
    request.session.invalidate()
    headers = remember(request, account.login)
    new_csrf_token(request)
    if as_json:
        request.response.headerlist.extend(headers)
        request.response.json_body = session_json(request, account)
        request.response.content_type = "application/json"
        return request.response
    target = _safe_came_from(request, data.get("came_from")) or request.application_url + "/"
    return HTTPSeeOther(target, headers=headers)


def _login_page_again(request, login_name):
    from pyramid.renderers import render_to_response
    response = render_to_response(
        "tthc_docs.templates:login.pt",
        {"came_from": _safe_came_from(request, request.POST.get("came_from")),
         "error": "Sai tên đăng nhập hoặc mật khẩu.", "login": login_name},
        request=request)
    response.status_int = 401
    return response


def _safe_came_from(request, target):
    """Only same-site paths; never an open redirect."""
    if not target or not isinstance(target, str):
        return ""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return ""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return ""  # CR/LF would break the Location header: a 500, not a redirect
    return request.application_url + target


@view_config(context=Site, name="logout", request_method="POST")
def logout(request):
    headers = forget(request)
    request.session.invalidate()
    if wants_json(request):
        request.response.headerlist.extend(headers)
        request.response.json_body = {"login": None}
        request.response.content_type = "application/json"
        return request.response
    return HTTPSeeOther(request.application_url + "/", headers=headers)


@resource_view(template="tthc_docs.templates:me.pt", context=Site, name="me",
               request_method="GET")
def me(request):
    return session_json(request, request.account)
