"""The admin creates accounts and agencies; officers belong to an agency."""
import pytest


def test_admin_lists_accounts(login):
    res = login("admin").get("/people/", headers={"Accept": "application/json"})
    assert {a["login"] for a in res.json["items"]} >= {"citizen1", "leader1", "admin"}


def test_admin_creates_an_officer_who_can_then_log_in(login, anon):
    admin = login("admin")
    res = admin.post_json("/people/", {"login": "reception2", "password": "a-long-password",
                                       "full_name": "Hồ Thị Xuân", "roles": ["reception"],
                                       "agency": "000.00.20.H55"}, status=201)
    assert res.json["agency"] == "000.00.20.H55"
    anon.post_json("/@@login", {"login": "reception2", "password": "a-long-password"}, status=200)


def test_creating_a_citizen_makes_a_vault(login, anon):
    login("admin").post_json("/people/", {"login": "citizen9", "password": "a-long-password",
                                          "full_name": "Lý Văn Chín", "roles": ["citizen"]},
                             status=201)
    res = anon.post_json("/@@login", {"login": "citizen9", "password": "a-long-password"})
    assert res.json["vault"].startswith("/vaults/v-")


def test_an_officer_without_agency_is_refused(login):
    res = login("admin").post_json("/people/", {"login": "spec9", "password": "a-long-password",
                                                "full_name": "X", "roles": ["specialist"]},
                                   status=422)
    assert "agency" in res.json["error"]["fields"]


def test_bad_account_data_names_every_field(login):
    res = login("admin").post_json("/people/", {"login": "A B", "password": "short",
                                                "full_name": 3, "roles": ["king"],
                                                "agency": "nope", "shoe": 1}, status=422)
    assert set(res.json["error"]["fields"]) == {"login", "password", "full_name", "roles",
                                                "agency", "shoe"}


def test_a_taken_login_is_409_and_the_account_unchanged(login):
    admin = login("admin")
    admin.post_json("/people/", {"login": "citizen1", "password": "a-long-password",
                                 "full_name": "Kẻ mạo danh", "roles": ["citizen"]}, status=409)
    res = admin.get("/people/citizen1", headers={"Accept": "application/json"})
    assert res.json["full_name"] == "Nguyễn Thị Lan"


def test_a_deactivated_account_cannot_log_in(login, anon):
    login("admin").patch_json("/people/citizen2", {"active": False})
    anon.post_json("/@@login", {"login": "citizen2", "password": "demo-password"}, status=401)


def test_admin_creates_an_account_through_the_browser_form(login):
    admin = login("admin")
    form = admin.get("/people/").forms["create-account"]
    form["login"] = "editor2"
    form["full_name"] = "Trương Mỹ Linh"
    form["password"] = "a-long-password"
    form.get("roles", index=1).checked = True  # editor
    form.submit().follow()
    res = admin.get("/people/editor2", headers={"Accept": "application/json"})
    assert res.json["roles"] == ["editor"]


def test_agency_tree_is_public(anon):
    res = anon.get("/agencies/", headers={"Accept": "application/json"})
    province = res.json["items"][0]
    assert province["level"] == "province"
    assert any(c["code"] == "000.00.20.H55" for c in province["children"])
    assert "Trung tâm Phục vụ hành chính công" in anon.get("/agencies/").text


def test_admin_adds_a_commune_under_the_province(login, anon):
    login("admin").post_json("/agencies/", {"code": "000.00.47.H55", "name": "Ủy ban nhân dân phường Sông Công",
                                            "level": "commune", "parent": "000.00.00.H55"},
                             status=201)
    tree = anon.get("/agencies/", headers={"Accept": "application/json"}).json
    assert "000.00.47.H55" in [c["code"] for c in tree["items"][0]["children"]]


def test_admin_cannot_add_a_district_since_july_2025(login):
    """Two levels of local government (Law on Organisation of Local Government 2025)."""
    res = login("admin").post_json("/agencies/", {"code": "000.00.48.H55", "name": "Ủy ban nhân dân huyện Đại Từ",
                                                  "level": "district"}, status=422)
    assert "level" in res.json["error"]["fields"]


def test_agency_code_outside_the_national_shape_is_422(login):
    """Decision 20/2020/QĐ-TTg: LLL.33.22.H55."""
    res = login("admin").post_json("/agencies/", {"code": "TN-01", "name": "Phòng thử",
                                                  "level": "province"}, status=422)
    assert "20/2020" in res.json["error"]["fields"]["code"]


def test_duplicate_agency_code_is_409(login):
    login("admin").post_json("/agencies/", {"code": "000.00.20.H55", "name": "x",
                                            "level": "province"}, status=409)


CENTRE = "/agencies/000.00.00.H55/000.00.20.H55"


def test_admin_sets_the_suffix_of_the_agencys_result_numbers(login, anon):
    """Decree 30/2020 App. I: the number line's abbreviation is the agency's own."""
    res = login("admin").patch_json(CENTRE, {"result_suffix": "KQ-TTPVHCC"},
                                    headers={"Accept": "application/json"})
    assert res.json["result_suffix"] == "KQ-TTPVHCC"
    tree = anon.get("/agencies/", headers={"Accept": "application/json"}).json
    centre = next(c for c in tree["items"][0]["children"] if c["code"] == "000.00.20.H55")
    assert centre["result_suffix"] == "KQ-TTPVHCC"


@pytest.mark.parametrize("suffix", ["kq ttpvhcc", "KQ/TTPVHCC", "", "K" * 31, 7])
def test_a_suffix_that_is_no_abbreviation_is_422_naming_it(login, suffix):
    res = login("admin").patch_json(CENTRE, {"result_suffix": suffix},
                                    headers={"Accept": "application/json"}, status=422)
    assert "result_suffix" in res.json["error"]["fields"]
