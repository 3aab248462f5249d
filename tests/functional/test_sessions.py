"""Logging in and out, as JSON clients and browsers (API.md "Sessions")."""
import pytest


@pytest.mark.parametrize("name,roles", [
    ("citizen1", ["citizen"]), ("citizen2", ["citizen"]), ("editor1", ["editor"]),
    ("reception1", ["reception"]), ("specialist1", ["specialist"]),
    ("leader1", ["leader"]), ("admin", ["admin"]),
])
def test_every_demo_account_logs_in_with_json(anon, name, roles):
    res = anon.post_json("/@@login", {"login": name, "password": "demo-password"})
    assert res.json["login"] == name
    assert res.json["roles"] == roles
    assert res.json["csrf_token"]


def test_citizen_session_names_the_vault_path(login):
    client = login("citizen1")
    assert client.session_info["vault"].startswith("/vaults/v-")


def test_officer_session_has_no_vault(login):
    assert login("reception1").session_info["vault"] is None


def test_me_answers_the_same_session(login):
    client = login("editor1")
    me = client.get("/@@me", headers={"Accept": "application/json"}).json
    assert me["login"] == "editor1" and me["roles"] == ["editor"]


def test_me_is_anonymous_before_login(anon):
    me = anon.get("/@@me", headers={"Accept": "application/json"}).json
    assert me["login"] is None and me["roles"] == [] and me["csrf_token"]


def test_wrong_password_is_401_with_a_message(anon):
    res = anon.post_json("/@@login", {"login": "citizen1", "password": "nope"}, status=401)
    assert "mật khẩu" in res.json["error"]["message"]


def test_unknown_account_is_401(anon):
    anon.post_json("/@@login", {"login": "ghost", "password": "x"}, status=401)


def test_login_without_password_is_422_naming_the_field(anon):
    res = anon.post_json("/@@login", {"login": "citizen1"}, status=422)
    assert "password" in res.json["error"]["fields"]


def test_login_with_wrong_types_is_422(anon):
    res = anon.post_json("/@@login", {"login": ["citizen1"], "password": 5}, status=422)
    assert set(res.json["error"]["fields"]) == {"login", "password"}


def test_malformed_json_is_400(anon):
    res = anon.post("/@@login", "{not json", content_type="application/json", status=400)
    assert "JSON" in res.json["error"]["message"]


def test_json_array_body_is_400(anon):
    anon.post("/@@login", "[1, 2]", content_type="application/json", status=400)


def test_logout_ends_the_session(login):
    client = login("citizen1")
    client.post_json("/@@logout", {})
    me = client.get("/@@me", headers={"Accept": "application/json"}).json
    assert me["login"] is None


def test_logout_without_csrf_token_is_400(login):
    client = login("citizen1")
    del client.extra_environ["HTTP_X_CSRF_TOKEN"]
    res = client.post_json("/@@logout", {}, status=400)
    assert "CSRF" in res.json["error"]["message"]


def test_browser_logs_in_through_the_form(anon):
    page = anon.get("/@@login")
    form = page.forms['login-form']
    form["login"] = "leader1"
    form["password"] = "demo-password"
    res = form.submit().follow()
    assert "Đặng Quốc Bảo" in res.text


def test_browser_login_form_without_token_is_refused(anon):
    anon.post("/@@login", {"login": "leader1", "password": "demo-password"}, status=400)


def test_browser_wrong_password_shows_the_form_again(anon):
    form = anon.get("/@@login").forms['login-form']
    form["login"] = "leader1"
    form["password"] = "wrong"
    res = form.submit(status=401)
    assert "Sai tên đăng nhập" in res.text


def test_login_does_not_redirect_off_site(anon):
    form = anon.get("/@@login?came_from=//evil.example/").forms['login-form']
    form["login"] = "leader1"
    form["password"] = "demo-password"
    res = form.submit()
    assert res.location.startswith("http://example.com/")


def test_session_cookie_is_httponly_and_samesite(anon):
    res = anon.post_json("/@@login", {"login": "citizen1", "password": "demo-password"})
    cookie = res.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
