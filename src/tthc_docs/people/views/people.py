"""Admin: accounts, roles and agencies membership (``/people``)."""
from pyramid.view import view_config, view_defaults

from tthc_docs import security as s
from tthc_docs.people.content import Account, People
from tthc_docs.people.schema import validate_account
from tthc_docs.site.content import find_site
from tthc_docs.web.body import read_json
from tthc_docs.web.views import ResourceViews

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
                                "403": {"description": "an admin changing its own roles"},
                                "422": {"description": "invalid fields"}}}},
    "/people/@@audit": {"get": {
        "summary": "The audit log: role and lock changes, counter look-ups (admin)",
        "responses": {"200": {"description": "{items: [{at, who, what, target, detail}]}"},
                      "403": {"description": "not an admin"}}}},
}


@view_defaults(context=People, permission=s.MANAGE)
class PeopleViews(ResourceViews):

    @view_config(request_method="GET")
    def list(self):
        items = [a.as_json() for a in self.context.values()]
        agencies = find_site(self.context)["agencies"].all()
        return self.respond({"items": items, "total": len(items), "roles": s.ROLE_TITLES,
                             "agencies": [(a.code, a.name) for a in agencies]},
                            template="tthc_docs.templates:people/list.pt")

    @view_config(request_method="POST")
    def create(self):
        """JSON (201 with the account) or the admin page's form (back to the list)."""
        as_json = self.request.content_type == "application/json"
        data = read_json(self.request) if as_json else form_data(self.request.POST)
        clean = validate_account(data, find_site(self.context)["agencies"])
        account = self.context.create(clean["login"], clean["password"], clean["full_name"],
                                      clean["roles"], agency=clean["agency"], title=clean["title"],
                                      by=self.request.account.login)
        return self.respond(account.as_json(), status=201,
                            redirect=self.request.resource_url(self.context))

    @view_config(name="audit", request_method="GET")
    def audit(self):
        """Newest first: who changed whose roles or lock, and the counter's look-ups."""
        items = find_site(self.context).audit.newest(limit=200)
        return self.respond({"items": items}, template="tthc_docs.templates:people/audit.pt")


def form_data(post):
    """The admin page's form as ``validate_account`` reads it (roles are checkboxes)."""
    data = {k: post.get(k) for k in ("login", "password", "full_name", "agency", "title")}
    data["roles"] = post.getall("roles")
    return {k: v for k, v in data.items() if v not in (None, "", [])} | {"roles": data["roles"]}


@view_defaults(context=Account, permission=s.MANAGE)
class AccountViews(ResourceViews):

    @view_config(request_method="GET")
    def show(self):
        return self.respond(self.context.as_json())

    @view_config(request_method="PATCH")
    def update(self):
        agencies = find_site(self.context)["agencies"]
        self.context.update(validate_account(read_json(self.request), agencies, creating=False),
                            by=self.request.account.login)
        return self.respond(self.context.as_json())
