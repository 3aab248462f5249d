"""An editor's validation pattern cannot stall the server: RE2 runs it, or it is refused.

``(a+)+b`` on 26 characters took 1.6 s per submission under Python's engine.
"""
import time

import pytest

from dossier_support import clock, docs, procedure_data  # noqa: F401  (fixtures)

JSON = {"Accept": "application/json"}
CODE = "9.990078"
FORM = "to-khai-mau"
FIELD = {"name": "ma", "title": "Mã", "type": "text", "required": True,
         "pattern": "(a+)+b", "pattern_hint": "Mã kết thúc bằng b."}


def test_a_pattern_re2_cannot_compile_is_422_naming_the_field(login):
    fields = [dict(FIELD, pattern=r"(\d)\1")]
    res = login("editor1").post_json("/forms/", {"name": "to-khai-x", "title": "T",
                                                 "fields": fields}, headers=JSON, status=422)
    assert "fields.0.pattern" in res.json["error"]["fields"]


@pytest.fixture
def patterned(edit_site, clock):
    with edit_site() as site:
        site["forms"].create(FORM, "Tờ khai có mẫu", [FIELD], by="editor1")
        site["forms"][FORM].publish(by="editor1")
        site["procedures"].create(dict(procedure_data(CODE, 0), form=FORM), "editor1")
        site["procedures"].publish(CODE, "editor1")


def test_a_catastrophic_pattern_answers_422_at_once(login, patterned, docs):
    client = login("citizen1")
    body = {"data": {"ma": "a" * 26},
            "attachments": {"khai-sinh": docs["giay-khai-sinh"], "cu-tru": docs["xac-nhan-cu-tru"]}}
    started = time.monotonic()
    res = client.post_json(f"/procedures/{CODE}/@@apply", body, headers=JSON, status=422)
    assert time.monotonic() - started < 1
    assert res.json["error"]["fields"]["ma"] == "Mã kết thúc bằng b."
