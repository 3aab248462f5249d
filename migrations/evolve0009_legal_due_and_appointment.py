"""Split each dossier's due date into the legal due date and the current appointment.

Before this step ``due_at`` was one date that an apology overwrote, counted
with the day of receipt as day 1. Now ``due_at`` is the legal due date,
counted as the law counts it (Civil Code art. 147: from the working day
after receipt; after the cut-off, from the next one), moved only by the
supplement pauses the history records; ``appointment_at`` is what the
applicant was last promised: the last apology's date, else the legal due
date. Each apology (on the dossier and in its history) also records the
legal due date it left alone. The default cut-off (17:00) is used: the step
runs without the app's settings. Dossiers are re-indexed (queues sort by
the legal due date).
"""
import logging

from tthc_docs.dossiers import deadlines
from tthc_docs.dossiers.calendar import calendar_for

log = logging.getLogger(__name__)


def evolve(site):
    registry = site["dossiers"]
    calendar = calendar_for(site)
    changed = 0
    for dossier in registry.values():
        dossier._p_activate()      # a ghost's __dict__ is empty: read the record first
        if "appointment_at" in dossier.__dict__:
            continue
        _split(dossier, calendar)
        registry.reindex(dossier)
        changed += 1
    log.info("legal due date and appointment split on %d dossiers", changed)


def _split(dossier, calendar):
    if dossier.received_at is None:
        dossier.appointment_at = None
        return
    legal = legal_due(dossier, calendar)
    apologies = list(dossier.apologies or ())
    promised = apologies[-1].get("new_due") if apologies else None
    dossier.appointment_at = max(promised, legal) if promised else legal
    dossier.apologies = [dict(a, legal_due_at=legal) for a in apologies]
    for i, entry in enumerate(dossier.history):
        if entry.get("action") == "apologize":
            dossier.history[i] = dict(entry, legal_due_at=legal)
            dossier._p_changed = True   # a plain list since step 25
    dossier.due_at = legal


def legal_due(dossier, calendar):
    """The legal due date from receipt, pushed back by each supplement pause in history."""
    due = deadlines.due_at(dossier.received_at, dossier.processing_days, calendar)
    paused = None
    for entry in dossier.history:
        at = entry.get("at")
        if at is None or at < dossier.received_at:
            continue
        if entry.get("action") == "request_supplement":
            paused = at
        elif entry.get("action") == "supplement" and paused is not None:
            due = deadlines.resume(due, paused, at, calendar)
            paused = None
    return due
