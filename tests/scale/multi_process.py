"""Several application processes on one shared database, and the checks of what they filed.

``prepared_apps(folder, uri, processes)`` makes the site through the
command line (``init --demo``, ``generate`` citizens, the test procedure),
then starts ``processes`` pserve servers on the .ini and yields
``(ini, [port, ...])``; they are stopped by PID afterwards.
``check_filing_through`` files as several citizens through every server at
once and checks every acknowledged dossier is stored once, codes distinct.
"""
import threading
import time
from contextlib import ExitStack, contextmanager

from scale_support import (Filer, citizen_login, codes_in, free_port, prepare_site, start_app,
                           stop, write_ini)

CITIZENS = 8
PER_CITIZEN = 6
DEADLINE = 180   # seconds for the whole load: bounded in count and time


@contextmanager
def prepared_apps(folder, uri, processes=2, citizens=CITIZENS):
    """``uri``: the zodburi, or ``uri(n)`` for process n's (its own blob cache)."""
    uri_of = uri if callable(uri) else (lambda n: uri)
    ini = write_ini(folder, uri_of(0), threads=4)
    prepare_site(ini, citizens)
    with ExitStack() as stack:
        ports = []
        for n in range(processes):
            port = free_port()
            log = stack.enter_context(open(folder / f'app{n}.log', 'ab'))
            own = write_ini(folder, uri_of(n), threads=4, name=f'app{n}.ini')
            proc = start_app(own, port, log)
            stack.callback(stop, proc)
            ports.append(port)
        yield ini, ports


def file_concurrently(ports, citizens=CITIZENS, per_citizen=PER_CITIZEN, deadline=DEADLINE):
    """Each citizen files ``per_citizen`` dossiers alternating between the servers; the Filers."""
    filers = [Filer(ports[i % len(ports)], citizen_login(i), timeout=90).start() for i in range(citizens)]
    stop_at = time.monotonic() + deadline
    alt = [Filer(ports[(i + 1) % len(ports)], citizen_login(i)) for i in range(citizens)]
    for mine, other in zip(filers, alt):
        other.client, other.document = _same_user_on(other.client.address, mine), mine.document
    start = threading.Barrier(citizens)

    def run(i):
        try:
            load(i)
        except Exception as exc:   # a timeout or a refused connection: reported, not lost
            filers[i].failures.append((citizen_login(i), type(exc).__name__, str(exc)))

    def load(i):
        start.wait()
        for n in range(per_citizen):
            if time.monotonic() > stop_at:
                break
            who = filers[i] if n % 2 == 0 else alt[i]
            who.file(n)
        # The same Idempotency-Key again, through the other process: the first dossier, 200.
        again = alt[i].file(0)
        if again.status != 200:
            alt[i].failures.append(('replay', again.status, again.body[:200]))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(citizens)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(deadline + 60)
    return filers + alt


def _same_user_on(address, filer):
    """A client for ``address`` that carries ``filer``'s session (cookie and CSRF token)."""
    from live_server import Client
    client = Client(address, timeout=filer.client.timeout)
    client.cookie, client.csrf = filer.client.cookie, filer.client.csrf
    return client


def check_filing_through(apps, per_citizen=PER_CITIZEN):
    ini, ports = apps
    filers = file_concurrently(ports, per_citizen=per_citizen)
    failures = [f for filer in filers for f in filer.failures]
    assert not failures, failures[:5]
    acknowledged = {}
    for filer in filers:
        acknowledged.update(filer.acknowledged)
    assert len(acknowledged) == CITIZENS * per_citizen
    codes = list(acknowledged.values())
    assert len(set(codes)) == len(codes), 'two acknowledgements share a code'
    stored = codes_in(ini)
    for key, code in acknowledged.items():
        login, n = key.rsplit('-', 1)
        assert stored.get(code) == (login, int(n)), (key, code, stored.get(code))
    # Nothing filed that was not acknowledged: one stored dossier per key.
    assert len(stored) == len(acknowledged)
