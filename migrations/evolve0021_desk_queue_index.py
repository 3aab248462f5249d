"""Index the dossiers a desk received for another agency by that desk (its queue).

Location-independent filing (issue 12, Decree 118/2025/NĐ-CP) lets any desk
of the province receive a dossier that another agency settles; the desk's
reception had no listing of what waits for it there. ``DossierIndexes.desk``
((receiving desk, status) -> by due) is kept on every write; this step
builds it once for the dossiers already filed, so that the queue reads a
page of it and never scans; ``desk_terms`` does the same for the queue's
search (the applicant's words and the procedure, by desk).
"""
import logging

from tthc_docs.dossiers.indexes import SortedIndex, TermIndex

log = logging.getLogger(__name__)


def evolve(site):
    indexes = site["dossiers"].indexes
    indexes.desk = SortedIndex()
    indexes.desk_terms = TermIndex()
    indexed = 0
    for dossier in site["dossiers"].values():
        indexes.index_desk(dossier)
        indexed += bool(dossier.other_desk)
    log.info("dossiers indexed by receiving desk: %d", indexed)
