"""Stored shapes of earlier evolve steps, rebuilt from a current database for the step tests."""
from BTrees.OOBTree import OOBTree

from tthc_docs.dossiers.indexes import SHARED, SortedIndex, shared_pairs, term_part

#: The indexes evolve step 27 drops (they were kept whole before it).
DROPPED_BY_27 = ('status', 'agency', 'step', 'due')


def indexes_before_27(indexes):
    """The four unread indexes back, whole, and no ``status_counts``: the shape before step 27."""
    for name in DROPPED_BY_27:
        setattr(indexes, name, SortedIndex(shared=True))
    for code, entry in indexes.rev.items():
        for name, pair in shared_pairs(entry, code).items():
            if name in DROPPED_BY_27 and pair is not None:
                getattr(indexes, name).index(code, *pair)
    indexes.status_counts = None
    assert set(SHARED) == set(DROPPED_BY_27) | {'owner', 'queue'}


def indexes_before_29(indexes):
    """The search terms' own reverse map back, the shared one without terms: before step 29."""
    indexes.terms._rev = OOBTree()
    for code, entry in list(indexes.rev.items()):
        indexes.terms._rev[code] = term_part(entry)
        indexes.rev[code] = entry[:7]
