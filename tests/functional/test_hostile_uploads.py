"""Every hostile file, to every endpoint that accepts uploads, through waitress.

Each answer must be a 4xx within a second, and while it is being checked
the server must still answer somebody else (an anonymous ``@@track``).
The endpoints are the callers of the upload check: a citizen's vault
upload, reception's ``@@digitize`` (after finding the citizen), and the
browser's application form with a file for a requirement.
"""
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from live_server import Client

from dossier_support import CODE, clock, procedure  # noqa: F401  (fixtures)

CORPUS = Path(__file__).parent.parent / "hostile"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".pdf", ".png", ".jpg"))
CITIZEN1_ID = "019188012345"


def vault_upload(address, data, name):
    client = Client(address)
    vault = client.login("citizen1")["vault"].rstrip("/")
    return lambda: client.post_files(f"{vault}/documents", {"doc_type": "other",
                                                            "title": "Tệp thử"},
                                      [("file", name, data)])


def digitize(address, data, name):
    client = Client(address)
    client.login("reception1")
    found = client.post_json("/vaults/@@find", {"id_number": CITIZEN1_ID}).json
    return lambda: client.post_files(f"{found['vault'].rstrip('/')}/@@digitize",
                                     {"doc_type": "other", "original": "Bản chính"},
                                     [("file", name, data)])


def apply_form(address, data, name):
    client = Client(address)
    client.login("citizen1")
    return lambda: client.post_files(f"/procedures/{CODE}/@@apply", {"submit": "submit"},
                                     [("file.anh", name, data)])


ENDPOINTS = {"vault-upload": vault_upload, "digitize": digitize, "apply-form": apply_form}


def timed(send):
    started = time.monotonic()
    res = send()
    return res, time.monotonic() - started


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_hostile_upload_is_4xx_within_a_second_and_others_are_served(
        live_server, procedure, endpoint, path):
    send = ENDPOINTS[endpoint](live_server, path.read_bytes(), path.name)
    bystander = Client(live_server)
    with ThreadPoolExecutor(2) as pool:
        upload = pool.submit(timed, send)
        other = pool.submit(timed, lambda: bystander.get("/@@track?code=000"))
        (res, took), (other_res, other_took) = upload.result(), other.result()
    assert 400 <= res.status < 500, (res.status, res.body[:300])
    assert took < 1.0
    assert other_res.status < 500 and other_took < 1.0
