"""The public catalog: search, the procedure page, its due date (API.md "Procedures").

Citizens and anonymous visitors see published procedures only; a draft or
a retired one answers 404 to them, as if it did not exist. Editors see
every state (and `?version=N` of any version): ``Procedure.visible_version``
decides. Editor actions live in `edit.py`, the admin calendar in
`dossiers/views/calendar.py`.
"""
from urllib.parse import quote

from pyramid.view import view_config, view_defaults

from tthc_docs import security as s
from tthc_docs.catalog import channels, doctypes
from tthc_docs.catalog.channels import METHODS
# two levels since 1 July 2025 (+ central): "district" is never offered for a new procedure
from tthc_docs.catalog.content import LEVELS as LEVEL_CODES
from tthc_docs.catalog.content import LEVEL_TITLES, STATE_TITLES, Procedure, ProcedureCatalog
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.dossiers.deadlines import due_day
from tthc_docs.errors import Invalid, NotFound, Words
from tthc_docs.roles import OFFICER_ROLES, ROLE_TITLES
from tthc_docs.site.content import find_site
from tthc_docs.text.folding import slug
from tthc_docs.text.numbers import parse_bounded_int
from tthc_docs.timeutil import iso, parse_date, today
from tthc_docs.web.views import ResourceViews

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_VERSION = 10 ** 9   # far past any procedure's history; bounds ``?version=``
METHOD_TITLES = {"counter": "Trực tiếp tại Bộ phận Một cửa", "post": "Qua dịch vụ bưu chính",
                 "online": "Trực tuyến trên Cổng Dịch vụ công"}
ONLINE_LEVEL_TITLES = {"toan-trinh": "Dịch vụ công trực tuyến toàn trình",
                       "mot-phan": "Dịch vụ công trực tuyến một phần"}

_PROCEDURE_SCHEMA = {"type": "object", "properties": {
    "code": {"type": "string"}, "name": {"type": "string"}, "field": {"type": "string"},
    "level": {"type": "string", "enum": list(LEVEL_CODES)},
    "agencies": {"type": "array", "items": {"type": "string"}},
    "processing_days": {"type": "integer"},
    "fee": {"type": "object", "properties": {"amount": {"type": "integer"},
                                             "online_amount": {"type": "integer"}}},
    "requirements": {"type": "array", "items": {"type": "object", "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}, "doc_type": {"type": "string"},
        "copies": {"type": "integer"}, "required": {"type": "boolean"}}}},
    "form": {"type": "string", "nullable": True},
    "steps": {"type": "array", "items": {"type": "object", "properties": {
        "id": {"type": "string"}, "name": {"type": "string"},
        "role": {"type": "string", "enum": list(OFFICER_ROLES)},
        "days": {"type": "integer"}}}},
    "legal_basis": {"type": "array", "items": {"type": "string"}},
    "methods": {"type": "array", "items": {"type": "string", "enum": [m for m, _ in METHODS]}},
    "receivable_anywhere": {"type": "boolean", "description": "any one-stop desk of the province "
                            "may receive its dossiers (tiếp nhận không phụ thuộc địa giới hành chính)"},
    "state": {"type": "string", "enum": ["draft", "published", "retired"]},
    "version": {"type": "integer"}}}

