"""The ZEO server goes away while requests run, then comes back: 503s meanwhile, then service.

No restart of the application process: ZEO's client reconnects by itself,
and while it cannot, every request that needs the database ends, after
its replays, in a 503 with Retry-After (never a 500, never a half-written
dossier: the transaction is aborted).
"""
import subprocess
import time

import pytest

from scale_support import (BIN, ZEO_CONF, Filer, citizen_login, codes_in, free_port,
                           prepare_site, start_app, stop, wait_for_port, write_ini, zeo_uri)

pytestmark = pytest.mark.slow


def start_zeo(folder, port):
    (folder / 'zeo.conf').write_text(ZEO_CONF.format(port=port, folder=folder))
    log = open(folder / 'zeo.log', 'ab')
    proc = subprocess.Popen([str(BIN / 'runzeo'), '-C', str(folder / 'zeo.conf')],
                            stdout=log, stderr=subprocess.STDOUT)
    wait_for_port(port, proc=proc)
    return proc, log


def poll(check, seconds):
    """Call ``check()`` until it returns a truthy value or time is up; its last value."""
    stop_at = time.monotonic() + seconds
    while True:
        value = check()
        if value or time.monotonic() > stop_at:
            return value
        time.sleep(0.5)


def test_requests_get_503_while_zeo_is_away_and_service_resumes(tmp_path):
    server_dir = tmp_path / 'zeo'
    server_dir.mkdir()
    zeo_port, app_port = free_port(), free_port()
    zeo, zeo_log = start_zeo(server_dir, zeo_port)
    app = None
    try:
        uri = zeo_uri(zeo_port, server_dir / 'blobs') + '&wait_timeout=2'
        ini = write_ini(tmp_path, uri, attempts=3)
        prepare_site(ini, 1)
        app = start_app(ini, app_port, open(tmp_path / 'app.log', 'ab'))
        citizen = Filer(app_port, citizen_login(0)).start()
        assert citizen.file(1).status == 201

        stop(zeo)   # the server goes away
        seen = []

        def refused():
            res = citizen.file(2)
            seen.append(res.status)
            return res if res.status == 503 else None
        res = poll(refused, 60)
        assert res is not None, seen
        assert res.headers.get('Retry-After') and 'Cơ sở dữ liệu' in res.json['error']['message']
        assert 500 not in seen

        zeo, zeo_log = start_zeo(server_dir, zeo_port)   # back, same address
        res = poll(lambda: citizen.file(3).status == 201, 90)
        assert res, 'service did not resume without a restart'
        assert app.poll() is None   # the same process
    finally:
        if app is not None:
            stop(app)
        stop(zeo)
        zeo_log.close()
    zeo, zeo_log = start_zeo(server_dir, zeo_port)
    try:
        stored = {n for owner, n in codes_in(ini).values()}
    finally:
        stop(zeo)
        zeo_log.close()
    assert stored == {1, 3}, stored   # nothing of the refused filing was written
