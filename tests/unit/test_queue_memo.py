"""The queues' search kept per version of an agency's index entries (dossiers/queue_memo.py).

On a real ZODB: each change of a dossier's entries moves the counter of
every agency whose queue it leaves or enters, and nothing else does; an
answer is given again only while the counter stands.
"""
import pytest
import transaction
import ZODB

from test_dossier_indexes import AGENCY, T0, new, receive
from tthc_docs.dossiers import queue_memo, states
from tthc_docs.dossiers.content import DossierRegistry
from tthc_docs.dossiers.queues import QueueQuery

OTHER, DESK = '000.00.21.H55', '000.00.41.H55'
ALL = QueueQuery(statuses=tuple(states.STATES))


@pytest.fixture
def registry():
    """A registry stored in a fresh in-memory ZODB, committed."""
    db = ZODB.DB(None)
    conn = db.open()
    conn.root()['dossiers'] = DossierRegistry()
    transaction.commit()
    yield conn.root()['dossiers']
    transaction.abort()
    conn.close()
    db.close()


def versions(registry, *agencies):
    return [queue_memo.version(registry.indexes, a) for a in agencies]


def codes(registry, agency):
    return [d.code for d in registry.search_queue(agency, ALL, T0, None, 0, 50)[0]]


def test_a_filing_moves_its_agencys_counter_only(registry):
    before = versions(registry, AGENCY, OTHER)
    new(registry)
    transaction.commit()
    after = versions(registry, AGENCY, OTHER)
    assert after[0] > before[0] and after[1] == before[1]


def test_a_change_of_state_moves_the_counter(registry):
    dossier = new(registry)
    transaction.commit()
    before = versions(registry, AGENCY)
    receive(dossier, T0)
    transaction.commit()
    assert versions(registry, AGENCY) > before


def test_a_dossier_moved_to_another_agency_moves_both_counters(registry):
    dossier = new(registry)
    transaction.commit()
    before = versions(registry, AGENCY, OTHER)
    dossier.agency = OTHER
    registry.reindex(dossier)
    transaction.commit()
    after = versions(registry, AGENCY, OTHER)
    assert after[0] > before[0] and after[1] > before[1]


def test_a_filing_at_another_desk_moves_the_desks_counter(registry):
    before = versions(registry, DESK)
    dossier = new(registry, agency=AGENCY)
    dossier.receiving_agency = DESK
    registry.reindex(dossier)
    transaction.commit()
    assert versions(registry, DESK) > before


def test_indexing_again_without_a_change_moves_nothing(registry):
    dossier = new(registry)
    transaction.commit()
    before = versions(registry, AGENCY)
    registry.reindex(dossier)
    transaction.commit()
    assert versions(registry, AGENCY) == before


def test_a_counter_changed_in_this_transaction_is_not_trusted(registry):
    new(registry)
    transaction.commit()
    new(registry, owner='citizen2')
    assert versions(registry, AGENCY) == [None]


def test_an_answer_is_searched_again_only_when_the_agencys_entries_change(registry):
    first = new(registry)
    transaction.commit()
    assert codes(registry, AGENCY) == [first.code]
    new(registry, agency=OTHER)
    transaction.commit()
    calls = []
    queue_memo.remembered(registry.indexes, AGENCY, ('search', ALL, 0, 50, ()),
                          lambda: calls.append(1))
    assert calls == []          # another agency's filing: the kept answer stands
    second = new(registry, owner='citizen2', at=T0.replace(hour=10))
    transaction.commit()
    assert codes(registry, AGENCY) == [first.code, second.code]


def test_an_uncommitted_change_is_never_kept(registry):
    new(registry)
    transaction.commit()
    assert len(codes(registry, AGENCY)) == 1
    new(registry, owner='citizen2')
    assert len(codes(registry, AGENCY)) == 2     # this transaction's own view
    transaction.abort()
    assert len(codes(registry, AGENCY)) == 1
