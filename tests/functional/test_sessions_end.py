"""Sessions live on the server: a copied cookie dies with logout, a new password, a lock.

The cookie used to carry the session itself (signed), so a copy kept working
for eight hours after logout.  Now it carries only an unguessable id.
"""
import re

from webtest import TestApp

from tthc_docs.people import totp


def me(app, cookie):
    """@@me for a client that presents only ``cookie`` (a copy of someone's)."""
    client = TestApp(app, extra_environ={"HTTP_HOST": "example.com"})
    return client.get("/@@me", headers={"Accept": "application/json",
                                        "Cookie": f"tthc_session={cookie}"}).json["login"]


def cookie_of(client):
    return client.cookies["tthc_session"]


def test_the_cookie_holds_only_an_unguessable_id(anon):
    res = anon.post_json("/@@login", {"login": "citizen1", "password": "demo-password"})
    header = res.headers["Set-Cookie"]
    value = anon.cookies["tthc_session"]
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", value)   # secrets.token_urlsafe(32)
    assert "HttpOnly" in header and "SameSite=Lax" in header


def test_a_copied_cookie_stops_working_at_logout(app, login):
    client = login("citizen1")
    copied = cookie_of(client)
    assert me(app, copied) == "citizen1"
    client.post_json("/@@logout", {})
    assert me(app, copied) is None


def test_a_new_password_ends_every_session_of_the_account(app, login):
    phone, laptop = login("citizen1"), login("citizen1", address="10.0.0.9")
    login("admin").patch_json("/people/citizen1", {"password": "a-new-password-2026"},
                              headers={"Accept": "application/json"})
    assert me(app, cookie_of(phone)) is None
    assert me(app, cookie_of(laptop)) is None


def test_an_admins_lock_ends_the_session_at_once(app, login, edit_site):
    client = login("reception1")
    login("admin").patch_json("/people/reception1", {"active": False},
                              headers={"Accept": "application/json"})
    login("admin").patch_json("/people/reception1", {"active": True},
                              headers={"Accept": "application/json"})
    assert me(app, cookie_of(client)) is None   # unlocking does not revive it
    with edit_site() as site:
        assert not site.sessions.by_login.get("reception1")


def test_login_replaces_the_session_id(anon):
    anon.get("/@@login")
    before = anon.cookies.get("tthc_session")
    anon.post_json("/@@login", {"login": "citizen1", "password": "demo-password"})
    assert anon.cookies["tthc_session"] != before


def test_the_pending_totp_secret_is_not_in_the_cookie(login, edit_site):
    with edit_site() as site:
        site["people"]["leader1"].totp_secret = None
    leader = login("leader1")
    cookie = cookie_of(leader)
    page = leader.get("/@@totp", headers={"Accept": "application/json"}).json
    secret = re.search(r"secret=([A-Z2-7]+)", page["otpauth_uri"]).group(1)
    assert secret not in cookie and cookie_of(leader) == cookie
    leader.post_json("/@@totp", {"code": totp.current_code(secret)},
                     headers={"Accept": "application/json"})
    with edit_site() as site:
        assert site["people"]["leader1"].totp_secret == secret


def test_a_flash_message_travels_without_a_database_write(db, login):
    client = login("citizen1")
    vault = client.session_info["vault"]
    page = client.post(f"{vault}/profile", {"phone": "0912345678"},
                       headers={"X-CSRF-Token": client.session_info["csrf_token"]})
    before = db.lastTransaction()
    shown = page.follow()
    assert "Đã lưu thông tin cá nhân." in shown.text
    assert db.lastTransaction() == before              # the GET that shows it writes nothing
    assert "Đã lưu thông tin cá nhân." not in client.get(f"{vault}/profile").text


def test_an_id_the_server_does_not_hold_is_never_adopted(app, anon):
    chosen = "a" * 43
    anon.set_cookie("tthc_session", chosen)
    anon.post_json("/@@login", {"login": "citizen1", "password": "demo-password"})
    assert anon.cookies["tthc_session"] != chosen
    assert me(app, chosen) is None
