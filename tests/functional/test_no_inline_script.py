"""No inline script anywhere: the Content-Security-Policy says ``script-src 'self'``.

deform's sequence widgets wrote ``<script>deform.addCallback(…)</script>`` and
``onclick=`` into the editors' pages, so the policy had to allow
'unsafe-inline' scripts (any injected script too).  Its templates are
overridden (``templates/deform/``) and ``static/deform-init.js`` does the same.
"""
import re

import pytest

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
PAGES = {
    "editor1": ["/procedures/@@add", "/procedures/1.001193/@@edit", "/forms/@@add",
                "/forms/de-nghi-huong-tro-cap-that-nghiep/@@edit"],
    "citizen1": ["/procedures/1.001193/@@apply", "/@@my-dossiers", "/"],
    "leader1": ["/@@totp", "/@@sign-mobile", "/@@sign-requests"],
}


def test_the_policy_allows_no_inline_script(anon):
    policy = anon.get("/").headers["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert script_src.split() == ["'self'"]


@pytest.mark.parametrize("who, url", [(w, u) for w, urls in PAGES.items() for u in urls])
def test_pages_have_no_inline_script_or_handler(login, who, url):
    page = login(who).get(url, status=200).text
    assert INLINE_SCRIPT.findall(page) == []
    assert EVENT_HANDLER.findall(page) == []


def test_the_sequence_buttons_are_wired_by_the_static_file(login, anon):
    page = login("editor1").get("/procedures/@@add").text
    assert 'data-deform-action="append"' in page and "deform-init.js" in page
    script = anon.get("/static/deform-init.js").text
    assert "appendSequenceItem" in script and "removeSequenceItem" in script
