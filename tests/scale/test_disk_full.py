"""A full disk during a commit: a 503 naming it, nothing half-written, every acknowledged dossier kept.

The server runs with a file size limit (RLIMIT_FSIZE, SIGXFSZ ignored, so
a write past it fails with EFBIG as a write on a full disk fails with
ENOSPC) a few filings above the Data.fs it starts with: a real write
failing inside FileStorage's commit, not a mock. Filing goes on until the
limit is hit; from then on every filing is a 503 with Retry-After (never
a 500), reads still work, and after the server stops the file passes
ZODB's own checker and holds every dossier that received a 201.
"""
import resource
import signal
import subprocess

import pytest

from scale_support import (BIN, Filer, citizen_login, codes_in, file_uri, free_port,
                           prepare_site, stop, wait_for_port, write_ini)
from test_crash_safety import zodb_check

pytestmark = pytest.mark.slow

ROOM = 200_000   # bytes above the starting Data.fs: a handful of filings


def start_limited(ini, port, log, max_bytes):
    """``pserve`` whose files may not grow beyond ``max_bytes``."""
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))
    proc = subprocess.Popen([str(BIN / 'pserve'), str(ini), f'http_port={port}'],
                            stdout=log, stderr=subprocess.STDOUT, preexec_fn=limit)
    wait_for_port(port, proc=proc)
    return proc


def test_a_full_disk_aborts_the_commit_and_loses_nothing_acknowledged(tmp_path):
    ini = write_ini(tmp_path, file_uri(tmp_path), threads=2, attempts=1)
    prepare_site(ini, 1)
    data_fs = tmp_path / 'var' / 'Data.fs'
    port = free_port()
    with open(tmp_path / 'app.log', 'ab') as log:
        server = start_limited(ini, port, log, data_fs.stat().st_size + ROOM)
        try:
            citizen = Filer(port, citizen_login(0)).start()
            statuses = [citizen.file(n).status for n in range(200)
                        if not (citizen.failures and len(citizen.failures) >= 3)]
            assert 201 in statuses and citizen.failures, statuses
            assert {status for _key, status, _body in citizen.failures} == {503}
            refused = citizen.file(10_000)
            assert refused.status == 503 and refused.headers.get('Retry-After')
            assert 'hết dung lượng' in refused.json['error']['message']
            code = next(iter(citizen.acknowledged.values()))
            assert citizen.client.get(f'/dossiers/{code}').status == 200   # reads still work
        finally:
            stop(server)
    assert b'the disk is full' in (tmp_path / 'app.log').read_bytes()
    checked = zodb_check('fstest', data_fs)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    stored = codes_in(ini)
    for key, code in citizen.acknowledged.items():
        assert stored.get(code) == (citizen.login, int(key.rsplit('-', 1)[1])), (key, code)
    assert len(stored) == len(citizen.acknowledged)
