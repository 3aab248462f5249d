"""The filing and transition gates (web/gate.py): which requests pass them, and how long one waits."""
import threading

import pytest

from tthc_docs.web import gate


@pytest.mark.parametrize('method, path, name', [
    ('POST', '/procedures/1.001/@@apply', 'filing'),
    ('POST', '/procedures/1.001/apply/', 'filing'),
    ('POST', '/dossiers/000.00.20.H55-270203-0001/@@transition', 'transition'),
    ('GET', '/procedures/1.001/@@apply', None),          # the form page: no transaction to guard
    ('POST', '/dossiers/000.00.20.H55-270203-0001/@@rate', None),
    ('POST', '/@@login', None),
])
def test_which_requests_pass_a_gate(method, path, name):
    assert gate.gate_name(method, path) == name


def test_a_request_waits_a_bounded_time_then_goes_in_anyway(monkeypatch):
    monkeypatch.setattr(gate, 'WAIT_SECONDS', 0.05)
    held = gate.Gate()
    assert held.enter()
    got = []
    other = threading.Thread(target=lambda: got.append(held.enter()))
    other.start()
    other.join(2)
    assert got == [False]          # not let in, but not stuck either
    held.leave()
    assert held.enter()


def _gated_write(registry, opened):
    """A POST through the transition gate whose view opens the request's ZODB connection."""
    from pyramid.request import Request
    from pyramid.response import Response
    from pyramid_zodbconn import get_connection

    def view(request):
        opened.append(get_connection(request))
        return Response('ok')
    request = Request.blank('/dossiers/x/@@transition', method='POST')
    request.registry = registry
    return gate.gate_tween_factory(view, registry)(request)


def test_the_next_write_in_takes_the_connection_the_last_one_used():
    """Its cache holds what the last write changed: nothing to load again from the storage.

    The router has not finished the first request yet (its finished
    callbacks would close the connection only after the outer tweens): the
    gate returns the connection to the pool before it lets the next write in.
    """
    from pyramid.config import Configurator
    config = Configurator(settings={'zodbconn.uri': 'memory://'})
    config.include('pyramid_zodbconn')
    config.commit()
    db = config.registry._zodb_databases['']
    opened = []
    try:
        _gated_write(config.registry, opened)
        assert opened[0].opened is None          # closed, back in the pool
        _gated_write(config.registry, opened)
        assert opened[1] is opened[0]
    finally:
        db.close()
