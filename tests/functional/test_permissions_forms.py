"""Permission matrix of form templates: every role against every forms endpoint.

Anyone reads published forms; only editors (and the admin) create, change,
publish, compare and preview them.  Anonymous JSON clients get 401.
"""
from matrix import ROLES, cases, client_for, everyone, only, parametrize, request_as

EDITORS = ("editor1", "admin")
FORM = "/forms/to-khai-khai-sinh"
FIELDS = [{"name": "ho_ten", "title": "Họ, chữ đệm, tên", "type": "text",
           "prefill": "profile.full_name"}]
NEW = {"name": "to-khai-quyen", "title": "Tờ khai thử quyền", "fields": FIELDS}


# (method, url, body, {role: expected status})
MATRIX = [
    ("GET", "/forms/", None, everyone(200)),
    ("GET", FORM, None, everyone(200)),
    ("GET", FORM + "?version=1", None, everyone(200)),
    ("POST", "/forms/", NEW, only(EDITORS, 201)),
    ("PUT", FORM, {"title": "Tờ khai", "fields": FIELDS}, only(EDITORS, 200)),
    ("POST", FORM + "/@@publish", {}, only(EDITORS, 409)),
    ("GET", FORM + "/@@diff?from=1&to=1", None, only(EDITORS, 200)),
    ("GET", "/forms/@@add", None, only(EDITORS, 200)),
    ("GET", FORM + "/@@edit", None, only(EDITORS, 200)),
    ("GET", FORM + "/@@preview", None, only(EDITORS, 200)),
    ("DELETE", FORM, None, everyone(404)),
]

CASES = cases(MATRIX, ROLES)


@parametrize(CASES)
def test_permission(role, method, url, body, status, anon, login):
    res = request_as(client_for(role, anon, login), method, url, body)
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
