"""The remote signing path for real: the development CSC service and the revocation server,
each served by waitress on its own loopback port, and the app pointed at them."""
import shutil
import threading
import time

import pytest
import json
import urllib.error
import urllib.request
import waitress.server

from dossier_support import AGENCY
from tthc_docs.people import totp
from tthc_docs.signing.csc_dev import DevCscService
from tthc_docs.signing.devpki import DevPki, LeaderSpec
from tthc_docs.signing.revocation import RevocationApp

TOKEN = "test-csc-token-0123456789"


def http_json(url, body=None):
    """(status, JSON) of a GET, or of a POST when ``body`` is given."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as res:
            return res.status, json.loads(res.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def serve(wsgi_app, threads=8):
    """``wsgi_app`` on a free loopback port in a daemon thread; (server, base URL)."""
    server = waitress.server.create_server(wsgi_app, host="127.0.0.1", port=0, threads=threads)
    threading.Thread(target=server.run, daemon=True).start()
    return server, f"http://127.0.0.1:{server.effective_port}"


@pytest.fixture(scope="module")
def remote_pki(tmp_path_factory):
    """A PKI whose certificates point at a live revocation server; the keys moved to the service.

    The app's PKI folder keeps no PKCS#12 file: with remote signing on,
    the application must not need the leaders' keys.
    """
    folder = tmp_path_factory.mktemp("remote-pki")
    server, base = serve(RevocationApp(folder / "pki"), threads=4)
    pki = DevPki(folder / "pki").create(
        [LeaderSpec("leader1", "Đặng Quốc Bảo", AGENCY,
                    "Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên", "Phó Giám đốc")],
        base_url=base)
    keys = folder / "service-keys"
    keys.mkdir()
    for path in pki.identity_paths("leader1"):
        shutil.move(str(path), keys / path.name)
    pki.keys_dir, pki.state_dir = keys, folder / "service-state"
    yield pki
    server.close()


@pytest.fixture(scope="module")
def csc_service(remote_pki):
    """The development CSC service with its test API, on its own port."""
    service = DevCscService(
        remote_pki.keys_dir, remote_pki.state_dir, token=TOKEN, wait_seconds=20,
        test_api=True, revoke=lambda cred: remote_pki.revoke(
            cred.identity, AGENCY, certificate=cred.cert))
    server, base = serve(service)
    service.base_url = base
    yield service
    server.close()


@pytest.fixture
def remote_signing(app, remote_pki, csc_service, monkeypatch):
    """The app signs through ``csc_service`` only (no local fallback) for this test."""
    csc_service.faults = {}
    with csc_service.lock:   # a request an earlier test gave up on is refused, not left waiting
        for request in csc_service.pending.values():
            request.outcome = "refused"
            request.done.set()
        csc_service.pending.clear()
    for cred in csc_service.credentials.values():
        # each test starts with an unused authenticator (replays have their own test)
        cred.revoked, cred.last_step = False, None
    settings = {"tthc_docs.pki_dir": str(remote_pki.dir),
                "tthc_docs.trust_roots": str(remote_pki.root_cert_path),
                "tthc_docs.csc.url": csc_service.base_url, "tthc_docs.csc.token": TOKEN,
                "tthc_docs.csc.timeout": "3", "tthc_docs.csc.approval_seconds": "15",
                "tthc_docs.signing.local_fallback": "false"}
    for key, value in settings.items():
        monkeypatch.setitem(app.registry.settings, key, value)
    return csc_service


def service_code(service, user="leader1"):
    """A code the service has not seen yet for the leader's authenticator (waits a step if need be)."""
    import pyotp
    cred = service.credentials[f"cred-{user}"]
    while True:
        now_step = int(time.time() // totp.STEP_SECONDS)
        step = max(now_step, (cred.last_step or 0) + 1)
        if step <= now_step + totp.VALID_WINDOW:
            return pyotp.TOTP(cred.secret).generate_otp(step)
        time.sleep(1)


class Phone(threading.Thread):
    """The leader's phone: waits for a request to appear, then approves (or refuses) it."""

    def __init__(self, service, approve=True, code=None, user="leader1"):
        super().__init__(daemon=True)
        self.service, self.approve, self.code, self.user = service, approve, code, user
        self.answers = []
        self.seen = None

    def run(self):
        base = self.service.base_url
        for _ in range(200):
            items = http_json(f"{base}/dev/pending?user={self.user}")[1]["items"]
            if items:
                self.seen = items[0]
                break
            time.sleep(0.05)
        else:
            return
        if self.approve:
            code = self.code or service_code(self.service, self.user)
            self.answers.append(http_json(f"{base}/dev/approve", {"user": self.user, "otp": code}))
        else:
            self.answers.append(http_json(f"{base}/dev/refuse", {"user": self.user}))
