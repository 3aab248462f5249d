"""Public pages rendered once per content version (web/pagecache.py, issue 15).

Anonymous visitors get a kept page with validators; a change shows at once;
a logged-in user never gets the anonymous page, nor an anonymous visitor a
logged-in user's; nothing personal (CSRF token, name, cookie) is kept.
"""
import pytest

from live_server import Client

JSON = {"Accept": "application/json"}


@pytest.fixture
def procedure_path(anon):
    items = anon.get("/procedures/?q=ho+tich", headers=JSON).json["items"]
    return items[0]["url"].replace("http://example.com", "")


def test_anonymous_page_has_validators_and_no_cookie(anon, procedure_path):
    res = anon.get(procedure_path)
    assert res.headers["ETag"].startswith('"')
    assert "Last-Modified" in res.headers
    assert res.headers["Cache-Control"] == "public, no-cache"
    assert "Cookie" in res.headers["Vary"] and "Accept" in res.headers["Vary"]
    assert "Set-Cookie" not in res.headers
    assert 'name="csrf_token"' not in res.text


def test_conditional_request_gets_304(anon, procedure_path):
    etag = anon.get(procedure_path).headers["ETag"]
    res = anon.get(procedure_path, headers={"If-None-Match": etag}, status=304)
    assert res.body == b"" and res.headers["ETag"] == etag
    anon.get(procedure_path, headers={"If-None-Match": '"something-else"'}, status=200)


def test_if_modified_since_gets_304(anon, procedure_path):
    modified = anon.get(procedure_path).headers["Last-Modified"]
    anon.get(procedure_path, headers={"If-Modified-Since": modified}, status=304)


def test_json_and_html_are_kept_apart(anon, procedure_path):
    page = anon.get(procedure_path)
    data = anon.get(procedure_path, headers=JSON)
    assert page.content_type == "text/html" and data.content_type == "application/json"
    assert page.headers["ETag"] != data.headers["ETag"]


def test_languages_are_kept_apart(anon, procedure_path):
    vi = anon.get(procedure_path)
    en = anon.get(procedure_path, headers={"Accept-Language": "en"})
    assert 'lang="vi"' in vi.text and 'lang="en"' in en.text


def rename_published(edit_site, code, name):
    """An editor publishes a new version of procedure ``code`` under ``name``."""
    with edit_site() as site:
        catalog = site["procedures"]
        data = catalog[code].published_version().content()
        data["name"] = name
        catalog.update(code, data, "editor1")
        catalog.publish(code, "editor1")


def test_a_published_change_shows_at_once(anon, edit_site, procedure_path):
    before = anon.get(procedure_path, headers=JSON)
    code = before.json["code"]
    rename_published(edit_site, code, "Tên mới của thủ tục để thử bộ nhớ trang")
    page = anon.get(procedure_path, headers={"If-None-Match": before.headers["ETag"]})
    assert page.status_int == 200
    assert "Tên mới của thủ tục để thử bộ nhớ trang" in anon.get(procedure_path).text
    found = anon.get("/procedures/?q=bo+nho+trang", headers=JSON).json
    assert [i["code"] for i in found["items"]] == [code]


def test_logged_in_user_never_gets_the_anonymous_page(anon, login, procedure_path):
    kept = anon.get(procedure_path)
    citizen = login("citizen1")
    page = citizen.get(procedure_path)
    assert "ETag" not in page.headers
    assert page.headers["Cache-Control"] == "no-store"
    assert citizen.session_info["login"] in page.text or "Đăng xuất" in page.text
    assert "Đăng xuất" not in kept.text
    citizen.get(procedure_path, headers={"If-None-Match": kept.headers["ETag"]}, status=200)


def test_anonymous_visitor_never_gets_a_logged_in_page(anon, login):
    citizen = login("citizen1")
    mine = citizen.get("/")
    assert "Đăng xuất" in mine.text
    page = anon.get("/")
    assert "Đăng xuất" not in page.text and "Đăng nhập" in page.text
    assert citizen.extra_environ["HTTP_X_CSRF_TOKEN"] not in page.text


def test_unknown_tracking_code_is_kept_with_its_404(anon):
    code = "000.00.20.H55-270203-9999"
    first = anon.get(f"/@@track?code={code}", status=404)
    again = anon.get(f"/@@track?code={code}", status=404)
    assert first.body == again.body and "ETag" in again.headers


def test_anonymous_language_switch_needs_a_page_of_this_site(anon):
    """The kept page carries no token: the switch is checked by Origin, else Referer."""
    res = anon.post("/@@language", {"lang": "en"},
                    headers={"Origin": "http://example.com",
                             "Referer": "http://example.com/procedures/"}, status=303)
    assert res.headers.getall("Set-Cookie") == [next(
        c for c in res.headers.getall("Set-Cookie") if c.startswith("_LOCALE_=en"))]
    anon.post("/@@language", {"lang": "en"}, headers={"Origin": "http://evil.test"}, status=400)
    anon.post("/@@language", {"lang": "en"}, status=400)


