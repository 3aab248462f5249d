"""A citizen (or anyone) browses and searches the catalog and reads a procedure page."""
from tthc_docs import timeutil

JSON = {"Accept": "application/json"}


def test_search_without_diacritics_finds_ho_tich(anon):
    res = anon.get("/procedures/", {"q": "ho tich"}, headers=JSON)
    assert res.json["total"] >= 5 and all(i["field"] == "Hộ tịch" for i in res.json["items"])


def test_search_is_case_and_mark_insensitive(anon):
    results = [anon.get("/procedures/", {"q": q}, headers=JSON).json["items"]
               for q in ("ho tich", "Hộ Tịch", "HỘ TỊCH")]
    assert results[0] == results[1] == results[2]


def test_search_items_have_the_api_fields(anon):
    item = anon.get("/procedures/", {"q": "khai sinh"}, headers=JSON).json["items"][0]
    assert set(item) >= {"code", "name", "field", "level", "url"} and item["code"] == "1.001193"


def test_filter_by_field_and_level(anon):
    res = anon.get("/procedures/", {"field": "dat-dai", "level": "province"}, headers=JSON)
    assert {i["code"] for i in res.json["items"]} == {"1.004227", "1.003010", "2.000889"}


def test_facets_count_fields(anon):
    facets = anon.get("/procedures/", headers=JSON).json["facets"]
    assert len(facets["field"]) >= 6 and set(facets["level"]) == {"province", "commune"}


def test_paging(anon):
    first = anon.get("/procedures/", {"limit": 10, "page": 1}, headers=JSON).json
    third = anon.get("/procedures/", {"limit": 10, "page": 3}, headers=JSON).json
    assert first["total"] == 30 and len(third["items"]) == 10 and \
        not {i["code"] for i in first["items"]} & {i["code"] for i in third["items"]}


def test_bad_limit_is_422(anon):
    res = anon.get("/procedures/", {"limit": "lots"}, headers=JSON, status=422)
    assert "limit" in res.json["error"]["fields"]


def test_procedure_json_follows_the_api(anon):
    body = anon.get("/procedures/1.001193", headers=JSON).json
    assert body["state"] == "published" and body["fee"] == {"amount": 0, "online_amount": 0}
    assert {"id", "name", "doc_type", "required"} <= set(body["requirements"][0])
    assert body["form"] == "to-khai-khai-sinh" and body["version"] == 1


def test_unknown_code_is_404(anon):
    res = anon.get("/procedures/9.999999", headers=JSON, status=404)
    assert res.json["error"]["status"] == 404


def test_due_date_skips_tet_2027(anon):
    res = anon.get("/procedures/1.001193/@@due-date", {"from": "2027-02-03"}, headers=JSON)
    # Tết 2027 runs Thu 4/2 .. Wed 10/2: the 3 days after Wed 3/2 are Thu 11, Fri 12, Mon 15.
    assert res.json == {"from": "2027-02-03", "due": "2027-02-15", "working_days": 3}


def test_due_date_with_a_bad_date_is_422(anon):
    res = anon.get("/procedures/1.001193/@@due-date", {"from": "03/02/2027"}, headers=JSON, status=422)
    assert "from" in res.json["error"]["fields"]


def test_due_date_of_unknown_procedure_is_404(anon):
    anon.get("/procedures/9.999999/@@due-date", {"from": "2027-02-03"}, headers=JSON, status=404)


def test_catalog_page_lists_fields(anon):
    page = anon.get("/procedures/")
    assert "Lĩnh vực" in page.text and "Đất đai" in page.text


def test_catalog_page_search(anon):
    page = anon.get("/procedures/", {"q": "giay phep xay dung"})
    assert "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ" in page.text


def test_procedure_page_says_when_the_result_is_due(anon, monkeypatch):
    monkeypatch.setattr(timeutil, "now", lambda: timeutil.datetime(2027, 2, 3, 9, 0, tzinfo=timeutil.VN_TZ))
    page = anon.get("/procedures/1.001193")
    assert "kết quả dự kiến có vào ngày" in page.text and "15/02/2027" in page.text


def test_procedure_page_shows_counter_and_online_fees(anon):
    page = anon.get("/procedures/2.000488")
    assert "200.000 ₫" in page.text and "100.000 ₫" in page.text


def test_level_facets_list_only_levels_with_results_and_mark_the_chosen_one(anon):
    page = anon.get("/procedures/", {"level": "commune"}).html
    facets = page.select_one(".facets")
    assert not [li for li in facets.select("li") if not li.get_text(strip=True)]
    assert [a.get_text(strip=True) for a in facets.select("a[aria-current]")] == ["Cấp xã"]
