"""Journey: a citizen pays a dossier's fee online, for real, across loopback HTTP.

The app is served by waitress on one loopback port, the development gateway
on another.  The citizen starts the payment, the gateway shows its page,
the citizen pays; the gateway POSTs the signed notification to the app over
HTTP and sends the browser back; reception can then receive the dossier and
both the payment receipt and the receipt slip exist.  The same notification
sent again, a forged one and a cancelled payment change nothing.
"""
import http.cookiejar
import json
import re
import shutil
import threading
import urllib.error
import urllib.request
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import transaction
import waitress.server
from samples import pdf_text

from tthc_docs.payments import devgateway
from tthc_docs.site.content import get_site

from payment_helpers import file_dossier

MERCHANT, SECRET = "TTHCDEV", "journey-secret-0123456789abcdef0123"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Keep 3xx answers visible: the test follows them itself."""

    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie-keeping HTTP client speaking to the real servers."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())
        self.csrf = ""

    def call(self, method, url, body=None, form=None, accept="application/json", host=None):
        headers = {"Accept": accept}
        if host:
            headers["Host"] = host
        data = None
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        elif form is not None:
            data = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with self.opener.open(req, timeout=30) as res:
                return res.status, dict(res.headers), res.read()
        except urllib.error.HTTPError as err:
            return err.code, dict(err.headers), err.read()

    def login(self, base, name):
        status, _, body = self.call("POST", base + "/@@login",
                                    {"login": name, "password": "demo-password"})
        assert status == 200, body
        self.csrf = json.loads(body)["csrf_token"]
        return self


def serve(app):
    """Serve ``app`` with waitress on a free loopback port, in a thread."""
    server = waitress.server.create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.effective_port}"


def make_app(template_dir, settings, folder, **extra):
    """The real app on a private copy of the demo database, with payment settings."""
    from tthc_docs import main
    for name in ("Data.fs", "Data.fs.index"):
        if (template_dir / name).exists():
            shutil.copy2(template_dir / name, folder / name)
    shutil.copytree(template_dir / "blobs", folder / "blobs")
    return main({}, **dict(settings, **{
        "zodbconn.uri": f"file://{folder}/Data.fs?blobstorage_dir={folder}/blobs",
        "tthc_docs.payment.merchant": MERCHANT, "tthc_docs.payment.secret": SECRET}, **extra))


@pytest.fixture(scope="module")
def servers(template_dir, settings, tmp_path_factory):
    """(app base URL, gateway, gateway base URL, database): two servers, two ports."""
    gateway = devgateway.DevGateway({MERCHANT: SECRET})
    gateway_server, gateway_base = serve(gateway)
    app = make_app(template_dir, settings, tmp_path_factory.mktemp("pay-db"),
                   **{"tthc_docs.payment.gateway_url": gateway_base + "/pay"})
    app_server, app_base = serve(app)
    # The port is known once bound; settings are read per request.
    app.registry.settings["tthc_docs.public_url"] = app_base
    yield app_base, gateway, gateway_base, app.registry._zodb_databases[""]
    app_server.close()
    gateway_server.close()


def new_dossier(db):
    """A fresh dossier of citizen1 with an online fee due; its code."""
    tm = transaction.TransactionManager(explicit=True)
    conn = db.open(transaction_manager=tm)
    try:
        with tm:
            return file_dossier(get_site(conn)).code
    finally:
        conn.close()


def pay(app_base, code, decision="pay"):
    """The citizen's path through the gateway; returns (browser, return URL, its answer)."""
    citizen = Browser().login(app_base, "citizen1")
    status, _, body = citizen.call("POST", f"{app_base}/dossiers/{code}/@@pay")
    assert status == 200, body
    status, _, page = citizen.call("GET", json.loads(body)["redirect"], accept="text/html")
    assert status == 200, page
    payload = unescape(re.search(r'name="request" value="([^"]*)"', page.decode()).group(1))
    gateway_url = json.loads(body)["redirect"].split("?")[0]
    status, headers, _ = citizen.call("POST", gateway_url,
                                      form={"request": payload, "decision": decision})
    assert status == 303
    return citizen, headers["Location"], citizen.call("GET", headers["Location"])


def dossier_json(browser, app_base, code):
    status, _, body = browser.call("GET", f"{app_base}/dossiers/{code}")
    assert status == 200, body
    return json.loads(body)


@pytest.fixture(scope="module")
def paid(servers):
    """One dossier paid: (code, citizen, return answer, notification sent, return URL)."""
    app_base, gateway, _, db = servers
    code = new_dossier(db)
    citizen, location, back = pay(app_base, code)
    return code, citizen, back, gateway.notifications[-1], location


def test_notification_crossed_loopback_and_was_accepted(paid):
    sent = paid[3]
    assert (sent["status"], sent["body"]["RspCode"]) == (200, "00")


def test_return_page_says_paid(paid):
    status, _, body = paid[2]
    assert status == 200 and json.loads(body)["paid"] is True


