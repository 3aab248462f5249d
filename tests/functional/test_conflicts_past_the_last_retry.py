"""A conflict that outlasts every replay is a 503 with Retry-After, never a 500; nothing is written.

pyramid_retry replays a request that lost a write conflict (``retry.attempts``
times, with a random pause between); if the last attempt loses too, the
client is told the system is busy and when to try again. The same answer
covers a database server that is away (ZEO's ClientDisconnected is also a
transient error); ``tests/scale`` shows that with a real server.
"""
import pytest
from ZODB.POSException import ConflictError

from dossier_support import FREE, apply, clock, docs, procedure  # noqa: F401
from tthc_docs.dossiers import filing


@pytest.fixture
def always_conflicting(monkeypatch):
    calls = []

    def lose(*args, **kw):
        calls.append(1)
        raise ConflictError('the daily counter moved under us')
    monkeypatch.setattr(filing, 'file_application', lose)
    return calls


def test_a_lost_conflict_after_every_attempt_is_503(login, docs, procedure, always_conflicting,
                                                    settings, edit_site):
    with edit_site() as site:
        before = len(site['dossiers'])
    res = apply(login('citizen1'), docs, code=FREE, status=503)
    assert res.headers['Retry-After'] == '2'
    assert 'thử lại' in res.json['error']['message']
    assert len(always_conflicting) == int(settings['retry.attempts'])   # every replay was made
    with edit_site() as site:
        assert len(site['dossiers']) == before
