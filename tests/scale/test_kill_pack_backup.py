"""A kill (SIGKILL) during ``tthc-docs pack`` or ``tthc-docs backup``: nothing lost, backups usable.

Killed at several moments (before, during and after the work, since where
the kill lands depends on the machine), each time: the database passes
ZODB's checker and holds what it held, every current blob reads back with
its digest; a backup cut short leaves the earlier backups restorable (to
the state they saved or a later one), and the next backup completes.
"""
import os
import signal
import subprocess
import time

import pytest

from scale_support import BIN, file_uri, prepare_site, tthc, write_ini
from test_backup_restore import snapshot
from test_crash_safety import zodb_check

pytestmark = pytest.mark.slow

DELAYS = (0.4, 0.8, 1.2, 1.6, 2.2, 3.0)


def killed(args, delay):
    """Run ``tthc-docs args`` in its own process group, SIGKILL the group after ``delay`` s.

    True when the command was still running (the kill landed mid-work).
    """
    proc = subprocess.Popen([str(BIN / 'tthc-docs'), *map(str, args)], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    running = proc.poll() is None
    if running:
        os.killpg(proc.pid, signal.SIGKILL)   # the group we started: repozo runs as a child
    proc.wait(30)
    return running


@pytest.fixture
def site_ini(tmp_path):
    live = tmp_path / 'live'
    live.mkdir()
    ini = write_ini(live, file_uri(live))
    prepare_site(ini, 20)
    for _ in range(2):   # history to pack away: the second run rewrites the first's buckets
        tthc('generate', ini, '--procedures', 0, '--citizens', 0, '--dossiers', 1500)
    return ini


def test_a_kill_during_pack_leaves_the_database_whole(site_ini):
    before = snapshot(site_ini)
    data_fs = site_ini.parent / 'var' / 'Data.fs'
    landed = [killed(('pack', site_ini, '--days', 0), delay) for delay in DELAYS]
    assert any(landed), 'every pack finished before its kill: nothing was tested'
    checked = zodb_check('fstest', data_fs)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert snapshot(site_ini) == before
    tthc('pack', site_ini, '--days', 0)   # and packing again completes
    assert snapshot(site_ini) == before


def test_a_kill_during_backup_leaves_the_earlier_backups_usable(site_ini, tmp_path):
    backups = tmp_path / 'backups'
    tthc('backup', site_ini, backups, '--full')
    saved = snapshot(site_ini)
    tthc('generate', site_ini, '--procedures', 0, '--citizens', 0, '--dossiers', 300)
    latest = snapshot(site_ini)
    landed = []
    for n, delay in enumerate(DELAYS):
        landed.append(killed(('backup', site_ini, backups), delay))
        restored = tmp_path / f'restored-{n}'
        restored.mkdir()
        restored_ini = write_ini(restored, file_uri(restored))
        tthc('restore', restored_ini, backups)
        assert snapshot(restored_ini) in (saved, latest), f'kill after {delay} s'
    assert any(landed), 'every backup finished before its kill: nothing was tested'
    tthc('backup', site_ini, backups)
    final = tmp_path / 'final'
    final.mkdir()
    final_ini = write_ini(final, file_uri(final))
    tthc('restore', final_ini, backups)
    assert snapshot(final_ini) == latest
