"""Journey: two-step remote signing; the web thread never waits for the phone.

The leader asks (one short request: code checked, hashes sent, nothing
signed), approves through the development CSC service's phone API, and the
leader's page polls ``@@sign-finish`` until the result is issued. The
service runs for real on loopback (``csc_support``).
"""
import time
from datetime import timedelta

import pytest

from csc_support import csc_service, http_json, remote_pki, remote_signing, service_code  # noqa: F401
from dossier_support import clock, docs, procedure  # noqa: F401
from signing_support import awaiting, enrol, fresh_throttle, result_bytes  # noqa: F401
from tthc_docs.people import totp
from tthc_docs.signing.sign import load_certs
from tthc_docs.signing.verify import verify_pdf


def _ask(client, codes, edit_site, status=202):
    return client.post_json("/@@sign-requests", {
        "codes": codes, "code": totp.current_code(enrol(edit_site))}, status=status)


def _phone(service, approve=True):
    base = service.base_url
    if approve:
        return http_json(f"{base}/dev/approve", {"user": "leader1", "otp": service_code(service)})
    return http_json(f"{base}/dev/refuse", {"user": "leader1"})


def _finish(client, request_id, status="*"):
    return client.post_json("/@@sign-finish", {"request": request_id}, status=status)


def _unchanged(edit_site, code):
    with edit_site() as site:
        dossier = site["dossiers"][code]
        return dossier.status == "awaiting_signature" and not dossier.results


@pytest.fixture
def asked(login, edit_site, procedure, docs, remote_signing, fresh_throttle):
    """A dossier awaiting signature and the leader's request for it, the phone not yet answered."""
    code = awaiting(login, edit_site, docs)
    leader = login("leader1")
    started = time.monotonic()
    res = _ask(leader, [code], edit_site)
    return code, leader, res, time.monotonic() - started


def test_asking_answers_at_once_and_changes_nothing(asked, edit_site, remote_signing):
    code, leader, res, seconds = asked
    assert seconds < remote_signing.wait / 2
    assert (res.json["state"], res.json["codes"]) == ("awaiting_phone", [code])
    assert _unchanged(edit_site, code)
    items = http_json(f"{remote_signing.base_url}/dev/pending?user=leader1")[1]["items"]
    assert code in items[0]["description"] and items[0]["hashes"] == 1
    assert _finish(leader, res.json["id"]).status_int == 202
    assert _unchanged(edit_site, code)


def test_after_approval_the_poll_issues_a_trusted_b_lta_result(asked, edit_site, remote_signing,
                                                                remote_pki):
    code, leader, res, _ = asked
    assert _phone(remote_signing)[0] == 200
    done = _finish(leader, res.json["id"])
    assert done.status_int == 200, done.text
    assert done.json["items"][0]["status"] == "result_ready"
    report = verify_pdf(result_bytes(edit_site, code), load_certs([remote_pki.root_cert_path]))
    assert (report["intact"], report["trusted"], report["level"], report["dossier"]) == \
        (True, True, "B-LTA", code)
    again = _finish(leader, res.json["id"])          # a late poll: the same answer, nothing new
    assert (again.status_int, again.json) == (200, done.json)
    with edit_site() as site:
        assert len(site["dossiers"][code].results) == 1


def test_a_second_request_while_one_waits_is_refused(asked, login, edit_site):
    code, leader, _res, _ = asked
    again = _ask(leader, [code], edit_site, status=409)
    assert "đang chờ" in again.json["error"]["message"]


def test_a_refusal_on_the_phone_leaves_the_dossier_unchanged(asked, edit_site, remote_signing):
    code, leader, res, _ = asked
    assert _phone(remote_signing, approve=False)[0] == 200
    refused = _finish(leader, res.json["id"])
    assert refused.status_int == 409 and "từ chối" in refused.json["error"]["message"]
    assert _unchanged(edit_site, code)


def test_a_refusal_ends_the_request_so_the_leader_may_ask_again_at_once(
        asked, edit_site, remote_signing, clock):
    code, leader, first, _ = asked
    assert _phone(remote_signing, approve=False)[0] == 200
    assert _finish(leader, first.json["id"]).status_int == 409
    again = _finish(leader, first.json["id"])        # recorded: the same refusal, not the service's words
    assert again.status_int == 409 and "từ chối" in again.json["error"]["message"]
    assert leader.get("/@@sign-requests", headers={"Accept": "application/json"}).json["total"] == 0
    clock.set(clock.value + timedelta(seconds=31))   # a new one-time code step; far before expiry
    second = _ask(leader, [code], edit_site)
    assert second.json["id"] != first.json["id"]
    assert _phone(remote_signing)[0] == 200
    assert _finish(leader, second.json["id"]).json["items"][0]["status"] == "result_ready"


