"""Admin: accounts, roles and agencies membership (``/people``)."""
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config, view_defaults

from tthc_docs import security as s
from tthc_docs.errors import StateConflict
from tthc_docs.people.content import Account, People
from tthc_docs.site.content import find_site
from tthc_docs.people.schema import validate_account
from tthc_docs.web.base import read_json, resource_view

OPENAPI_PATHS = {
    "/people/": {
        "get": {"summary": "Accounts (admin)", "responses": {"200": {"description": "{items, total}"},
                                                          "403": {"description": "not an admin"}}},
        "post": {"summary": "Create an account (admin)",
                 "requestBody": {"content": {"application/json": {"schema": {
                     "type": "object", "required": ["login", "password", "full_name", "roles"],
                     "properties": {
                         "login": {"type": "string"}, "password": {"type": "string"},
                         "full_name": {"type": "string"}, "title": {"type": "string"},
                         "roles": {"type": "array", "items": {"type": "string"}},
                         "agency": {"type": "string"}, "active": {"type": "boolean"}}}}}},
                 "responses": {"201": {"description": "the account"},
                               "409": {"description": "login taken"},
                               "422": {"description": "invalid fields"}}}},
    "/people/{login}": {"parameters": [{"name": "login", "in": "path", "required": True, "schema": {"type": "string"}}],
        "get": {"summary": "One account (admin)", "responses": {"200": {"description": "account"}}},
        "patch": {"summary": "Change roles, agency, name, password or active (admin)",
                  "requestBody": {"content": {"application/json": {"schema": {
                      "type": "object", "properties": {
                          "password": {"type": "string"}, "full_name": {"type": "string"},
                          "title": {"type": "string"},
                          "roles": {"type": "array", "items": {"type": "string"}},
                          "agency": {"type": "string"}, "active": {"type": "boolean"}}}}}},
                  "responses": {"200": {"description": "account"},
                                "422": {"description": "invalid fields"}}}},
}


@view_defaults(context=People, permission=s.MANAGE)
class PeopleViews:
    def __init__(self, context, request):
        self.context, self.request = context, request

    @resource_view(template="tthc_docs.templates:people/list.pt", request_method="GET")
    def list(self):
        items = [a.as_json() for a in self.context.values()]
        agencies = find_site(self.context)["agencies"].all()
        return {"items": items, "total": len(items),
                "roles": s.ROLE_TITLES, "agencies": [(a.code, a.name) for a in agencies]}

    @view_config(request_method="POST", renderer="json")
    def create(self):
        as_json = self.request.content_type == "application/json"
        data = read_json(self.request) if as_json else _form_data(self.request.POST)
        clean = validate_account(data, find_site(self.context)["agencies"])
        if clean["login"] in self.context:
            raise StateConflict("Tên đăng nhập đã được dùng.", fields={"login": "Đã tồn tại."})
        account = self.context.create(clean["login"], clean["password"], clean["full_name"],
                                      clean["roles"], agency=clean["agency"], title=clean["title"])
        if not as_json:
            return HTTPSeeOther(self.request.resource_url(self.context))
        self.request.response.status_int = 201
        return account.as_json()


def _form_data(post):
    data = {k: post.get(k) for k in ("login", "password", "full_name", "agency", "title")}
    data["roles"] = post.getall("roles")
    return {k: v for k, v in data.items() if v not in (None, "", [])} | {"roles": data["roles"]}


@view_defaults(context=Account, permission=s.MANAGE)
class AccountViews:
    def __init__(self, context, request):
        self.context, self.request = context, request

    @view_config(request_method="GET", renderer="json")
    def show(self):
        return self.context.as_json()

    @view_config(request_method="PATCH", renderer="json")
    def update(self):
        clean = validate_account(read_json(self.request), find_site(self.context)["agencies"],
                                 creating=False)
        account = self.context
        if clean.get("password"):
            account.set_password(clean["password"])
        for name in ("full_name", "title"):
            if clean.get(name):
                setattr(account, name, clean[name])
        if clean.get("roles") is not None:
            account.roles = frozenset(clean["roles"])
        if clean.get("agency"):
            account.agency = clean["agency"]
        if "active" in clean:
            account.active = clean["active"]
        return account.as_json()
