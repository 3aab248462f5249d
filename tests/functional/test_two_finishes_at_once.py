"""Two finishes of one signing request at the same moment, through waitress on loopback.

WebTest never runs two requests at once; the leader's page polls while the
leader also presses Finish (or two tabs poll). The service hands its one-use
approval to one of them: that one signs; the other is told the request is
being finished (409, in the leader's words), and a later poll gets the
first one's result (200). Never the service's "unknown requestID", never two
results.
"""
import json
import threading

from csc_support import csc_service, http_json, remote_pki, remote_signing, service_code  # noqa: F401
from dossier_support import clock, docs, procedure  # noqa: F401
from live_server import Client
from signing_support import awaiting, enrol, fresh_throttle  # noqa: F401
from tthc_docs.people import totp


def _at_once(calls):
    answers, start = [None] * len(calls), threading.Barrier(len(calls))

    def run(i):
        start.wait()
        answers[i] = calls[i]()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return answers


def _approved(login, edit_site, docs, remote_signing):
    """A dossier awaiting signature whose two-step request the phone approved: (code, id)."""
    code = awaiting(login, edit_site, docs)
    asked = login("leader1").post_json("/@@sign-requests", {
        "codes": [code], "code": totp.current_code(enrol(edit_site))}, status=202)
    assert http_json(f"{remote_signing.base_url}/dev/approve",
                     {"user": "leader1", "otp": service_code(remote_signing)})[0] == 200
    return code, asked.json["id"]


def test_only_one_of_two_finishes_signs_the_other_is_told(
        login, edit_site, procedure, docs, remote_signing, fresh_throttle, live_server):
    code, request_id = _approved(login, edit_site, docs, remote_signing)
    remote_signing.faults = {"delay_seconds": 1}   # the winner is still signing when the other asks
    leader = Client(live_server)
    leader.login("leader1")
    body = {"request": request_id}
    answers = _at_once([leader.request_later("POST", "/@@sign-finish", json.dumps(body).encode(),
                                             {"Content-Type": "application/json"})
                        for _ in range(2)])
    assert sorted(a.status for a in answers) == [200, 409], [a.body for a in answers]
    won = next(a for a in answers if a.status == 200)
    lost = next(a for a in answers if a.status == 409)
    assert "đang được hoàn tất" in lost.json["error"]["message"]
    assert "requestID" not in lost.body.decode()
    later = leader.post_json("/@@sign-finish", body)
    assert (later.status, later.json) == (200, won.json)
    with edit_site() as site:
        assert len(site["dossiers"][code].results) == 1
        assert site["dossiers"][code].status == "result_ready"


def test_the_loser_reads_english_to_an_english_reader(
        login, edit_site, procedure, docs, remote_signing, fresh_throttle, live_server):
    code, request_id = _approved(login, edit_site, docs, remote_signing)
    remote_signing.faults = {"delay_seconds": 1}
    leader = Client(live_server)
    leader.login("leader1")
    form = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html",
            "Accept-Language": "en"}
    data = f"request={request_id}&csrf_token={leader.csrf}".encode()
    answers = _at_once([leader.request_later("POST", "/@@sign-finish", data, form)
                        for _ in range(2)])
    assert sorted(a.status for a in answers) == [303, 409], [a.status for a in answers]
    lost = next(a for a in answers if a.status == 409).body.decode()
    assert "already being finished" in lost
