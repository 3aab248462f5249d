"""``/@@openapi.json``: the JSON surface, assembled from the fragments beside the views.

Each view module keeps an ``OPENAPI_PATHS`` dict next to the views it
documents, so a new view and its entry change together (and
``tests/functional/test_openapi.py`` fails when one is missing).  This
module only merges them; the merged paths are computed once per process,
since the modules do not change while it runs.
"""
import importlib
import pkgutil
import sys
from functools import lru_cache

from pyramid.view import view_config

from tthc_docs.site.content import Site

OPENAPI_PATHS = {
    "/@@openapi.json": {"get": {"summary": "This document",
                                "responses": {"200": {"description": "OpenAPI 3"}}}},
}

COMPONENTS = {"schemas": {
    "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
        "status": {"type": "integer"}, "message": {"type": "string"},
        "fields": {"type": "object", "additionalProperties": {"type": "string"}}}}}},
    "Session": {"type": "object", "properties": {
        "login": {"type": "string", "nullable": True},
        "roles": {"type": "array", "items": {"type": "string"}},
        "csrf_token": {"type": "string"},
        "vault": {"type": "string", "nullable": True}}},
}}


def view_modules():
    """Every module of the concepts' views (the modules ``includeme`` scans), and this one."""
    from tthc_docs.app import CONCEPTS
    yield sys.modules[__name__]
    for concept in CONCEPTS:
        package = importlib.import_module(concept)
        extra = [f"{concept}.{i.name}" for i in pkgutil.iter_modules(getattr(package, "__path__", ()))
                 if i.name.startswith("views_")]   # e.g. signing.views_csc
        for name in (f"{concept}.views", f"{concept}.errors", *extra):
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


@lru_cache(maxsize=1)
def collect_paths():
    """Merge the OPENAPI_PATHS of every view module, sorted by path."""
    paths = {}
    for module in view_modules():
        for path, item in getattr(module, "OPENAPI_PATHS", {}).items():
            paths.setdefault(path, {}).update(item)
    return dict(sorted(paths.items()))


def document(application_url):
    """The OpenAPI 3 document, served from ``application_url``."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "tthc-docs", "version": "1",
                 "description": "Thủ tục hành chính: catalog, forms, vaults, dossiers, signed results"},
        "servers": [{"url": application_url}],
        "paths": collect_paths(),
        "components": COMPONENTS,
    }


@view_config(context=Site, name="openapi.json", request_method="GET", renderer="json")
def openapi(request):
    return document(request.application_url)
