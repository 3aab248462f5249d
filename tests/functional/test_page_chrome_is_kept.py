"""The page chrome is rendered once per kind of visitor and kept (issue 15): never shared wrongly.

``web.chrome`` keeps the header, navigation and footer per (language,
address, login, name, roles); the CSRF token is put in per page.  These
tests show that what one person sees never reaches another, that a name is
still escaped, that a change of name or language shows at once, and that
the kept logout form still works.
"""
import re

TOKEN = re.compile(r'name="csrf_token" value="([^"]*)"')


def tokens(page):
    return set(TOKEN.findall(page.text))


def test_each_person_sees_their_own_name_and_token(login):
    first, second = login("citizen1"), login("citizen2")
    page_one = first.get("/@@my-vault").maybe_follow()
    page_two = second.get("/@@my-vault").maybe_follow()
    assert tokens(page_one) == {first.session_info["csrf_token"]}
    assert tokens(page_two) == {second.session_info["csrf_token"]}
    assert first.session_info["csrf_token"] not in page_two.text
    assert page_one.html.select_one(".session span").text != \
        page_two.html.select_one(".session span").text


def test_two_sessions_of_one_person_keep_their_own_tokens(login):
    one, two = login("citizen1"), login("citizen1")
    assert tokens(one.get("/@@my-dossiers")) == {one.session_info["csrf_token"]}
    assert tokens(two.get("/@@my-dossiers")) == {two.session_info["csrf_token"]}


def test_the_kept_logout_form_logs_out(login):
    client = login("citizen1")
    page = client.get("/@@my-dossiers")
    del client.extra_environ["HTTP_X_CSRF_TOKEN"]     # the form's own token, as a browser sends it
    page.forms[0].submit()
    me = client.get("/@@me", headers={"Accept": "application/json"}).json
    assert me["login"] is None


def test_a_name_is_escaped_and_a_new_name_shows_at_once(login, edit_site):
    client = login("citizen1")
    client.get("/@@my-dossiers")                        # the chrome with the old name is kept
    with edit_site() as site:
        site["people"]["citizen1"].full_name = "<script>alert(1)</script> Bà Ánh"
    page = client.get("/@@my-dossiers")
    assert "<script>alert(1)</script>" not in page.text
    assert page.html.select_one(".session span").text == "<script>alert(1)</script> Bà Ánh"


def test_new_roles_show_their_navigation_at_once(login, edit_site):
    client = login("reception1")
    assert "/@@sign-queue" not in client.get("/@@queue").text
    with edit_site() as site:
        account = site["people"]["reception1"]
        account.roles = account.roles | {"leader"}
    assert "/@@sign-queue" in client.get("/@@queue").text


def test_the_language_chooses_the_chrome(login):
    client = login("citizen1")
    assert "Đăng xuất" in client.get("/@@my-dossiers").text
    client.set_cookie("_LOCALE_", "en")
    page = client.get("/@@my-dossiers")
    assert "Đăng xuất" not in page.text and 'lang="en"' in page.text
    assert page.html.select_one('option[value="en"]').has_attr("selected")


def test_an_anonymous_page_still_starts_no_session(anon):
    page = anon.get("/@@track")
    assert "Set-Cookie" not in page.headers
    assert not tokens(page)
