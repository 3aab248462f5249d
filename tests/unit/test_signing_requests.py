"""The two-step signing requests kept between the ask and the finish (``signing.pending``).

On a real (in-memory) ZODB: a request ends once, and what it leaves behind
is what the next ask needs (its drawn number) or the next poll (its results).
"""
import datetime

import pytest
import transaction
import ZODB

from tthc_docs.signing.pending import REFUSED, SIGNED, SigningRequest, SigningRequests

NOW = datetime.datetime(2026, 11, 30, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
CODE = "000.00.20.H55-261130-0001"


def _request(created=NOW, codes=(CODE,)):
    items = {code: {"result": {"number": "12/KQ", "issued_at": created}, "vault": "v-1",
                    "signed_attrs": b"", "digest": b"", "region": (0, 0)} for code in codes}
    return SigningRequest("leader1", codes, "cred-leader1", "svc-1", created,
                          created + datetime.timedelta(seconds=120), items)


@pytest.fixture
def registry():
    """A registry committed to a real (in-memory) ZODB; each test's transaction aborted."""
    db = ZODB.DB(None)
    tm = transaction.TransactionManager(explicit=True)
    conn = db.open(transaction_manager=tm)
    tm.begin()
    conn.root()["requests"] = SigningRequests()
    tm.commit()
    tm.begin()
    yield conn.root()["requests"], tm
    tm.abort()
    conn.close()
    db.close()


def test_a_request_kept_before_outcomes_were_recorded_reads_as_waiting(registry):
    requests, tm = registry
    kept = _request()
    requests.add(kept)
    tm.commit()
    tm.begin()
    assert "outcome" not in kept.__dict__           # the shape of a request of before
    assert requests.live_for(CODE, NOW) is kept and kept.waiting(NOW)


def test_a_refused_request_ends_at_once_and_keeps_its_number(registry):
    requests, tm = registry
    refused = _request()
    requests.add(refused)
    refused.end(REFUSED, NOW, "Lãnh đạo đã từ chối")
    tm.commit()
    tm.begin()
    assert requests.live_for(CODE, NOW) is None      # the leader may ask again at once
    assert requests.unsigned_number(CODE, NOW) == "12/KQ"
    assert (refused.outcome, refused.message) == (REFUSED, "Lãnh đạo đã từ chối")


def test_a_signed_request_answers_for_a_day_then_goes(registry):
    requests, tm = registry
    signed = _request()
    requests.add(signed)
    signed.end(SIGNED, NOW, results={CODE: {"vault": "v-1", "document": "d-1"}})
    assert requests.unsigned_number(CODE, NOW) is None   # its number is used
    requests.add(_request(NOW + datetime.timedelta(hours=23), codes=("other",)))
    assert requests.get(signed.id) is signed
    requests.add(_request(NOW + datetime.timedelta(days=1, minutes=1), codes=("third",)))
    assert requests.get(signed.id) is None
