"""Eight filings with one agency at once, over real HTTP: each waits its turn, none is replayed.

All of them draw from one daily counter (Circular 01/2018/TT-VPCP art. 19:
one gapless sequence per agency and day), which must not merge concurrent
draws. Before ``web/gate.py`` their transactions overlapped, conflicted at
commit and were replayed (most of them, some past the last attempt: 503);
now they pass the gate one at a time: every one is filed at the first try,
with consecutive numbers of the day.
"""
import logging

import pytest
from live_server import Client

from dossier_support import application, clock, docs, procedure_data  # noqa: F401
from test_concurrent_writers import at_once, _json
from tthc_docs.dossiers import codes

CLIENTS = 8
CODE = '9.990301'


@pytest.fixture
def procedure(edit_site, clock):
    with edit_site() as site:
        site['procedures'].create(dict(procedure_data(CODE, 0)), 'editor1')
        site['procedures'].publish(CODE, 'editor1')
    return CODE


@pytest.fixture
def replays():
    """The replays pyramid_retry makes while the test runs (``web/retry.py`` logs each)."""
    seen = []

    class Seen(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())
    logger, handler = logging.getLogger('tthc_docs.web.retry'), Seen()
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    yield seen
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_eight_filings_at_once_are_each_filed_once_without_a_replay(live_server, procedure, docs,
                                                                    replays):
    clients = [Client(live_server) for _ in range(CLIENTS)]
    for client in clients:
        client.login('citizen1')
    calls = [client.request_later('POST', f'/procedures/{procedure}/@@apply',
                                  _json(application(docs, data={'n': str(n)})),
                                  {'Content-Type': 'application/json',
                                   'Idempotency-Key': f'gate-{n}'})
             for n, client in enumerate(clients)]
    results = at_once(calls)
    assert [r.status for r in results] == [201] * CLIENTS, [r.body[:200] for r in results]
    assert replays == []
    numbers = sorted(codes.parse_code(r.json['code'])[2] for r in results)
    assert numbers == list(range(numbers[0], numbers[0] + CLIENTS))   # gapless, no duplicate
