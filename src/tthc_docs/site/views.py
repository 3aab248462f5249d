"""The site's own pages: home, document types, language (``/@@openapi.json``: ``web/openapi.py``)."""
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config, view_defaults

from tthc_docs.catalog import doctypes
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
        return self.respond({"title": self.context.title}, template="tthc_docs.templates:home.pt")

    @view_config(name="doc-types", request_method="GET")
    def doc_types(self):
        """A list as JSON; the page reads it as ``items``."""
        items = doctypes.as_json()
        return self.respond(items, template="tthc_docs.templates:doctypes.pt",
                            page=lambda: {"items": items})

    @view_config(name="language", request_method="POST")
    def set_language(self):
        """Remember the chosen UI language in a cookie (vi or en)."""
        request = self.request
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
