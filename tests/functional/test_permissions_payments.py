"""Permission matrix of payments and slips: every role against @@pay, receipts and slips.

Two dossiers of citizen1 at the demo agency: ``fresh`` (submitted, fee due)
and ``received`` (paid, then received by reception1).  The owner and the
handling agency's officers may read slips; only the owner may pay; the
gateway endpoints need no login (the notification is HMAC-signed instead).
"""
import pytest
from matrix import ROLES, cases, client_for, everyone, only, parametrize, request_as

from payment_helpers import file_dossier, receive

PAYMENT_SETTINGS = {
    "tthc_docs.payment.gateway_url": "http://127.0.0.1:9/_devgateway/pay",
    "tthc_docs.payment.merchant": "TTHCTEST",
    "tthc_docs.payment.secret": "test-payment-secret-0123456789abcdef",
}
OFFICERS = {"reception1", "specialist1", "leader1"}


READERS = only(["citizen1", *OFFICERS])
OWNER_AND_OFFICERS = {"citizen1", *OFFICERS}

# (method, url with {fresh}/{received}, body, {role: expected status}); no POST has a body
MATRIX = [
    ("GET", "/dossiers/{received}/@@slip/receipt", None, READERS),
    ("GET", "/dossiers/{received}/@@slip/control", None, READERS),
    ("GET", "/dossiers/{fresh}/@@slip/receipt", None, only(OWNER_AND_OFFICERS, 409)),
    ("GET", "/dossiers/{received}/@@slip/refusal", None, only(OWNER_AND_OFFICERS, 409)),
    ("GET", "/dossiers/{received}/@@slip/invoice", None, only(OWNER_AND_OFFICERS, 404)),
    ("GET", "/dossiers/{received}/@@payment-receipt", None, READERS),
    ("GET", "/dossiers/{fresh}/@@payment-receipt", None, only(OWNER_AND_OFFICERS, 409)),
    ("GET", "/dossiers/{fresh}/@@pay", None, READERS),
    ("POST", "/dossiers/{fresh}/@@pay", None, only({"citizen1": 200})),
    ("POST", "/dossiers/{received}/@@pay", None, only({"citizen1": 409})),
    ("POST", "/dossiers/{fresh}/@@payment-counter", None, only({"reception1": 200})),
    ("POST", "/dossiers/{received}/@@payment-counter", None, only({"reception1": 409})),
    ("GET", "/@@payment-return", None, everyone(400)),
    ("POST", "/@@payment-notify", None, everyone(403)),
]

CASES = cases(MATRIX, ROLES)


@pytest.fixture
def payment_settings(app, monkeypatch):
    for key, value in PAYMENT_SETTINGS.items():
        monkeypatch.setitem(app.registry.settings, key, value)


@pytest.fixture
def dossiers(edit_site, payment_settings):
    with edit_site() as site:
        fresh = file_dossier(site).code
        received = file_dossier(site, channel="counter")
        receive(site, received)
        return {"fresh": fresh, "received": received.code}


@parametrize(CASES)
def test_permission(role, method, url, body, status, dossiers, anon, login):
    res = request_as(client_for(role, anon, login), method, url.format(**dossiers), body)
    assert res.status_int == status, res.text[:300]
