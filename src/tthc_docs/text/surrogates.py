"""Lone UTF-16 surrogates: text Python holds but UTF-8 cannot encode.

``json.loads('"\\ud800"')`` gives a ``str`` with a lone surrogate; stored,
it made every page that showed it fail to encode (a 500, for good).  The
JSON edge refuses such text (``web.jsonbody``), pages replace it when
rendering (``web.safetext``) and an evolve step repairs what is stored;
all three use this one definition.  Pure: no web or database imports.
"""
import re

SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def has_surrogate(text):
    """UTF-8 refuses exactly the surrogates; its C encoder scans a page five times faster
    than the pattern does (issue 15: every page is checked once rendered)."""
    if not isinstance(text, str):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def scrub(text):
    """``text`` with each lone surrogate replaced by U+FFFD (the same object when clean)."""
    if has_surrogate(text):
        return SURROGATE.sub(REPLACEMENT, text)
    return text


def scrub_value(value):
    """``(clean, changed)``: ``value`` (str, dict, list, tuple, nested) with every string scrubbed.

    Containers are copied only when something inside them changed, so a
    caller can store ``clean`` back only then (no write for clean data).
    """
    if isinstance(value, str):
        clean = scrub(value)
        return clean, clean is not value
    if isinstance(value, dict):
        pairs = [(scrub_value(k), scrub_value(v)) for k, v in value.items()]
        if any(kc or vc for (_, kc), (_, vc) in pairs):
            return {k: v for (k, _), (v, _) in pairs}, True
        return value, False
    if isinstance(value, (list, tuple)):
        items = [scrub_value(v) for v in value]
        if any(changed for _, changed in items):
            return type(value)(v for v, _ in items), True
        return value, False
    return value, False
