"""A complaint about a dossier: filed, routed, due in 10 working days, late, escalated, answered, rated, published.

On a frozen clock and real dates: filed Friday 24/04/2026 at 09:00; the
count starts the next working day (Civil Code art. 147, through
``dossiers.deadlines.due_at``, the one rule), 27/04 (the Hùng Kings' day,
observed), 30/04 and 01/05 are holidays, so the 10 working days of Decree
20/2008/NĐ-CP art. 14 (amended by Decree 92/2017/NĐ-CP) end on Wednesday
13/05/2026.
"""
from datetime import datetime

import pytest

from tthc_docs import timeutil
from payment_helpers import file_dossier

FILED = datetime(2026, 4, 24, 9, 0, tzinfo=timeutil.VN_TZ)
JSON = {"Accept": "application/json"}


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        def set(self, value):
            monkeypatch.setattr(timeutil, "now", lambda: value)
    clock = Clock()
    clock.set(FILED)
    return clock


@pytest.fixture
def dossier_code(edit_site):
    with edit_site() as site:
        return file_dossier(site).code


def test_the_lifecycle_on_a_frozen_clock(login, anon, clock, dossier_code):
    citizen, reception, leader = login("citizen1"), login("reception1"), login("leader1")
    res = citizen.post_json("/@@feedback", {"subject": "dossier", "ref": dossier_code,
                                            "text": "Hồ sơ chậm tiếp nhận.", "public": True},
                            status=201)
    item = res.json
    assert item["status"] == "received" and item["due_at"] == "2026-05-13T17:00:00+07:00"
    url = f"/feedback/{item['id']}"
    queue = reception.get("/feedback/@@queue", headers=JSON).json["items"]
    assert [q["id"] for q in queue] == [item["id"]] and queue[0]["escalated"] is False
    anon.get(url, headers=JSON, status=401)          # not published yet: log in
    reception.post_json(url + "/@@acknowledge", {})
    clock.set(datetime(2026, 5, 13, 16, 59, tzinfo=timeutil.VN_TZ))
    assert leader.get("/feedback/@@queue?escalated=1", headers=JSON).json["items"] == []
    clock.set(datetime(2026, 5, 13, 17, 1, tzinfo=timeutil.VN_TZ))
    late = leader.get("/feedback/@@queue?escalated=1", headers=JSON).json["items"]
    assert [q["id"] for q in late] == [item["id"]] and late[0]["overdue"] is True
    answered = reception.post_json(url + "/@@answer", {"text": "Đã tiếp nhận hồ sơ."}).json
    assert answered["status"] == "answered" and answered["answer"]["on_time"] is False
    assert reception.get("/feedback/@@queue", headers=JSON).json["items"] == []
    assert citizen.post_json(url + "/@@rate", {"score": 4}).json["rating"] == {"score": 4}
    citizen.post_json(url + "/@@rate", {"score": 5}, status=409)
    public = anon.get(url, headers=JSON).json
    assert public["published"] is True and public["answer"]["text"] == "Đã tiếp nhận hồ sơ."
    assert "contact" not in public and "filer" not in public and public["ref"] is None
    assert "citizen1" not in anon.get(url, headers=JSON).text
    assert [p["id"] for p in anon.get("/feedback/", headers=JSON).json["items"]] == [item["id"]]


def test_an_answer_on_time_is_counted_on_time(login, clock, dossier_code):
    citizen, reception = login("citizen1"), login("reception1")
    item = citizen.post_json("/@@feedback", {"subject": "procedure", "ref": "2.000635",
                                             "text": "Đề nghị giảm giấy tờ."}).json
    clock.set(datetime(2026, 5, 11, 10, 0, tzinfo=timeutil.VN_TZ))
    answer = reception.post_json(f"/feedback/{item['id']}/@@answer", {"text": "Đã ghi nhận."}).json
    assert answer["answer"]["on_time"] is True and answer["published"] is False


def test_no_text_is_422(login, dossier_code):
    res = login("citizen1").post_json("/@@feedback", {"subject": "dossier", "ref": dossier_code,
                                                      "text": "  "}, status=422)
    assert "text" in res.json["error"]["fields"]


