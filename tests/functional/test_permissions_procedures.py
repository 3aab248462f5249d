"""Permission matrix of the procedure catalog: every role against every endpoint.

Everyone reads published procedures; only editors create, edit, publish,
retire and see drafts (a draft is 404 to everyone else, as if it did not
exist); only the admin keeps the working-day calendar. `{draft}` is a
procedure that was never published.
"""
import copy

import pytest

from tthc_docs.demo.procedures_data import PROCEDURES
from tthc_docs.schemas.procedures import validate

ROLES = ["anonymous", "citizen1", "citizen2", "editor1", "reception1", "specialist1",
         "leader1", "admin"]
DRAFT = "9.000099"


def _record(code, **changes):
    data = copy.deepcopy(PROCEDURES[0])
    data.update(code=code, form=None, **changes)
    return data


def only(allowed, status=200, others=403, public=None):
    """`allowed` roles get `status`, anonymous 401, the rest `others`."""
    row = {r: others for r in ROLES}
    row["anonymous"] = 401 if public is None else public
    row.update({r: status for r in allowed})
    return row


EVERYONE = {r: 200 for r in ROLES}
EDITOR_ONLY_404 = {r: 404 for r in ROLES} | {"editor1": 200}

# (method, url, body, {role: expected status})
MATRIX = [
    ("GET", "/procedures/", None, EVERYONE),
    ("GET", "/procedures/?q=ho+tich&level=commune", None, EVERYONE),
    ("GET", "/procedures/1.001193", None, EVERYONE),
    ("GET", "/procedures/1.001193/@@due-date?from=2027-02-03", None, EVERYONE),
    ("GET", f"/procedures/{DRAFT}", None, EDITOR_ONLY_404),
    ("GET", f"/procedures/{DRAFT}/@@due-date?from=2027-02-03", None, EDITOR_ONLY_404),
    ("GET", "/procedures/1.001193?version=1", None, EVERYONE),
    ("GET", "/procedures/9.999999", None, {r: 404 for r in ROLES}),
    ("POST", "/procedures/", _record("9.000100"), only(["editor1"], status=201)),
    ("PUT", "/procedures/1.001193", _record("1.001193", processing_days=4), only(["editor1"])),
    ("PUT", "/procedures/9.999999", _record("9.999999"), {r: 404 for r in ROLES}),
    ("POST", f"/procedures/{DRAFT}/@@publish", {}, only(["editor1"])),
    ("POST", "/procedures/1.001193/@@publish", {}, only(["editor1"], status=409)),
    ("POST", "/procedures/1.001193/@@retire", {}, only(["editor1"])),
    ("GET", "/procedures/1.001193/@@history", None, only(["editor1"])),
    ("GET", "/procedures/@@add", None, only(["editor1"])),
    ("GET", "/procedures/1.001193/@@edit", None, only(["editor1"])),
    ("GET", "/procedures/@@calendar?year=2027", None, only(["admin"])),
    ("POST", "/procedures/@@calendar", {"date": "2027-02-11", "kind": "off",
                                        "decision": "Thông báo 01/TB-BNV"}, only(["admin"], status=201)),
    ("POST", "/procedures/@@calendar-remove", {"date": "2027-02-12"}, only(["admin"], status=404)),
]

CASES = [(role, method, url, body, expected[role])
         for method, url, body, expected in MATRIX for role in ROLES]


@pytest.fixture
def with_draft(edit_site):
    with edit_site() as site:
        site["procedures"].create(validate(_record(DRAFT, name="Thủ tục đang soạn thảo")), "editor1")


def client_for(role, anon, login):
    if role == "anonymous":
        token = anon.get("/@@me", headers={"Accept": "application/json"}).json["csrf_token"]
        anon.extra_environ["HTTP_X_CSRF_TOKEN"] = token
        return anon
    return login(role)


@pytest.mark.parametrize("role,method,url,body,status", CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_permission(role, method, url, body, status, anon, login, with_draft):
    client = client_for(role, anon, login)
    headers = {"Accept": "application/json"}
    if method == "GET":
        res = client.get(url, headers=headers, expect_errors=True)
    else:
        res = getattr(client, method.lower() + "_json")(url, body, headers=headers,
                                                         expect_errors=True)
    assert res.status_int == status, res.text[:300]
