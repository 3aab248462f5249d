"""Validators against the values people really type."""
import datetime

import pytest

from tthc_docs.text.validators import (
    ValidationError,
    check_email,
    check_id_number,
    check_length,
    check_pattern,
    check_range,
    check_tax_code,
    compile_pattern,
    normalize_phone,
    parse_bool,
    parse_date,
    parse_integer,
    parse_money,
)

# A man born in Thái Nguyên (019) in 1990 (century digit 0, year 90).
GOOD_ID = '019090001234'


def test_id_number_accepted():
    assert check_id_number(GOOD_ID) == GOOD_ID


def test_id_number_spaces_and_dots_dropped():
    assert check_id_number(' 019 090.001 234 ') == GOOD_ID


def test_id_number_nine_digits_is_old_identity_card():
    with pytest.raises(ValidationError, match='chứng minh nhân dân 9 chữ số'):
        check_id_number('225123456')


def test_id_number_eleven_digits_says_how_many():
    with pytest.raises(ValidationError, match='đã nhập 11'):
        check_id_number('01909000123')


def test_id_number_letters_refused():
    with pytest.raises(ValidationError, match='chỉ gồm chữ số'):
        check_id_number('01909000123A')


def test_id_number_unknown_province_code():
    with pytest.raises(ValidationError, match='Mã tỉnh "003"'):
        check_id_number('003090001234')


def test_id_number_birth_year_matches():
    assert check_id_number(GOOD_ID, birth_date='1990-05-01') == GOOD_ID


def test_id_number_accepts_vietnamese_birth_date():
    assert check_id_number(GOOD_ID, birth_date='01/05/1990') == GOOD_ID


def test_id_number_wrong_birth_year():
    with pytest.raises(ValidationError, match='hai số cuối của năm'):
        check_id_number(GOOD_ID, birth_date='1991-05-01')


def test_id_number_wrong_century():
    with pytest.raises(ValidationError, match='1900-1999'):
        check_id_number(GOOD_ID, birth_date='2090-05-01')


def test_id_number_century_digit_for_woman_born_2005():
    assert check_id_number('019305001234', birth_date='2005-01-01', sex='Nữ')


def test_id_number_wrong_sex():
    with pytest.raises(ValidationError, match='giới tính Nam'):
        check_id_number(GOOD_ID, sex='Nữ')


@pytest.mark.parametrize('typed', [
    '+84 912 345 678', '(+84) 912.345.678', '0912.345.678', '0912-345-678',
    '0084912345678', '84912345678', '912345678', '0912345678'])
def test_phone_normalised(typed):
    assert normalize_phone(typed) == '0912345678'


def test_landline_keeps_eleven_digits():
    assert normalize_phone('0258 3822 111') == '02583822111'


def test_phone_too_short():
    with pytest.raises(ValidationError, match='10 chữ số'):
        normalize_phone('0912 345 67')


def test_phone_old_eleven_digit_mobile_refused():
    with pytest.raises(ValidationError, match='Đầu số "016"'):
        normalize_phone('01652345678')


def test_phone_foreign_country_refused():
    with pytest.raises(ValidationError, match=r'\+84'):
        normalize_phone('+1 202 555 0123')


def test_phone_with_letters_refused():
    with pytest.raises(ValidationError, match='chỉ gồm chữ số'):
        normalize_phone('0912 abc 678')


@pytest.mark.parametrize('typed', ['2020-03-31', '31/03/2020', '31-3-2020', '31.03.2020',
                                   '2020-03-31T10:00:00+07:00'])
def test_date_formats(typed):
    assert parse_date(typed) == datetime.date(2020, 3, 31)


def test_date_that_does_not_exist():
    with pytest.raises(ValidationError, match='30/02/2021 không có trên lịch'):
        parse_date('30/02/2021')


def test_date_two_digit_year_refused():
    with pytest.raises(ValidationError, match='4 chữ số'):
        parse_date('01/02/20')


def test_date_words_refused():
    with pytest.raises(ValidationError, match='ngày/tháng/năm'):
        parse_date('hôm qua')


@pytest.mark.parametrize('typed', ['1.500.000', '1 500 000', '1500000', '1,500,000',
                                   '1.500.000 đ', '1.500.000đồng', '1.500.000 ₫', 1500000])
def test_money_formats(typed):
    assert parse_money(typed) == 1500000


def test_money_fraction_refused():
    with pytest.raises(ValidationError, match='không có phần lẻ'):
        parse_money('1.500,50')


def test_money_negative_refused():
    with pytest.raises(ValidationError, match='không được âm'):
        parse_money('-5.000')


def test_money_mixed_separators_refused():
    with pytest.raises(ValidationError, match='không phải số tiền'):
        parse_money('1.500,000.000')


def test_money_bool_refused():
    with pytest.raises(ValidationError):
        parse_money(True)


def test_integer_from_text():
    assert parse_integer(' 42 ') == 42


def test_integer_refuses_words():
    with pytest.raises(ValidationError, match='không phải số nguyên'):
        parse_integer('bốn')


@pytest.mark.parametrize('typed,expected', [('true', True), ('có', True), ('false', False),
                                            (False, False), ('', False)])
def test_bool(typed, expected):
    assert parse_bool(typed) is expected


def test_bool_refuses_other_words():
    with pytest.raises(ValidationError, match='Có'):
        parse_bool('maybe')


def test_email_lowercases_domain():
    assert check_email(' An.Nguyen@Example.VN ') == 'An.Nguyen@example.vn'


@pytest.mark.parametrize('typed', ['an.nguyen', 'an@', 'an@@x.vn', 'an@x', 'an..b@x.vn'])
def test_email_refused(typed):
    with pytest.raises(ValidationError, match='thư điện tử'):
        check_email(typed)


def test_length_too_long():
    with pytest.raises(ValidationError, match='Tối đa 3 ký tự'):
        check_length('abcd', max_length=3)


def test_length_too_short():
    with pytest.raises(ValidationError, match='ít nhất 2'):
        check_length('a', min_length=2)


def test_range_below():
    with pytest.raises(ValidationError, match='nhỏ nhất là 1'):
        check_range(0, minimum=1)


def test_range_above():
    with pytest.raises(ValidationError, match='lớn nhất là 10'):
        check_range(11, maximum=10)


def test_pattern_must_match_whole_text():
    with pytest.raises(ValidationError, match='định dạng'):
        check_pattern('12a', r'\d+')


def test_pattern_hint_shown():
    with pytest.raises(ValidationError, match='Chỉ chữ số'):
        check_pattern('12a', r'\d+', hint='Chỉ chữ số')


def test_broken_pattern_named():
    with pytest.raises(ValidationError, match='không hợp lệ'):
        compile_pattern('([a-z')


@pytest.mark.parametrize('typed', ['4201234567', '4201234567-001', '019090001234'])
def test_tax_code_accepted(typed):
    assert check_tax_code(typed) == typed


def test_tax_code_wrong_length():
    with pytest.raises(ValidationError, match='10 chữ số'):
        check_tax_code('42012345')
