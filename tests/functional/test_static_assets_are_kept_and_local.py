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
