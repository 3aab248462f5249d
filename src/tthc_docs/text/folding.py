"""Folding Vietnamese text for search.

Citizens type "ho tich", "Hộ Tịch" or "HỘ TỊCH" and expect the same
results, so both the index and the query go through `fold`: Unicode
decomposition, combining marks removed (the tone and vowel marks), đ/Đ to
d (it is a letter of its own, not a d with a mark, so decomposition leaves
it), case folded, whitespace collapsed. Pure: no web or database imports.
"""
import re
import unicodedata

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")


def fold(text):
    """`text` without diacritics, in lower case, whitespace collapsed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("đ", "d").replace("Đ", "d")
    return _SPACES.sub(" ", bare.casefold()).strip()


def tokenize(text):
    """The folded words of `text`, in order (punctuation separates words)."""
    return _WORD.findall(fold(text))


def slug(text):
    """An ASCII, URL-safe key for `text`: "Hộ tịch" -> "ho-tich"."""
    return "-".join(tokenize(text))
