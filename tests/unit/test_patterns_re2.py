"""Editors' validation patterns run on RE2: linear time, refused when RE2 cannot compile them."""
import time

import pytest

from tthc_docs.text.validators import ValidationError, check_pattern, compile_pattern


def test_a_catastrophic_pattern_answers_at_once():
    """26 characters took Python's backtracking engine 1.6 s, doubling with each more."""
    started = time.monotonic()
    with pytest.raises(ValidationError):
        check_pattern("a" * 26, r"(a+)+b")
    assert time.monotonic() - started < 0.1


@pytest.mark.parametrize("pattern", [r"(?=\d)\d+", r"(\d)\1", r"(?<!x)y", "a{1001}", "([0-9"])
def test_what_re2_cannot_compile_is_refused_with_the_reason(pattern):
    with pytest.raises(ValidationError, match="không hợp lệ"):
        compile_pattern(pattern)


def test_an_overlong_pattern_is_refused():
    with pytest.raises(ValidationError, match="dài quá"):
        compile_pattern("a" * 501)


@pytest.mark.parametrize("pattern,good,bad", [
    (r"\d+([.,]\d{1,2})?", "120,5", "120,555"),
    (r"\d{10}(-\d{3})?|\d{12}", "0123456789-001", "01234"),
    (r"\d{6,20}", "123456", "12345"),
])
def test_the_demo_patterns_still_check_the_whole_value(pattern, good, bad):
    assert check_pattern(good, pattern) == good
    with pytest.raises(ValidationError):
        check_pattern(bad, pattern)


def test_unicode_digits_do_not_pass_a_digit_pattern():
    with pytest.raises(ValidationError):
        check_pattern("١٢٣", r"\d+")