def test_kept_pages_through_a_real_server(live_server, procedure_path):
    """Over HTTP: the 304 carries no body, and a logged-in client gets its own page."""
    client = Client(live_server)
    page = {"Accept": "text/html"}
    first = client.get(procedure_path, headers=page)
    etag = {k.lower(): v for k, v in first.headers.items()}["etag"]
    assert first.status == 200 and client.cookie is None
    again = client.get(procedure_path, headers=dict(page, **{"If-None-Match": etag}))
    assert again.status == 304 and again.body == b""
    client.login("citizen1")
    mine = client.get(procedure_path, headers=dict(page, **{"If-None-Match": etag}))
    assert mine.status == 200 and "Đăng xuất" in mine.body.decode()


# -- answered before the transaction (pagecache.front_tween_factory) ---------------------------

def _front(app, path, json=False, language="vi"):
    """The answer kept under ``path`` alone (None when there is none)."""
    from tthc_docs.web.pagecache import store_of
    return store_of(app.registry).get(("front", "http://example.com", path, json, language))


def test_a_kept_page_is_answered_again_from_its_address(app, anon, procedure_path):
    first = anon.get(procedure_path)
    assert _front(app, procedure_path).entry.etag == first.headers["ETag"].strip('"')
    again = anon.get(procedure_path)
    assert again.body == first.body and again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["X-Content-Type-Options"] == "nosniff"     # headers still added


def test_any_commit_sends_the_next_request_through_the_view(app, anon, edit_site,
                                                            procedure_path):
    anon.get(procedure_path)
    kept = _front(app, procedure_path)
    with edit_site() as site:                      # a change the page does not show
        site["people"]["citizen2"].full_name = "Tên khác"
    again = anon.get(procedure_path)
    assert _front(app, procedure_path).tid != kept.tid
    assert again.headers["ETag"].strip('"') == kept.entry.etag    # same content, same bytes


def test_a_new_day_shows_the_due_date_counted_from_it(anon, monkeypatch, procedure_path):
    """The page promises a due date counted from today (Civil Code art. 147): a kept copy
    of yesterday's must not be answered today, though nothing was committed."""
    from datetime import datetime

    from tthc_docs import timeutil
    monday = datetime(2027, 3, 1, 9, 0, tzinfo=timeutil.VN_TZ)
    monkeypatch.setattr(timeutil, "now", lambda: monday)
    on_monday = anon.get(procedure_path).text
    monkeypatch.setattr(timeutil, "now", lambda: monday.replace(day=2))
    on_tuesday = anon.get(procedure_path).text
    assert "(01/03/2027)" in on_monday and "(02/03/2027)" in on_tuesday


def _open_dossier_due_later(login):
    """The path of a citizen1 dossier whose legal due date is still ahead, and that date."""
    from datetime import datetime

    from tthc_docs import timeutil
    from tthc_docs.dossiers.states import OPEN, SUPPLEMENT_REQUESTED
    for item in login("citizen1").get("/@@my-dossiers", headers=JSON).json["items"]:
        path = f"/@@track?code={item['code']}"
        facts = login("citizen1").get(path, headers=JSON).json
        if (facts["status"] in OPEN and facts["status"] != SUPPLEMENT_REQUESTED
                and facts["due_at"] and datetime.fromisoformat(facts["due_at"]) > timeutil.now()):
            return path, datetime.fromisoformat(facts["due_at"])
    pytest.skip("the demo has no open dossier due later")


def test_tracking_a_known_code_is_kept_until_it_turns_overdue(app, anon, login, monkeypatch):
    """Whether a dossier is overdue changes with the clock alone, with no commit
    (Decree 61/2018/NĐ-CP art. 16: late once its legal due date has passed): the
    page is answered from its address until that moment, and not after it."""
    from datetime import timedelta

    from tthc_docs import timeutil
    path, due = _open_dossier_due_later(login)
    monkeypatch.setattr(timeutil, "now", lambda: due - timedelta(minutes=1))
    before = anon.get(path, headers=JSON).json
    assert before["overdue"] is False
    kept = _front(app, path, json=True)
    assert kept is not None and kept.until == due
    assert anon.get(path, headers=JSON).json == before           # from the front, same answer
    monkeypatch.setattr(timeutil, "now", lambda: due + timedelta(minutes=1))
    after = anon.get(path, headers=JSON).json                     # nothing committed meanwhile
    assert after["overdue"] is True
    assert _front(app, path, json=True).until is None             # late for good: kept all day


def _kept_under(app, path):
    """The view-level store's HTML answers kept for ``path`` (the front keys left out)."""
    items = app.registry.tthc_pages._items
    return [e for k, e in items.items() if k[1:3] == (path, False)]


def test_a_changed_page_takes_the_place_of_its_older_version(anon, edit_site, app,
                                                             procedure_path):
    """One answer per address: the superseded version is not kept beside the new one."""
    anon.get(procedure_path)
    old = _kept_under(app, procedure_path)
    code = anon.get(procedure_path, headers=JSON).json["code"]
    rename_published(edit_site, code, "Tên mới: bản cũ của trang không còn giữ")
    assert "bản cũ của trang không còn giữ" in anon.get(procedure_path).text
    new = _kept_under(app, procedure_path)
    assert len(old) == 1 and len(new) == 1 and new[0].etag != old[0].etag
