"""Leaner dossier records: index entries stored as one string, a dossier's paper maps as dicts.

Issue 15: every filing and change of state rewrite a bucket of
``DossierIndexes.rev`` (some thirty entries), where each entry was a tuple
``(status, agency, owner, filed, step, due key, open, terms)`` of some
fifteen pickled objects, each a Python call of ZODB's pickler. The entry is
now ``indexes.pack``'s string (one object), read back with
``indexes.unpack`` (``DossierIndexes.entry``); this step packs the entries
already stored and marks the indexes ``packed``. Likewise each member of the
sets a filing inserts into (the owner's, the queue's, one per search term,
the desk's) becomes one string instead of a ``(sort key, code)`` pair.

Every event that issues a paper also wrote two small BTrees of the
dossier's ``PaperFolder`` (its papers by kind and by event), each a record
of its own beside the folder's, which the event writes anyway: they are now
plain dicts in the folder's record, and this step turns the stored ones
into dicts. Every listing, search, count and paper reads the same.
"""
import logging

from BTrees.OOBTree import OOTreeSet

from tthc_docs.dossiers.packed import pack
from tthc_docs.migrations import breathe, key_chunks

log = logging.getLogger(__name__)
EVERY = 20_000
#: Sets rebuilt between savepoints (a set may hold a whole queue).
SETS_EVERY = 200
#: The indexes (``SortedIndex``, ``TermIndex``) whose set members are packed.
SETS = ("owner", "queue", "terms", "desk", "desk_terms")
#: The ``PaperFolder`` maps that become dicts.
PAPER_MAPS = ("by_kind", "by_event")


def evolve(site):
    registry = site["dossiers"]
    packed = _pack_index_entries(registry.indexes)
    members = sum(_pack_members(getattr(registry.indexes, name)) for name in SETS)
    folders = _plain_paper_maps(registry)
    log.info("reverse-map entries packed: %d; set members: %d; paper folders with plain maps: %d",
             packed, members, folders)


def _pack_index_entries(indexes):
    """Each ``indexes.rev`` entry as its ``pack``ed string; how many were packed."""
    indexes._p_activate()   # a ghost's __dict__ is empty
    if indexes.packed:
        return 0   # made since: its entries were packed as they were indexed
    rev, n = indexes.rev, 0
    for chunk in key_chunks(rev, EVERY):
        for code in chunk:
            rev[code] = pack(rev[code])   # an existing key: the tree keeps its shape
        n += len(chunk)
        breathe(indexes, n, EVERY)
    indexes.packed = True
    return n


def _pack_members(index):
    """Each set of ``index`` rebuilt of packed members; how many members were packed."""
    if index is None:
        return 0
    index._p_activate()
    if index.packed:
        return 0   # made since (or by a step before this one): packed as it was filled
    index.packed = True   # from here ``_member`` packs
    n = 0
    for i, value in enumerate(list(index._sets.keys()), 1):
        pairs = list(index._sets[value])
        index._sets[value] = OOTreeSet([index._member(key, code) for key, code in pairs])
        n += len(pairs)
        breathe(index, i, SETS_EVERY)
    return n


def _plain_paper_maps(registry):
    """Each dossier's paper maps as dicts; how many folders changed."""
    done = 0
    for n, dossier in enumerate(registry.values(), 1):
        folder = getattr(dossier, "papers", None)
        if folder is not None and not isinstance(folder.by_kind, dict):
            for name in PAPER_MAPS:
                setattr(folder, name, dict(getattr(folder, name).items()))
            done += 1
        breathe(registry, n, EVERY)
    return done
