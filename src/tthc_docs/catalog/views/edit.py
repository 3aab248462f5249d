"""Editors maintain the catalog: JSON endpoints and deform pages.

REST-like JSON: `POST /procedures/` creates (201), `PUT /procedures/<code>`
saves a draft version, `POST /procedures/<code>/@@publish` and `@@retire`
move the state, `GET /procedures/<code>/@@history` lists versions and
events. The browser pages `/procedures/@@add` and `/procedures/<code>/@@edit`
are deform forms over the same colander schema, so both refuse the same
input with the same words. The resource methods decide; these views only
translate.
"""
import colander
import deform
from pyramid.csrf import get_csrf_token
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config

from tthc_docs import security as s
from tthc_docs.errors import Invalid
from tthc_docs.catalog.content import CONTENT_FIELDS, Procedure, ProcedureCatalog
from tthc_docs.site.content import find_site
from tthc_docs.catalog.schema import ProcedureSchema, finish, validate
from tthc_docs.timeutil import iso
from tthc_docs.web.base import read_json, reject_unknown, wants_json
from tthc_docs.catalog.views.procedures import procedure_json

#: Read-only keys of the GET answer a client may send back unchanged.
ECHOED = {"state", "version", "url", "field_slug", "superseded", "history", "procedure_state"}
ACCEPTED = set(CONTENT_FIELDS) - {"online_fee_set"} | ECHOED

_BODY = {"requestBody": {"content": {"application/json": {"schema": {
    "type": "object", "required": ["code", "name", "field", "level", "agencies",
                                   "processing_days", "result_doc_type", "steps"],
    "description": "the fields of GET /procedures/{code}; fee as an integer (or {amount, "
                   "online_amount}); online_fee defaults to half the fee"}}}}}
OPENAPI_PATHS = {
    "/procedures/": {"post": dict(_BODY, summary="Create a procedure as a draft (editors)", responses={
        "201": {"description": "the draft procedure"}, "403": {"description": "not an editor"},
        "422": {"description": "invalid fields (unique code, step days, fees, form, doc types)"}})},
    "/procedures/{code}": {"parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}], "put": dict(_BODY, summary="Save a new draft version (editors); "
                                       "the published version does not change", responses={
        "200": {"description": "the draft"}, "404": {"description": "no such procedure"},
        "422": {"description": "invalid fields"}})},
    "/procedures/{code}/@@publish": {"parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}], "post": {"summary": "Publish the draft (editors)", "responses": {
        "200": {"description": "the published procedure"}, "409": {"description": "no draft"}}}},
    "/procedures/{code}/@@retire": {"parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}], "post": {"summary": "Retire a published procedure (editors)",
                                             "responses": {"200": {"description": "retired"},
                                                           "409": {"description": "not published"}}}},
    "/procedures/@@add": {
        "get": {"summary": "The add form (editors, browsers)", "responses": {"200": {
            "description": "HTML page", "content": {"text/html": {}}}}},
        "post": {"summary": "Save the add form (form fields; `save` button)", "responses": {
            "303": {"description": "to the new draft"},
            "200": {"description": "the form again with the problems", "content": {"text/html": {}}}}}},
    "/procedures/{code}/@@edit": {
        "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
        "get": {"summary": "The edit form (editors, browsers)", "responses": {"200": {
            "description": "HTML page", "content": {"text/html": {}}}}},
        "post": {"summary": "Save the edit form as the draft (form fields; `save` button)", "responses": {
            "303": {"description": "to the procedure"},
            "200": {"description": "the form again with the problems", "content": {"text/html": {}}}}}},
    "/procedures/{code}/@@history": {"parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}], "get": {"summary": "Versions and editorial events (editors)",
                                             "responses": {"200": {"description": "{versions, events}"}}}},
}


def bindings(site, code=None):
    """What the schema checks against: agencies, form templates, taken codes."""
    agencies = {a.code for a in site["agencies"].all()}
    return {"agencies": agencies, "forms": set(site["forms"].keys()),
            "agency_choices": [(a.code, f"{a.name} ({a.code})") for a in site["agencies"].all()],
            "taken_codes": set(site["procedures"].keys()) if code is None else None}


def _json_data(request):
    data = read_json(request)
    reject_unknown(data, ACCEPTED)
    fee = data.get("fee")
    if isinstance(fee, dict):
        data["fee"] = fee.get("amount")
        data.setdefault("online_fee", fee.get("online_amount"))
    return {k: v for k, v in data.items() if k not in ECHOED}


def _by(request):
    return request.account.login


@view_config(context=ProcedureCatalog, request_method="POST", permission=s.EDIT, renderer="json")
def create(context, request):
    site = find_site(context)
    data = validate(_json_data(request), **bindings(site))
    procedure = context.create(data, _by(request))
    request.response.status_int = 201
    request.response.location = request.resource_url(procedure)
    return procedure_json(request, procedure, procedure.latest_version())


