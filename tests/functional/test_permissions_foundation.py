"""Permission matrix of the foundation: every role against accounts and agencies.

Each family adds its own ``test_permissions_<family>.py`` in this shape, so
a new role or action cannot be forgotten: the table lists every role (the
roles, clients and requests are shared, in ``matrix.py``).
"""
from matrix import ROLES, cases, client_for, everyone, only, parametrize, request_as

NEW_ACCOUNT = {"login": "newbie", "password": "a-long-password", "full_name": "Người Mới",
               "roles": ["citizen"]}
NEW_AGENCY = {"code": "000.99.99.H55", "name": "Đơn vị thử", "level": "province"}

# (method, url, body, {role: expected status})
MATRIX = [
    ("GET", "/", None, everyone(200)),
    ("GET", "/@@me", None, everyone(200)),
    ("GET", "/@@doc-types", None, everyone(200)),
    ("GET", "/agencies/", None, everyone(200)),
    ("POST", "/agencies/", NEW_AGENCY, only({"admin": 201})),
    ("PATCH", "/agencies/000.00.00.H55", {"result_suffix": "KQ-UBND"}, only({"admin": 200})),
    ("GET", "/people/", None, only({"admin": 200})),
    ("GET", "/people/citizen1", None, only({"admin": 200})),
    ("POST", "/people/", NEW_ACCOUNT, only({"admin": 201})),
    ("PATCH", "/people/citizen1", {"title": "x"}, only({"admin": 200})),
]

CASES = cases(MATRIX, ROLES)


@parametrize(CASES)
def test_permission(role, method, url, body, status, anon, login):
    res = request_as(client_for(role, anon, login), method, url, body)
    assert res.status_int == status, res.text[:300]
