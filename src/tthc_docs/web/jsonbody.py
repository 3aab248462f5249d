"""A JSON reader for untrusted request bodies: bounded size, depth and text.

``json.loads`` recurses once per nesting level, so ``'[' * 1000`` raised
RecursionError (a 500) on every JSON endpoint; and it accepts lone UTF-16
surrogates (``"\\ud800"``), which then made every HTML page showing the
text fail to encode, for good.  ``loads_bounded`` refuses both before they
reach a view: the size first, then the nesting by a cheap scan that never
recurses, then the parse, then every string (keys too) for surrogates,
when the text has an escape that could spell one.

Pure: no web imports; it raises the shared domain errors (400, 413, 422).
"""
import json
import re

from tthc_docs.errors import BadRequest, Invalid, TooLarge, Words
from tthc_docs.text.surrogates import has_surrogate

#: Defaults for callers that have no better numbers.
MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
#: The only way JSON text that is valid UTF-8 can spell a surrogate: a ``\\uD800``-``\\uDFFF``
#: escape (UTF-8 itself refuses surrogates, so ``_parse`` already did).
_SURROGATE_ESCAPE = re.compile(rb'\\u[dD][89abcdefABCDEF]')
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_OPENERS = frozenset(b"[{")


def nesting_depth(raw, limit):
    """The deepest nesting of ``raw`` (JSON bytes), scanning no further than ``limit`` + 1.

    Strings are removed first so that brackets inside them do not count.
    """
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKET)
    depth = deepest = 0
    for byte in brackets:
        depth += 1 if byte in _OPENERS else -1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def _refuse_constant(name):
    raise ValueError(f"{name} không phải giá trị JSON")


def _parse(raw):
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        raise BadRequest("JSON không hợp lệ: nội dung không phải văn bản UTF-8.") from None
    except (ValueError, RecursionError) as exc:
        raise BadRequest(Words("JSON không hợp lệ: ${reason}", reason=str(exc)[:200])) from None


def find_surrogate(value, max_depth=MAX_DEPTH):
    """The path (``"notes.0.text"``) of the first string holding a lone surrogate, or None."""
    stack = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            if has_surrogate(item):
                return path or "(gốc)"
        elif isinstance(item, dict):
            for key, child in item.items():
                where = f"{path}.{key}" if path else str(key)
                if has_surrogate(key):
                    return where.encode("utf-8", "replace").decode("utf-8")
                stack.append((where, child))
        elif isinstance(item, list):
            stack.extend((f"{path}.{i}" if path else str(i), child)
                         for i, child in enumerate(item))
    return None


def loads_bounded(raw: bytes, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH):
    """The JSON value in ``raw``, or the domain error that says what is wrong with it.

    413 over ``max_bytes``; 400 for text that is not UTF-8, not JSON, or nested
    deeper than ``max_depth``; 422 naming the field whose text holds a lone
    surrogate (it cannot be stored, shown or encoded as UTF-8).
    """
    if len(raw) > max_bytes:
        raise TooLarge(Words("Nội dung JSON quá lớn (tối đa ${n} byte).", n=max_bytes))
    if nesting_depth(raw, max_depth) > max_depth:
        raise BadRequest(Words("JSON lồng nhau quá sâu (tối đa ${n} cấp).", n=max_depth))
    value = _parse(raw)
    # the walk over every string only when the text escapes a surrogate (issue 15)
    where = find_surrogate(value) if _SURROGATE_ESCAPE.search(raw) else None
    if where is not None:
        message = "Văn bản chứa ký tự không hợp lệ (nửa cặp UTF-16 đơn lẻ)."
        raise Invalid(message, {where: message})
    return value
