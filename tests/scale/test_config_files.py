"""zeo.ini and relstorage.ini are development.ini with another zodburi, and nothing else drifts."""
import difflib
import re
from pathlib import Path

import zodburi

from tthc_docs.cli import load_settings

ROOT = Path(__file__).parents[2]
#: What may differ: the storage, the replays it needs, the dev portal's store (one process owns a file).
ALLOWED = re.compile(r'^(zodbconn\.uri|retry\.attempts|tthc_docs\.portal\.dev_store) =|^#|^$')


def changed_lines(name):
    dev = (ROOT / 'development.ini').read_text().splitlines()
    other = (ROOT / name).read_text().splitlines()
    return [line[1:] for line in difflib.unified_diff(dev, other, lineterm='', n=0)
            if line[:1] in '+-' and not line.startswith(('+++', '---'))]


def test_zeo_ini_points_at_the_server_zeo_conf_starts():
    settings = load_settings(str(ROOT / 'zeo.ini'))
    uri = settings['zodbconn.uri']
    assert uri.startswith('zeo://127.0.0.1:8100?')
    assert 'address 127.0.0.1:8100' in (ROOT / 'zeo.conf').read_text()
    zodburi.resolve_uri(uri)   # a known scheme with arguments it accepts (no connection yet)
    assert all(ALLOWED.match(line) for line in changed_lines('zeo.ini')), changed_lines('zeo.ini')


def test_relstorage_ini_is_the_same_app_on_postgresql():
    settings = load_settings(str(ROOT / 'relstorage.ini'))
    uri = settings['zodbconn.uri']
    assert uri.startswith('postgres://') and 'shared_blob_dir=false' in uri
    zodburi.resolve_uri(uri)
    assert all(ALLOWED.match(line) for line in changed_lines('relstorage.ini'))
