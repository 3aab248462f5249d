"""Index the dossiers by search term, so the officers' queues can be searched (issue 16).

Officers find a dossier in their queue by its code, the applicant's name
(folded: with or without diacritics) or its procedure
(``dossiers/queues.py``); ``DossierIndexes.terms`` answers that from sorted
ranges instead of a scan.  A registry's indexes made before it have no
``terms``: this step gives them one and indexes every dossier already there.
"""
import logging

from tthc_docs.dossiers.indexes import TermIndex, due_key, search_terms

log = logging.getLogger(__name__)


def evolve(site):
    registry = site["dossiers"]
    indexes = registry.indexes
    if getattr(indexes, "terms", None) is None:
        indexes.terms = TermIndex()
    for dossier in registry.values():
        indexes.terms.index(dossier.code, dossier.agency, dossier.status,
                            due_key(dossier.due_at), search_terms(dossier))
    log.info("dossiers indexed by search term: %d", len(registry))
