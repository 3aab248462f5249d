"""The admin says which commune a commune-level unit serves, and where the unit belongs.

Location-independent filing sends a commune-level dossier to the People's
Committee of the applicant's commune (``people.jurisdiction``), found through
the index by commune code; the codes are the official list of 2025 (the
``vietnam-provinces`` data: two-level local government since 1 July 2025,
Resolution 202/2025/QH15 merging Bắc Kạn into Thái Nguyên).
"""
import pytest

from tthc_docs.demo.agencies import PHAN_DINH_PHUNG, PROVINCE

JSON = {"Accept": "application/json"}
SONG_CONG, NGAN_SON = "05518", "01954"   # Phường Sông Công, Xã Ngân Sơn (former Bắc Kạn)
PHAN_DINH_PHUNG_COMMUNE = "05443"
BA_DINH_HANOI = "00004"
NEW = "000.00.47.H55"
CENTRE = "000.00.20.H55"


def _add(admin, status=201, **extra):
    body = dict({"code": NEW, "name": "Ủy ban nhân dân phường Sông Công", "level": "commune",
                 "parent": PROVINCE}, **extra)
    return admin.post_json("/agencies/", body, headers=JSON, status=status)


def _served(edit_site, commune):
    with edit_site() as site:
        agency = site["agencies"].for_commune(commune)
        return agency.code if agency is not None else None


def test_a_new_commune_unit_serves_its_commune(login, edit_site):
    assert _add(login("admin"), commune_code=SONG_CONG).json["commune_code"] == SONG_CONG
    assert _served(edit_site, SONG_CONG) == NEW


def test_the_admin_changes_the_commune_and_the_index_follows(login, edit_site):
    admin = login("admin")
    _add(admin, commune_code=SONG_CONG)
    res = admin.patch_json(f"/agencies/{PROVINCE}/{NEW}", {"commune_code": NGAN_SON}, headers=JSON)
    assert res.json["commune_code"] == NGAN_SON
    assert (_served(edit_site, NGAN_SON), _served(edit_site, SONG_CONG)) == (NEW, None)


def test_null_clears_the_commune(login, edit_site):
    admin = login("admin")
    _add(admin, commune_code=SONG_CONG)
    admin.patch_json(f"/agencies/{PROVINCE}/{NEW}", {"commune_code": None}, headers=JSON)
    assert _served(edit_site, SONG_CONG) is None


@pytest.mark.parametrize("code", ["99999", "123456", "abc", 5443])
def test_a_code_not_in_the_official_list_is_a_422_naming_it(login, code):
    res = _add(login("admin"), commune_code=code, status=422)
    assert "commune_code" in res.json["error"]["fields"]
    if code == "99999":
        assert "99999" in res.json["error"]["fields"]["commune_code"]


def test_a_commune_of_another_province_is_a_422_naming_both(login):
    field = _add(login("admin"), commune_code=BA_DINH_HANOI, status=422).json["error"]["fields"]
    assert "Phường Ba Đình" in field["commune_code"] and "Thành phố Hà Nội" in field["commune_code"]
    assert "Tỉnh Thái Nguyên" in field["commune_code"]


def test_a_province_level_unit_serves_no_commune(login):
    res = login("admin").patch_json(f"/agencies/{PROVINCE}/{CENTRE}", {"commune_code": SONG_CONG},
                                    headers=JSON, status=422)
    assert "commune_code" in res.json["error"]["fields"]


def test_a_commune_another_unit_serves_is_a_409_naming_it(login, edit_site):
    res = _add(login("admin"), commune_code=PHAN_DINH_PHUNG_COMMUNE, status=409)
    assert PHAN_DINH_PHUNG in res.json["error"]["fields"]["commune_code"]
    assert _served(edit_site, PHAN_DINH_PHUNG_COMMUNE) == PHAN_DINH_PHUNG


def test_a_refused_change_leaves_the_unit_as_it_was(login, edit_site):
    """A good suffix with a bad commune: nothing is written."""
    admin = login("admin")
    _add(admin, commune_code=SONG_CONG)
    admin.patch_json(f"/agencies/{PROVINCE}/{NEW}", {"result_suffix": "KQ-UBND",
                                                     "commune_code": "99999"},
                     headers=JSON, status=422)
    unit = admin.get("/agencies/", headers=JSON).json["items"][0]
    new = next(c for c in unit["children"] if c["code"] == NEW)
    assert (new["result_suffix"], new["commune_code"]) == ("", SONG_CONG)


def test_the_admin_moves_a_unit_under_another_parent(login, anon):
    admin = login("admin")
    _add(admin, parent=None, commune_code=SONG_CONG)
    res = admin.patch_json(f"/agencies/{NEW}", {"parent": PROVINCE}, headers=JSON)
    assert res.json["parent"] == PROVINCE
    tree = anon.get("/agencies/", headers=JSON).json["items"]
    assert NEW not in [a["code"] for a in tree]
    assert NEW in [c["code"] for c in tree[0]["children"]]
    admin.patch_json(f"/agencies/{PROVINCE}/{NEW}", {"result_suffix": "KQ-UBND"}, headers=JSON)


@pytest.mark.parametrize("parent", ["000.00.99.H55", PHAN_DINH_PHUNG + "x", 7])
def test_an_unknown_parent_is_a_422(login, parent):
    res = login("admin").patch_json(f"/agencies/{PROVINCE}/{PHAN_DINH_PHUNG}",
                                    {"parent": parent}, headers=JSON, status=422)
    assert "parent" in res.json["error"]["fields"]


def test_a_unit_cannot_move_under_itself_or_its_own_unit(login):
    admin = login("admin")
    admin.patch_json(f"/agencies/{PROVINCE}", {"parent": PHAN_DINH_PHUNG}, headers=JSON, status=422)
    admin.patch_json(f"/agencies/{PROVINCE}", {"parent": PROVINCE}, headers=JSON, status=422)


def test_only_the_admin_changes_a_unit(login):
    login("reception1").patch_json(f"/agencies/{PROVINCE}/{PHAN_DINH_PHUNG}",
                                   {"commune_code": NGAN_SON}, headers=JSON, status=403)
