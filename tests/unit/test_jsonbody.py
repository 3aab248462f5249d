"""``loads_bounded``: JSON bodies with a bounded size, depth and only real text."""
import json
import time

import pytest

from tthc_docs import errors
from tthc_docs.web.jsonbody import loads_bounded, nesting_depth


def test_an_ordinary_body_is_read():
    body = {"data": {"ho_ten": "Nguyễn Thị Lan", "so": [1, 2, {"a": None}]}, "ok": True}
    assert loads_bounded(json.dumps(body).encode()) == body


def test_a_deep_nesting_is_400_before_the_parser_recurses():
    with pytest.raises(errors.BadRequest, match="sâu"):
        loads_bounded(b"[" * 1000 + b"]" * 1000)


def test_a_deep_nesting_far_past_the_recursion_limit_is_refused_fast():
    raw = b"[" * 500_000 + b"]" * 500_000
    started = time.monotonic()
    with pytest.raises(errors.BadRequest):
        loads_bounded(raw, max_bytes=2_000_000)
    assert time.monotonic() - started < 0.5


def test_objects_count_as_nesting_too():
    with pytest.raises(errors.BadRequest):
        loads_bounded(b'{"a":' * 40 + b"1" + b"}" * 40)


def test_the_depth_limit_itself_is_allowed():
    assert loads_bounded(b"[" * 32 + b"]" * 32, max_depth=32) is not None
    with pytest.raises(errors.BadRequest):
        loads_bounded(b"[" * 33 + b"]" * 33, max_depth=32)


def test_brackets_inside_strings_do_not_count():
    raw = json.dumps({"note": "[" * 5000, "quote": 'a "[[[[" b\\'}).encode()
    assert nesting_depth(raw, 100) == 1
    assert loads_bounded(raw)["note"] == "[" * 5000


def test_a_body_over_the_size_is_413():
    with pytest.raises(errors.TooLarge):
        loads_bounded(b'{"a": "' + b"x" * 2000 + b'"}', max_bytes=1000)


def test_a_lone_surrogate_is_422_naming_the_field():
    with pytest.raises(errors.Invalid) as caught:
        loads_bounded(b'{"profile": {"full_name": "Lan \\ud800"}}')
    assert list(caught.value.fields) == ["profile.full_name"]


def test_a_lone_surrogate_in_a_list_or_a_key_is_422():
    with pytest.raises(errors.Invalid) as caught:
        loads_bounded(b'{"notes": ["ok", "\\udfff"]}')
    assert list(caught.value.fields) == ["notes.1"]
    with pytest.raises(errors.Invalid):
        loads_bounded(b'{"\\ud800": 1}')


@pytest.mark.parametrize("escape", [b"\\uD800", b"\\uDbFf", b"\\uDC00", b"\\udfff", b"\\uDE00"])
def test_a_lone_surrogate_is_422_however_its_escape_is_written(escape):
    with pytest.raises(errors.Invalid) as caught:
        loads_bounded(b'{"a": [{"b": "x' + escape + b'"}]}')
    assert list(caught.value.fields) == ["a.0.b"]


def test_text_that_only_looks_like_an_escape_is_ordinary_text():
    assert loads_bounded(b'{"path": "C:\\\\ud800"}') == {"path": "C:\\ud800"}


def test_a_real_surrogate_pair_is_an_ordinary_character():
    assert loads_bounded(b'{"emoji": "\\ud83d\\ude00"}') == {"emoji": "\U0001F600"}


@pytest.mark.parametrize("raw", [b"\xff\xfe{}", b'{"a": 1', b"NaN", b'{"a": Infinity}',
                                 b'{"n": ' + b"9" * 5000 + b"}", b""])
def test_what_is_not_json_is_400(raw):
    with pytest.raises(errors.BadRequest):
        loads_bounded(raw)
