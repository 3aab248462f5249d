"""Shared steps of the signing journeys: a dossier awaiting signature, an enrolled leader."""
import pytest

from dossier_support import apply, enrol_leader, get, pay, walk_to  # noqa: F401


@pytest.fixture
def fresh_throttle(app):
    """Failed one-time codes are counted per process: start each test from zero."""
    app.registry.totp_throttle = None
    yield
    app.registry.totp_throttle = None


def awaiting(login, edit_site, docs):
    """File, pay and walk a dossier to ``awaiting_signature``; returns its code."""
    code = apply(login('citizen1'), docs).json['code']
    pay(edit_site, code)
    walk_to(login, code, 'awaiting_signature')
    return code


def enrol(edit_site, login_name='leader1'):
    """Give the leader a TOTP secret directly (the enrolment page has its own tests)."""
    return enrol_leader(edit_site, login_name)


def sign(client, code, otp, status=200):
    return client.post_json(f'/dossiers/{code}/@@sign', {'code': otp},
                            headers={'Accept': 'application/json'}, status=status)


def result_bytes(edit_site, code):
    """The stored signed result of a dossier, read straight from the vault."""
    with edit_site() as site:
        ref = site['dossiers'][code].results[-1]
        return site['vaults'][ref['vault']].get_document(ref['document']).read()
