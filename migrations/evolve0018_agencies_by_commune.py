"""Index the agencies by the official code of the commune they serve.

Location-independent filing (issue 12) sends a commune-level dossier to the
People's Committee of the applicant's commune: ``AgencyTree.for_commune``
answered by walking every agency on every filing. ``AgencyTree.by_commune_index``
(commune code -> agency) is kept by ``add_agency``; this step builds it once
for the agencies already there, the first agency of a commune in code order
keeping it, as the walk found it.
"""
import logging

from BTrees.OOBTree import OOBTree

log = logging.getLogger(__name__)


def evolve(site):
    tree = site["agencies"]
    tree.by_commune_index = OOBTree()
    for agency in tree.by_code_index.values():
        tree.index_commune(agency)
    log.info("agencies indexed by commune: %d", len(tree.by_commune_index))