OPENAPI_PATHS = {
    "/procedures/": {"get": {
        "summary": "Search the catalog (published procedures only for non-editors)",
        "parameters": [
            {"name": "q", "in": "query", "schema": {"type": "string"},
             "description": "words, with or without diacritics, any case"},
            {"name": "field", "in": "query", "schema": {"type": "string"},
             "description": "lĩnh vực: its name or slug (ho-tich)"},
            {"name": "level", "in": "query", "schema": {"type": "string",
                                                          "enum": list(LEVEL_CODES)}},
            {"name": "agency", "in": "query", "schema": {"type": "string"}},
            {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1,
                                                          "maximum": MAX_PAGE_SIZE}}],
        "responses": {"200": {"description": "{items: [{code, name, field, level, url}], total, "
                                             "page, limit, facets: {field, level, agency}}"},
                      "422": {"description": "a bad page or limit"}}}},
    "/procedures/{code}": {"get": {
        "summary": "One procedure: the published version (editors: the latest, or ?version=N)",
        "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}},
                       {"name": "version", "in": "query", "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "the procedure",
                              "content": {"application/json": {"schema": _PROCEDURE_SCHEMA}}},
                      "404": {"description": "no such procedure, or not published"}}}},
    "/procedures/{code}/@@due-date": {"get": {
        "summary": "When the result is due if the dossier is received on `from` during office "
                   "hours (the period starts the next working day, Civil Code art. 147)",
        "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}},
                       {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"},
                        "description": "default: today"}],
        "responses": {"200": {"description": "{from, due, working_days}"},
                      "404": {"description": "no such published procedure"},
                      "422": {"description": "`from` is not a date"}}}},
}


CATALOG_PT = "tthc_docs.templates:procedures/catalog.pt"
PROCEDURE_PT = "tthc_docs.templates:procedures/procedure.pt"


def is_editor(request, context):
    return request.has_permission(s.EDIT, context)


def shown_version(request, procedure):
    """The version this user may see (``?version=N``), or 404."""
    wanted = request.params.get("version")
    if wanted is not None:   # 0 and unknown versions stay a 404, as before
        wanted = parse_bounded_int(wanted, "version", 0, MAX_VERSION)
    version = procedure.visible_version(wanted, is_editor(request, procedure))
    if version is None:
        raise NotFound(Words("Không có thủ tục mã ${code}.", code=procedure.code))
    return version


def procedure_json(request, procedure, version):
    """The API.md representation of one version (extended with what the page shows)."""
    state = procedure.version_state(version.version)
    return {
        "code": version.code, "name": version.name, "field": version.field,
        "field_slug": slug(version.field), "level": version.level,
        "agencies": version.agencies, "processing_days": version.processing_days,
        "fee": {"amount": version.fee, "online_amount": version.online_fee},
        "requirements": version.requirements, "form": version.form, "steps": version.steps,
        "legal_basis": version.legal_basis,
        "state": "published" if state == "superseded" else state,
        "version": version.version,
        "methods": version.methods, "online_level": version.online_level,
        "receivable_anywhere": channels.receivable_anywhere(version),
        "target_group": version.target_group, "citizen_steps": version.citizen_steps,
        "result_doc_type": version.result_doc_type, "result_name": version.result_name,
        "result_title": version.result_title,
        "url": request.resource_url(procedure),
        "superseded": state == "superseded",
    }


def int_param(request, name, default, lo, hi):
    """A whole-number query parameter in [lo, hi] (``default`` when absent), or 422 naming it."""
    return parse_bounded_int(request.params.get(name), name, lo, hi, default=default)


def day_param(request, name):
    """A YYYY-MM-DD query parameter (today when absent), or 422 naming it."""
    raw = request.params.get(name)
    if raw in (None, ""):
        return today()
    try:
        day = parse_date(raw)
    except (TypeError, ValueError):
        day = None
    if day is None:
        raise Invalid("Ngày nhận hồ sơ không hợp lệ.", {name: f"Không phải ngày YYYY-MM-DD: {raw}"})
    if not 2000 <= day.year <= 2100:  # as the calendar's years; 9999-12-31 overflowed
        raise Invalid("Ngày nhận hồ sơ không hợp lệ.", {name: "Năm phải từ 2000 đến 2100."})
    return day


