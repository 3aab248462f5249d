"""Each entry of the dossier indexes' shared reverse map is stored as one string.

Issue 15: a filing and every change of state rewrite a bucket of
``DossierIndexes.rev`` (some thirty entries), where each entry was a tuple
``(status, agency, owner, filed, step, due key, open, terms)`` of some
fifteen pickled objects, each a Python call of ZODB's pickler. The entry is
now ``indexes.pack``'s string (one object) and is read back with
``indexes.unpack`` (``DossierIndexes.entry``); this step packs the entries
already stored and marks the indexes ``packed``. Every listing, search and
count reads the same.
"""
import logging

from tthc_docs.dossiers.indexes import pack
from tthc_docs.migrations import breathe, key_chunks

log = logging.getLogger(__name__)
EVERY = 20_000


def evolve(site):
    indexes = site["dossiers"].indexes
    indexes._p_activate()   # a ghost's __dict__ is empty
    if indexes.packed:
        return   # made since: its entries were packed as they were indexed
    rev, n = indexes.rev, 0
    for chunk in key_chunks(rev, EVERY):
        for code in chunk:
            rev[code] = pack(rev[code])   # an existing key: the tree keeps its shape
        n += len(chunk)
        breathe(indexes, n, EVERY)
    indexes.packed = True
    log.info("reverse-map entries of %d dossiers packed as strings", n)
