"""The agency tree: public to read, the admin adds units (``/agencies``)."""
from pyramid.view import view_config, view_defaults

from tthc_docs import security as s
from tthc_docs.people.agencies import LEVELS, Agency, AgencyTree, tree_of
from tthc_docs.web.body import read_json, reject_unknown
from tthc_docs.web.views import ResourceViews

#: The commune a commune-level unit serves: its code in the official list of 2025.
_COMMUNE = {"type": "string", "nullable": True, "pattern": "^[0-9]{1,5}$",
            "description": "official code of a commune or ward of the province (2025 list)"}
OPENAPI_PATHS = {
    "/agencies/": {
        "get": {"summary": "The tree of agencies with unit codes",
                "responses": {"200": {"description": "{items: [agency with children]}"}}},
        "post": {"summary": "Add an agency (admin): {code, name, level, parent, commune_code}",
                 "requestBody": {"content": {"application/json": {"schema": {
                     "type": "object", "required": ["code", "name", "level"], "properties": {
                         "code": {"type": "string"}, "name": {"type": "string"},
                         "level": {"type": "string", "enum": list(LEVELS)},
                         "parent": {"type": "string"},
                         "commune_code": _COMMUNE,
                         "result_suffix": {"type": "string"}}}}}},
                 "responses": {"201": {"description": "agency"},
                               "409": {"description": "code taken, or the commune another unit's"},
                               "422": {"description": "invalid fields"}}}},
    "/agencies/{code}": {
        "patch": {"summary": "Change a unit (admin): {result_suffix}, the abbreviation after the "
                             "year in its results' numbers (15/2027/KQ-TTPVHCC); {commune_code}, "
                             "the commune a commune-level unit serves (null: none); {parent}, "
                             "the unit it belongs to (null: the top of the tree)",
                  "parameters": [{"name": "code", "in": "path", "required": True,
                                  "schema": {"type": "string"}}],
                  "requestBody": {"content": {"application/json": {"schema": {
                      "type": "object", "properties": {
                          "result_suffix": {"type": "string"}, "commune_code": _COMMUNE,
                          "parent": {"type": "string", "nullable": True}}}}}},
                  "responses": {"200": {"description": "agency"},
                                "409": {"description": "the commune is another unit's"},
                                "422": {"description": "invalid fields"}}}},
}


@view_defaults(context=AgencyTree)
class AgencyViews(ResourceViews):

    @view_config(request_method="GET", permission=s.VIEW)
    def tree(self):
        return self.respond({"items": [a.as_json() for a in self.context.values()]},
                            template="tthc_docs.templates:agencies.pt")

    @view_config(request_method="POST", permission=s.MANAGE)
    def add(self):
        data = read_json(self.request)
        reject_unknown(data, {"code", "name", "level", "parent", "result_suffix", "commune_code"})
        return self.respond(self.context.create(data).as_json(), status=201)


@view_defaults(context=Agency)
class OneAgencyViews(ResourceViews):
    """One unit (``/agencies/<code>/…``): what the admin may change after creating it."""

    @view_config(request_method="PATCH", permission=s.MANAGE)
    def change(self):
        data = read_json(self.request)
        reject_unknown(data, {"result_suffix", "commune_code", "parent"})
        return self.respond(tree_of(self.context).change(self.context, data).as_json())
