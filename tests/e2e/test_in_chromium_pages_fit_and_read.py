"""Every main page, at a desk and on a phone: no serious axe-core violation, nothing wider than 360 px.

The pages are those a person reaches from the navigation, as each role sees
them, with a dossier in the demo's usual states so lists are not empty.
"""
import pytest

PAGES = {
    None: ['/', '/procedures/', '/procedures/2.000635', '/@@track', '/@@verify', '/@@login',
           '/@@feedback'],
    'citizen1': ['/@@my-dossiers', '/@@my-vault', '/procedures/2.000635/@@apply',
                 '/@@dossier'],
    'reception1': ['/@@queue', '/vaults/@@find', '/@@dossier'],
    'leader1': ['/@@sign-queue', '/@@sign-mobile', '/@@sign'],
    'editor1': ['/forms/', '/forms/to-khai-cap-ban-sao-trich-luc',
                '/forms/to-khai-cap-ban-sao-trich-luc/@@edit'],
}
CASES = [(who, path) for who, paths in PAGES.items() for path in paths]


def _path(path, code):
    if path == '/@@dossier':
        return f'/dossiers/{code}'
    if path == '/@@sign':
        return f'/dossiers/{code}/@@sign'
    return path


@pytest.mark.parametrize('phone', [True, False], ids=['phone', 'desk'])
def test_main_pages_fit_and_pass_axe(person, walk, paid_dossier, phone):
    """One browser per role; every page of that role checked in turn (one test: a session's cost)."""
    walk(paid_dossier, 'awaiting_signature')
    problems = {}
    for who in PAGES:
        visitor = person(who or 'anon', phone=phone)
        if who:
            visitor.login(who)
        for path in PAGES[who]:
            url = _path(path, paid_dossier)
            response = visitor.page.goto(visitor.base + url)
            assert response.status == 200, (who, url, response.status)
            visitor.shot(url.strip('/').replace('/', '_').replace('@', '') or 'home')
            width = visitor.width()
            if phone and width > 360:
                problems[(who, url, 'width')] = width
            violations = visitor.axe()
            if violations:
                problems[(who, url, 'axe')] = violations
    assert problems == {}
