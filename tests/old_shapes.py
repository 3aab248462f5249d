"""Stored shapes of earlier evolve steps, rebuilt from a current database for the step tests."""
from BTrees.OOBTree import OOBTree

from tthc_docs.dossiers.indexes import SHARED, SortedIndex, shared_pairs, term_part
from tthc_docs.dossiers.packed import FIELD, unpack

#: The indexes evolve step 27 drops (they were kept whole before it).
DROPPED_BY_27 = ('status', 'agency', 'step', 'due')


def indexes_before_27(indexes):
    """The four unread indexes back, whole, and no ``status_counts``: the shape before step 27."""
    indexes_before_32(indexes)
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
    indexes_before_32(indexes)
    indexes.terms._rev = OOBTree()
    for code, entry in list(indexes.rev.items()):
        indexes.terms._rev[code] = term_part(entry)
        indexes.rev[code] = entry[:7]


def indexes_before_32(indexes):
    """Every ``indexes.rev`` entry the tuple it was before step 32 (and not marked ``packed``)."""
    if not indexes.packed:
        return
    for code, entry in list(indexes.rev.items()):
        indexes.rev[code] = unpack(entry)
    del indexes.packed   # the class's False, as an instance made before the step


def outbox_before_30(outbox):
    """The outbox as kept before step 30: a set of pending keys, a count per dossier behind, a counter."""
    from BTrees.Length import Length
    from BTrees.OOBTree import OOBTree, OOTreeSet
    pending, behind = OOTreeSet(), OOBTree()
    for code, seq in outbox.records.keys():
        if (code, seq) not in outbox.dead:
            pending.insert((code, seq))
        behind[code] = behind.get(code, 0) + 1
    outbox.pending, outbox.behind, outbox.pending_count = pending, behind, Length(len(pending))


def contributions_before_30(store):
    """Each ``indicators.last`` entry as the tuple of tuples it was before step 30."""
    from tthc_docs.indicators.counters import read_contribution
    for key, kept in list(store.last.items()):
        store.last[key] = read_contribution(kept)


def vault_times_before_31(vaults):
    """Each vault grant's and reuse note's moment as the datetime it was before step 31."""
    from datetime import datetime
    for vault in vaults.values():
        for tree in (vault.grants, vault.reuse):
            for key, at in list(tree.items()):
                tree[key] = datetime.fromisoformat(at)


def paper_maps_before_32(registry):
    """Each dossier's papers by kind and by event as the BTrees they were before step 32."""
    from BTrees.IOBTree import IOBTree
    for dossier in registry.values():
        folder = getattr(dossier, 'papers', None)
        if folder is not None:
            folder.by_kind, folder.by_event = OOBTree(folder.by_kind), IOBTree(folder.by_event)


def members_before_32(indexes):
    """Each member of the dossier indexes' sets the ``(sort key, code)`` it was before step 32."""
    from BTrees.OOBTree import OOTreeSet
    for name in ('owner', 'queue', 'terms', 'desk', 'desk_terms'):
        index = getattr(indexes, name)
        for value in list(index._sets.keys()):
            index._sets[value] = OOTreeSet(tuple(m.split(FIELD)) for m in index._sets[value])
        del index.packed   # the class's False, as an index made before the step


def queue_search_finds(registry, dossier, status, now):
    """Whether the queue's search for a word of ``dossier``'s applicant, in ``status``, finds it.

    What the step tests ask after a step that changed how the search is stored.
    """
    from tthc_docs.dossiers import queues
    from tthc_docs.dossiers.indexes import search_terms
    word = next(t[2:] for t in search_terms(dossier) if t.startswith('w:'))
    query = queues.QueueQuery(statuses=(status,), text=word)
    codes = registry.search_queue(dossier.agency, query, now, now, limit=1000)[0]
    return dossier.code in [d.code for d in codes]
