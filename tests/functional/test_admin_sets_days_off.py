"""The admin enters a year's announced days off and make-up days; deadlines follow."""
import pytest

JSON = {"Accept": "application/json"}
DECISION = "Thông báo số 01/TB-BNV về lịch nghỉ Tết Nguyên đán 2027"


@pytest.fixture
def admin(login):
    return login("admin")


def _due(client, start):
    return client.get("/procedures/1.001193/@@due-date", {"from": start}, headers=JSON).json["due"]


def test_announced_days_off_move_the_due_date(admin, anon):
    before = _due(anon, "2027-02-03")
    for day in ("2027-02-11", "2027-02-12"):
        admin.post_json("/procedures/@@calendar", {"date": day, "kind": "off", "decision": DECISION},
                        headers=JSON, status=201)
    # 3 working days after Wed 3/2 (Tết 4-10/2): Thu 11, Fri 12, Mon 15; then 15, 16, 17.
    assert (before, _due(anon, "2027-02-03")) == ("2027-02-15", "2027-02-17")


def test_makeup_saturday_counts_as_a_working_day(admin, anon):
    admin.post_json("/procedures/@@calendar", {"date": "2027-02-20", "kind": "makeup",
                                               "decision": DECISION}, headers=JSON, status=201)
    # From Fri 19/2: Sat 20 (make-up), Mon 22, Tue 23; a 1-day procedure from Sat 20: Mon 22.
    assert _due(anon, "2027-02-19") == "2027-02-23" and \
        anon.get("/procedures/2.000815/@@due-date", {"from": "2027-02-20"}, headers=JSON).json["due"] == "2027-02-22"


def test_the_trail_keeps_who_entered_what_and_why(admin):
    admin.post_json("/procedures/@@calendar", {"date": "2027-02-11", "kind": "off", "decision": DECISION},
                    headers=JSON)
    admin.post_json("/procedures/@@calendar-remove", {"date": "2027-02-11", "decision": "Đính chính"},
                    headers=JSON)
    trail = admin.get("/procedures/@@calendar", {"year": 2027}, headers=JSON).json["trail"]
    assert [(e["action"], e["by"], e["decision"]) for e in trail] == [
        ("remove", "admin", "Đính chính"), ("add", "admin", DECISION)]


def test_a_day_off_needs_the_deciding_document(admin):
    res = admin.post_json("/procedures/@@calendar", {"date": "2027-02-11", "kind": "off"},
                          headers=JSON, status=422)
    assert "decision" in res.json["error"]["fields"]


def test_a_bad_date_is_422(admin):
    res = admin.post_json("/procedures/@@calendar", {"date": "11/02/2027", "kind": "off",
                                                     "decision": DECISION}, headers=JSON, status=422)
    assert "date" in res.json["error"]["fields"]


def test_a_weekday_cannot_be_a_makeup_day(admin):
    res = admin.post_json("/procedures/@@calendar", {"date": "2027-02-17", "kind": "makeup",
                                                     "decision": DECISION}, headers=JSON, status=422)
    assert "date" in res.json["error"]["fields"]


def test_calendar_page_lists_package_holidays_and_entries(admin):
    page = admin.get("/procedures/@@calendar", {"year": 2027})
    form = next(f for f in page.forms.values() if f.action.endswith("@@calendar"))
    form["date"], form["kind"], form["decision"] = "2027-02-11", "off", DECISION
    page = form.submit().maybe_follow()
    assert "Tết" in page.text and DECISION in page.text
