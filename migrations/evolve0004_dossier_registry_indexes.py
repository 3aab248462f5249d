"""Give the dossier registry its code counters, indexes and replay maps.

A registry made by the foundation's placeholder class had none of them and
used to upgrade itself on first use (``DossierRegistry._ensure``), so that
the first queue or listing GET wrote to the database.  Dossiers already in
the registry are indexed, and each day's counter resumes after the highest
number drawn that day, so no code is drawn twice.
"""
import logging

from BTrees.OOBTree import OOBTree

from tthc_docs.dossiers import codes
from tthc_docs.dossiers.indexes import DossierIndexes

log = logging.getLogger(__name__)


def evolve(site):
    registry = site["dossiers"]
    if getattr(registry, "indexes", None) is not None:
        return
    registry.counters = _counters_after(registry.keys())
    registry.indexes = DossierIndexes()
    registry.idempotency = OOBTree()
    registry.recent = OOBTree()
    for dossier in registry.values():
        registry.indexes.reindex(dossier, dossier.is_open)
    log.info("dossier registry indexes built: %d dossiers", len(registry))


def _counters_after(existing_codes):
    """Counters whose next draw follows every code already given."""
    counters = codes.CodeCounters()
    for code in existing_codes:
        parsed = codes.parse_code(code)
        if parsed is None:
            continue
        agency, day, seq = parsed
        key = f"{agency}|{day.strftime('%y%m%d')}"
        counter = counters.counters.get(key)
        if counter is None:
            counter = counters.counters[key] = codes.DailyCounter()
        counter.value = max(counter.value, seq)
    return counters
