"""Slim stored dossiers and delivered outbox records: about 1.8 KB less per dossier.

Issue 14 (a province's years of dossiers): every dossier kept copies of its
procedure version's steps and requirements (about 900 bytes), though the
``ProcedureVersion`` it was filed against never changes; it now refers to
it (``Dossier.filed_version``). A dossier whose copies differ from its
version (or whose version is gone) keeps them. Every delivered outbox record
kept the whole message the portal already holds; it now keeps its event and
status (``OutboxRecord.slim``). Savepoints every few thousand objects keep
the memory of a million-dossier run bounded.
"""
import logging

from tthc_docs.migrations import breathe

log = logging.getLogger(__name__)
EVERY = 2000
COPIES = ("procedure_steps", "requirements", "steps")


def evolve(site):
    referred = _refer_to_versions(site)
    slimmed = _slim_delivered(site.get("outbox"))
    log.info("dossiers referring to their version: %d; delivered records slimmed: %d",
             referred, slimmed)


def _refer_to_versions(site):
    procedures, done = site["procedures"], 0
    for n, dossier in enumerate(site["dossiers"].values(), 1):
        dossier._p_activate()      # a ghost's __dict__ is empty: read the record first
        state = dossier.__dict__
        if dossier.filed_version is None and "procedure_steps" in state:
            version = _version_of(procedures, dossier)
            if version is not None and _same(version, state):
                for name in COPIES:
                    state.pop(name, None)
                dossier.filed_version = version   # also marks the dossier changed
                done += 1
        breathe(dossier, n, EVERY)
    return done


def _version_of(procedures, dossier):
    procedure = procedures.get(dossier.procedure_code or "")
    number = dossier.procedure_version
    return procedure.versions.get(int(number)) if procedure is not None and number else None


def _same(version, state):
    return (list(version.steps or ()) == list(state.get("procedure_steps") or ())
            and list(version.requirements or ()) == list(state.get("requirements") or ()))


def _slim_delivered(outbox):
    if outbox is None:
        return 0
    done = 0
    for n, rec in enumerate(outbox.records.values(), 1):
        if rec.state == "delivered" and set(rec.message) - {"event", "status"}:
            rec.slim()
            done += 1
        breathe(rec, n, EVERY)
    return done
