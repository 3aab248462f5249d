"""The queues' search remembered per version of an agency's index entries (issue 15).

A kept queue page (``web/pagecache.private``) is found by the serials of
the dossiers it lists, so every view of it ran the index search again just
to learn which those are. That search (``dossiers/queues.py``) reads
nothing but the registry's indexes: an agency's own keys (its queue, its
search terms, what its desk received for others) and the reverse-map
entries of the dossiers found under them. Its answer is therefore fixed
while no dossier enters, leaves or moves within them, which is what
``DossierIndexes`` counts: in the same transaction as every change of a
dossier's entries it bumps the counter of each agency named before and
after (its handling agency, the desk that received it for another), a
``BTrees.Length`` per agency, whose concurrent bumps merge without a
conflict. The answer is kept in this process per database, index, agency,
counter and question; a commit that changes the agency's entries moves
the counter, so nothing stale is ever served.

Not kept: the urgency filters (their answer moves with the clock), an
answer read while the counter changed in the current transaction (it may
still be aborted), and indexes in a shape before evolve step 29.
The migrations that rebuild indexes and a restore from a backup (which
can put a counter back) run with the application stopped: a process's
memory starts empty.
"""
import threading
import weakref

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree

#: database -> {(index oid, agency, counter, question...) -> answer}
_KEPT = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()
_MAX = 1024      # a page of codes each: a few MB at most


def footprint(ix, code):
    """What the queues' search reads of ``code``: its shared entry and its desk entry."""
    if ix.rev is None or ix.desk_terms is None:
        return None
    return ix.entry(code), ix.desk_terms.entry(code)


def bump(ix, before, after):
    """The entries of one dossier went from ``before`` to ``after`` (``footprint``s)."""
    if before == after:
        return
    named = _agencies(before) | _agencies(after)
    if ix.versions is None:
        ix.versions = OOBTree()
    for agency in sorted(named):
        counter = ix.versions.get(agency)
        if counter is None:
            counter = ix.versions[agency] = Length()
        counter.change(1)


def _agencies(found):
    """The agencies whose queue a ``footprint`` is in (handling agency, other desk)."""
    if found is None:
        return set()
    shared, desk = found
    return {x for x in (shared[1] if shared else None, desk[0] if desk else None) if x}


def version(ix, agency):
    """The agency's counter as committed, or None when it cannot be trusted (see above)."""
    if ix.rev is None or ix.desk_terms is None or ix.terms is None or not ix.terms.shared:
        return None
    counter = ix.versions.get(agency) if ix.versions is not None else None
    if ix.versions is not None and (ix.versions._p_changed or ix.versions._p_oid is None):
        return None
    if counter is None:
        return 0
    if counter._p_changed or counter._p_oid is None:
        return None
    return counter()


def remembered(ix, agency, question, compute):
    """``compute()``, kept per version of ``agency``'s entries and ``question`` (hashable;
    None: not kept)."""
    current = version(ix, agency) if question is not None else None
    jar = ix._p_jar
    if current is None or jar is None:
        return compute()
    with _LOCK:
        kept = _KEPT.setdefault(jar.db(), {})
    key = (ix._p_oid, agency, current) + question
    found = kept.get(key)
    if found is None:
        found = compute()
        with _LOCK:
            if len(kept) >= _MAX:
                kept.clear()
            kept[key] = found
    return found