def test_return_page_in_html_says_so(paid):
    citizen, location = paid[1], paid[4]
    status, _, page = citizen.call("GET", location, accept="text/html")
    assert status == 200 and "Thanh toán thành công" in page.decode()


def test_dossier_shows_the_fee_paid(servers, paid):
    code, citizen = paid[0], paid[1]
    assert dossier_json(citizen, servers[0], code)["fee"]["paid"] is True


def test_reception_can_receive_once_paid(servers, paid):
    app_base, code = servers[0], paid[0]
    reception = Browser().login(app_base, "reception1")
    status, _, body = reception.call("POST", f"{app_base}/dossiers/{code}/@@transition",
                                     {"action": "receive", "note": ""})
    assert status == 200 and json.loads(body)["status"] == "received", body


def test_payment_receipt_names_amount_and_code(servers, paid):
    code, citizen = paid[0], paid[1]
    status, headers, data = citizen.call("GET", f"{servers[0]}/dossiers/{code}/@@payment-receipt")
    assert status == 200 and "4.000 đồng" in pdf_text(data) and code in pdf_text(data)


def test_replayed_notification_is_refused_over_http(servers, paid):
    app_base, code, sent = servers[0], paid[0], paid[3]
    before = dossier_json(paid[1], app_base, code)["history"]
    status, _, body = Browser().call("POST", app_base + "/@@payment-notify", form=sent["params"])
    after = dossier_json(paid[1], app_base, code)["history"]
    assert (status, json.loads(body)["RspCode"], after) == (409, "94", before)


def test_forged_notification_is_refused_over_http(servers, paid):
    forged = dict(paid[3]["params"], vnp_Nonce="forged-nonce", vnp_Amount="100")
    status, _, body = Browser().call("POST", servers[0] + "/@@payment-notify", form=forged)
    assert (status, json.loads(body)["RspCode"]) == (403, "97")


def test_unpaid_dossier_cannot_be_received(servers):
    app_base, _, _, db = servers
    code = new_dossier(db)
    reception = Browser().login(app_base, "reception1")
    status, _, _ = reception.call("POST", f"{app_base}/dossiers/{code}/@@transition",
                                  {"action": "receive", "note": ""})
    assert status == 409


def test_cancelled_payment_leaves_the_dossier_unpaid(servers):
    app_base, _, _, db = servers
    code = new_dossier(db)
    citizen, _, (status, _, body) = pay(app_base, code, decision="cancel")
    assert json.loads(body)["success"] is False
    assert dossier_json(citizen, app_base, code)["fee"]["paid"] is False


def test_pay_page_form_sends_the_browser_to_the_gateway(servers):
    app_base, _, gateway_base, db = servers
    code = new_dossier(db)
    citizen = Browser().login(app_base, "citizen1")
    _, _, page = citizen.call("GET", f"{app_base}/dossiers/{code}/@@pay", accept="text/html")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.decode()).group(1)
    status, headers, _ = citizen.call("POST", f"{app_base}/dossiers/{code}/@@pay",
                                      form={"csrf_token": token}, accept="text/html")
    assert status == 303 and headers["Location"].startswith(gateway_base + "/pay?")


@pytest.fixture(scope="module")
def one_server(template_dir, settings, tmp_path_factory):
    """``make run``'s arrangement: the dev gateway mounted at /_devgateway/ of the app."""
    app = make_app(template_dir, settings, tmp_path_factory.mktemp("one-db"),
                   **{"tthc_docs.payment.dev_gateway": "true",
                      "tthc_docs.payment.gateway_url": "http://127.0.0.1:1/unbound"})
    server, base = serve(app)
    # The port is known once bound; settings are read per request.
    app.registry.settings["tthc_docs.payment.gateway_url"] = base + "/_devgateway/pay"
    app.registry.settings["tthc_docs.public_url"] = base
    yield base, app
    server.close()


def test_mounted_dev_gateway_notifies_its_own_server(one_server):
    base, app = one_server
    code = new_dossier(app.registry._zodb_databases[""])
    _, _, (status, _, body) = pay(base, code)
    assert (status, json.loads(body)["paid"]) == (200, True)


def test_dev_gateway_is_not_served_unless_enabled(servers):
    status, _, _ = Browser().call("GET", servers[0] + "/_devgateway/pay")
    assert status == 404


def test_the_gateway_calls_back_at_the_public_address_whatever_the_host_header(servers):
    """A forged Host must not send the payment's notification (or the citizen) elsewhere."""
    app_base, _, _, db = servers
    code = new_dossier(db)
    citizen = Browser().login(app_base, "citizen1")
    status, _, body = citizen.call("POST", f"{app_base}/dossiers/{code}/@@pay",
                                   host="portal.attacker.example")
    assert status == 200, body
    query = parse_qs(urlsplit(json.loads(body)["redirect"]).query)
    assert query["vnp_ReturnUrl"] == [app_base + "/@@payment-return"]
    assert query["vnp_IpnUrl"] == [app_base + "/@@payment-notify"]
