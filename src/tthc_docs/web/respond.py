"""One answer, two representations: JSON for JSON clients, the page for browsers.

API.md: every content URL answers HTML by default and JSON to ``Accept:
application/json`` (or to a client that sent JSON).  A view computes the
JSON body once and hands it to :func:`respond`, saying what a browser gets
instead: the same values in a template (plus what only the page needs), or
a redirect after an action.  The choice is made here, once per request, so
no view branches on the representation.

    @view_config(context=Procedure, name="publish", request_method="POST",
                 permission=s.PUBLISH)
    def publish(self):
        self.context.__parent__.publish(self.context.code, self.login, self.note())
        return respond(self.request, procedure_json(...),
                       redirect=self.request.resource_url(self.context))

    @view_config(context=ProcedureCatalog, request_method="GET", permission=s.VIEW)
    def catalog(self):
        body = {...}                           # API.md's JSON
        return respond(self.request, body, template=CATALOG_PT,
                       page=lambda: self.page_extras(body))  # browsers only

A view registered this way needs no ``renderer`` and no ``accept``
predicate: one registration per view, and the page extras are never
computed for a JSON client.  Cost per request: one cached look-up of the
Accept header and one cached renderer, less than the twin registrations
plus ``wants_json`` branches that it replaced.
"""
from functools import lru_cache

from pyramid.httpexceptions import HTTPSeeOther
from pyramid.renderers import RendererHelper
from webob.acceptparse import create_accept_header

JSON = "application/json"
OFFERS = ("text/html", JSON)


def wants_json(request):
    """True when the client sent JSON or prefers JSON to HTML.

    ``*/*`` and no Accept header mean a browser (HTML first), as Pyramid's
    own accept ordering does.
    """
    if request.content_type == JSON:
        return True
    header = request.environ.get("HTTP_ACCEPT")
    return bool(header) and _prefers_json(header)


@lru_cache(maxsize=512)
def _prefers_json(header):
    """Parsing Accept is the costly part; clients send few distinct headers."""
    offers = create_accept_header(header).acceptable_offers(OFFERS)
    return bool(offers) and offers[0][0] == JSON


def respond(request, body, template=None, page=None, redirect=None, status=None,
            location=None, headers=(), flash=None):
    """The view's answer: ``body`` as JSON, or the page (or a redirect) for a browser.

    - ``body``: the JSON answer, a dict (or list) the JSON renderer accepts;
      or a callable returning it, when it is costly and a browser is only
      redirected (it is then never computed).
    - ``template``: the page a browser gets, rendered with ``body`` (when a
      dict) and ``page``. Without a template and a redirect, everybody gets JSON.
    - ``page``: a dict, or a callable returning one, of values only the page
      needs; called only for browsers, so a JSON client never pays for it.
    - ``redirect``: a URL a browser is sent to (303) instead of a page, e.g.
      after an action; JSON clients still get ``body``.
    - ``status``: of both answers (a redirect keeps its 303); ``location``:
      the JSON answer's Location (201 Created); ``headers``: (name, value)
      pairs for both answers, e.g. ``remember()``'s cookies.
    - ``flash``: a message for the page a browser is redirected to (the
      session's flash queue); a JSON client has ``body`` and gets none.
    """
    as_json = wants_json(request)
    if redirect is not None and not as_json:
        if flash:
            request.session.flash(flash)
        return HTTPSeeOther(redirect, headers=list(headers))
    if callable(body):
        body = body()
    response = request.response
    if headers:
        response.headerlist.extend(headers)
    if template is None or as_json:
        if location is not None:
            response.location = location
        return render(request, "json", body, status)
    values = dict(body) if isinstance(body, dict) else {}  # a JSON list: the page names it
    if page is not None:
        values.update(page() if callable(page) else page)
    return render(request, template, values, status)


def render(request, renderer, values, status=None):
    """``values`` through ``renderer`` (a template spec or ``json``) into ``request.response``.

    The same path a ``renderer=`` view takes (BeforeRender globals, the
    response the view already set headers on), with the renderer looked up
    once per app instead of once per call.
    """
    if status is not None:
        request.response.status_int = status
    return _helper(request.registry, renderer).render_to_response(values, None, request=request)


def show_again(request, error, template, values, doom=False):
    """The one way to show a page again with the error that stopped it.

    JSON clients get ``error`` itself (raised, so the error view answers
    API.md's error JSON); a browser gets ``template`` again with ``values``
    plus ``error`` (the message) and ``field_errors`` (``{field: why}``), at
    the error's status.  ``doom``: abandon the transaction, when the failed
    attempt wrote something that must not be kept.  Call it from an
    ``except`` block: ``return show_again(request, exc, TEMPLATE, body)``.
    """
    if wants_json(request):
        raise error
    if doom:
        request.tm.doom()
    values = dict(values, error=error.message, field_errors=error.fields)
    return render(request, template, values, error.status)


def ask(request, error, template, values):
    """A page that asks for input, shown blank before anything was asked.

    A browser gets ``template`` with ``values`` (no error, 200): the empty
    form.  A JSON client gets ``error`` (raised), since it asked nothing the
    API can answer (``GET /@@track`` without a code is a 422 naming ``code``).
    """
    if wants_json(request):
        raise error
    return render(request, template, dict(values, error=None, field_errors={}))


def _helper(registry, renderer):
    cache = getattr(registry, "tthc_renderers", None)
    if cache is None:
        cache = registry.tthc_renderers = {}
    helper = cache.get(renderer)
    if helper is None:
        helper = cache[renderer] = RendererHelper(name=renderer, registry=registry)
    return helper
