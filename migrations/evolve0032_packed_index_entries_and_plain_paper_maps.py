"""Leaner dossier records: index entries stored as one string, a dossier's paper maps as dicts.

Issue 15: every filing and change of state rewrite a bucket of
``DossierIndexes.rev`` (some thirty entries), where each entry was a tuple
``(status, agency, owner, filed, step, due key, open, terms)`` of some
fifteen pickled objects, each a Python call of ZODB's pickler. The entry is
now ``indexes.pack``'s string (one object), read back with
``indexes.unpack`` (``DossierIndexes.entry``); this step packs the entries
already stored and marks the indexes ``packed``.

Every event that issues a paper also wrote two small BTrees of the
dossier's ``PaperFolder`` (its papers by kind and by event), each a record
of its own beside the folder's, which the event writes anyway: they are now
plain dicts in the folder's record, and this step turns the stored ones
into dicts. Every listing, search, count and paper reads the same.
"""
import logging

from tthc_docs.dossiers.indexes import pack
from tthc_docs.migrations import breathe, key_chunks

log = logging.getLogger(__name__)
EVERY = 20_000
#: The ``PaperFolder`` maps that become dicts.
PAPER_MAPS = ("by_kind", "by_event")


def evolve(site):
    registry = site["dossiers"]
    packed = _pack_index_entries(registry.indexes)
    folders = _plain_paper_maps(registry)
    log.info("reverse-map entries packed: %d; paper folders with plain maps: %d", packed, folders)


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
