"""A server killed (SIGKILL) while citizens file: every acknowledged dossier survives, no repair.

The acknowledgement (201 and the code) leaves only after pyramid_tm's
commit returned, and FileStorage fsyncs a transaction before it counts it
committed; a transaction cut short by the kill is left half-written at the
end of Data.fs, where opening the storage ignores it. So: kill the real
server process mid-stream, check the file with ZODB's own checkers (fstest:
the transaction records; fsrefs: no reference to a missing object), start
the server again on the same file and find every 201's dossier, once.
"""
import signal
import subprocess
import sys
import threading
import time

import pytest

from scale_support import (Filer, citizen_login, codes_in, file_uri, free_port, prepare_site,
                           start_app, stop, write_ini)

pytestmark = pytest.mark.slow

CITIZENS = 6
MAX_PER_CITIZEN = 200      # bounded in count ...
RUN_SECONDS = 60           # ... and in time
KILL_AFTER = 25            # acknowledged dossiers before the kill


def file_until_killed(port, server):
    filers = [Filer(port, citizen_login(i), timeout=30).start() for i in range(CITIZENS)]
    stop_at = time.monotonic() + RUN_SECONDS
    errors = []

    def run(filer):
        for n in range(MAX_PER_CITIZEN):
            if time.monotonic() > stop_at:
                return
            try:
                filer.file(n)
            except OSError as exc:   # the server died under this request: not acknowledged
                errors.append(exc)
                return

    threads = [threading.Thread(target=run, args=(f,)) for f in filers]
    for t in threads:
        t.start()
    while (sum(len(f.acknowledged) for f in filers) < KILL_AFTER
           and time.monotonic() < stop_at):
        time.sleep(0.05)
    server.send_signal(signal.SIGKILL)   # mid-stream: requests are in flight
    server.wait(10)
    for t in threads:
        t.join(60)
    return filers, errors


def zodb_check(script, path):
    return subprocess.run([sys.executable, '-m', f'ZODB.scripts.{script}', str(path)],
                          capture_output=True, text=True, timeout=300)


def test_every_acknowledged_dossier_survives_a_kill(tmp_path):
    ini = write_ini(tmp_path, file_uri(tmp_path), threads=4)
    prepare_site(ini, CITIZENS)
    port = free_port()
    with open(tmp_path / 'app.log', 'ab') as log:
        server = start_app(ini, port, log)
        try:
            filers, errors = file_until_killed(port, server)
        finally:
            stop(server)
    acknowledged = {k: c for f in filers for k, c in f.acknowledged.items()}
    assert len(acknowledged) >= KILL_AFTER
    assert not [x for f in filers for x in f.failures], 'a request failed before the kill'
    assert errors, 'the kill came after the load had finished: nothing was in flight'

    data_fs = tmp_path / 'var' / 'Data.fs'
    checked = zodb_check('fstest', data_fs)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    refs = zodb_check('fsrefs', data_fs)
    assert refs.returncode == 0 and 'missing' not in refs.stdout, refs.stdout[-2000:]

    with open(tmp_path / 'app-restarted.log', 'ab') as log:
        server = start_app(ini, port, log)
        try:
            again = Filer(port, citizen_login(0)).start()
            assert again.file(10_000).status == 201   # serving again, without repair
        finally:
            stop(server)
    stored = codes_in(ini)
    for key, code in acknowledged.items():
        login, n = key.rsplit('-', 1)
        assert stored.get(code) == (login, int(n)), (key, code)
    assert len(set(acknowledged.values())) == len(acknowledged)
