"""Addresses in the two-level form, from the official 2025 list, and one-line profile addresses."""
import pytest

from tthc_docs.text.addresses import (
    HOME_PROVINCE, PROVINCES, check_address, communes_of, find_communes, format_address,
    parse_address)
from tthc_docs.text.validators import ValidationError

LINE = '12 Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên'


def test_the_official_map_has_34_provinces_and_thai_nguyen_92_communes():
    """Resolution 202/2025/QH15: 34 provinces; Thái Nguyên with Bắc Kạn, 92 communes and wards."""
    assert len(PROVINCES) == 34 and HOME_PROVINCE in PROVINCES
    assert len(communes_of(HOME_PROVINCE)) == 92
    assert 'Tỉnh Bắc Kạn' not in PROVINCES and 'Phường Bắc Kạn' in communes_of(HOME_PROVINCE)


def test_parse_profile_line_gives_official_names_and_code():
    assert parse_address(LINE) == {
        'street': '12 Hoàng Văn Thụ', 'commune': 'Phường Phan Đình Phùng',
        'province': 'Tỉnh Thái Nguyên', 'commune_code': '05443'}


def test_names_without_diacritics_are_recognised():
    parts = check_address('12 Hoang Van Thu, P. Phan Dinh Phung, Thai Nguyen')
    assert parts['commune'] == 'Phường Phan Đình Phùng'


def test_commune_of_another_province_refused_naming_both():
    with pytest.raises(ValidationError) as exc:
        check_address({'street': '', 'commune': 'Phường Phan Đình Phùng',
                       'province': 'Thành phố Hà Nội'})
    assert 'Thành phố Hà Nội' in str(exc.value) and 'Phường Phan Đình Phùng' in str(exc.value)


def test_commune_code_of_another_province_refused_naming_both():
    with pytest.raises(ValidationError) as exc:
        check_address({'commune_code': '05443', 'province': 'Hà Nội'})
    assert 'Hà Nội' in str(exc.value) and 'Tỉnh Thái Nguyên' in str(exc.value)


def test_commune_by_code():
    assert check_address({'commune_code': '1843', 'street': 'Tổ 7'})['commune'] == 'Phường Bắc Kạn'


def test_unknown_commune_code_refused():
    with pytest.raises(ValidationError, match='mã "99999"'):
        check_address({'commune_code': '99999'})


def test_unknown_province_refused():
    with pytest.raises(ValidationError, match='không phải tỉnh/thành phố'):
        check_address({'province': 'Atlantis', 'commune': 'y'})


def test_missing_commune_named():
    with pytest.raises(ValidationError, match='Chưa chọn xã/phường'):
        check_address({'province': 'Tỉnh Thái Nguyên'})


def test_other_province_communes_are_chosen_too():
    parts = check_address('5 Hàng Bài, phường Hoàn Kiếm, Hà Nội')
    assert (parts['commune'], parts['province']) == ('Phường Hoàn Kiếm', 'Thành phố Hà Nội')


def test_place_names_are_folded_for_search():
    assert [c[1] for c in find_communes('dai tu', HOME_PROVINCE)] == ['Xã Đại Từ']
    assert [c[1] for c in find_communes('CHỢ ĐỒN')] == ['Xã Chợ Đồn']


def test_format_round_trip():
    assert format_address(parse_address(LINE)) == (
        '12 Hoàng Văn Thụ, Phường Phan Đình Phùng, Tỉnh Thái Nguyên')
