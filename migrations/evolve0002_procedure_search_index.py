"""Build the procedure catalog's search index in its current shape (2).

Catalogs made before the search index, or whose index was stored before
shapes were recorded (shape 1: no name words, no shown summary), used to be
rebuilt lazily by the first search, so that a GET wrote to the database.
A later change of the index's shape bumps ``ProcedureIndex.SHAPE`` and adds
a step like this one.
"""
import logging

from tthc_docs.catalog.index import ProcedureIndex

log = logging.getLogger(__name__)
SHAPE = 2


def evolve(site):
    catalog = site["procedures"]
    index = getattr(catalog, "search_index", None)
    if index is not None and index.shape >= SHAPE:
        return
    catalog.search_index = ProcedureIndex()
    for procedure in catalog.values():
        catalog.reindex(procedure)
    log.info("procedure search index rebuilt: %d procedures", len(catalog))
