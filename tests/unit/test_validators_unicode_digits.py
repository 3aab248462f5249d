"""Unicode digits ('²', Arabic-Indic) pass str.isdigit(): the validators must refuse them
with a ValidationError, not crash in int() (a 500) nor store a second spelling of one ID."""
import pytest

from tthc_docs.text import validators
from tthc_docs.text.validators import ValidationError


def test_superscript_digit_in_id_number_is_a_validation_error():
    with pytest.raises(ValidationError):
        validators.check_id_number("056²90001234")


def test_arabic_indic_id_number_is_refused():
    arabic = "056188012345".translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    with pytest.raises(ValidationError):
        validators.check_id_number(arabic)


def test_superscript_digit_in_phone_is_a_validation_error():
    with pytest.raises(ValidationError):
        validators.normalize_phone("090512345²")


def test_superscript_digit_in_money_is_a_validation_error():
    with pytest.raises(ValidationError):
        validators.parse_money("1²")
