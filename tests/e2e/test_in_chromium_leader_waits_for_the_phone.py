"""Journey in Chromium, on a phone: the leader asks to sign, approves on the phone, and the
requests page finishes by itself (static/sign-requests.js polls /@@sign-finish).

The development CSC service runs for real on loopback (``csc_support``); the
approval goes through its test API, as the leader's phone would send it.
"""
import sys
from pathlib import Path

from playwright.sync_api import expect

sys.path.append(str(Path(__file__).parents[1] / "functional"))   # the journeys' helpers
from csc_support import csc_service, http_json, remote_pki, remote_signing, service_code  # noqa: E402,F401


def _ask_the_phone(person, walk, dossier, enrolled_leader):
    """The leader, on a 360 px phone, sends the request to sign ``dossier``; it waits."""
    walk(dossier, "awaiting_signature")
    leader = person("leader", phone=True).login("leader1")
    page = leader.go(f"/dossiers/{dossier}/@@sign")
    page.locator("#ask-code").fill(enrolled_leader())
    page.get_by_role("button", name="Gửi yêu cầu ký đến điện thoại").click()
    expect(page.locator("main")).to_contain_text("Đang chờ phê duyệt trên điện thoại")
    return leader, page


def test_the_requests_page_finishes_once_the_phone_approved(person, walk, paid_dossier,
                                                            enrolled_leader, remote_signing,
                                                            edit_site):
    leader, page = _ask_the_phone(person, walk, paid_dossier, enrolled_leader)
    leader.shot("1-waiting")
    assert leader.width() <= 360
    assert http_json(f"{remote_signing.base_url}/dev/approve",
                     {"user": "leader1", "otp": service_code(remote_signing)})[0] == 200
    expect(page.locator("main")).to_contain_text("Đã ký và phát hành kết quả:")
    expect(page.get_by_role("button", name="Hoàn tất ký")).to_have_count(0)
    leader.shot("2-signed")
    with edit_site() as site:
        assert site["dossiers"][paid_dossier].status == "result_ready"
    page.get_by_role("link", name=paid_dossier).click()
    expect(page.locator("main")).to_contain_text(paid_dossier)


def test_a_refusal_on_the_phone_is_shown_and_the_finish_button_goes(
        person, walk, paid_dossier, enrolled_leader, remote_signing, edit_site):
    leader, page = _ask_the_phone(person, walk, paid_dossier, enrolled_leader)
    assert http_json(f"{remote_signing.base_url}/dev/refuse", {"user": "leader1"})[0] == 200
    expect(page.locator("main")).to_contain_text("Lãnh đạo đã từ chối yêu cầu ký")
    expect(page.get_by_role("button", name="Hoàn tất ký")).to_have_count(0)
    leader.shot("refused")
    with edit_site() as site:
        assert site["dossiers"][paid_dossier].status == "awaiting_signature"
