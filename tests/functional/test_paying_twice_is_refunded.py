"""Money taken twice is seen and given back, across loopback HTTP to the dev gateway.

Two attempts for one dossier could both be paid, and a second success was
answered "02 already confirmed" with nothing recorded: the money was kept
unseen.  Now a dossier has one open attempt at a time; every successful
notification is recorded; one for a dossier already paid is flagged for
refund, listed for admins at ``/@@refunds``, and refunded through the
gateway's signed refund call.
"""
import json
import re
from html import unescape

import pytest

from test_citizen_pays_online import Browser, new_dossier, servers  # noqa: F401


def gateway_form(app_base, citizen, code):
    """Start the payment; the gateway page's hidden request and the pay URL."""
    status, _, body = citizen.call("POST", f"{app_base}/dossiers/{code}/@@pay")
    assert status == 200, body
    redirect = json.loads(body)["redirect"]
    _, _, page = citizen.call("GET", redirect, accept="text/html")
    payload = unescape(re.search(r'name="request" value="([^"]*)"', page.decode()).group(1))
    return redirect.split("?")[0], payload


@pytest.fixture(scope="module")
def paid_twice(servers):  # noqa: F811
    """A dossier whose one attempt the citizen completed twice at the gateway."""
    app_base, gateway, _, db = servers
    code = new_dossier(db)
    citizen = Browser().login(app_base, "citizen1")
    pay_url, payload = gateway_form(app_base, citizen, code)
    for _ in range(2):   # a second tab, a double click on the gateway's button
        status, _, _ = citizen.call("POST", pay_url, form={"request": payload, "decision": "pay"})
        assert status == 303
    return code, gateway.notifications[-2:]


def admin(app_base):
    return Browser().login(app_base, "admin")


def test_a_second_attempt_while_one_is_open_is_409(servers):  # noqa: F811
    app_base, _, _, db = servers
    code = new_dossier(db)
    citizen = Browser().login(app_base, "citizen1")
    gateway_form(app_base, citizen, code)
    status, _, body = citizen.call("POST", f"{app_base}/dossiers/{code}/@@pay")
    assert status == 409
    assert "chưa kết thúc" in json.loads(body)["error"]["message"]


def test_both_payments_are_acknowledged_and_the_fee_is_paid_once(servers, paid_twice):  # noqa: F811
    app_base = servers[0]
    code, (first, second) = paid_twice
    assert (first["body"]["RspCode"], second["body"]["RspCode"]) == ("00", "00")
    _, _, body = Browser().login(app_base, "citizen1").call("GET", f"{app_base}/dossiers/{code}")
    fee = json.loads(body)["fee"]
    assert fee["paid"] is True
    assert json.loads(body)["payment"]["reference"] == first["params"]["vnp_TxnRef"]


def test_the_duplicate_is_listed_for_refund(servers, paid_twice):  # noqa: F811
    app_base = servers[0]
    code, (_, second) = paid_twice
    _, _, body = admin(app_base).call("GET", f"{app_base}/@@refunds")
    items = [i for i in json.loads(body)["items"] if i["dossier"] == code]
    assert [(i["transaction_no"], i["state"]) for i in items] == [
        (second["params"]["vnp_TransactionNo"], "due")]
    assert items[0]["amount"] == int(second["params"]["vnp_Amount"]) // 100


def test_the_admin_refunds_it_through_the_gateway_once(servers, paid_twice):  # noqa: F811
    app_base, gateway = servers[0], servers[1]
    code, (_, second) = paid_twice
    officer = admin(app_base)
    _, _, body = officer.call("GET", f"{app_base}/@@refunds")
    key = next(i["key"] for i in json.loads(body)["items"] if i["dossier"] == code)
    status, _, body = officer.call("POST", f"{app_base}/@@refunds", {"key": key})
    assert status == 200, body
    assert json.loads(body)["state"] == "refunded"
    assert gateway.payments[second["params"]["vnp_TransactionNo"]]["refunded"] is True
    status, _, _ = officer.call("POST", f"{app_base}/@@refunds", {"key": key})
    assert status == 409


def test_only_admins_see_refunds(servers):  # noqa: F811
    app_base = servers[0]
    status, _, _ = Browser().login(app_base, "reception1").call("GET", f"{app_base}/@@refunds")
    assert status == 403
