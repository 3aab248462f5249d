"""The indicators through the web: API.md's answer, bad input, the pages, the exports.

The demo database's dossiers (filed today) are the data; a period far away
has none.
"""
import csv
import io

import pytest
from openpyxl import load_workbook

from tthc_docs import timeutil

JSON = {"Accept": "application/json"}
AGENCY = "000.00.20.H55"


def this_year():
    today = timeutil.now().date()
    return {"from": today.replace(month=1, day=1).isoformat(), "to": today.isoformat()}


def test_the_province_answers_api_md_to_anyone(anon):
    body = anon.get("/@@indicators", params=this_year(), headers=JSON).json
    assert set(body) >= {"from", "to", "unit", "indicators", "total"}
    assert body["unit"] == "province"
    first = body["indicators"][0]
    assert set(first) >= {"id", "name", "value", "numerator", "denominator", "points", "max_points"}
    ids = [i["id"] for i in body["indicators"]]
    assert "2.1" in ids and ids == sorted(ids, key=lambda x: tuple(map(int, x.split("."))))
    filed = next(i for i in body["indicators"] if i["id"] == "3.3")
    assert filed["denominator"] > 0          # the demo's dossiers are counted


def test_a_period_without_dossiers_says_no_data_everywhere(anon):
    body = anon.get("/@@indicators", params={"from": "2040-01-01", "to": "2040-12-31"},
                    headers=JSON).json
    dossier_ids = [i for i in body["indicators"] if not i["id"].startswith(("1.1", "1.2", "3.1", "3.4"))]
    assert all(i["value"] is None for i in dossier_ids), dossier_ids


@pytest.mark.parametrize("params,status,field", [
    ({"from": "2027-03-31", "to": "2027-03-01"}, 422, "from"),
    ({"from": "2020-01-01", "to": "2026-01-01"}, 422, "to"),
    ({"from": "hôm qua"}, 422, "from"),
    ({"unit": "999.99.99.X99"}, 404, None),
])
def test_bad_input_is_a_clear_4xx(anon, params, status, field):
    res = anon.get("/@@indicators", params=params, headers=JSON, expect_errors=True)
    assert res.status_int == status
    if field:
        assert field in res.json["error"]["fields"]


def test_an_agency_is_for_its_officers_and_admins(anon, login):
    params = dict(this_year(), unit=AGENCY)
    assert anon.get("/@@indicators", params=params, headers=JSON, expect_errors=True).status_int == 401
    assert login("citizen1").get("/@@indicators", params=params, headers=JSON,
                                 expect_errors=True).status_int == 403
    assert login("reception1").get("/@@indicators", params=params, headers=JSON).json["unit"] == AGENCY
    assert login("admin").get("/@@indicators", params=params, headers=JSON).status_int == 200


def test_the_dashboard_draws_its_charts_on_the_server(login):
    page = login("reception1").get("/@@indicators", params=dict(this_year(), unit=AGENCY))
    assert page.text.count("<svg") >= 2 and "<script" not in page.text.split("<main")[-1]
    assert "Tỷ lệ hồ sơ giải quyết đúng hạn" in page.text
    assert 'id="operations"' in page.text and "@@indicator-dossiers" in page.text


def test_the_exports_carry_the_same_figures(login):
    client = login("admin")
    params = this_year()
    body = client.get("/@@indicators", params=params, headers=JSON).json
    got = client.get("/@@indicators.csv", params=params)
    assert got.content_type == "text/csv"
    rows = list(csv.reader(io.StringIO(got.body.decode("utf-8-sig"))))
    assert [r[0] for r in rows[2:-1]] == [i["id"] for i in body["indicators"]]
    book = load_workbook(io.BytesIO(client.get("/@@indicators.xlsx", params=params).body))
    sheet = book.active
    filed = next(i for i in body["indicators"] if i["id"] == "3.3")
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "3.3")
    assert (row[3], row[4]) == (filed["numerator"], filed["denominator"])


def test_the_public_page_shows_the_province_scores(anon):
    page = anon.get("/@@service-index")
    assert "Chỉ số phục vụ người dân, doanh nghiệp của tỉnh" in page.text and "<svg" in page.text
    assert anon.get("/@@service-index", headers=JSON).json["unit"] == "province"


def test_operations_lead_to_the_dossiers_behind_them(login):
    client = login("reception1")
    ops = client.get("/@@operations", params={"unit": AGENCY}, headers=JSON).json
    assert set(ops["links"]) == {"overdue", "due-soon", "intake", "supplement"}
    listed = client.get(ops["links"]["overdue"], headers=JSON).json
    assert listed["total"] == ops["overdue_total"]
    for item in listed["items"]:
        assert client.get(item["url"], headers=JSON).json["overdue"] is True


def test_an_unknown_list_is_422(login):
    res = login("admin").get("/@@indicator-dossiers", params={"list": "x"}, headers=JSON,
                             expect_errors=True)
    assert res.status_int == 422 and "list" in res.json["error"]["fields"]
