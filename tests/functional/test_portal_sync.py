"""Every event reaches the development portal exactly once, through faults and a kill.

A real waitress server on loopback serves the app (with the development
portal mounted at ``/_devportal/``); the relay runs as its own process
(``tthc-docs sync``), is SIGKILLed in the middle and started again. The
portal is told to fail (500), to hold its answer past the relay's timeout,
to answer the same message twice, and to refuse one as malformed (a dead
letter the admin replays). At the end the portal holds each event once, in
the dossier's order, and the outbox has nothing left.
"""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from tthc_docs.sync.devportal import DevPortal
from payment_helpers import file_dossier, receive

CLIENT, SECRET, RELAY = "H55-TEST", "portal-secret-" + "p" * 30, "relay-secret-" + "r" * 30
pytestmark = pytest.mark.slow


@pytest.fixture
def portal(app, live_server, monkeypatch, tmp_path):
    host, port = live_server
    base = f"http://{host}:{port}"
    for key, value in {"dev_portal": "true", "client": CLIENT, "secret": SECRET,
                       "relay_secret": RELAY, "url": base + "/_devportal/api/events",
                       "timeout_seconds": "1", "backoff": "0.2 1"}.items():
        monkeypatch.setitem(app.registry.settings, "tthc_docs.portal." + key, value)
    dev = DevPortal({CLIENT: SECRET}, str(tmp_path / "devportal.fs"))
    monkeypatch.setattr(app.registry, "tthc_dev_portal", dev, raising=False)
    ini = tmp_path / "sync.ini"
    ini.write_text(f"""[app:main]
use = egg:tthc-docs
zodbconn.uri = memory://
tthc_docs.session_secret = {"s" * 40}
tthc_docs.portal.url = {base}/_devportal/api/events
tthc_docs.portal.client = {CLIENT}
tthc_docs.portal.secret = {SECRET}
tthc_docs.portal.relay_secret = {RELAY}
tthc_docs.portal.app_url = {base}
tthc_docs.public_url = {base}
tthc_docs.portal.timeout_seconds = 1
tthc_docs.portal.rate = 50
""")
    yield base, ini, dev
    dev.close()


def start_relay(ini):
    return subprocess.Popen([sys.executable, "-m", "tthc_docs.cli", "sync", str(ini),
                             "--poll", "0.1"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=dict(os.environ))


def status(admin):
    return admin.get("/outbox", headers={"Accept": "application/json"}).json


def wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def arm(base, mode, count=1, delay=0):
    req = urllib.request.Request(base + "/_devportal/faults", method="POST",
                                 data=json.dumps({"mode": mode, "count": count,
                                                  "delay": delay}).encode(),
                                 headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=5).read()


def portal_events(base, code):
    with urllib.request.urlopen(f"{base}/_devportal/dossiers/{code}", timeout=5) as answer:
        return json.loads(answer.read())["events"]


def test_every_event_is_delivered_once_through_faults_and_a_kill(portal, login, edit_site):
    base, ini, _dev = portal
    reception, admin = login("reception1"), login("admin")
    with edit_site() as site:
        dossier = file_dossier(site)
        receive(site, dossier)                   # filed, payment, received
        code = dossier.code
    arm(base, "fail", 2)
    arm(base, "twice", 1)
    arm(base, "timeout", 1, delay=1.5)
    arm(base, "malformed", 1)
    relay = start_relay(ini)
    try:
        assert wait_for(lambda: status(admin)["delivered"] >= 3)
        relay.send_signal(signal.SIGKILL)        # killed mid-delivery
        relay.wait(10)
        reception.post_json(f"/dossiers/{code}/@@transition", {"action": "forward"})
        relay = start_relay(ini)
        assert wait_for(lambda: status(admin)["pending"] == 0)
        dead = status(admin)["dead_letters"]
        assert len(dead) == 1 and "422" in dead[0]["last_error"]
        assert status(admin)["share"]["value"] < 1
        replayed = admin.post_json("/outbox/@@replay", {"keys": [dead[0]["key"]]}).json
        assert replayed["replayed"] == [dead[0]["key"]]
        assert wait_for(lambda: status(admin)["pending"] == 0 and not status(admin)["dead_letters"])
    finally:
        relay.send_signal(signal.SIGTERM)
        relay.wait(10)
    final = status(admin)
    assert final["share"]["value"] == 1 and final["alert"] is False
    events = portal_events(base, code)
    keys = [e["key"] for e in events]
    assert len(keys) == len(set(keys))
    assert [e["status"] for e in events][:3] == ["submitted", "submitted", "received"]
    assert [e["seq"] for e in events] == sorted(e["seq"] for e in events) == list(
        range(1, len(events) + 1))
    assert events[-1]["event"] == "handover" and events[-1]["status"] == "processing"


def test_the_sync_share_is_the_indicator_the_decision_defines(login):
    """The outbox's share carries the id of the indicator counted from the same figures."""
    from tthc_docs.indicators.decision import INDICATORS
    synced = [i.id for i in INDICATORS if i.num == "synced"]
    admin = login("admin")
    assert [status(admin)["share"]["indicator"]] == synced
    labels = [dt.get_text() for dt in admin.get("/outbox").html.select("dt")]
    assert f"Tỷ lệ hồ sơ được đồng bộ (chỉ số {synced[0]})" in labels
