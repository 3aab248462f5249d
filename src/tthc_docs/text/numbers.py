"""Whole numbers typed by people or put in URLs, bounded before conversion.

``int()`` of a long digit string costs time quadratic in its length, and
past 4,300 digits Python refuses it with a ValueError that views did not
expect (``?page=`` with 5,000 digits answered 500).  Every number from a
query parameter goes through ``parse_bounded_int``: the length is checked
first, then the range, and a refusal is the API's 422 naming the parameter.

Pure: no web imports.
"""
from tthc_docs.errors import Invalid, Words

#: No number this application reads from a person needs more digits than this
#: (money in đồng fits in 15; IDs are text, not numbers).
MAX_DIGITS = 18


def digits_fit(text, max_digits=MAX_DIGITS):
    """True when ``text`` is an optional sign and 1..``max_digits`` ASCII digits."""
    body = text[1:] if text[:1] in ("-", "+") else text
    return 0 < len(body) <= max_digits and body.isascii() and body.isdigit()


def parse_bounded_int(text, name, lo, hi, default=None):
    """The int in ``text`` if it lies in ``lo..hi``; ``default`` when empty; else 422.

    ``name`` is the parameter's name, as the client sent it: the 422 says which
    parameter was wrong and what it may be.
    """
    if text is None or text == "":
        if default is None:
            raise _refusal(name, lo, hi)
        return default
    text = text.strip() if isinstance(text, str) else text
    width = max(len(str(abs(lo))), len(str(abs(hi))))
    if not isinstance(text, str) or not digits_fit(text, width):
        raise _refusal(name, lo, hi)
    value = int(text)
    if not lo <= value <= hi:
        raise _refusal(name, lo, hi)
    return value


def _refusal(name, lo, hi):
    return Invalid(Words("Tham số ${name} không hợp lệ.", name=name),
                   {name: Words("Phải là số nguyên từ ${lo} đến ${hi}.", lo=lo, hi=hi)})
