"""Cheaper commits for every dossier event: the outbox's three derived structures go, and the
indicators keep each dossier's contribution as one string.

Issue 15: an event wrote, beside its outbox record, a set of pending keys,
a count of undelivered records per dossier and a counter of pending records
(three records, 1.3 KB of each commit), all of which are read from
``outbox.records`` (only what the portal still lacks) and ``outbox.waiting``
(the pending queue) instead; this step drops them. A filing also rewrote a
bucket of ``indicators.last`` whose thirty entries were tuples of tuples
(some forty pickled objects each); each entry becomes the compact string of
``indicators.counters.contribution``, which says the same. Pending outbox
records keep the dict they were stored with until they next change
(``OutboxRecord.__setstate__`` reads both shapes).
"""
import logging

from tthc_docs.indicators.counters import contribution
from tthc_docs.indicators.hooks import STORE
from tthc_docs.migrations import breathe, key_chunks

log = logging.getLogger(__name__)
EVERY = 20_000
#: What an outbox kept before this step and now reads from ``records`` and ``waiting``.
DROPPED = ('pending', 'behind', 'pending_count')


def evolve(site):
    dropped = _lean_outbox(site.get('outbox'))
    packed = _compact_contributions(site.get(STORE))
    log.info("outbox: %s dropped; indicators: %d contributions kept as strings",
             ', '.join(dropped) or 'nothing', packed)


def _lean_outbox(outbox):
    if outbox is None:
        return []
    outbox._p_activate()   # a ghost's __dict__ is empty
    dropped = [name for name in DROPPED if outbox.__dict__.pop(name, None) is not None]
    if dropped:
        outbox._p_changed = True
    return dropped


def _compact_contributions(store):
    """Rewrite the tuples of ``store.last`` as strings, a chunk of keys at a time."""
    if store is None:
        return 0
    done = 0
    for chunk in key_chunks(store.last, EVERY):
        for key in chunk:
            kept = store.last[key]
            if not isinstance(kept, str):
                store.last[key] = contribution(*kept)   # an existing key: the tree keeps its shape
                done += 1
        breathe(store, EVERY, EVERY)
    return done
