"""Result documents: each procedure version names its document; agencies number them per year.

The signed result is titled by the procedure's own result document
("Giấy xác nhận tình trạng hôn nhân", not a generic "Giấy xác nhận kết quả
…"), but the catalog had only a free description (``result_name``).
Versions are immutable, so this step writes the new field ``result_title``
once on each stored version, from the description's leading document name
(``catalog.content.result_document_name``); an editor corrects it in the
next version. Results were numbered ``<seq>/KQ-<yymmdd>``, restarting
daily; they now take one sequence per agency and year (Decree 30/2020
art. 15), kept in ``site["dossiers"].result_numbers``, which this step
makes (earlier results keep the numbers printed on them).
"""
import logging

from persistent import Persistent

from tthc_docs.catalog.content import result_document_name
from tthc_docs.dossiers.result_numbers import ResultNumbers

log = logging.getLogger(__name__)


def evolve(site):
    named = 0
    for procedure in site["procedures"].values():
        for version in procedure.versions.values():
            version._p_activate()  # a ghost's __dict__ is empty: read the record first
            if "result_title" in version.__dict__:
                continue
            title = result_document_name(version.result_name)
            # Past the frozen guard on purpose: a new field, not an edit of the content.
            Persistent.__setattr__(version, "result_title", title)
            named += bool(title)
    registry = site["dossiers"]
    if getattr(registry, "result_numbers", None) is None:
        registry.result_numbers = ResultNumbers()
    log.info("result titles given to stored versions (%d named); result numbers ready", named)
