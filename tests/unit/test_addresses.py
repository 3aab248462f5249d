"""Addresses from the static vocabulary, and one-line profile addresses."""
import pytest

from tthc_docs.text.addresses import check_address, format_address, parse_address
from tthc_docs.text.validators import ValidationError

LINE = '12 Trần Phú, phường Lộc Thọ, thành phố Nha Trang, tỉnh Khánh Hòa'


def test_parse_profile_line_gives_official_names():
    assert parse_address(LINE) == {
        'street': '12 Trần Phú', 'commune': 'Phường Lộc Thọ',
        'district': 'Thành phố Nha Trang', 'province': 'Tỉnh Khánh Hòa'}


def test_names_without_diacritics_are_recognised():
    parts = check_address('12 Tran Phu, P. Loc Tho, TP Nha Trang, Khanh Hoa')
    assert parts['commune'] == 'Phường Lộc Thọ'


def test_commune_not_in_district_refused():
    with pytest.raises(ValidationError, match='không có xã/phường/thị trấn "Phường Ba Ngòi"'):
        check_address({'street': '', 'commune': 'Phường Ba Ngòi',
                       'district': 'Thành phố Nha Trang', 'province': 'Tỉnh Khánh Hòa'})


def test_unknown_province_refused():
    with pytest.raises(ValidationError, match='không phải tỉnh/thành phố'):
        check_address({'province': 'Atlantis', 'district': 'x', 'commune': 'y'})


def test_other_province_lower_levels_free():
    parts = check_address('5 Hàng Bài, phường Hàng Bài, quận Hoàn Kiếm, Hà Nội')
    assert parts['province'] == 'Thành phố Hà Nội'


def test_missing_district_named():
    with pytest.raises(ValidationError, match='Chưa chọn quận/huyện'):
        check_address({'province': 'Tỉnh Khánh Hòa'})


def test_format_round_trip():
    assert format_address(parse_address(LINE)) == (
        '12 Trần Phú, Phường Lộc Thọ, Thành phố Nha Trang, Tỉnh Khánh Hòa')
