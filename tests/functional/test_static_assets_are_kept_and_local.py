"""Issue 16: static files are cached by the browser, and every page takes its files from this site.

``web/ui.py`` serves ``static/`` and deform's own files with ``cache_max_age``;
a page that linked a CDN or a web font would leak each visit to a third
party and break on a closed network (the CSP's ``default-src 'self'``
would also refuse it).
"""
import re
from urllib.parse import urlsplit

import pytest

ASSETS = ['/static/site.css', '/static/page.js', '/static/tables.js', '/static/favicon.svg',
          '/static/signing.css', '/static-deform/scripts/deform.js']
PAGES = {None: ['/', '/procedures/', '/procedures/1.001193', '/@@verify', '/@@login'],
         'editor1': ['/forms/de-nghi-huong-tro-cap-that-nghiep/@@edit', '/procedures/@@add'],
         'reception1': ['/@@queue'], 'leader1': ['/@@sign-mobile'],
         'citizen1': ['/procedures/1.001193/@@apply']}


@pytest.mark.parametrize('path', ASSETS)
def test_a_static_file_is_kept_an_hour_and_revalidated(anon, path):
    res = anon.get(path)
    assert int(re.search(r'max-age=(\d+)', res.headers['Cache-Control']).group(1)) >= 3600
    assert res.headers.get('Last-Modified') or res.headers.get('ETag')


@pytest.mark.parametrize('who, path', [(w, p) for w, ps in PAGES.items() for p in ps])
def test_a_page_takes_every_file_from_this_site(login, anon, who, path):
    page = (login(who) if who else anon).get(path).html
    urls = [tag.get('src') or tag.get('href')
            for tag in page.select('script[src], link[href], img[src], iframe[src], source[src]')]
    foreign = [u for u in urls if urlsplit(u).netloc not in ('', 'example.com')]
    assert urls and foreign == []


def _versioned_urls(page):
    return [tag.get('src') or tag.get('href')
            for tag in page.select('script[src], link[rel="stylesheet"], link[rel="icon"]')]


def test_every_static_url_of_a_page_names_its_contents(login):
    """A deploy changes the address of each changed file: no stale CSS or JS for an hour."""
    import hashlib
    from importlib import resources
    page = login('reception1').get('/@@queue').html
    urls = [u for u in _versioned_urls(page) if '/static' in u]
    assert urls
    for url in urls:
        parts = urlsplit(url)
        prefix, _, subpath = parts.path.lstrip('/').partition('/')
        package = {'static': 'tthc_docs', 'static-deform': 'deform'}[prefix]
        body = resources.files(package).joinpath('static', *subpath.split('/')).read_bytes()
        assert parts.query == 'v=' + hashlib.sha256(body).hexdigest()[:12], url


def test_a_file_at_its_current_version_is_kept_a_year_unchanged(anon):
    url = next(u for u in _versioned_urls(anon.get('/').html) if '/static/site.css' in u)
    res = anon.get(url.replace('http://example.com', ''))
    assert res.headers['Cache-Control'] == 'public, max-age=31536000, immutable'


@pytest.mark.parametrize('query', ['', '?v=000000000000'])
def test_a_file_without_its_current_version_is_kept_an_hour_only(anon, query):
    res = anon.get('/static/site.css' + query)
    assert 'immutable' not in res.headers['Cache-Control']
    assert re.search(r'max-age=(\d+)', res.headers['Cache-Control']).group(1) == '3600'
