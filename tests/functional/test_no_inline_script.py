"""Nothing inline anywhere: the Content-Security-Policy says ``script-src 'self'; style-src 'self'``.

deform's sequence widgets wrote ``<script>deform.addCallback(…)</script>`` and
``onclick=`` into the editors' pages, the form preview had ``onsubmit=`` and
the procedure page ``onclick="window.print()"``, so the policy had to allow
'unsafe-inline' (any injected script or style too).  deform's templates are
overridden (``templates/deform/``), ``static/deform-init.js`` and
``static/page.js`` do what the attributes did, and styles live in the
stylesheets.  Issue 16: every main page of every role is scanned.
"""
import re

import pytest

from dossier_support import clock, docs, filed, procedure  # noqa: F401

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style[\s>]|<[^>]*\sstyle\s*=", re.IGNORECASE)
DOSSIER = "/@@dossier"        # the dossier the test files, in place of its code
PAGES = {
    None: ["/", "/procedures/", "/procedures/1.001193", "/@@track", "/@@verify", "/@@login",
           "/@@feedback"],
    "editor1": ["/procedures/@@add", "/procedures/1.001193/@@edit", "/forms/", "/forms/@@add",
                "/forms/de-nghi-huong-tro-cap-that-nghiep",
                "/forms/de-nghi-huong-tro-cap-that-nghiep/@@edit"],
    "citizen1": ["/procedures/1.001193/@@apply", "/@@my-dossiers", "/", "/@@my-vault", DOSSIER,
                 "/procedures/2.000635", "/@@verify", "/@@track"],
    "reception1": ["/@@queue", "/@@queue?q=nguyen&urgency=overdue", "/vaults/@@find", DOSSIER],
    "specialist1": ["/@@queue", DOSSIER],
    "leader1": ["/@@totp", "/@@sign-mobile", "/@@sign-queue", DOSSIER, DOSSIER + "/@@sign",
                "/@@sign-requests"],
}
CASES = [(who, url) for who, urls in PAGES.items() for url in urls]


def test_the_policy_allows_no_inline_script_or_style(anon):
    policy = anon.get("/").headers["Content-Security-Policy"]
    for directive in ("script-src", "style-src"):
        assert re.search(directive + r" ([^;]*)", policy).group(1).split() == ["'self'"]


@pytest.mark.parametrize("who, url", CASES)
def test_pages_have_no_inline_script_handler_or_style(login, anon, procedure, docs, who, url):
    if DOSSIER in url:
        url = url.replace(DOSSIER, "/dossiers/" + filed(login, docs))
    page = (login(who) if who else anon).get(url, status=(200, 303)).maybe_follow()
    assert page.status_int == 200
    page = page.text
    assert INLINE_SCRIPT.findall(page) == []
    assert EVENT_HANDLER.findall(page) == []
    assert INLINE_STYLE.findall(page) == []


def test_a_vault_documents_page_has_no_inline_style(login, edit_site):
    client = login("citizen1")
    vault = client.get("/@@my-vault").maybe_follow()
    link = next(a["href"] for a in vault.html.select("a[href*='/documents/']"))
    page = client.get(link).maybe_follow().text
    assert "document-preview" in page and INLINE_STYLE.findall(page) == []


def test_the_sequence_buttons_are_wired_by_the_static_file(login, anon):
    page = login("editor1").get("/procedures/@@add").text
    assert 'data-deform-action="append"' in page and "deform-init.js" in page
    script = anon.get("/static/deform-init.js").text
    assert "appendSequenceItem" in script and "removeSequenceItem" in script


def test_print_and_preview_are_wired_by_the_static_file(login, anon):
    procedure_page = anon.get("/procedures/1.001193").html
    assert procedure_page.select_one("button[data-print]") is not None
    preview = login("editor1").get("/forms/de-nghi-huong-tro-cap-that-nghiep").html
    assert preview.select_one("form.preview[data-no-submit]") is not None
    script = anon.get("/static/page.js").text
    assert "data-print" in script and "data-no-submit" in script
