"""Errors per API.md, security headers, body limits, i18n."""
import logging



def test_unknown_path_is_json_404_for_json_clients(anon):
    res = anon.get("/no/such/thing", headers={"Accept": "application/json"}, status=404)
    assert res.json["error"]["status"] == 404
    assert res.json["error"]["message"]


def test_unknown_path_is_a_vietnamese_page_for_browsers(anon):
    res = anon.get("/no/such/thing", status=404)
    assert res.content_type == "text/html"
    assert "Không tìm thấy" in res.text


def test_protected_page_sends_a_browser_to_login(anon):
    res = anon.get("/people", status=303)
    assert "/@@login?came_from=/people" in res.location


def test_protected_object_is_401_for_anonymous_json(anon):
    anon.get("/people", headers={"Accept": "application/json"}, status=401)


def test_protected_object_is_403_for_the_wrong_role(login):
    login("citizen1").get("/people", headers={"Accept": "application/json"}, status=403)


def test_security_headers_on_pages_and_errors(anon):
    for res in (anon.get("/"), anon.get("/nope", status=404)):
        assert res.headers["X-Content-Type-Options"] == "nosniff"
        assert res.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in res.headers["Content-Security-Policy"]
        assert res.headers["Referrer-Policy"]
        assert res.headers["X-Request-Id"]


class Exploding:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the oversized body was read")

    readline = readlines = read

    def __iter__(self):
        raise AssertionError("the oversized body was read")


def test_oversized_body_is_413_without_reading_a_byte(anon, app):
    from webtest import TestRequest
    limit = app.registry.settings["tthc_docs.max_body_bytes"]
    req = TestRequest.blank("/@@login", method="POST", environ={
        "wsgi.input": Exploding(), "CONTENT_LENGTH": str(limit + 1),
        "CONTENT_TYPE": "application/json", "HTTP_ACCEPT": "application/json"})
    res = anon.do_request(req, status=413)
    assert res.json["error"]["status"] == 413


def test_chunked_body_over_the_limit_is_cut_off_while_streaming(anon, app):
    import io
    from webtest import TestRequest
    limit = app.registry.settings["tthc_docs.max_body_bytes"]
    body = io.BytesIO(b'{"login": "' + b"a" * (limit + 10) + b'"}')
    req = TestRequest.blank("/@@login", method="POST", environ={
        "wsgi.input": body, "CONTENT_TYPE": "application/json",
        "HTTP_ACCEPT": "application/json", "wsgi.input_terminated": True})
    req.environ.pop("CONTENT_LENGTH", None)
    res = anon.do_request(req, status=413)
    assert res.json["error"]["status"] == 413
    assert body.tell() <= limit + 64 * 1024


def test_huge_json_is_413(anon):
    body = '{"login": "' + "a" * (2 * 1024 * 1024) + '", "password": "x"}'
    anon.post("/@@login", body, content_type="application/json", status=413)


def test_english_is_available_by_accept_language(anon):
    res = anon.get("/@@login", headers={"Accept-Language": "en"})
    assert "Log in" in res.text


def test_vietnamese_is_the_default(anon):
    res = anon.get("/@@login")
    assert "Đăng nhập" in res.text
    assert 'lang="vi"' in res.text


def test_language_cookie_switches_to_english(anon):
    token = anon.get("/@@me", headers={"Accept": "application/json"}).json["csrf_token"]
    anon.post("/@@language", {"lang": "en", "csrf_token": token})
    assert "Log in" in anon.get("/@@login").text


def test_doc_types_always_has_other(anon):
    items = anon.get("/@@doc-types", headers={"Accept": "application/json"}).json
    assert {"id": "other", "title": "Giấy tờ khác"} in items


def test_openapi_lists_the_session_endpoints(anon):
    doc = anon.get("/@@openapi.json").json
    assert doc["openapi"].startswith("3.")
    assert {"/@@login", "/@@me", "/@@logout"} <= set(doc["paths"])


def test_unexpected_error_is_500_without_traceback(anon, monkeypatch, caplog):
    """A bug answers 500 with a request id, logs the traceback, shows none."""
    from tthc_docs.site import views as site_views

    def broken():
        raise RuntimeError("secret internals")

    monkeypatch.setattr(site_views.doctypes, "as_json", broken)
    with caplog.at_level(logging.ERROR):
        res = anon.get("/@@doc-types", headers={"Accept": "application/json"}, status=500)
    assert "secret internals" not in res.text
    assert res.json["error"]["request_id"]
    assert res.json["error"]["request_id"] in caplog.text


def test_unexpected_error_page_for_browsers_has_no_traceback(anon, monkeypatch):
    from tthc_docs.site import views as site_views
    monkeypatch.setattr(site_views.doctypes, "as_json", lambda: 1 / 0)
    res = anon.get("/@@doc-types", status=500)
    assert "ZeroDivisionError" not in res.text and "Traceback" not in res.text


def test_pages_of_a_logged_in_user_are_not_cached(login):
    res = login("citizen1").get("/@@me", headers={"Accept": "application/json"})
    assert res.headers["Cache-Control"] == "no-store"


def test_public_pages_for_anonymous_visitors_may_be_cached(anon):
    assert "no-store" not in anon.get("/").headers.get("Cache-Control", "")


def test_static_files_keep_their_cache_lifetime(login):
    res = login("citizen1").get("/static/site.css")
    assert "max-age" in res.headers["Cache-Control"]
