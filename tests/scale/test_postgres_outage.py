"""PostgreSQL goes away while requests run, then comes back: 503s meanwhile, then service.

The RelStorage twin of ``test_zeo_outage``: a private PostgreSQL cluster of
this test's own (initdb in the test's folder, loopback, a free port), so
that stopping it disturbs no other test; the application process is never
restarted. While the server is away every filing ends in a 503 with
Retry-After (never a 500) and nothing of it is written. Skipped where no
PostgreSQL binaries are installed (``.ci/run`` installs them).
"""
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from scale_support import Filer, citizen_login, codes_in, free_port, prepare_site, \
    ride_out_outage, start_app, stop, write_ini

BINDIR = (sorted(glob.glob('/usr/lib/postgresql/*/bin'), key=lambda p: int(p.split('/')[-2]))
          or [None])[-1]
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(BINDIR is None, reason='PostgreSQL is not installed')]


class Cluster:
    """A private PostgreSQL cluster on 127.0.0.1:port, started and stopped by pg_ctl.

    Its folder is a temporary one of its own (not under pytest's, which the
    ``postgres`` user may not enter when the tests run as root).
    """

    def __init__(self):
        self.folder, self.port = Path(tempfile.mkdtemp(prefix='tthc-pg-')), free_port()
        self.data = self.folder / 'data'

    def run(self, *args):
        cmd = [os.path.join(BINDIR, args[0]), *map(str, args[1:])]
        if os.getuid() == 0:   # initdb and postgres refuse root
            cmd = ['runuser', '-u', 'postgres', '--', *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def init(self):
        if os.getuid() == 0:
            subprocess.run(['chown', 'postgres', str(self.folder)], check=True)
        self.run('initdb', '-D', self.data, '-A', 'trust', '-U', 'tthc', '-E', 'UTF8')
        return self

    def start(self):
        self.run('pg_ctl', '-D', self.data, '-l', self.folder / 'postgres.log', '-w', '-o',
                 f'-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off',
                 'start')

    def stop(self):
        if (self.data / 'postmaster.pid').exists():
            self.run('pg_ctl', '-D', self.data, '-m', 'fast', '-w', 'stop')

    def remove(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def test_requests_get_503_while_postgresql_is_away_and_service_resumes(tmp_path):
    import psycopg2
    cluster = Cluster().init()
    cluster.start()
    app = None
    try:
        name = 'tthc_' + uuid.uuid4().hex[:12]
        admin = psycopg2.connect(f'postgresql://tthc@127.0.0.1:{cluster.port}/postgres')
        admin.autocommit = True
        admin.cursor().execute(f'CREATE DATABASE {name}')
        admin.close()
        uri = (f'postgres://tthc@127.0.0.1:{cluster.port}/{name}?blob_dir={tmp_path}/blobcache'
               '&shared_blob_dir=false')
        ini = write_ini(tmp_path, uri, attempts=3)
        prepare_site(ini, 1)
        app_port = free_port()
        app = start_app(ini, app_port, open(tmp_path / 'app.log', 'ab'))
        citizen = Filer(app_port, citizen_login(0)).start()
        ride_out_outage(app, citizen, cluster.stop, cluster.start)
        stop(app)
        app = None
        stored = {n for _owner, n in codes_in(ini).values()}
        assert stored == {1, 3}, stored   # nothing of the refused filing was written
    finally:
        if app is not None:
            stop(app)
        cluster.remove()