@view_defaults(context=ProcedureCatalog, permission=s.VIEW)
class CatalogViews(ResourceViews):
    """`GET /procedures/?q=&field=&level=&agency=&page=&limit=`: search and browse."""

    @view_config(request_method="GET")
    def search(self):
        """Anonymous visitors' searches are kept until the index changes (web/pagecache.py)."""
        return self.public((self.context.index(),), self.find)

    def find(self):
        limit = int_param(self.request, "limit", PAGE_SIZE, 1, MAX_PAGE_SIZE)
        page = int_param(self.request, "page", 1, 1, 100000)
        params = {k: (self.request.params.get(k) or "").strip()
                  for k in ("q", "field", "level", "agency")}
        editor = is_editor(self.request, self.context)
        result = self.context.search(params["q"], editor=editor, field=params["field"] or None,
                                     level=params["level"] or None,
                                     agency=params["agency"] or None,
                                     start=(page - 1) * limit, limit=limit)
        base = self.request.resource_url(self.context)
        body = {"items": [self.summary(code, base) for code in result.codes],
                "total": result.total, "page": page, "limit": limit, "facets": result.facets}
        return self.respond(body, template=CATALOG_PT, page=lambda: {
            "query": params, "editor": editor,
            "field_titles": self.context.index().field_titles(),
            "level_titles": LEVEL_TITLES, "state_titles": STATE_TITLES,
            "pages": max(1, -(-result.total // limit)), "link": self.linker(params, page)})

    def summary(self, code, base):
        """One result line, from the index (no procedure is loaded for a list)."""
        return dict(self.context.index().summary(code), code=code, url=f"{base}{quote(code)}/")

    def linker(self, params, page):
        """`link(field=..., page=...)`: this search with some parameters changed."""
        def link(**changes):
            query = dict(params, page=page)
            query.update(changes)
            return self.request.resource_url(self.context,
                                             query={k: v for k, v in query.items() if v})
        return link


@view_defaults(context=Procedure, permission=s.VIEW)
class ProcedureViews(ResourceViews):
    """The procedure page and its due-date calculator."""

    @view_config(request_method="GET")
    def show(self):
        """`GET /procedures/<code>`: the plain-language, printable procedure page.

        Kept for anonymous visitors by everything it shows: the procedure, the
        version, the handling agencies, the days off and today (the due date).
        """
        version = shown_version(self.request, self.context)
        site = find_site(self.context)
        agencies = site["agencies"]
        parts = (self.context, version, site["procedures"].days_off_registry(), today(),
                 *(agencies.by_code(code) for code in version.agencies))
        return self.public(parts, lambda: self.page(version))

    def page(self, version):
        body = procedure_json(self.request, self.context, version)
        if is_editor(self.request, self.context):
            body["history"] = [dict(h, created_at=iso(h["created_at"]))
                               for h in self.context.history()]
            body["procedure_state"] = self.context.state
        return self.respond(body, template=PROCEDURE_PT,
                            page=lambda: {"page": self.page_extras(version)})

    def page_extras(self, version):
        """What only the HTML page needs: titles, agencies' names, today's due date."""
        procedure = self.context
        site = find_site(procedure)
        start = today()
        agencies = site["agencies"]
        return {
            "due": due_day(start, version.processing_days,
                           calendar_for(site, self.request.registry.settings)),
            "today": start, "level_title": LEVEL_TITLES.get(version.level, version.level),
            "agency_names": [getattr(agencies.by_code(c), "name", c) for c in version.agencies],
            "doc_type_title": doctypes.title_of, "method_titles": METHOD_TITLES,
            "online_level_title": ONLINE_LEVEL_TITLES.get(version.online_level, ""),
            "role_titles": ROLE_TITLES, "state_titles": STATE_TITLES,
            "editor": is_editor(self.request, procedure),
            "can_apply": (procedure.published_version() is not None
                          and version.version == procedure.published_number),
        }

    @view_config(name="due-date", request_method="GET")
    def due_date(self):
        """`GET /procedures/<code>/@@due-date?from=YYYY-MM-DD` (default today)."""
        version = self.context.visible_version(editor=is_editor(self.request, self.context))
        if version is None:
            raise NotFound(Words("Không có thủ tục mã ${code}.", code=self.context.code))
        start = day_param(self.request, "from")
        # A receipt during that day's office hours, counted as dossiers are.
        due = due_day(start, version.processing_days,
                      calendar_for(find_site(self.context), self.request.registry.settings))
        return self.respond({"from": start.isoformat(), "due": due.isoformat(),
                             "working_days": version.processing_days})
