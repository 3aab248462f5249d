"""Security review findings: each test pins one rule of the brief that the code broke."""
import logging
import re

from dossier_support import AGENCY, clock, docs, filed, procedure  # noqa: F401

ID_NUMBER = "019190001234"
TWELVE_DIGITS = re.compile(r"(?<!\d)\d{12}(?!\d)")


def test_language_switch_does_not_follow_a_look_alike_referer(anon):
    """``http://example.com.evil.test`` starts with the site's URL but is another host."""
    token = anon.get("/@@me", headers={"Accept": "application/json"}).json["csrf_token"]
    res = anon.post("/@@language", {"lang": "en", "csrf_token": token},
                    headers={"Referer": "http://example.com.evil.test/phish"}, status=303)
    assert res.location == "http://example.com/"


def test_language_switch_returns_to_the_page_it_came_from(anon):
    token = anon.get("/@@me", headers={"Accept": "application/json"}).json["csrf_token"]
    res = anon.post("/@@language", {"lang": "en", "csrf_token": token},
                    headers={"Referer": "http://example.com/procedures/"}, status=303)
    assert res.location == "http://example.com/procedures/"


def test_unexpected_error_log_has_no_id_number(anon, monkeypatch, caplog):
    """An exception message quoting profile data must not put an ID number in the log."""
    from tthc_docs.site import views as site_views

    def broken():
        raise ValueError(f"cannot index profile {ID_NUMBER}")

    monkeypatch.setattr(site_views.doctypes, "as_json", broken)
    with caplog.at_level(logging.ERROR):
        res = anon.get("/@@doc-types", headers={"Accept": "application/json"}, status=500)
    assert res.json["error"]["request_id"] in caplog.text
    assert "ValueError" in caplog.text  # the traceback is still there for the operator
    assert not TWELVE_DIGITS.search(caplog.text)


def test_agency_alone_does_not_open_dossiers_to_a_non_officer(login, edit_site, procedure, docs):
    """An editor the admin filed under an agency is not an officer of it."""
    code = filed(login, docs)
    with edit_site() as site:
        site["people"]["editor1"].agency = AGENCY
    login("editor1").get(f"/dossiers/{code}", headers={"Accept": "application/json"},
                         status=403)


def test_officer_of_the_agency_still_opens_its_dossiers(login, procedure, docs):
    code = filed(login, docs)
    login("reception1").get(f"/dossiers/{code}", headers={"Accept": "application/json"},
                            status=200)


def test_login_with_a_control_character_in_came_from_goes_home(anon):
    """A CR/LF in ``came_from`` must not reach the Location header (it gave a 500)."""
    token = anon.get("/@@me", headers={"Accept": "application/json"}).json["csrf_token"]
    res = anon.post("/@@login", {"login": "citizen1", "password": "demo-password",
                                 "csrf_token": token,
                                 "came_from": "/procedures/\r\nSet-Cookie: evil=1"}, status=303)
    assert res.location == "http://example.com/"


def test_login_redirect_keeps_the_whole_protected_url_in_came_from(anon):
    """``/people?a=1&came_from=...`` must not smuggle a second came_from to the login page."""
    from urllib.parse import parse_qs, urlsplit
    res = anon.get("/people?tab=1&came_from=/procedures/", status=303)
    query = parse_qs(urlsplit(res.location).query)
    assert query == {"came_from": ["/people?tab=1&came_from=/procedures/"]}


def serving_citizen1(login):
    """reception1, having found citizen1 by ID card (digitising needs it)."""
    officer = login("reception1")
    officer.post_json("/vaults/@@find", {"id_number": "019188012345"},
                      headers={"Accept": "application/json"})
    return officer


def test_digitize_without_csrf_token_is_400(login):
    """``@@digitize`` opts out of the automatic check only to size the body first."""
    from samples import make_pdf
    officer = serving_citizen1(login)
    vault_path = login("citizen1").session_info["vault"].rstrip("/")
    del officer.extra_environ["HTTP_X_CSRF_TOKEN"]
    officer.post(f"{vault_path}/@@digitize", {"doc_type": "other", "original": "Bản chính"},
                 upload_files=[("file", "scan.pdf", make_pdf())],
                 headers={"Accept": "application/json"}, status=400)


def test_digitize_refuses_html_named_pdf(login):
    """The content decides, not the name or the declared type."""
    officer = serving_citizen1(login)
    vault_path = login("citizen1").session_info["vault"].rstrip("/")
    officer.post(f"{vault_path}/@@digitize", {"doc_type": "other", "original": "Bản chính"},
                 upload_files=[("file", "scan.pdf", b"<html><script>1</script></html>",
                                "application/pdf")],
                 headers={"Accept": "application/json"}, status=415)


def test_apply_upload_refuses_html_named_pdf(login, procedure, docs):
    from webtest import Upload
    client = login("citizen1")
    form = client.get(f"/procedures/{procedure}/@@apply").forms["apply"]
    form["attachments.khai-sinh"] = docs["giay-khai-sinh"]
    form["file.cu-tru"] = Upload("cu-tru.pdf", b"<html><script>1</script></html>",
                                 "application/pdf")
    res = form.submit("submit", headers={"Accept": "application/json"}, status=415)
    assert res.json["error"]["status"] == 415


def test_superscript_version_is_422_not_500(anon, procedure):
    """``"²".isdigit()`` is true but ``int("²")`` fails: bad input, not a bug."""
    anon.get(f"/procedures/{procedure}?version=%C2%B2", headers={"Accept": "application/json"},
             status=422)
