"""Issue the papers of every dossier's past events, once, and number the register.

Papers used to be rendered on every download from the dossier as it was
then (the print date was the download day; a receipt downloaded after an
apology showed the new appointment). Since papers are issued when their
event happens and stored once (``dossiers.press``), a dossier filed before
has none: this step issues them from its history, as each event left it,
with the public address from the settings (``tthc-docs migrate`` passes
them), and gives every received dossier its line in the agency's register
(Mẫu 06), in order of receipt.
"""
import logging

from BTrees.OOBTree import OOBTree

from tthc_docs.dossiers import press

log = logging.getLogger(__name__)


def _received_at(dossier):
    return dossier.received_at.timestamp() if dossier.received_at else float("inf")


def evolve(site, settings=None):
    registry = site["dossiers"]
    if getattr(registry, "paper_counters", None) is None:
        registry.paper_counters = OOBTree()
    if getattr(registry, "register_book", None) is None:
        registry.register_book = OOBTree()
    from tthc_docs.dossiers.calendar import calendar_for
    papers_press, calendar = press.Press.from_settings(settings or {}), calendar_for(site)
    issued = 0
    for dossier in sorted(registry.values(), key=_received_at):
        issued += len(press.issue_pending(site, dossier, papers_press, calendar))
    log.info("papers issued for %d dossiers: %d papers", len(registry), issued)
