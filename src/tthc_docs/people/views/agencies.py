"""The agency tree: public to read, the admin adds units (``/agencies``)."""
from pyramid.view import view_config

from tthc_docs import security as s
from tthc_docs.errors import Invalid, StateConflict
from tthc_docs.people.agencies import LEVELS, Agency, AgencyTree
from tthc_docs.web.base import read_json, reject_unknown, resource_view

OPENAPI_PATHS = {
    "/agencies/": {
        "get": {"summary": "The tree of agencies with unit codes",
                "responses": {"200": {"description": "{items: [agency with children]}"}}},
        "post": {"summary": "Add an agency (admin): {code, name, level, parent}",
                 "requestBody": {"content": {"application/json": {"schema": {
                     "type": "object", "required": ["code", "name", "level"], "properties": {
                         "code": {"type": "string"}, "name": {"type": "string"},
                         "level": {"type": "string", "enum": ["province", "district", "commune"]},
                         "parent": {"type": "string"}}}}}},
                 "responses": {"201": {"description": "agency"}, "409": {"description": "code taken"},
                               "422": {"description": "invalid fields"}}}},
}


@resource_view(template="tthc_docs.templates:agencies.pt", context=AgencyTree,
               request_method="GET", permission=s.VIEW)
def tree(context, request):
    return {"items": [a.as_json() for a in context.values()]}


@view_config(context=AgencyTree, request_method="POST", permission=s.MANAGE, renderer="json")
def add(context, request):
    data = read_json(request)
    reject_unknown(data, {"code", "name", "level", "parent"})
    errors = {}
    for name in ("code", "name", "level"):
        if not isinstance(data.get(name), str) or not data.get(name).strip():
            errors[name] = "Bắt buộc."
    if data.get("level") and data.get("level") not in LEVELS:
        errors["level"] = f"Một trong: {', '.join(LEVELS)}."
    parent = context
    if data.get("parent"):
        parent = context.by_code(data["parent"]) if isinstance(data["parent"], str) else None
        if parent is None:
            errors["parent"] = "Không có cơ quan với mã này."
    if errors:
        raise Invalid("Dữ liệu cơ quan không hợp lệ.", errors)
    if context.by_code(data["code"]) is not None:
        raise StateConflict("Mã đơn vị đã tồn tại.", fields={"code": "Đã tồn tại."})
    try:
        agency = context.add_agency(parent, Agency(data["code"].strip(), data["name"].strip(),
                                                   data["level"]))
    except ValueError as exc:
        raise Invalid("Mã đơn vị không hợp lệ.", {"code": str(exc)}) from None
    request.response.status_int = 201
    return agency.as_json()
