"""Permission matrix of the procedure catalog: every role against every endpoint.

Everyone reads published procedures; only editors create, edit, publish,
retire and see drafts (a draft is 404 to everyone else, as if it did not
exist); only the admin keeps the working-day calendar. `{draft}` is a
procedure that was never published.
"""
import copy

import pytest
from matrix import ROLES, cases, client_for, everyone, only, parametrize, request_as

from tthc_docs.demo.procedures_data import PROCEDURES
from tthc_docs.catalog.schema import validate

DRAFT = "9.000099"


def _record(code, **changes):
    data = copy.deepcopy(PROCEDURES[0])
    data.update(code=code, form=None, **changes)
    return data


EVERYONE = everyone(200)
EDITOR_ONLY_404 = everyone(404, editor1=200)

# (method, url, body, {role: expected status})
MATRIX = [
    ("GET", "/procedures/", None, EVERYONE),
    ("GET", "/procedures/?q=ho+tich&level=commune", None, EVERYONE),
    ("GET", "/procedures/1.001193", None, EVERYONE),
    ("GET", "/procedures/1.001193/@@due-date?from=2027-02-03", None, EVERYONE),
    ("GET", f"/procedures/{DRAFT}", None, EDITOR_ONLY_404),
    ("GET", f"/procedures/{DRAFT}/@@due-date?from=2027-02-03", None, EDITOR_ONLY_404),
    ("GET", "/procedures/1.001193?version=1", None, EVERYONE),
    ("GET", "/procedures/9.999999", None, everyone(404)),
    ("POST", "/procedures/", _record("9.000100"), only(["editor1"], status=201)),
    ("PUT", "/procedures/1.001193", _record("1.001193", processing_days=4), only(["editor1"])),
    ("PUT", "/procedures/9.999999", _record("9.999999"), everyone(404)),
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

CASES = cases(MATRIX, ROLES)


@pytest.fixture
def with_draft(edit_site):
    with edit_site() as site:
        site["procedures"].create(validate(_record(DRAFT, name="Thủ tục đang soạn thảo")), "editor1")


@parametrize(CASES)
def test_permission(role, method, url, body, status, anon, login, with_draft):
    res = request_as(client_for(role, anon, login), method, url, body)
    assert res.status_int == status, res.text[:300]
