"""The development CSC service's phone page: approving needs its CSRF cookie/field pair.

The service is its own WSGI app (not Pyramid), so it carries its own
double-submit token; WebTest drives it as a browser would, and a real
``credentials/authorize`` call waits in a thread for the answer.
"""
import shutil
import threading

import pyotp
import pytest
from webtest import TestApp

from tthc_docs.signing.csc_dev import CSRF_COOKIE, DevCscService
from tthc_docs.signing.devpki import DevPki, LeaderSpec

HASH = "3q2+7w" + "A" * 38


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phone-pki")
    pki = DevPki(folder / "pki").create([LeaderSpec("leader1", "Đặng Quốc Bảo")])
    keys = folder / "keys"
    keys.mkdir()
    for path in pki.identity_paths("leader1"):
        shutil.copy(path, keys / path.name)
    return keys


@pytest.fixture
def service(keys, tmp_path):
    return DevCscService(keys, tmp_path / "state", wait_seconds=10)


@pytest.fixture
def waiting(service):
    """An authorize call waiting for the phone; its outcome lands in ``result``."""
    result = {}

    def authorize():
        try:
            result["answer"] = service.csc_credentials_authorize(
                {"credentialID": "cred-leader1", "hash": [HASH], "numSignatures": 1,
                 "description": "Ký kết quả hồ sơ H55-1"})
        except Exception as exc:  # noqa: BLE001 - the test reads what the caller would get
            result["error"] = exc
    thread = threading.Thread(target=authorize, daemon=True)
    thread.start()
    while not service.waiting("leader1"):
        thread.join(0.02)
    yield result
    for request in service.waiting("leader1"):
        service.answer("leader1", request.id, False)
    thread.join(5)


def _code(service):
    return pyotp.TOTP(service.credentials["cred-leader1"].secret).now()


def test_the_page_lists_the_request_with_a_csrf_token(service, waiting):
    page = TestApp(service).get("/phone?user=leader1")
    token = page.forms[0]["csrf"].value
    assert "Ký kết quả hồ sơ H55-1" in page.text and len(token) >= 24
    assert CSRF_COOKIE in page.headers["Set-Cookie"] and "SameSite=Strict" in page.headers["Set-Cookie"]


def test_approving_with_the_pair_signs_off(service, waiting):
    page = TestApp(service).get("/phone?user=leader1")
    form = page.forms[0]
    form["code"] = _code(service)
    answer = form.submit()
    assert "Đã phê duyệt." in answer.text and not service.waiting("leader1")


def test_a_post_without_the_token_is_refused_and_approves_nothing(service, waiting):
    browser = TestApp(service)
    browser.get("/phone?user=leader1")   # the cookie is set, the field is missing
    request_id = service.waiting("leader1")[0].id
    answer = browser.post("/phone/approve", {"user": "leader1", "request": request_id,
                                             "code": _code(service)}, status=400)
    assert "CSRF" in answer.text and service.waiting("leader1")


def test_a_token_from_another_session_is_refused(service, waiting):
    theirs = TestApp(service).get("/phone?user=leader1").forms[1]["csrf"].value
    mine = TestApp(service)
    mine.get("/phone?user=leader1")
    request_id = service.waiting("leader1")[0].id
    mine.post("/phone/refuse", {"user": "leader1", "request": request_id, "csrf": theirs},
              status=400)
    assert service.waiting("leader1")
