"""Index the dossiers a desk received for another agency by that desk (its queue).

Location-independent filing (issue 12, Decree 118/2025/NĐ-CP) lets any desk
of the province receive a dossier that another agency settles; the desk's
reception had no listing of what waits for it there. ``DossierIndexes.desk``
((receiving desk, status) -> by due) is kept on every write; this step
builds it once for the dossiers already filed, so that the queue reads a
page of it and never scans.
"""
import logging

from tthc_docs.dossiers.indexes import SortedIndex

log = logging.getLogger(__name__)


def evolve(site):
    indexes = site["dossiers"].indexes
    indexes.desk = SortedIndex()
    indexed = 0
    for dossier in site["dossiers"].values():
        indexes.index_desk(dossier)
        indexed += bool(dossier.other_desk)
    log.info("dossiers indexed by receiving desk: %d", indexed)
