"""Permission matrix of payments and slips: every role against @@pay, receipts and slips.

Two dossiers of citizen1 at the demo agency: ``fresh`` (submitted, fee due)
and ``received`` (paid, then received by reception1).  The owner and the
handling agency's officers may read slips; only the owner may pay; the
gateway endpoints need no login (the notification is HMAC-signed instead).
"""
import pytest

from payment_helpers import file_dossier, receive

ROLES = ["anonymous", "citizen1", "citizen2", "editor1", "reception1", "specialist1", "leader1",
         "admin"]
PAYMENT_SETTINGS = {
    "tthc_docs.payment.gateway_url": "http://127.0.0.1:9/_devgateway/pay",
    "tthc_docs.payment.merchant": "TTHCTEST",
    "tthc_docs.payment.secret": "test-payment-secret-0123456789abcdef",
}
OFFICERS = {"reception1", "specialist1", "leader1"}


def everyone(status, **over):
    return {**{r: status for r in ROLES}, **over}


READERS = everyone(403, anonymous=401, citizen1=200, **{o: 200 for o in OFFICERS})

# (method, url with {fresh}/{received}, {role: expected status})
MATRIX = [
    ("GET", "/dossiers/{received}/@@slip/receipt", READERS),
    ("GET", "/dossiers/{received}/@@slip/control", READERS),
    ("GET", "/dossiers/{fresh}/@@slip/receipt",
     everyone(403, anonymous=401, citizen1=409, **{o: 409 for o in OFFICERS})),
    ("GET", "/dossiers/{received}/@@slip/refusal",
     everyone(403, anonymous=401, citizen1=409, **{o: 409 for o in OFFICERS})),
    ("GET", "/dossiers/{received}/@@slip/invoice",
     everyone(403, anonymous=401, citizen1=404, **{o: 404 for o in OFFICERS})),
    ("GET", "/dossiers/{received}/@@payment-receipt", READERS),
    ("GET", "/dossiers/{fresh}/@@payment-receipt",
     everyone(403, anonymous=401, citizen1=409, **{o: 409 for o in OFFICERS})),
    ("GET", "/dossiers/{fresh}/@@pay", READERS),
    ("POST", "/dossiers/{fresh}/@@pay", everyone(403, anonymous=401, citizen1=200)),
    ("POST", "/dossiers/{received}/@@pay", everyone(403, anonymous=401, citizen1=409)),
    ("POST", "/dossiers/{fresh}/@@payment-counter",
     everyone(403, anonymous=401, reception1=200)),
    ("POST", "/dossiers/{received}/@@payment-counter",
     everyone(403, anonymous=401, reception1=409)),
    ("GET", "/@@payment-return", everyone(400)),
    ("POST", "/@@payment-notify", everyone(403)),
]

CASES = [(role, method, url, expected[role]) for method, url, expected in MATRIX for role in ROLES]


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


def client_for(role, anon, login):
    if role == "anonymous":
        token = anon.get("/@@me", headers={"Accept": "application/json"}).json["csrf_token"]
        anon.extra_environ["HTTP_X_CSRF_TOKEN"] = token
        return anon
    return login(role)


@pytest.mark.parametrize("role,method,url,status", CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_permission(role, method, url, status, dossiers, anon, login):
    client = client_for(role, anon, login)
    url = url.format(**dossiers)
    headers = {"Accept": "application/json"}
    if method == "GET":
        res = client.get(url, headers=headers, expect_errors=True)
    else:
        res = client.post(url, headers=headers, expect_errors=True)
    assert res.status_int == status, res.text[:300]
