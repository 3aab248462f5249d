"""``parse_bounded_int``: numbers from URLs, length-checked before ``int()``."""
import time

import pytest

from tthc_docs import errors
from tthc_docs.text.numbers import digits_fit, parse_bounded_int


def test_a_number_in_range_is_read():
    assert parse_bounded_int("42", "page", 1, 100) == 42
    assert parse_bounded_int(" 7 ", "page", 1, 100) == 7


def test_an_empty_value_gives_the_default():
    assert parse_bounded_int("", "page", 1, 100, default=1) == 1
    assert parse_bounded_int(None, "page", 1, 100, default=3) == 3


def test_an_empty_value_without_default_is_422():
    with pytest.raises(errors.Invalid):
        parse_bounded_int("", "page", 1, 100)


@pytest.mark.parametrize("text", ["0", "101", "-1", "abc", "1.5", "²", "١٢", "1e3", " "])
def test_what_is_not_a_number_in_range_is_422_naming_the_parameter(text):
    with pytest.raises(errors.Invalid) as caught:
        parse_bounded_int(text, "limit", 1, 100)
    assert caught.value.fields == {"limit": "Phải là số nguyên từ 1 đến 100."}


def test_five_thousand_digits_are_422_at_once_not_a_value_error():
    started = time.monotonic()
    with pytest.raises(errors.Invalid) as caught:
        parse_bounded_int("9" * 5000, "page", 1, 100000)
    assert "page" in caught.value.fields
    assert time.monotonic() - started < 0.01


def test_leading_zeros_cannot_smuggle_a_long_string():
    with pytest.raises(errors.Invalid):
        parse_bounded_int("0" * 5000 + "5", "page", 1, 100000)


def test_negative_ranges_accept_a_sign():
    assert parse_bounded_int("-5", "offset", -10, 10) == -5


def test_digits_fit_bounds_the_length():
    assert digits_fit("123456789012345678")
    assert not digits_fit("1234567890123456789")
    assert digits_fit("-12", 2) and not digits_fit("-", 2) and not digits_fit("", 2)
