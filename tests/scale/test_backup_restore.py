"""Backups with repozo (full, then incremental) and their blobs; a restore gives the same content.

The restore is compared object by object with what was backed up: every
dossier (owner, status, history, data) and every vault document's bytes
(the blob, hashed). A restore at the full backup's date gives the state of
then, without the dossiers filed after it.
"""
import hashlib
import time
from datetime import datetime, timezone

import pytest

from scale_support import file_uri, prepare_site, tthc, write_ini

pytestmark = pytest.mark.slow


def snapshot(ini):
    """What the site holds, comparable across databases: dossiers and document bytes."""
    from tthc_docs.cli import load_settings, opened_root
    from tthc_docs.site.content import get_site
    with opened_root(load_settings(str(ini))) as root:
        site = get_site(root._p_jar)
        dossiers = {code: (d.owner, d.status, len(d.history), repr(sorted(d.data.items())))
                    for code, d in site['dossiers'].items()}
        documents = {(vault.owner, doc.id): hashlib.sha256(doc.read()).hexdigest()
                     for vault in site['vaults'].values() for doc in vault.documents.values()}
    return dossiers, documents


def test_full_and_incremental_backups_restore_the_same_content(tmp_path):
    live = tmp_path / 'live'
    ini = write_ini(live.mkdir() or live, file_uri(live))
    prepare_site(ini, 4)
    backups = tmp_path / 'backups'
    tthc('backup', ini, backups, '--full')
    at_full = snapshot(ini)
    time.sleep(1.1)   # repozo dates its files to the second
    full_date = datetime.now(timezone.utc).strftime('%Y-%m-%d-%H-%M-%S')
    time.sleep(1.1)
    tthc('generate', ini, '--procedures', 0, '--citizens', 6, '--dossiers', 30)
    tthc('backup', ini, backups)
    latest = snapshot(ini)
    assert len(latest[0]) > len(at_full[0]) and len(latest[1]) > len(at_full[1])
    assert sorted(p.suffix for p in (backups / 'repozo').glob('*.*fsz')) == ['.deltafsz', '.fsz']

    restored = tmp_path / 'restored'
    restored_ini = write_ini(restored.mkdir() or restored, file_uri(restored))
    tthc('restore', restored_ini, backups)
    assert snapshot(restored_ini) == latest

    earlier = tmp_path / 'earlier'
    earlier_ini = write_ini(earlier.mkdir() or earlier, file_uri(earlier))
    tthc('restore', earlier_ini, backups, '--date', full_date)
    assert snapshot(earlier_ini)[0] == at_full[0]


def test_restore_refuses_to_overwrite_a_database(tmp_path):
    ini = write_ini(tmp_path, file_uri(tmp_path))
    tthc('init', ini)
    done = tthc('restore', ini, tmp_path / 'none', check=False)
    assert done.returncode == 1 and 'restore writes only into an empty place' in done.stderr
