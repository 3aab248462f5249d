"""``/@@openapi.json`` stays true to the code (API.md).

Three directions: the document is a valid OpenAPI 3 document; every view
Pyramid registered (every ``@@name`` and every content view that answers
JSON) is documented with its method; and every documented path and method
reaches a real view for a demo user allowed to use it (neither 404 nor 405,
nor a 500).  The view list comes from Pyramid's introspector, so a new view
without its ``OPENAPI_PATHS`` entry fails here.
"""
import re

import pytest
from openapi_spec_validator import validate

METHODS = ("get", "post", "put", "patch", "delete")

# Where each content type lives: the URL template of its objects.
CONTEXT_PATHS = {
    "Site": "/",
    "ProcedureCatalog": "/procedures/",
    "Procedure": "/procedures/{code}",
    "FormLibrary": "/forms/",
    "FormTemplate": "/forms/{name}",
    "AgencyTree": "/agencies/",
    "People": "/people/",
    "Account": "/people/{login}",
    "VaultRegistry": "/vaults/",
    "Vault": "/vaults/{id}",
    "DocumentFolder": "/vaults/{id}/documents",
    "Document": "/vaults/{id}/documents/{doc}",
    "DossierRegistry": "/dossiers/",
    "Dossier": "/dossiers/{code}",
    "Agency": "/agencies/{code}",
    "Outbox": "/outbox",
    "FeedbackRegistry": "/feedback/",
    "Feedback": "/feedback/{id}",
}

# Views deliberately left out of the document, and why.
UNDOCUMENTED = {
    # A stand-in for the payment gateway, mounted only when
    # tthc_docs.payment.dev_gateway is on (development.ini): not our API.
    ("Site", "_devgateway"),
    # The same for the development national portal (tthc_docs.portal.dev_portal).
    ("Site", "_devportal"),
    # The development PKI's CRLs and OCSP (tthc_docs.dev_pki_server): RFC 5280/6960, not ours.
    ("Site", "_devpki"),
}


@pytest.fixture(scope="module")
def document(app):
    from webtest import TestApp
    client = TestApp(app, extra_environ={"HTTP_HOST": "example.com"})
    return client.get("/@@openapi.json").json


def registered_views(registry):
    """(context name, view name, methods, answers_json) of every content view."""
    found = set()
    for item in registry.introspector.get_category("views"):
        intr = item["introspectable"]
        context = intr["context"]
        if intr["exception_only"] or intr["route_name"] or context is None:
            continue
        name = getattr(context, "__name__", "")
        if name not in CONTEXT_PATHS or (name, intr["name"]) in UNDOCUMENTED:
            continue
        methods = intr["request_methods"] or ("GET", "POST")
        if isinstance(methods, str):
            methods = (methods,)
        has_template = any(r.category_name == "templates" for r in item["related"])
        answers_json = intr["accept"] == "application/json" or not has_template
        for method in methods:
            if method != "HEAD":
                found.add((name, intr["name"], method.lower(), answers_json))
    return sorted(found)


def candidate_paths(context_name, view_name):
    base = CONTEXT_PATHS[context_name]
    if not view_name:
        return [base]
    joined = base if base.endswith("/") else base + "/"
    return [joined + "@@" + view_name, joined + view_name]


def _documented(document, context_name, view_name, method):
    paths = document["paths"]
    for candidate in candidate_paths(context_name, view_name):
        for path, item in paths.items():
            same = path == candidate or (view_name and path.startswith(candidate + "/"))
            if same and method in item:
                return True
    return False


def test_the_document_is_valid_openapi_3(document):
    validate(document)


def test_every_content_type_with_views_has_its_url_here(app):
    contexts = set()
    for item in app.registry.introspector.get_category("views"):
        intr = item["introspectable"]
        context = intr["context"]
        if intr["exception_only"] or intr["route_name"] or not isinstance(context, type):
            continue  # exception views (some on interfaces), static routes
        if not issubclass(context, BaseException):
            contexts.add(context.__name__)
    assert contexts - set(CONTEXT_PATHS) == set()


def test_the_introspector_sees_the_views_this_test_checks(app):
    names = {(c, v) for c, v, _m, _j in registered_views(app.registry)}
    assert ("Site", "openapi.json") in names and ("Dossier", "transition") in names


