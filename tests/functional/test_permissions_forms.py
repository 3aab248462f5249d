"""Permission matrix of form templates: every role against every forms endpoint.

Anyone reads published forms; only editors (and the admin) create, change,
publish, compare and preview them.  Anonymous JSON clients get 401.
"""
import pytest

ROLES = ["anonymous", "citizen1", "editor1", "reception1", "specialist1", "leader1", "admin"]
EDITORS = ("editor1", "admin")
FORM = "/forms/to-khai-khai-sinh"
FIELDS = [{"name": "ho_ten", "title": "Họ, chữ đệm, tên", "type": "text",
           "prefill": "profile.full_name"}]
NEW = {"name": "to-khai-quyen", "title": "Tờ khai thử quyền", "fields": FIELDS}


def only_editors(ok):
    """Editors get ``ok``; other roles 403; anonymous 401."""
    return {r: ok if r in EDITORS else 403 for r in ROLES} | {"anonymous": 401}


# (method, url, body, {role: expected status})
MATRIX = [
    ("GET", "/forms/", None, {r: 200 for r in ROLES}),
    ("GET", FORM, None, {r: 200 for r in ROLES}),
    ("GET", FORM + "?version=1", None, {r: 200 for r in ROLES}),
    ("POST", "/forms/", NEW, only_editors(201)),
    ("PUT", FORM, {"title": "Tờ khai", "fields": FIELDS}, only_editors(200)),
    ("POST", FORM + "/@@publish", {}, only_editors(409)),
    ("GET", FORM + "/@@diff?from=1&to=1", None, only_editors(200)),
    ("GET", "/forms/@@add", None, only_editors(200)),
    ("GET", FORM + "/@@edit", None, only_editors(200)),
    ("GET", FORM + "/@@preview", None, only_editors(200)),
    ("DELETE", FORM, None, {r: 404 for r in ROLES}),
]

CASES = [(role, method, url, body, expected[role])
         for method, url, body, expected in MATRIX for role in ROLES]


def client_for(role, anon, login):
    if role == "anonymous":
        token = anon.get("/@@me", headers={"Accept": "application/json"}).json["csrf_token"]
        anon.extra_environ["HTTP_X_CSRF_TOKEN"] = token
        return anon
    return login(role)


@pytest.mark.parametrize("role,method,url,body,status", CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_permission(role, method, url, body, status, anon, login):
    client = client_for(role, anon, login)
    headers = {"Accept": "application/json"}
    if method == "GET":
        res = client.get(url, headers=headers, expect_errors=True)
    elif method == "DELETE":
        res = client.delete(url, headers=headers, expect_errors=True)
    else:
        res = getattr(client, method.lower() + "_json")(url, body, headers=headers,
                                                         expect_errors=True)
    assert res.status_int == status, res.text[:300]


def test_draft_hidden_from_non_editors(login):
    login("editor1").put_json(FORM, {"title": "Tờ khai", "fields": FIELDS})
    login("citizen1").get(FORM + "?version=draft", headers={"Accept": "application/json"},
                          status=404)


def test_editor_reads_draft(login):
    editor = login("editor1")
    editor.put_json(FORM, {"title": "Tờ khai", "fields": FIELDS})
    assert editor.get(FORM + "?version=draft",
                      headers={"Accept": "application/json"}).json["version"] == 2
