"""The portal learns which desk received a dossier, beside the agency that settles it.

Location-independent filing (Decree 118/2025/NĐ-CP): a commune desk receives
a dossier the province centre settles. Every message the relay carries to the
national portal names both (``agency_code``, ``receiving_agency_code``). The
app is served by waitress on loopback with the development portal mounted;
the relay (``sync.sender.run``, as ``tthc-docs sync --once`` runs it) speaks
the real protocol to both over HTTP.
"""
import json
import threading
import urllib.request

import pytest
from desk_support import ANYWHERE, file_at, filed_at_the_commune_desk, setup_desk
from dossier_support import AGENCY, act, clock, docs  # noqa: F401

from tthc_docs.demo.agencies import PHAN_DINH_PHUNG
from tthc_docs.sync import policy, sender
from tthc_docs.sync.devportal import DevPortal
from tthc_docs.sync.portal import HttpPortal

CLIENT, SECRET, RELAY = "H55-TEST", "portal-secret-" + "p" * 30, "relay-secret-" + "r" * 30


@pytest.fixture
def portal(app, live_server, monkeypatch):
    """The loopback address of the app, with the development portal mounted and its store."""
    host, port = live_server
    base = f"http://{host}:{port}"
    for key, value in {"dev_portal": "true", "client": CLIENT, "secret": SECRET,
                       "relay_secret": RELAY, "url": base + "/_devportal/api/events"}.items():
        monkeypatch.setitem(app.registry.settings, "tthc_docs.portal." + key, value)
    dev = DevPortal({CLIENT: SECRET})
    monkeypatch.setattr(app.registry, "tthc_dev_portal", dev, raising=False)
    yield base
    dev.close()


def relay_once(base):
    """Carry everything due to the portal, as ``tthc-docs sync --once`` does."""
    sender.run(sender.AppClient(base, RELAY),
               HttpPortal(base + "/_devportal/api/events", CLIENT, SECRET, 5),
               policy.RateLimit(1000), threading.Event(), once=True)


def portal_events(base, code):
    with urllib.request.urlopen(f"{base}/_devportal/dossiers/{code}", timeout=5) as answer:
        return json.loads(answer.read())["events"]


def test_the_portal_gets_the_receiving_desk_beside_the_handling_agency(
        portal, app, edit_site, clock, docs):
    desk, code = filed_at_the_commune_desk(app, edit_site, docs)
    act(desk, code, "receive")
    relay_once(portal)
    events = portal_events(portal, code)
    assert [e["event"] for e in events] == ["filed", "received"]
    assert {(e["agency_code"], e["receiving_agency_code"]) for e in events} == {
        (AGENCY, PHAN_DINH_PHUNG)}


def test_a_dossier_received_by_its_own_agency_names_it_twice(portal, app, edit_site, clock, docs):
    from conftest import logged_in
    setup_desk(edit_site)
    code = file_at(logged_in(app, "reception1"), docs, ANYWHERE).json["code"]
    relay_once(portal)
    assert {(e["agency_code"], e["receiving_agency_code"])
            for e in portal_events(portal, code)} == {(AGENCY, AGENCY)}