def test_every_named_view_is_documented_with_its_method(app, document):
    missing = [f"{m.upper()} {candidate_paths(c, v)[0]}"
               for c, v, m, _json in registered_views(app.registry)
               if v and not _documented(document, c, v, m)]
    assert missing == []


def test_every_content_view_answering_json_is_documented(app, document):
    missing = [f"{m.upper()} {CONTEXT_PATHS[c]}"
               for c, v, m, answers_json in registered_views(app.registry)
               if not v and answers_json and not _documented(document, c, v, m)]
    assert missing == []


# -- every documented operation reaches a view --------------------------------

# Who may use a path (first match wins); everything else: citizen1.
USERS = [
    (r"^/vaults/@@find|/@@digitize|/@@payment-counter|^/@@queue|^/dossiers/@@register",
     "reception1"),
    (r"/@@sign$|^/@@sign-|^/@@totp", "leader1"),
    (r"^/people/|^/agencies/|^/procedures/@@calendar|^/outbox", "admin"),
    (r"^/feedback/(@@queue|\{id\}/@@(answer|acknowledge))", "reception1"),
    (r"^/procedures/.*(@@publish|@@retire|@@history|@@edit|@@add)|^/forms/.*(@@publish|@@diff"
     r"|@@edit|@@add|@@preview)", "editor1"),
]
WRITES_BY_EDITOR = {("put", "/procedures/{code}"), ("post", "/procedures/"),
                    ("put", "/forms/{name}"), ("post", "/forms/")}
QUERIES = {
    "/@@track": "code={code}",
    "/procedures/{code}/@@due-date": "from=2026-11-27",
    "/forms/{name}/@@diff": "from=1&to=1",
}


def operations():
    """Every documented (method, path) of the document the app serves."""
    from tthc_docs.web.openapi import collect_paths
    return sorted((m, path) for path, item in collect_paths().items() for m in item
                  if m in METHODS)


def user_for(method, path):
    if (method, path) in WRITES_BY_EDITOR:
        return "editor1"
    for pattern, login in USERS:
        if re.search(pattern, path):
            return login
    return "citizen1"


@pytest.fixture
def demo_values(edit_site):
    """Real names from the demo data to fill the path templates with."""
    with edit_site() as site:
        vault = site["vaults"].for_owner("citizen1")
        dossier = next(d for d in site["dossiers"].values() if d.owner == "citizen1")
        procedure = next(p for p in site["procedures"].values()
                         if p.published_version() is not None)
        from tthc_docs import timeutil
        from tthc_docs.dossiers.calendar import calendar_for
        from tthc_docs.feedback.filing import file_feedback
        feedback = file_feedback(site, site["people"]["citizen1"], {
            "subject": "dossier", "ref": dossier.code, "text": "Góp ý"}, timeutil.now(),
            calendar_for(site))
        issued = next(d for d in site["dossiers"].values()
                      if d.owner == "citizen1" and getattr(d, "papers", None))
        return {"feedback": feedback.id, "code": dossier.code, "id": vault.id,
                "doc": next(iter(vault.documents)),
                "issued": issued.code, "paper": next(iter(issued.papers)),
                "name": next(iter(site["forms"])), "login": "citizen1",
                "procedure": procedure.code}


def concrete(path, values):
    """The path with its parameters filled; a procedure path gets a procedure code."""
    if path.startswith("/procedures/{code}"):
        values = dict(values, code=values["procedure"])
    if path.endswith("/@@slip/{name}"):
        values = dict(values, name="receipt")
    if path.endswith("/@@paper/{id}"):
        values = dict(values, code=values["issued"], id=values["paper"])
    if path.startswith("/agencies/{code}"):
        values = dict(values, code="000.00.00.H55")
    if path.startswith("/feedback/{id}"):
        values = dict(values, id=values["feedback"])
    url = path.format(**values)
    query = QUERIES.get(path)
    return url + ("?" + query.format(**values) if query else "")


@pytest.mark.parametrize("method,path", operations())
def test_every_documented_operation_reaches_a_view(login, demo_values, method, path):
    client = login(user_for(method, path))
    url = concrete(path, demo_values)
    res = getattr(client, method)(url, headers={"Accept": "application/json"}, expect_errors=True)
    assert res.status_int not in (404, 405), (url, res.status, res.body[:300])
    assert res.status_int < 500, (url, res.status, res.body[:300])
