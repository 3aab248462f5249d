"""Permission matrix of the foundation: every role against accounts and agencies.

Each family adds its own ``test_permissions_<family>.py`` in this shape, so
a new role or action cannot be forgotten: the table lists every role.
"""
import pytest

ROLES = ["anonymous", "citizen1", "editor1", "reception1", "specialist1", "leader1", "admin"]

NEW_ACCOUNT = {"login": "newbie", "password": "a-long-password", "full_name": "Người Mới",
               "roles": ["citizen"]}
NEW_AGENCY = {"code": "000.99.99.H56", "name": "Đơn vị thử", "level": "province"}

# (method, url, body, {role: expected status})
MATRIX = [
    ("GET", "/", None, {r: 200 for r in ROLES}),
    ("GET", "/@@me", None, {r: 200 for r in ROLES}),
    ("GET", "/@@doc-types", None, {r: 200 for r in ROLES}),
    ("GET", "/agencies/", None, {r: 200 for r in ROLES}),
    ("POST", "/agencies/", NEW_AGENCY, {**{r: 403 for r in ROLES}, "anonymous": 401, "admin": 201}),
    ("GET", "/people/", None, {**{r: 403 for r in ROLES}, "anonymous": 401, "admin": 200}),
    ("GET", "/people/citizen1", None, {**{r: 403 for r in ROLES}, "anonymous": 401, "admin": 200}),
    ("POST", "/people/", NEW_ACCOUNT, {**{r: 403 for r in ROLES}, "anonymous": 401, "admin": 201}),
    ("PATCH", "/people/citizen1", {"title": "x"},
     {**{r: 403 for r in ROLES}, "anonymous": 401, "admin": 200}),
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
    else:
        res = getattr(client, method.lower() + "_json")(url, body, headers=headers,
                                                         expect_errors=True)
    assert res.status_int == status, res.text[:300]
