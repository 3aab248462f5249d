"""Journey: a leader ticks several dossiers, enters one code, approves once on the phone.

Through the development CSC service on loopback (one ``credentials/authorize``
for every document: ``numSignatures`` = how many). All or none: a fault in
the middle of a batch (the service's signature for the second document is
over another hash) leaves every dossier and vault as it was.
"""
from datetime import timedelta

import pytest

from csc_support import Phone, csc_service, http_json, remote_pki, remote_signing  # noqa: F401
from dossier_support import apply, clock, docs, procedure  # noqa: F401
from signing_support import awaiting, enrol, fresh_throttle, result_bytes  # noqa: F401
from tthc_docs.people import totp
from tthc_docs.signing.sign import load_certs
from tthc_docs.signing.verify import verify_pdf


@pytest.fixture
def two(login, edit_site, procedure, docs, remote_signing, fresh_throttle, clock):
    """Two dossiers awaiting signature and the leader's authenticator secret."""
    codes = []
    for _ in range(2):
        codes.append(awaiting(login, edit_site, docs))
        clock.set(clock.value + timedelta(minutes=5))   # not the same application posted twice
    return codes, enrol(edit_site)


def sign_batch(client, codes, otp, status=200, **extra):
    return client.post_json("/@@sign-batch", dict(codes=codes, code=otp, **extra),
                            headers={"Accept": "application/json"}, status=status)


def _batch(login, service, codes, secret, status="*", **phone):
    phone = Phone(service, **phone)
    phone.start()
    res = sign_batch(login("leader1"), codes, totp.current_code(secret), status=status)
    phone.join(10)
    return res, phone


def _nothing_signed(edit_site, codes):
    with edit_site() as site:
        dossiers = [site["dossiers"][c] for c in codes]
        vault = site["vaults"][dossiers[0].vault_id]
        issued = [d for d in vault.documents.values() if d.kind == "issued"]
        return all(d.status == "awaiting_signature" and not d.results for d in dossiers) \
            and not issued


def test_one_approval_signs_every_chosen_dossier(login, edit_site, two, remote_signing, remote_pki):
    codes, secret = two
    res, phone = _batch(login, remote_signing, codes, secret)
    assert res.status_int == 200, res.text
    assert phone.answers == [(200, {"approved": True})] and phone.seen["hashes"] == 2
    assert [(i["code"], i["status"]) for i in res.json["items"]] == \
        [(c, "result_ready") for c in codes]
    roots = load_certs([remote_pki.root_cert_path])
    for code in codes:
        report = verify_pdf(result_bytes(edit_site, code), roots)
        assert (report["dossier"], report["trusted"], report["level"]) == (code, True, "B-LTA")


def test_a_bad_signature_in_the_middle_signs_none(login, edit_site, two, remote_signing):
    codes, secret = two
    remote_signing.faults = {"wrong_signature_at": 1}
    res, _phone = _batch(login, remote_signing, codes, secret)
    assert res.status_int == 503 and "không khớp" in res.json["error"]["message"]
    assert _nothing_signed(edit_site, codes)


def test_a_dossier_not_awaiting_signature_stops_the_batch_before_the_phone(
        login, edit_site, two, remote_signing, docs):
    codes, secret = two
    filed = apply(login("citizen1"), docs).json["code"]   # a third dossier, only filed
    res = sign_batch(login("leader1"), [codes[0], filed, codes[1]], totp.current_code(secret),
                     status=409)
    assert res.json["error"]["status"] == 409
    assert http_json(f"{remote_signing.base_url}/dev/pending?user=leader1")[1]["items"] == []
    assert _nothing_signed(edit_site, codes)


def test_the_leader_refusing_on_the_phone_signs_none(login, edit_site, two, remote_signing):
    codes, secret = two
    res, phone = _batch(login, remote_signing, codes, secret, approve=False)
    assert phone.answers == [(200, {"refused": True})] and res.status_int == 409
    assert _nothing_signed(edit_site, codes)


@pytest.mark.parametrize("codes, field", [
    ([], "codes"), ("H55-1", "codes"), (["X", "X"], "codes"), ([str(i) for i in range(21)], "codes"),
])
def test_a_bad_list_is_a_422_naming_codes(login, edit_site, two, codes, field):
    res = sign_batch(login("leader1"), codes, "123456", status=422)
    assert field in res.json["error"]["fields"]


def test_an_unknown_field_is_a_422(login, two):
    codes, _secret = two
    res = sign_batch(login("leader1"), codes, "123456", status=422, password="x")
    assert "password" in res.json["error"]["fields"]


def test_only_a_leader_may_sign_a_batch(login, two):
    codes, _secret = two
    sign_batch(login("specialist1"), codes, "123456", status=403)


def test_the_page_signs_the_ticked_dossiers(login, edit_site, two, remote_signing):
    codes, secret = two
    leader = login("leader1")
    form = leader.get("/@@sign-mobile").forms["batch-form"]
    for box in form.fields["codes"]:
        if box._value in codes:
            box.checked = True
    form["code"] = totp.current_code(secret)
    phone = Phone(remote_signing)
    phone.start()
    page = form.submit().follow()
    phone.join(10)
    assert "Đã ký và phát hành kết quả các hồ sơ" in page.text
    assert all(code in page.text for code in codes) and phone.seen["hashes"] == 2
    with edit_site() as site:
        assert [site["dossiers"][c].status for c in codes] == ["result_ready"] * 2


def test_the_page_shows_why_nothing_was_signed(login, edit_site, two, remote_signing):
    codes, _secret = two
    form = login("leader1").get("/@@sign-mobile").forms["batch-form"]
    for box in form.fields["codes"]:
        box.checked = True
    form["code"] = "000000"
    page = form.submit(status=422)
    assert "Mã xác nhận không đúng" in page.text and 'name="codes"' in page.text
    assert _nothing_signed(edit_site, codes)