def test_a_signature_over_another_hash_is_caught_before_the_pdf_is_written(
        asked, edit_site, remote_signing):
    code, leader, res, _ = asked
    remote_signing.faults = {"wrong_signature": True}
    assert _phone(remote_signing)[0] == 200
    wrong = _finish(leader, res.json["id"])
    assert wrong.status_int == 503 and "không khớp" in wrong.json["error"]["message"]
    assert _unchanged(edit_site, code)


def test_asking_needs_the_one_time_code(login, edit_site, procedure, docs, remote_signing,
                                        fresh_throttle):
    code = awaiting(login, edit_site, docs)
    enrol(edit_site)
    res = login("leader1").post_json("/@@sign-requests", {"codes": [code], "code": "000000"},
                                     status=422)
    assert "otp" in res.json["error"]["fields"]
    assert http_json(f"{remote_signing.base_url}/dev/pending?user=leader1")[1]["items"] == []


def test_one_approval_signs_a_batch(login, edit_site, procedure, docs, remote_signing,
                                    fresh_throttle, clock):
    codes = []
    for _ in range(2):
        codes.append(awaiting(login, edit_site, docs))
        clock.set(clock.value + timedelta(minutes=5))   # not the same application posted twice
    leader = login("leader1")
    res = _ask(leader, codes, edit_site)
    items = http_json(f"{remote_signing.base_url}/dev/pending?user=leader1")[1]["items"]
    assert len(items) == 1 and items[0]["hashes"] == 2
    assert _phone(remote_signing)[0] == 200
    done = _finish(leader, res.json["id"])
    assert done.status_int == 200, done.text
    assert [i["status"] for i in done.json["items"]] == ["result_ready", "result_ready"]



def test_an_expired_request_signs_nothing_and_may_be_asked_again(login, edit_site, procedure,
                                                                  docs, remote_signing,
                                                                  fresh_throttle, clock):
    code = awaiting(login, edit_site, docs)
    leader = login("leader1")
    first = _ask(leader, [code], edit_site)
    clock.set(clock.value + timedelta(seconds=16))   # approval_seconds is 15 in these tests
    assert _phone(remote_signing)[0] == 200          # approved too late
    late = _finish(leader, first.json["id"])
    assert late.status_int == 409 and "thời gian cho phép" in late.json["error"]["message"]
    assert _unchanged(edit_site, code)
    with edit_site() as site:
        drawn = site.signing_requests.get(first.json["id"]).items[code]["result"]["number"]
    clock.set(clock.value + timedelta(seconds=31))   # a new one-time code step
    second = _ask(leader, [code], edit_site)
    assert second.json["id"] != first.json["id"]
    with edit_site() as site:   # the number drawn for the unsigned request is used again
        again = site.signing_requests.get(second.json["id"]).items[code]["result"]["number"]
    assert again == drawn
    assert _finish(leader, first.json["id"], status=404).status_int == 404


def test_only_a_leader_asks(login, edit_site, procedure, docs, remote_signing, fresh_throttle):
    code = awaiting(login, edit_site, docs)
    res = login("specialist1").post_json("/@@sign-requests", {"codes": [code], "code": "123456"},
                                         status=403)
    assert res.json["error"]["status"] == 403


def _finish_form(page):
    return next(f for f in page.forms.values() if f.action.endswith("/@@sign-finish"))


def test_the_leaders_pages_ask_then_finish(login, edit_site, procedure, docs, remote_signing,
                                          fresh_throttle):
    code = awaiting(login, edit_site, docs)
    secret = enrol(edit_site)
    leader = login("leader1")
    form = leader.get(f"/dossiers/{code}/@@sign").forms["ask-form"]
    form["code"] = totp.current_code(secret)
    page = form.submit().maybe_follow()
    assert "Đã gửi yêu cầu ký đến điện thoại" in page.text and code in page.text
    assert "static/sign-requests.js" in page.text   # polls by itself; the form works without it
    page = _finish_form(page).submit().maybe_follow()          # not approved yet
    assert "chưa phê duyệt" in page.text
    assert _unchanged(edit_site, code)
    assert _phone(remote_signing)[0] == 200
    done = _finish_form(page).submit()
    assert done.status_int == 303 and done.location.endswith(f"/dossiers/{code}/@@sign?done=1")
    with edit_site() as site:
        assert site["dossiers"][code].status == "result_ready"

# last: the revocation is published in the module's PKI and stays there
def test_a_credential_revoked_after_approval_signs_nothing(asked, edit_site, remote_signing):
    code, leader, res, _ = asked
    remote_signing.faults = {"revoke_after_authorize": True}
    assert _phone(remote_signing)[0] == 200
    revoked = _finish(leader, res.json["id"])
    assert revoked.status_int == 409 and "thu hồi" in revoked.json["error"]["message"]
    assert _unchanged(edit_site, code)
    again = _finish(leader, res.json["id"])          # ended at once: no longer waiting
    assert again.status_int == 409 and "thu hồi" in again.json["error"]["message"]
    with edit_site() as site:
        assert site.signing_requests.live_for(code, site.signing_requests.get(
            res.json["id"]).created) is None
