"""The site's own pages: home, document types, language, the OpenAPI document."""
import importlib
import pkgutil

from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config

from tthc_docs.catalog import doctypes
from tthc_docs.site.content import Site
from tthc_docs.web.base import resource_view

OPENAPI_PATHS = {
    "/@@doc-types": {"get": {
        "summary": "The controlled vocabulary of document types",
        "responses": {"200": {"description": "[{id, title}]"}}}},
    "/": {"get": {"summary": "The home page; JSON: {title}",
                  "responses": {"200": {"description": "{title}"}}}},
    "/@@language": {"post": {
        "summary": "Choose the UI language (form field lang: vi|en); sets a cookie, redirects back",
        "responses": {"303": {"description": "back to the referring page"}}}},
    "/@@openapi.json": {"get": {"summary": "This document",
                                "responses": {"200": {"description": "OpenAPI 3"}}}},
}


@resource_view(template="tthc_docs.templates:home.pt", context=Site, request_method="GET")
def home(request):
    return {"title": request.context.title}


@view_config(context=Site, name="doc-types", request_method="GET", accept="application/json",
             renderer="json")
def doc_types(request):
    return doctypes.as_json()


@view_config(context=Site, name="doc-types", request_method="GET", accept="text/html",
             renderer="tthc_docs.templates:doctypes.pt")
def doc_types_page(request):
    return {"items": doctypes.as_json()}


@view_config(context=Site, name="language", request_method="POST")
def set_language(request):
    """Remember the chosen UI language in a cookie (vi or en)."""
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


def view_modules():
    """Every module of the concepts' views, the modules ``includeme`` scans."""
    from tthc_docs.app import CONCEPTS
    for concept in CONCEPTS:
        for name in (f"{concept}.views", f"{concept}.errors"):
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name != name:
                    raise
                continue
            yield module
            if hasattr(module, "__path__"):
                for info in pkgutil.iter_modules(module.__path__):
                    yield importlib.import_module(f"{name}.{info.name}")


def collect_paths():
    """Merge the OPENAPI_PATHS of every view module: the document stays beside the code."""
    paths = {}
    for module in view_modules():
        for path, item in getattr(module, "OPENAPI_PATHS", {}).items():
            paths.setdefault(path, {}).update(item)
    return dict(sorted(paths.items()))


@view_config(context=Site, name="openapi.json", request_method="GET", renderer="json")
def openapi(request):
    return {
        "openapi": "3.0.3",
        "info": {"title": "tthc-docs", "version": "1",
                 "description": "Thủ tục hành chính: catalog, forms, vaults, dossiers, signed results"},
        "servers": [{"url": request.application_url}],
        "paths": collect_paths(),
        "components": {"schemas": {
            "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
                "status": {"type": "integer"}, "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "string"}}}}}},
            "Session": {"type": "object", "properties": {
                "login": {"type": "string", "nullable": True},
                "roles": {"type": "array", "items": {"type": "string"}},
                "csrf_token": {"type": "string"},
                "vault": {"type": "string", "nullable": True}}},
        }},
    }
