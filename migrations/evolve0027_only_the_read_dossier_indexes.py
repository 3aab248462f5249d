"""Keep only the dossier indexes a listing reads, and the count of dossiers by state.

Of the six indexes every dossier is in (``dossiers.indexes.SHARED``), the
citizen's list reads ``owner`` and the officers' queues read ``queue``.
``status`` was read only for its counts, and ``agency``, ``step`` and ``due``
(open dossiers by due date) not at all; yet each filing and each transition
wrote a bucket of each and its counter: some eight records of the forty a
filing wrote (issue 15). This step counts the dossiers by state from the
one reverse map (``indexes.rev``, which still says where every dossier is),
keeps those counts in ``status_counts`` and drops the four indexes.
"""
import logging

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree

from tthc_docs.migrations import breathe

log = logging.getLogger(__name__)
EVERY = 20_000


def evolve(site):
    indexes = site["dossiers"].indexes
    indexes._p_activate()   # a ghost's __dict__ is empty
    if indexes.status_counts is not None:
        return
    counts = {}
    for n, entry in enumerate(indexes.rev.values(), 1):
        counts[entry[0]] = counts.get(entry[0], 0) + 1
        breathe(indexes, n, EVERY)
    indexes.status_counts = OOBTree({status: Length(n) for status, n in counts.items()})
    for name in ("status", "agency", "step", "due"):
        indexes.__dict__.pop(name, None)
    indexes._p_changed = True
    log.info("dossiers counted by state: %s; the four unread indexes dropped", counts)
