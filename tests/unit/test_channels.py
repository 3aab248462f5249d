"""A procedure's ways of filing decide which channels it admits (catalog.channels)."""
from types import SimpleNamespace

import pytest

from tthc_docs import errors
from tthc_docs.catalog import channels
from tthc_docs.catalog.fees import COUNTER, ONLINE


def version(*methods):
    return SimpleNamespace(code='2.000884', methods=list(methods))


def test_a_counter_only_procedure_refuses_an_online_filing():
    with pytest.raises(errors.StateConflict) as exc:
        channels.check(version('counter'), ONLINE)
    assert exc.value.allowed == [COUNTER] and 'channel' in exc.value.fields


def test_the_refusal_names_every_way_offered():
    with pytest.raises(errors.StateConflict) as exc:
        channels.check(version('counter', 'post'), ONLINE)
    assert 'trực tiếp, qua bưu chính' in exc.value.message


def test_an_online_procedure_accepts_an_online_filing():
    channels.check(version('counter', 'online'), ONLINE)


def test_a_posted_dossier_is_taken_in_at_the_counter():
    channels.check(version('post', 'online'), COUNTER)


def test_an_online_only_procedure_refuses_the_counter():
    with pytest.raises(errors.StateConflict) as exc:
        channels.check(version('online'), COUNTER)
    assert exc.value.allowed == [ONLINE]


def test_a_procedure_that_lists_no_way_refuses_nothing():
    assert channels.offered(version()) is None
    channels.check(version(), ONLINE)
