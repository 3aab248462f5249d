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


def test_by_default_a_procedure_filed_online_is_received_at_any_desk():
    """Decree 118/2025/NĐ-CP, as Thái Nguyên applies it: the online services first."""
    assert channels.receivable_anywhere(version('counter', 'online'))
    assert not channels.receivable_anywhere(version('counter'))


def test_the_editors_flag_wins_over_the_default():
    online_but_not_anywhere = SimpleNamespace(methods=['counter', 'online'], receivable_anywhere=False)
    paper_but_anywhere = SimpleNamespace(methods=['counter'], receivable_anywhere=True)
    assert not channels.receivable_anywhere(online_but_not_anywhere)
    assert channels.receivable_anywhere(paper_but_anywhere)
