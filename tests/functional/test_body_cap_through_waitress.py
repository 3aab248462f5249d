"""A body over the cap is answered 413 by a real waitress server, not 500.

WebTest let a ``Connection`` header through; waitress refuses hop-by-hop
headers from the app and answered 500 instead.  So these go through waitress
on loopback, with a small cap around the same router the session serves.
"""
import json

import pytest
from live_server import Client, serving

from tthc_docs.web.bodylimit import BodyLimit

CAP = 4096


@pytest.fixture
def capped(app, db):
    """A client to waitress serving the app behind a ``CAP``-byte body limit."""
    with serving(BodyLimit(app.app, CAP)) as address:
        yield Client(address)


def login_body(size):
    return json.dumps({"login": "a" * size, "password": "x"}).encode()


def test_a_declared_length_over_the_cap_is_413(capped):
    res = capped.request("POST", "/@@login", login_body(CAP * 2),
                         {"Content-Type": "application/json"})
    assert res.status == 413
    assert res.json["error"]["status"] == 413


def test_a_chunked_body_that_passes_the_cap_while_streaming_is_413(capped):
    chunks = (login_body(CAP * 2)[i:i + 1000] for i in range(0, CAP * 2 + 40, 1000))
    res = capped.request("POST", "/@@login", chunks,
                         {"Content-Type": "application/json"}, chunked=True)
    assert res.status == 413
    assert res.json["error"]["status"] == 413


def test_a_browser_gets_a_page_saying_how_much_is_allowed(capped):
    res = capped.request("POST", "/@@login", b"login=" + b"a" * CAP * 2,
                         {"Content-Type": "application/x-www-form-urlencoded",
                          "Accept": "text/html"})
    assert res.status == 413
    assert f"{CAP} byte" in res.body.decode()


def test_a_body_under_the_cap_still_reaches_the_app(capped):
    res = capped.request("POST", "/@@login", login_body(10),
                         {"Content-Type": "application/json"})
    assert res.status == 401
