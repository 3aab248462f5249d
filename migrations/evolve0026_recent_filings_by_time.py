"""Order the map of recent filings by time, so that a filing no longer scans it.

The registry remembers each filing's fingerprint for two minutes, so that
the same application posted twice is one dossier (``dossiers.resubmit``).
The map was keyed ``(owner, fingerprint)`` and every filing scanned all of
it for entries past the window: under load (some 180 filings a second over
HTTP) each filing read about 20,000 entries. ``recent_filings`` is keyed
``(slice, owner, fingerprint)``, oldest first, and values hold the time as
POSIX seconds. This step moves the entries still inside the window (the
others can never match again) and drops the old map.
"""
import logging

from BTrees.OOBTree import OOBTree

from tthc_docs import timeutil
from tthc_docs.dossiers import resubmit

log = logging.getLogger(__name__)


def evolve(site):
    registry = site["dossiers"]
    registry._p_activate()   # a ghost's __dict__ is empty
    old = registry.__dict__.get("recent")
    if registry.recent_filings is None:
        registry.recent_filings = OOBTree()
    if old is None:
        return
    now, moved = timeutil.now(), 0
    for (owner, fingerprint), (code, at) in old.items():
        if now - at <= resubmit.WINDOW:
            key, value = resubmit.entry(owner, fingerprint, code, at)
            registry.recent_filings[key] = value
            moved += 1
    del registry.recent
    log.info("recent filings moved to the time-ordered map: %d of %d", moved, len(old))
