"""The site's own pages: home, document types, language (``/@@openapi.json``: ``web/openapi.py``)."""
from pyramid.csrf import check_csrf_token
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config, view_defaults

from tthc_docs.catalog import doctypes
from tthc_docs.errors import BadRequest
from tthc_docs.site.content import Site
from tthc_docs.web.views import ResourceViews

OPENAPI_PATHS = {
    "/@@doc-types": {"get": {
        "summary": "The controlled vocabulary of document types",
        "responses": {"200": {"description": "[{id, title}]"}}}},
    "/": {"get": {"summary": "The home page; JSON: {title}",
                  "responses": {"200": {"description": "{title}"}}}},
    "/@@language": {"post": {
        "summary": "Choose the UI language (form field lang: vi|en); sets a cookie, redirects back",
        "responses": {"303": {"description": "back to the referring page"}}}},
}


@view_defaults(context=Site)
class SiteViews(ResourceViews):

    @view_config(request_method="GET")
    def home(self):
        return self.public((self.context,), lambda: self.respond(
            {"title": self.context.title}, template="tthc_docs.templates:home.pt"))

    @view_config(name="doc-types", request_method="GET")
    def doc_types(self):
        """A list as JSON; the page reads it as ``items``."""
        items = doctypes.as_json()
        return self.respond(items, template="tthc_docs.templates:doctypes.pt",
                            page=lambda: {"items": items})

    @view_config(name="language", request_method="POST", require_csrf=False)
    def set_language(self):
        """Remember the chosen UI language in a cookie (vi or en).

        An anonymous page is kept once for every visitor (web/pagecache.py),
        so its language form carries no CSRF token: the switch is accepted
        with the session's token (a logged-in user's pages carry it) or from
        a page of this site (Origin, else Referer), and refused otherwise.
        """
        request = self.request
        supplied = request.POST.get("csrf_token") or request.headers.get("X-CSRF-Token")
        if not (check_csrf_token(request, raises=False) if supplied else same_origin(request)):
            raise BadRequest("Yêu cầu đổi ngôn ngữ không đến từ trang của cổng này.")
        lang = request.POST.get("lang")
        home = request.application_url + "/"
        referer = request.referer or ""
        # the slash matters: "http://site.example.evil" starts with "http://site.example"
        target = referer if referer == request.application_url or referer.startswith(home) else home
        response = HTTPSeeOther(target)
        if lang in request.registry.settings["tthc_docs.available_languages"]:
            response.set_cookie("_LOCALE_", lang, max_age=365 * 86400, httponly=True,
                                samesite="Lax")
        return response


def same_origin(request):
    """True when the browser says the request comes from a page of this site."""
    origin = request.headers.get("Origin") or request.referer or ""
    return origin == request.host_url or origin.startswith(request.host_url + "/")
