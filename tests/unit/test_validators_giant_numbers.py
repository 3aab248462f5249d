"""Digit strings past Python's int limit: the validators refuse them with a
ValidationError (a 422 in the forms), quickly, instead of a ValueError (a 500)."""
import time

import pytest

from tthc_docs.text import validators
from tthc_docs.text.validators import ValidationError

HUGE = "9" * 5000


@pytest.mark.parametrize("parse", [validators.parse_integer, validators.parse_money])
def test_five_thousand_digits_are_a_validation_error(parse):
    started = time.monotonic()
    with pytest.raises(ValidationError):
        parse(HUGE)
    assert time.monotonic() - started < 0.05


def test_grouped_money_with_too_many_groups_is_a_validation_error():
    with pytest.raises(ValidationError):
        validators.parse_money("1" + ".000" * 2000)


@pytest.mark.parametrize("parse", [validators.parse_integer, validators.parse_money])
def test_a_huge_number_sent_as_json_is_a_validation_error(parse):
    with pytest.raises(ValidationError):
        parse(10 ** 30)


def test_eighteen_digits_are_still_a_number():
    assert validators.parse_integer("123456789012345678") == 123456789012345678
    assert validators.parse_money("999.999.999.999.999") == 999999999999999
