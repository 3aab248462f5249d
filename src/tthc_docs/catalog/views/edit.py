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
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config, view_defaults

from tthc_docs import security as s
from tthc_docs.catalog.content import CONTENT_FIELDS, Procedure, ProcedureCatalog
from tthc_docs.catalog.schema import ProcedureSchema, bindings_for, finish, validate_draft
from tthc_docs.catalog.views.procedures import procedure_json
from tthc_docs.site.content import find_site
from tthc_docs.timeutil import iso
from tthc_docs.web.body import read_data, read_json, reject_unknown
from tthc_docs.web.confirm import confirm_page, needs_confirmation
from tthc_docs.web.forms import FormView
from tthc_docs.web.views import ResourceViews

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


def procedure_data(request):
    """The editor's JSON as the schema reads it: read-only keys dropped, fee unfolded."""
    data = read_json(request)
    reject_unknown(data, ACCEPTED)
    fee = data.get("fee")
    if isinstance(fee, dict):
        data["fee"] = fee.get("amount")
        data.setdefault("online_fee", fee.get("online_amount"))
    return {k: v for k, v in data.items() if k not in ECHOED}


@view_defaults(context=ProcedureCatalog, permission=s.EDIT)
class CatalogEditing(ResourceViews):
    """``POST /procedures/``: a new procedure, as its first draft."""

    @view_config(request_method="POST")
    def create(self):
        clean = validate_draft(find_site(self.context), procedure_data(self.request))
        procedure = self.context.create(clean, self.login)
        body = procedure_json(self.request, procedure, procedure.latest_version())
        return self.respond(body, status=201, location=self.request.resource_url(procedure))


@view_defaults(context=Procedure, permission=s.EDIT)
class ProcedureEditing(ResourceViews):
    """One procedure's draft, state and history, for editors."""

    @property
    def catalog(self):
        return self.context.__parent__

    @view_config(request_method="PUT")
    def update(self):
        code = self.context.code
        clean = validate_draft(find_site(self.context), procedure_data(self.request), code)
        version = self.catalog.update(code, clean, self.login)
        return self.respond(procedure_json(self.request, self.context, version))

    @view_config(name="publish", request_method="POST", permission=s.PUBLISH)
    def publish(self):
        if needs_confirmation(self.request):
            return self.confirm('Công bố bản nháp?', 'Bản nháp sẽ có hiệu lực ngay: công dân '
                                'nộp hồ sơ mới theo phiên bản này.', 'Công bố bản nháp')
        self.catalog.publish(self.context.code, self.login, self.note())
        return self.changed('Đã công bố thủ tục.')

    @view_config(name="retire", request_method="POST", permission=s.PUBLISH)
    def retire(self):
        if needs_confirmation(self.request):
            return self.confirm('Bãi bỏ thủ tục?', 'Thủ tục sẽ không còn nhận hồ sơ mới; hồ sơ '
                                'đã nộp vẫn được giải quyết.', 'Bãi bỏ thủ tục')
        self.catalog.retire(self.context.code, self.login, self.note())
        return self.changed('Đã bãi bỏ thủ tục.')

    def confirm(self, title, message, button):
        """The second page before publishing or retiring (browsers only)."""
        facts = [('Mã thủ tục', self.context.code),
                 ('Tên thủ tục', self.context.latest_version().name)]
        return confirm_page(self.request, title, message,
                            self.request.resource_url(self.context), button, facts)

    @view_config(name="history", request_method="GET")
    def history(self):
        versions = [dict(h, created_at=iso(h["created_at"])) for h in self.context.history()]
        events = [dict(e, at=iso(e["at"])) for e in self.context.events]
        return self.respond({"code": self.context.code, "state": self.context.state,
                             "versions": versions, "events": events})

    def note(self):
        """The optional ``note`` of a state change, from JSON or the page's form."""
        if self.request.content_type == "application/json" and not self.request.body:
            return ""
        return str(read_data(self.request, {"note"}).get("note") or "")

    def changed(self, message):
        """After a state change: the procedure as JSON, or back to its page with ``message``."""
        version = self.context.published_version() or self.context.latest_version()
        return self.respond(procedure_json(self.request, self.context, version),
                            redirect=self.request.resource_url(self.context), flash=message)


# -- deform pages ----------------------------------------------------------
class ProcedureForm(FormView):
    """The add and edit pages: one schema, sequences a browser can grow."""

    schema = ProcedureSchema()
    buttons = (("save", "Lưu bản nháp"),)
    template = "tthc_docs.templates:procedures/edit.pt"
    # API.md documents these pages' problems as a 200 page (OPENAPI_PATHS).
    error_status = 200
    code = None  # the procedure being edited

    def make_schema(self):
        schema = super().make_schema()
        for name in ("requirements", "steps", "citizen_steps", "legal_basis"):
            schema[name].widget = deform.widget.SequenceWidget(
                min_len=1 if name in ("requirements", "steps") else 0, orderable=True,
                add_subitem_text_template="Thêm ${subitem_title}")
        return schema

    def bindings(self):
        return bindings_for(find_site(self.context), self.code)


@view_config(context=ProcedureCatalog, name="add", permission=s.EDIT,
             request_method=("GET", "POST"))
class AddProcedure(ProcedureForm):
    title = "Thêm thủ tục hành chính"

    def save_success(self, appstruct):
        procedure = self.context.create(finish(appstruct), self.request.account.login)
        return HTTPSeeOther(self.request.resource_url(procedure))


@view_config(context=Procedure, name="edit", permission=s.EDIT, request_method=("GET", "POST"))
class EditProcedure(ProcedureForm):

    @property
    def code(self):
        return self.context.code

    @property
    def title(self):
        return f"Sửa thủ tục {self.code}"

    def make_schema(self):
        schema = super().make_schema()
        del schema["code"]
        return schema

    def appstruct(self):
        return form_values(self.context.latest_version())

    def save_success(self, appstruct):
        clean = dict(finish(appstruct), code=self.code)
        self.context.__parent__.update(self.code, clean, self.request.account.login)
        return HTTPSeeOther(self.request.resource_url(self.context))


def form_values(version):
    """A version's content as the form's initial values."""
    data = version.content()
    data["agencies"] = set(data["agencies"])
    data["methods"] = set(data["methods"])
    if not data.pop("online_fee_set"):
        data["online_fee"] = colander.null
    if data.get("receivable_anywhere") is None:
        data["receivable_anywhere"] = colander.null
    for key in ("form", "online_level", "target_group", "result_name", "result_title"):
        data[key] = data[key] or colander.null
    return data
