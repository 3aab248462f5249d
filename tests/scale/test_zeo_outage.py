"""The ZEO server goes away while requests run, then comes back: 503s meanwhile, then service.

No restart of the application process: ZEO's client reconnects by itself,
and while it cannot, every request that needs the database ends, after
its replays, in a 503 with Retry-After (never a 500, never a half-written
dossier: the transaction is aborted).
"""
import subprocess

import pytest

from scale_support import (BIN, ZEO_CONF, Filer, citizen_login, codes_in, free_port,
                           prepare_site, ride_out_outage, start_app, stop, wait_for_port,
                           write_ini, zeo_uri)

pytestmark = pytest.mark.slow


def start_zeo(folder, port):
    (folder / 'zeo.conf').write_text(ZEO_CONF.format(port=port, folder=folder))
    log = open(folder / 'zeo.log', 'ab')
    proc = subprocess.Popen([str(BIN / 'runzeo'), '-C', str(folder / 'zeo.conf')],
                            stdout=log, stderr=subprocess.STDOUT)
    wait_for_port(port, proc=proc)
    return proc, log


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

        def come_back():   # the same address
            nonlocal zeo, zeo_log
            zeo, zeo_log = start_zeo(server_dir, zeo_port)
        ride_out_outage(app, citizen, lambda: stop(zeo), come_back)
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
