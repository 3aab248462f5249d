"""The development gateway: real HTTP notification over loopback, signed redirects."""
import json
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import pytest
from webtest import TestApp

from tthc_docs import timeutil
from tthc_docs.payments import devgateway, signing, vnpay
from tthc_docs.payments.base import PaymentRequest
from tthc_docs.timeutil import VN_TZ

SECRET = "dev-secret"
MERCHANT = "TTHCDEV"


@pytest.fixture(scope="module")
def loopback_merchant():
    """A loopback HTTP server standing in for the merchant's notify endpoint."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(dict(parse_qsl(body.decode())))
            answer = json.dumps({"RspCode": "00", "Message": "Confirm Success"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()
    server.server_close()


@pytest.fixture
def merchant_server(loopback_merchant):
    """The merchant server with nothing received yet."""
    loopback_merchant[1].clear()
    return loopback_merchant


@pytest.fixture
def gateway():
    return devgateway.DevGateway({MERCHANT: SECRET})


def pay_url(base, secret=SECRET, notify=None, amount=25_000):
    provider = vnpay.SignedRedirectGateway("http://127.0.0.1/pay", MERCHANT, secret)
    return provider.redirect_url(PaymentRequest(
        reference="000.00.20.H55-261127-0001_abc", amount=amount, description="Thanh toan",
        return_url=base + "/@@payment-return", notify_url=notify or base + "/@@payment-notify",
        client_ip="127.0.0.1", created_at=timeutil.now()))


def path_and_query(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def test_payment_page_shows_the_amount(gateway, merchant_server):
    page = TestApp(gateway).get(path_and_query(pay_url(merchant_server[0])))
    assert "25.000" in page.html.find(id="amount").text


def test_payment_page_refuses_a_bad_signature(gateway, merchant_server):
    TestApp(gateway).get(path_and_query(pay_url(merchant_server[0], secret="x")), status=400)


def test_payment_page_refuses_a_non_loopback_notify_url(gateway, merchant_server):
    url = pay_url(merchant_server[0], notify="http://example.org/notify")
    TestApp(gateway).get(path_and_query(url), status=400)


def test_paying_sends_a_signed_notification_over_http(gateway, merchant_server):
    base, received = merchant_server
    TestApp(gateway).get(path_and_query(pay_url(base))).forms[0].submit("decision", value="pay")
    assert signing.is_signed_by(received[0], SECRET) and received[0]["vnp_ResponseCode"] == "00"


def test_notification_carries_nonce_and_time(gateway, merchant_server):
    base, received = merchant_server
    TestApp(gateway).get(path_and_query(pay_url(base))).forms[0].submit("decision", value="pay")
    assert received[0]["vnp_Nonce"] and vnpay.parse_time(received[0]["vnp_NotifyDate"])


def test_browser_is_sent_back_with_signed_result(gateway, merchant_server):
    base, _ = merchant_server
    back = TestApp(gateway).get(path_and_query(pay_url(base))).forms[0].submit("decision", value="pay")
    params = dict(parse_qsl(urlsplit(back.location).query))
    assert back.location.startswith(base + "/@@payment-return") and signing.is_signed_by(params, SECRET)


def test_cancel_notifies_a_failure(gateway, merchant_server):
    base, received = merchant_server
    TestApp(gateway).get(path_and_query(pay_url(base))).forms[0].submit("decision", value="cancel")
    assert received[0]["vnp_ResponseCode"] != "00"


def test_gateway_records_the_merchant_answer(gateway, merchant_server):
    base, _ = merchant_server
    TestApp(gateway).get(path_and_query(pay_url(base))).forms[0].submit("decision", value="pay")
    sent = gateway.notifications[0]
    assert (sent["status"], sent["body"]) == (200, {"RspCode": "00", "Message": "Confirm Success"})


def test_expired_request_is_refused(gateway, merchant_server, monkeypatch):
    url = pay_url(merchant_server[0])
    monkeypatch.setattr(timeutil, "now", lambda: datetime(2099, 1, 1, tzinfo=VN_TZ))
    TestApp(gateway).get(path_and_query(url), status=400)


def test_loopback_check():
    assert [devgateway.is_loopback_url(u) for u in (
        "http://127.0.0.1:6543/x", "http://localhost/x", "http://[::1]/", "http://10.0.0.1/",
        "file:///etc/passwd")] == [True, True, True, False, False]