@view_config(context=Procedure, request_method="PUT", permission=s.EDIT, renderer="json")
def update(context, request):
    data = _json_data(request)
    if data.setdefault("code", context.code) != context.code:
        raise Invalid("Không được đổi mã thủ tục.", {"code": "Mã thủ tục không được thay đổi."})
    clean = validate(data, **bindings(find_site(context), context.code))
    version = context.__parent__.update(context.code, clean, _by(request))
    return procedure_json(request, context, version)


def _note(request):
    if request.content_type == "application/json" and request.body:
        data = read_json(request)
        reject_unknown(data, {"note"})
        return str(data.get("note") or "")
    return str(request.POST.get("note") or "")


def _answer(request, context):
    if wants_json(request):
        version = context.published_version() or context.latest_version()
        return procedure_json(request, context, version)
    return HTTPSeeOther(request.resource_url(context))


@view_config(context=Procedure, name="publish", request_method="POST", permission=s.PUBLISH,
             renderer="json")
def publish(context, request):
    context.__parent__.publish(context.code, _by(request), _note(request))
    return _answer(request, context)


@view_config(context=Procedure, name="retire", request_method="POST", permission=s.PUBLISH,
             renderer="json")
def retire(context, request):
    context.__parent__.retire(context.code, _by(request), _note(request))
    return _answer(request, context)


@view_config(context=Procedure, name="history", request_method="GET", permission=s.EDIT,
             renderer="json")
def history(context, request):
    versions = [dict(h, created_at=iso(h["created_at"])) for h in context.history()]
    events = [dict(e, at=iso(e["at"])) for e in context.events]
    return {"code": context.code, "state": context.state, "versions": versions, "events": events}


# -- deform pages ----------------------------------------------------------
def _form(request, schema, action):
    schema = schema.clone()
    schema.add(colander.SchemaNode(colander.String(), name="csrf_token",
                                   widget=deform.widget.HiddenWidget(),
                                   default=get_csrf_token(request), missing=""), )
    for name in ("requirements", "steps", "citizen_steps", "legal_basis"):
        schema[name].widget = deform.widget.SequenceWidget(
            min_len=1 if name in ("requirements", "steps") else 0, orderable=True,
            add_subitem_text_template="Thêm ${subitem_title}")
    return deform.Form(schema, action=action, buttons=(deform.Button("save", "Lưu bản nháp"),))


def _page(request, form, html, title):
    resources = form.get_widget_resources()
    return {"form": html, "title": title,
            "js": [request.static_url(f"deform:static/{p}") for p in resources["js"]],
            "css": [request.static_url(f"deform:static/{p}") for p in resources["css"]]}


def _save_from_form(request, form, save):
    """Validate the posted form and call `save(clean)`; the form again on errors."""
    try:
        appstruct = form.validate(request.POST.items())
    except deform.ValidationFailure as failure:
        return None, failure.render()
    appstruct.pop("csrf_token", None)
    try:
        return save(finish(appstruct)), None
    except Invalid as exc:  # rules only the domain can check (e.g. a race on the code)
        for name, message in exc.fields.items():
            if name in form.schema:
                form[name].error = colander.Invalid(form.schema[name], message)
        form.error = colander.Invalid(form.schema, exc.message)
        return None, form.render(request.POST)


@view_config(context=ProcedureCatalog, name="add", permission=s.EDIT,
             renderer="tthc_docs.templates:procedures/edit.pt")
def add_page(context, request):
    site = find_site(context)
    schema = ProcedureSchema().bind(**bindings(site))
    form = _form(request, schema, request.resource_url(context, "@@add"))
    if request.method == "POST" and "save" in request.POST:
        procedure, html = _save_from_form(request, form, lambda d: context.create(d, _by(request)))
        if procedure is not None:
            return HTTPSeeOther(request.resource_url(procedure))
    else:
        html = form.render()
    return _page(request, form, html, "Thêm thủ tục hành chính")


@view_config(context=Procedure, name="edit", permission=s.EDIT,
             renderer="tthc_docs.templates:procedures/edit.pt")
def edit_page(context, request):
    site = find_site(context)
    schema = ProcedureSchema().bind(**bindings(site, context.code))
    del schema["code"]
    form = _form(request, schema, request.resource_url(context, "@@edit"))
    if request.method == "POST" and "save" in request.POST:
        def save(clean):
            return context.__parent__.update(context.code, dict(clean, code=context.code), _by(request))
        version, html = _save_from_form(request, form, save)
        if version is not None:
            return HTTPSeeOther(request.resource_url(context))
    else:
        html = form.render(_appstruct(context.latest_version()))
    return _page(request, form, html, f"Sửa thủ tục {context.code}")


def _appstruct(version):
    """A version's content as the form's initial values."""
    data = version.content()
    data["agencies"] = set(data["agencies"])
    data["methods"] = set(data["methods"])
    if not data.pop("online_fee_set"):
        data["online_fee"] = colander.null
    for key in ("form", "online_level", "target_group", "result_name"):
        data[key] = data[key] or colander.null
    return data
