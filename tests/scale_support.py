"""Real processes for the scale tests: an .ini, a ZEO server, application servers, filing.

Everything binds to 127.0.0.1 on a port the kernel chose, runs in the test's
temporary folder, and is stopped by its PID in the fixture's teardown. The
application servers are ``pserve`` processes on the test's own .ini, as in
production; the ZEO server is ``runzeo`` from the ZEO package.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from live_server import Client

BIN = Path(sys.executable).parent
PROCEDURE = '9.990077'
AGENCY = '000.00.20.H55'
PASSWORD = 'demo-password'

INI = """[app:main]
use = egg:tthc-docs
zodbconn.uri = {uri}
retry.attempts = {attempts}
tthc_docs.session_secret = scale-test-secret-0123456789abcdefghijklmnop
tthc_docs.allow_demo = true
tthc_docs.secure_cookies = false
tthc_docs.argon2_time_cost = 1
tthc_docs.argon2_memory_cost = 8
tthc_docs.login_throttle = 1000 1000 1000 900

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = INFO
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(asctime)s %(levelname)-5.5s [%(name)s][%(threadName)s] %(message)s

[server:main]
use = egg:tthc-docs#main
listen = 127.0.0.1:{port}
threads = {threads}
"""


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def file_uri(folder):
    return f'file://{folder}/var/Data.fs?blobstorage_dir={folder}/var/blobs'


def write_ini(folder, uri, port=0, threads=4, attempts=10, name='test.ini'):
    """An .ini for the app on ``uri``, served on ``port``; its path."""
    path = Path(folder) / name
    path.write_text(INI.format(uri=uri, port=port, threads=threads, attempts=attempts))
    return path


def wait_for_port(port, timeout=60, proc=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f'process {proc.pid} exited with {proc.returncode}')
        try:
            with socket.create_connection(('127.0.0.1', port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f'nothing listens on 127.0.0.1:{port} after {timeout} s')


def stop(proc, sig=signal.SIGTERM, timeout=15):
    """Stop one process we started, by its PID; SIGKILL if it does not go."""
    if proc.poll() is None:
        os.kill(proc.pid, sig)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout)


def start_app(ini, port, log):
    """``pserve ini`` on ``port``, waited for; the Popen."""
    proc = subprocess.Popen([str(BIN / 'pserve'), str(ini), f'http_port={port}'],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, proc=proc)
    except BaseException:
        stop(proc)
        raise
    return proc


def tthc(*args, check=True, timeout=600):
    """Run the ``tthc-docs`` command; the CompletedProcess."""
    done = subprocess.run([str(BIN / 'tthc-docs'), *map(str, args)], capture_output=True,
                          text=True, timeout=timeout)
    if check and done.returncode != 0:
        raise AssertionError(f'tthc-docs {args}: {done.returncode}\n{done.stderr[-3000:]}')
    return done


ZEO_CONF = """<zeo>
  address 127.0.0.1:{port}
</zeo>
<filestorage>
  path {folder}/Data.fs
  blob-dir {folder}/blobs
</filestorage>
"""


@contextmanager
def zeo_server(folder, port=None):
    """``runzeo`` on a FileStorage in ``folder``: yields ``(port, Popen)``; stopped after."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    conf = folder / 'zeo.conf'
    conf.write_text(ZEO_CONF.format(port=port, folder=folder))
    with open(folder / 'zeo.log', 'ab') as log:
        proc = subprocess.Popen([str(BIN / 'runzeo'), '-C', str(conf)], stdout=log,
                                stderr=subprocess.STDOUT)
        try:
            wait_for_port(port, proc=proc)
            yield port, proc
        finally:
            stop(proc)


def zeo_uri(port, folder, shared=True):
    """The app's zodburi for a ZEO server; ``shared``: the server's blob folder itself."""
    return (f'zeo://127.0.0.1:{port}?blob_dir={folder}&shared_blob_dir='
            f'{"true" if shared else "false"}')


# -- the content the tests file against -------------------------------------------

