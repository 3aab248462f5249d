"""The vault profile schema: the shared validators, cross-checked ID numbers."""
import pytest

from tthc_docs import errors
from tthc_docs.vaults.schema import validate_profile

GOOD = {'full_name': '  Nguyễn   Thị Lan ', 'birth_date': '12/05/1988', 'sex': 'Nữ',
        'id_number': '056 188 012 345', 'phone': '+84 905 123 456',
        'email': 'Lan@Example.VN'}


def fields_of(data, current=None):
    """The fields refused when an officer binds ``data`` (the number's checks run then)."""
    with pytest.raises(errors.Invalid) as exc:
        validate_profile(data, current, bind_id_number=True)
    return exc.value.fields


def test_a_citizen_sending_a_new_id_number_is_refused_by_the_rule():
    with pytest.raises(errors.Invalid) as exc:
        validate_profile({'id_number': '056188012345'}, {'id_number': '056085067890'})
    assert 'cán bộ một cửa' in exc.value.fields['id_number']


def test_the_same_id_number_sent_back_is_no_change():
    current = {'id_number': '056188012345', 'birth_date': '1988-05-12', 'sex': 'Nữ'}
    assert validate_profile({'id_number': '056 188 012 345'}, current)['id_number'] == \
        '056188012345'


def test_values_are_normalised():
    assert validate_profile(GOOD, bind_id_number=True) == {
        'full_name': 'Nguyễn Thị Lan', 'birth_date': '1988-05-12', 'sex': 'Nữ',
        'id_number': '056188012345', 'phone': '0905123456', 'email': 'Lan@example.vn'}


def test_names_are_nfc():
    assert validate_profile({'full_name': 'Le\u0302 Va\u0306n'})['full_name'] == 'Lê Văn'


def test_empty_clears_a_key():
    assert validate_profile({'email': '', 'phone': None}) == {'email': None, 'phone': None}


def test_nine_digit_id_is_refused_with_advice():
    assert 'chứng minh nhân dân' in fields_of({'id_number': '123456789'})['id_number']


def test_id_number_must_agree_with_the_birth_year():
    assert 'id_number' in fields_of({'id_number': '056188012345', 'birth_date': '1990-05-12'})


def test_id_number_is_checked_against_the_kept_profile():
    current = {'id_number': '056188012345', 'birth_date': '1988-05-12', 'sex': 'Nữ'}
    assert 'id_number' in fields_of({'sex': 'Nam'}, current)


def test_bad_phone_is_named():
    assert 'phone' in fields_of({'phone': '0123'})


def test_impossible_date_is_named():
    assert 'không có trên lịch' in fields_of({'birth_date': '31/02/1990'})['birth_date']


def test_sex_must_be_nam_or_nu():
    assert 'sex' in fields_of({'sex': 'khác'})


def test_unknown_keys_are_refused():
    assert fields_of({'religion': 'x'}) == {'religion': 'Trường không được hỗ trợ.'}


def test_non_strings_are_refused():
    assert 'full_name' in fields_of({'full_name': 42})


def test_too_long_address_is_refused():
    assert 'current_address' in fields_of({'current_address': 'x' * 201})


def test_business_tax_code():
    assert validate_profile({'tax_code': '4201234567-001'})['tax_code'] == '4201234567-001'
