"""Permission matrix of complaints and suggestions and of the portal sync's admin page.

One item of citizen1's about a demo dossier (``fresh``: received, not
answered) and one already answered and published (``done``).
"""
import pytest
from matrix import ROLES, cases, client_for, everyone, only, parametrize, request_as

from tthc_docs import timeutil
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.feedback.filing import file_feedback
from payment_helpers import file_dossier

OFFICERS = ["reception1", "specialist1", "leader1"]

MATRIX = [
    ("GET", "/@@feedback", None, everyone(200)),
    ("POST", "/@@feedback", {"subject": "dossier", "ref": "{code}", "text": "Góp ý"},
     only({"citizen1": 201}) | {"anonymous": 401}),
    ("GET", "/feedback/", None, everyone(200)),
    ("GET", "/feedback/@@queue", None, only(OFFICERS)),
    ("GET", "/feedback/{fresh}", None, only(["citizen1", *OFFICERS])),
    ("GET", "/feedback/{done}", None, everyone(200)),
    ("POST", "/feedback/{fresh}/@@acknowledge", {}, only(OFFICERS)),
    ("POST", "/feedback/{fresh}/@@answer", {"text": "Trả lời"}, only(OFFICERS)),
    ("POST", "/feedback/{fresh}/@@rate", {"score": 5}, only({"citizen1": 409})),
    ("POST", "/feedback/{done}/@@rate", {"score": 5}, only({"citizen1": 200})),
    ("GET", "/outbox", None, only(["admin"])),
    ("POST", "/outbox/@@replay", {"keys": []}, only(["admin"])),
    ("GET", "/outbox/@@batch", None, everyone(409)),   # no relay secret configured
]

CASES = cases(MATRIX, ROLES)


@pytest.fixture
def items(edit_site):
    with edit_site() as site:
        code = file_dossier(site).code
        citizen, now = site["people"]["citizen1"], timeutil.now()
        payload = {"subject": "dossier", "ref": code, "text": "Góp ý", "public": True}
        fresh = file_feedback(site, citizen, payload, now, calendar_for(site))
        done = file_feedback(site, citizen, payload, now, calendar_for(site))
        done.reply("Đã trả lời.", "reception1", now)
        return {"code": code, "fresh": fresh.id, "done": done.id}


def _fill(value, items):
    if isinstance(value, str):
        return value.format(**items)
    if isinstance(value, dict):
        return {k: _fill(v, items) for k, v in value.items()}
    return value


@parametrize(CASES)
def test_permission(role, method, url, body, status, items, anon, login):
    res = request_as(client_for(role, anon, login), method, url.format(**items), _fill(body, items))
    assert res.status_int == status, res.text[:300]
