"""Log in, log out, who am I (API.md "Sessions").

``POST /@@login`` takes JSON or the HTML form.  A JSON login needs no CSRF
token (a cross-site page cannot send ``application/json`` without a CORS
pre-flight, and the client has no token before its first session); the HTML
form carries the token like every other form.  The session is renewed on
login so that a session fixed before login is worthless after it.
"""
from pyramid.csrf import check_csrf_token, get_csrf_token, new_csrf_token
from pyramid.security import forget, remember
from pyramid.view import view_config, view_defaults
from pyramid_zodbconn import get_connection

from tthc_docs.errors import Invalid, NotLoggedIn
from tthc_docs.people.throttle import SharedLoginThrottle
from tthc_docs.site.content import Site, find_site
from tthc_docs.web.body import read_json, reject_unknown
from tthc_docs.web.respond import render, show_again
from tthc_docs.web.views import ResourceViews

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


LOGIN_PT = "tthc_docs.templates:login.pt"
ME_PT = "tthc_docs.templates:me.pt"


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


def safe_came_from(request, target):
    """Only same-site paths; never an open redirect."""
    if not target or not isinstance(target, str):
        return ""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return ""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return ""  # CR/LF would break the Location header: a 500, not a redirect
    return request.application_url + target


@view_defaults(context=Site)
class SessionViews(ResourceViews):
    """``@@login``, ``@@logout``, ``@@me``."""

    @view_config(name="login", request_method="GET")
    def login_form(self):
        came_from = safe_came_from(self.request, self.request.params.get("came_from"))
        return render(self.request, LOGIN_PT, {"came_from": came_from, "error": None, "login": ""})

    @view_config(name="login", request_method="POST", require_csrf=False)
    def login(self):
        """Check the password (the domain throttles), then a new session for the account."""
        data = self.credentials()
        login_name, password = data.get("login"), data.get("password")
        missing = {k: "Bắt buộc." for k, v in (("login", login_name), ("password", password))
                   if not isinstance(v, str) or not v}
        if missing:
            raise Invalid("Cần nhập tên đăng nhập và mật khẩu.", missing)
        people = find_site(self.context)["people"]
        try:
            throttle = SharedLoginThrottle(self.request.registry.login_throttle,
                                           get_connection(self.request).db())
            account = people.authenticate(login_name, password, throttle,
                                          self.request.client_addr or "unknown")
        except NotLoggedIn as exc:
            return show_again(self.request, exc, LOGIN_PT, {
                "came_from": safe_came_from(self.request, data.get("came_from")),
                "login": login_name})
        self.request.session.invalidate()
        headers = remember(self.request, account.login)
        new_csrf_token(self.request)
        target = (safe_came_from(self.request, data.get("came_from"))
                  or self.request.application_url + "/")
        return self.respond(session_json(self.request, account), redirect=target,
                            headers=headers)

    def credentials(self):
        """A JSON login needs no CSRF token (see the module's docstring); the form does."""
        if self.request.content_type == "application/json":
            data = read_json(self.request)
            reject_unknown(data, {"login", "password"})
            return data
        check_csrf_token(self.request)
        return self.request.POST

    @view_config(name="logout", request_method="POST")
    def logout(self):
        headers = forget(self.request)
        self.request.session.invalidate()
        return self.respond({"login": None}, redirect=self.request.application_url + "/",
                            headers=headers)

    @view_config(name="me", request_method="GET")
    def me(self):
        return self.respond(session_json(self.request, self.request.account), template=ME_PT)
