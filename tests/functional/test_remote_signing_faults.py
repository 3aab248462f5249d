"""Remote signing faults: each gives a clear 4xx/503, no half-signed document, the dossier unchanged."""
import pytest

from csc_support import Phone, csc_service, http_json, remote_pki, remote_signing  # noqa: F401
from dossier_support import clock, docs, procedure  # noqa: F401
from signing_support import awaiting, enrol, fresh_throttle, sign  # noqa: F401
from tthc_docs.people import totp


@pytest.fixture
def waiting(login, edit_site, procedure, docs, remote_signing, fresh_throttle):
    return awaiting(login, edit_site, docs)


def _attempt(login, edit_site, dossier_code, service, **phone):
    phone = Phone(service, **phone)
    phone.start()
    res = sign(login("leader1"), dossier_code, totp.current_code(enrol(edit_site)), status="*")
    phone.join(10)
    return res, phone


def _unchanged(edit_site, code):
    with edit_site() as site:
        dossier = site["dossiers"][code]
        vault = site["vaults"][dossier.vault_id]
        issued = [d for d in vault.documents.values() if d.kind == "issued"]
        return dossier.status == "awaiting_signature" and not dossier.results and not issued


def test_the_service_down_is_a_503_naming_it(login, edit_site, waiting, monkeypatch, app):
    monkeypatch.setitem(app.registry.settings, "tthc_docs.csc.url", "http://127.0.0.1:9")
    res = sign(login("leader1"), waiting, totp.current_code(enrol(edit_site)), status=503)
    assert "dịch vụ ký số từ xa" in res.json["error"]["message"] and _unchanged(edit_site, waiting)
    assert int(res.headers["Retry-After"]) > 0


def test_a_slow_service_times_out_with_a_503(login, edit_site, waiting, remote_signing):
    remote_signing.faults = {"delay_seconds": 5}
    res, _phone = _attempt(login, edit_site, waiting, remote_signing)
    assert res.status_int == 503 and "không trả lời trong 3 giây" in res.json["error"]["message"]
    assert _unchanged(edit_site, waiting)


def test_the_leader_refusing_on_the_phone_is_a_409(login, edit_site, waiting, remote_signing):
    res, phone = _attempt(login, edit_site, waiting, remote_signing, approve=False)
    assert phone.answers == [(200, {"refused": True})]
    assert res.status_int == 409 and "từ chối" in res.json["error"]["message"]
    assert _unchanged(edit_site, waiting)


def test_a_wrong_code_on_the_phone_does_not_approve(login, edit_site, waiting, remote_signing,
                                                    monkeypatch, app):
    monkeypatch.setitem(app.registry.settings, "tthc_docs.csc.approval_seconds", "2")
    res, phone = _attempt(login, edit_site, waiting, remote_signing, code="000000")
    assert phone.answers[0][0] == 400 and phone.answers[0][1]["error"] == "invalid_otp"
    assert res.status_int == 503 and _unchanged(edit_site, waiting)


def test_a_wrong_code_in_the_app_never_reaches_the_service(login, edit_site, waiting, remote_signing):
    enrol(edit_site)
    res = sign(login("leader1"), waiting, "000000", status=422)
    assert "otp" in str(res.json["error"]["fields"]) or "code" in res.json["error"]["fields"]
    assert http_json(f"{remote_signing.base_url}/dev/pending?user=leader1")[1]["items"] == []
    assert _unchanged(edit_site, waiting)


def test_a_signature_over_another_hash_is_caught_before_writing(login, edit_site, waiting,
                                                                 remote_signing):
    remote_signing.faults = {"wrong_signature": True}
    res, _phone = _attempt(login, edit_site, waiting, remote_signing)
    assert res.status_int == 503 and "không khớp" in res.json["error"]["message"]
    assert _unchanged(edit_site, waiting)


def test_a_credential_revoked_after_approval_is_a_409(login, edit_site, waiting, remote_signing,
                                                       remote_pki):
    crl = remote_pki.agency_dir("000.00.20.H55") / "crl.pem"
    before = crl.read_bytes()
    remote_signing.faults = {"revoke_after_authorize": True}
    try:
        res, _phone = _attempt(login, edit_site, waiting, remote_signing)
    finally:
        crl.write_bytes(before)
    assert res.status_int == 409 and "thu hồi" in res.json["error"]["message"]
    assert _unchanged(edit_site, waiting)
