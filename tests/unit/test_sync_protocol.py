"""The dossier-sync protocol's signature, window and message checks; the retry policy."""
import json
from datetime import datetime, timedelta

import pytest

from tthc_docs import timeutil
from tthc_docs.sync import policy, protocol

SECRET = "portal-secret-0123456789"
NOW = datetime(2026, 4, 24, 9, 0, tzinfo=timeutil.VN_TZ)
BODY = json.dumps({"key": "X:1:abc"}).encode()


def test_a_signed_body_within_the_window_passes():
    headers = protocol.signed_headers(SECRET, "H55", BODY, NOW)
    assert protocol.check_signature(headers, BODY, SECRET, NOW + timedelta(seconds=299), 300) is None


@pytest.mark.parametrize("change", ["body", "secret", "signature", "missing"])
def test_a_forged_message_is_refused(change):
    headers = protocol.signed_headers(SECRET, "H55", BODY, NOW)
    body, secret = BODY, SECRET
    if change == "body":
        body = BODY.replace(b"1", b"2")
    elif change == "secret":
        secret = SECRET + "x"
    elif change == "signature":
        headers[protocol.HEADER_SIGNATURE] = "0" * 64
    else:
        del headers[protocol.HEADER_SIGNATURE]
    assert protocol.check_signature(headers, body, secret, NOW, 300)


def test_a_replayed_message_outside_the_window_is_refused():
    headers = protocol.signed_headers(SECRET, "H55", BODY, NOW)
    reason = protocol.check_signature(headers, BODY, SECRET, NOW + timedelta(seconds=301), 300)
    assert "khoảng" in reason


def test_a_changed_timestamp_breaks_the_signature():
    headers = protocol.signed_headers(SECRET, "H55", BODY, NOW)
    headers[protocol.HEADER_TIMESTAMP] = str(int(NOW.timestamp()) + 600)
    assert protocol.check_signature(headers, BODY, SECRET, NOW + timedelta(seconds=600), 300) \
        == "sai chữ ký"


def test_the_key_names_the_dossier_and_changes_with_the_content():
    body = {"seq": 3, "event": "received", "status": "received"}
    key = protocol.key_for("000.00.20.H55-260424-0001", 3, body)
    assert protocol.split_key(key) == ("000.00.20.H55-260424-0001", 3)
    assert key == protocol.key_for("000.00.20.H55-260424-0001", 3, dict(body))
    assert key != protocol.key_for("000.00.20.H55-260424-0001", 3, dict(body, status="processing"))


def test_a_message_without_its_codes_is_malformed():
    found = protocol.problems({"key": "nonsense", "seq": "1", "status": "lost", "event": "x"})
    assert {"dossier_code", "procedure_code", "agency_code", "key", "seq", "status",
            "event"} <= set(found)


@pytest.mark.parametrize("attempt, low, high", [(1, 1, 2), (2, 2, 4), (5, 16, 32), (20, 300, 600)])
def test_backoff_doubles_with_jitter_up_to_the_cap(attempt, low, high):
    assert policy.backoff(attempt, 2, 600, rand=lambda: 0.0) == low
    assert policy.backoff(attempt, 2, 600, rand=lambda: 1.0) == high


def test_the_rate_limit_spaces_sends():
    clock, slept = [0.0], []

    def sleep(seconds):
        slept.append(seconds)
        clock[0] += seconds
    limit = policy.RateLimit(2, burst=1, clock=lambda: clock[0], sleep=sleep)
    for _ in range(5):
        limit.wait()
    assert clock[0] == pytest.approx(2.0)
