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
