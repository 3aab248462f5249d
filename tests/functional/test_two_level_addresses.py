"""Addresses on the forms are two-level (since 1 July 2025) and checked against the official list."""
JSON = {"Accept": "application/json"}
BIRTH = "/procedures/1.001193/@@apply"  # its form asks for the applicant's residence (nyc_noi_cu_tru)


def _refusal(client, address):
    res = client.post_json(BIRTH, {"data": {"nyc_noi_cu_tru": address}, "attachments": {}},
                           headers=JSON, status=422)
    return " ".join(v for k, v in res.json["error"]["fields"].items() if "nyc_noi_cu_tru" in k)


def test_a_commune_not_in_the_province_chosen_is_a_422_naming_both(login):
    why = _refusal(login("citizen1"), {"street": "12 Hoàng Văn Thụ", "commune": "Phường Phan Đình Phùng",
                                       "province": "Thành phố Hà Nội"})
    assert "Thành phố Hà Nội" in why and "Phường Phan Đình Phùng" in why


def test_an_unknown_commune_code_is_a_422(login):
    why = _refusal(login("citizen1"), {"street": "Tổ 1", "commune_code": "99999",
                                       "province": "Tỉnh Thái Nguyên"})
    assert "99999" in why


def test_an_old_three_level_address_is_accepted_as_its_new_commune(login):
    res = login("citizen1").post_json(
        BIRTH, {"data": {"nyc_noi_cu_tru": "Tổ 5, thị trấn Chợ Rã, huyện Ba Bể, tỉnh Bắc Kạn"},
                "attachments": {}}, headers=JSON, status=422)
    assert not any("nyc_noi_cu_tru" in k for k in res.json["error"]["fields"])


def test_the_form_offers_the_communes_of_thai_nguyen(login):
    page = login("citizen1").get("/procedures/1.001193/@@apply").text
    assert 'id="tthc-communes"' in page and "Phường Bắc Kạn" in page and "Quận" not in page
