"""Give the site its outbox for the national portal, with the events already in the histories.

Issue 18: every dossier is synchronised with the Cổng dịch vụ công quốc gia.
Dossiers filed before the outbox existed have their tracked history entries
recorded now, in order, so that they are sent too and count in indicator
1.4 (a record made from the history carries the state the event led to,
and the dossier's current dates).
"""
import logging

from tthc_docs import timeutil
from tthc_docs.sync import protocol
from tthc_docs.sync.outbox import Outbox

log = logging.getLogger(__name__)


def evolve(site):
    if "outbox" in site:
        return
    outbox = site.add("outbox", Outbox())
    now, count = timeutil.now(), 0
    for dossier in site["dossiers"].values():
        for entry in dossier.history:
            if protocol.event_for(entry.get("action")):
                outbox.add(dossier, entry, now)
                count += 1
    log.info("outbox made: %d records from %d dossiers' histories", count, len(site["dossiers"]))