def procedure_record():
    """One published procedure a generated citizen can file: one document of the vault."""
    return {
        'code': PROCEDURE, 'name': 'Cấp bản sao trích lục hộ tịch (kiểm thử tải)',
        'field': 'Hộ tịch', 'level': 'province', 'agencies': [AGENCY],
        'processing_days': 5, 'fee': 0, 'online_fee': 0, 'form': None,
        'steps': [{'id': 'xu-ly', 'name': 'Thẩm định', 'role': 'specialist', 'days': 3},
                  {'id': 'phe-duyet', 'name': 'Ký duyệt', 'role': 'leader', 'days': 1}],
        'requirements': [{'id': 'cccd', 'name': 'Căn cước công dân',
                          'doc_type': 'cccd', 'copies': 1, 'required': True}],
        'result_doc_type': 'other', 'legal_basis': ['Nghị định 123/2015/NĐ-CP']}


def prepare_site(ini, citizens):
    """``init --demo``, the test procedure and ``citizens`` generated citizens (through the CLI)."""
    tthc('init', ini, '--demo')
    tthc('generate', ini, '--procedures', 0, '--citizens', citizens, '--dossiers', 0)
    from tthc_docs.cli import load_settings, opened_root
    from tthc_docs.site.content import get_site
    import transaction
    with opened_root(load_settings(str(ini))) as root:
        site = get_site(root._p_jar)
        if PROCEDURE not in site['procedures']:   # a second run on the same database
            site['procedures'].create(procedure_record(), 'editor1')
            site['procedures'].publish(PROCEDURE, 'editor1')
            transaction.commit()


def citizen_login(i):
    from tthc_docs.demo.generate import citizen_login as name
    return name(i)


class Filer:
    """One citizen filing through one server; remembers every 201 and every failure."""

    def __init__(self, port, login, timeout=30):
        self.client = Client(('127.0.0.1', port), timeout=timeout)
        self.login = login
        self.acknowledged, self.failures = {}, []
        self.document = None

    def start(self):
        vault_path = self.client.login(self.login, PASSWORD)['vault']
        vault = self.client.get(vault_path).json
        docs = vault.get('documents') or []
        self.document = next(d['id'] for d in docs if d['doc_type'] == 'cccd')
        return self

    def file(self, n):
        key = f'{self.login}-{n}'
        body = json.dumps({'data': {'n': n}, 'attachments': {'cccd': self.document}})
        res = self.client.request('POST', f'/procedures/{PROCEDURE}/@@apply', body.encode(),
                                  {'Content-Type': 'application/json', 'Idempotency-Key': key})
        if res.status == 201:
            self.acknowledged[key] = res.json['code']
        elif res.status != 200:
            self.failures.append((key, res.status, res.body[:300]))
        return res


def codes_in(ini):
    """Every dossier of the test procedure in the database of ``ini`` -> owner, ``data['n']``."""
    from tthc_docs.cli import load_settings, opened_root
    from tthc_docs.site.content import get_site
    with opened_root(load_settings(str(ini))) as root:
        registry = get_site(root._p_jar)['dossiers']
        return {code: (d.owner, d.data.get('n')) for code, d in registry.items()
                if d.procedure_code == PROCEDURE}


def poll(check, seconds):
    """Call ``check()`` until it returns a truthy value or time is up; its last value."""
    stop_at = time.monotonic() + seconds
    while True:
        value = check()
        if value or time.monotonic() > stop_at:
            return value
        time.sleep(0.5)


def ride_out_outage(app, citizen, go_away, come_back):
    """The outage journey both database servers share, on a running ``app`` process.

    Filing 1 is taken; while the server is away (``go_away()``) filing 2 ends
    in a 503 with Retry-After that names the database, after its replays,
    never a 500; once it is back (``come_back()``) filing 3 is taken by the
    same process, with no restart. The caller checks that only 1 and 3 were
    stored (nothing of the refused filing written).
    """
    assert citizen.file(1).status == 201
    go_away()
    seen = []

    def refused():
        res = citizen.file(2)
        seen.append(res.status)
        return res if res.status == 503 else None
    res = poll(refused, 60)
    assert res is not None, seen
    assert res.headers.get('Retry-After') and 'Cơ sở dữ liệu' in res.json['error']['message']
    assert 500 not in seen, seen
    come_back()
    assert poll(lambda: citizen.file(3).status == 201, 90), 'service did not resume without a restart'
    assert app.poll() is None   # the same process
