"""Permission matrix of the indicators (issue 17): the province's scores are public;
a unit's figures and the dossiers behind them are its officers' and the admins'."""
from matrix import ROLES, cases, client_for, everyone, only, parametrize, request_as

AGENCY = "000.00.20.H55"
OFFICERS = ["reception1", "specialist1", "leader1"]

MATRIX = [
    ("GET", "/@@indicators", None, everyone(200)),
    ("GET", f"/@@indicators?unit={AGENCY}", None, only(OFFICERS + ["admin"])),
    ("GET", "/@@indicators.csv", None, everyone(200)),
    ("GET", f"/@@indicators.xlsx?unit={AGENCY}", None, only(OFFICERS + ["admin"])),
    ("GET", "/@@service-index", None, everyone(200)),
    ("GET", f"/@@operations?unit={AGENCY}", None, only(OFFICERS + ["admin"])),
    ("GET", "/@@operations", None, only(["admin"])),
    ("GET", f"/@@indicator-dossiers?list=overdue&unit={AGENCY}", None, only(OFFICERS + ["admin"])),
]

CASES = cases(MATRIX, ROLES)


@parametrize(CASES)
def test_permission(role, method, url, body, status, anon, login):
    res = request_as(client_for(role, anon, login), method, url, body)
    assert res.status_int == status, res.text[:300]