def test_a_dossier_of_someone_else_is_403(login, dossier_code):
    login("citizen2").post_json("/@@feedback", {"subject": "dossier", "ref": dossier_code,
                                                "text": "Xem hộ."}, status=403)


def test_a_vault_document_of_someone_else_is_403(login, edit_site):
    with edit_site() as site:
        other = next(iter(site["vaults"].for_owner("citizen1").documents))
    login("citizen2").post_json("/@@feedback", {
        "subject": "agency", "ref": "000.00.20.H55", "text": "Góp ý.",
        "attachments": [other]}, status=403)


def test_anyone_files_about_an_agency_with_a_contact(anon):
    token = anon.get("/@@me", headers=JSON).json["csrf_token"]
    headers = {"X-CSRF-Token": token}
    res = anon.post_json("/@@feedback", {"subject": "agency", "ref": "000.00.20.H55",
                                         "text": "Góp ý."}, headers=headers, status=422)
    assert "contact" in res.json["error"]["fields"]
    anon.post_json("/@@feedback", {"subject": "agency", "ref": "000.00.20.H55", "text": "Góp ý.",
                                   "contact": {"name": "Nguyễn Văn A", "phone": "0912345678"}},
                   headers=headers, status=201)


def test_the_pages_render_for_each_role(login, anon, dossier_code):
    citizen, reception = login("citizen1"), login("reception1")
    assert "Gửi phản ánh, kiến nghị" in anon.get("/@@feedback").text
    res = citizen.post("/@@feedback", {"subject": "dossier", "ref": dossier_code,
                                       "text": "Qua biểu mẫu.", "public": "true"})
    page = res.follow()
    assert "Qua biểu mẫu." in page.text
    assert "Qua biểu mẫu." not in reception.get("/feedback/@@queue").text
    assert page.request.path.split("/")[-1] in reception.get("/feedback/@@queue").text


def _complaint_with_attachment(login, edit_site, dossier_code):
    """citizen1 complains about their dossier with one vault document; (item, vault id, doc id)."""
    with edit_site() as site:
        vault = site["vaults"].for_owner("citizen1")
        doc_id = next(iter(vault.documents))
        vault_id = vault.id
    item = login("citizen1").post_json("/@@feedback", {
        "subject": "dossier", "ref": dossier_code, "text": "Xin xem lại giấy tờ đính kèm.",
        "attachments": [doc_id]}, status=201).json
    return item, vault_id, doc_id


def test_the_agency_reads_a_complaints_attachment_and_the_read_is_logged(login, clock, edit_site,
                                                                         dossier_code):
    item, vault_id, doc_id = _complaint_with_attachment(login, edit_site, dossier_code)
    reception = login("reception1")
    shown = reception.get(f"/feedback/{item['id']}", headers=JSON).json["attachments"]
    assert [a["document"] for a in shown] == [doc_id]
    page = reception.get(f"/feedback/{item['id']}")
    link = page.html.select_one("#attachments a")["href"]
    assert link == shown[0]["url"] and f"?feedback={item['id']}" in link
    assert reception.get(link, status=200).body
    log = login("citizen1").get(f"/vaults/{vault_id}/@@access-log", headers=JSON).json["items"]
    assert (log[0]["who"], log[0]["document"]) == ("reception1", doc_id)
    assert item["id"] in log[0]["dossier"]


def test_another_agencys_officer_is_refused_a_complaints_attachment(app, login, clock, edit_site,
                                                                    dossier_code):
    from conftest import logged_in
    item, vault_id, doc_id = _complaint_with_attachment(login, edit_site, dossier_code)
    url = login("citizen1").get(f"/feedback/{item['id']}", headers=JSON).json["attachments"][0]["url"]
    with edit_site() as site:
        site["people"].create("tuphap1", "demo-password", "Cán bộ Sở Tư pháp",
                              ["reception"], agency="000.00.11.H55")
    logged_in(app, "tuphap1").get(url, status=403)
    log = login("citizen1").get(f"/vaults/{vault_id}/@@access-log", headers=JSON).json["items"]
    assert all(e["who"] != "tuphap1" for e in log)
