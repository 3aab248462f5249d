"""The counter's memory of the citizen being served: who found whom, and for how long."""
from datetime import datetime, timedelta

import pytest

from tthc_docs.vaults import counter
from tthc_docs import errors, timeutil

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=timeutil.VN_TZ)


class FakeVault:
    id = 'v-1'


def test_a_find_is_served_to_the_officer_who_made_it():
    session = {}
    counter.remember(session, 'v-1', 'reception1', NOW)
    assert counter.served_vault(session, 'reception1', NOW) == 'v-1'


def test_another_officer_is_not_served_by_it():
    session = {}
    counter.remember(session, 'v-1', 'reception1', NOW)
    assert counter.served_vault(session, 'reception2', NOW) is None


def test_a_find_expires_after_the_ttl():
    session = {}
    counter.remember(session, 'v-1', 'reception1', NOW)
    later = NOW + counter.TTL + timedelta(seconds=1)
    assert counter.served_vault(session, 'reception1', later) is None


def test_a_garbled_session_entry_serves_nothing():
    assert counter.served_vault({counter.KEY: {'by': 'reception1', 'at': 'x'}},
                                'reception1', NOW) is None


def test_forget_ends_serving():
    session = {}
    counter.remember(session, 'v-1', 'reception1', NOW)
    counter.forget(session)
    assert counter.served_vault(session, 'reception1', NOW) is None


@pytest.mark.parametrize('vault,served', [(None, 'v-1'), (FakeVault(), None), (FakeVault(), 'v-2')])
def test_check_served_refuses_anything_but_the_found_vault(vault, served):
    with pytest.raises(errors.NotAllowed):
        counter.check_served(vault, served)


def test_check_served_passes_the_found_vault():
    vault = FakeVault()
    assert counter.check_served(vault, 'v-1') is vault
