"""Compact what each dossier stores: about 1.5 KB less per dossier (issue 14).

A province files about a million dossiers a year; each byte per dossier is a
megabyte a year, in the database, its backups and its cache. Four changes,
each read back exactly as before (the API, pages and papers do not change):

1. a delivered outbox record moves to ``outbox.delivered`` as a plain tuple
   (``sync.outbox.Delivered``) instead of a persistent object of its own;
2. a dossier's history becomes a plain list in the dossier's own record
   instead of a ``PersistentList`` (every event changes the dossier anyway);
3. the six indexes every dossier is in share one reverse map
   (``DossierIndexes.rev``) instead of keeping six;
4. an attachment reference no longer copies its requirement's name, which
   the version filed against holds (``Dossier.attachment_name``); a name the
   version no longer gives is kept.

Savepoints every few thousand objects keep a million-dossier run's memory
bounded.
"""
import logging

from BTrees.OOBTree import OOBTree
from persistent.list import PersistentList

from tthc_docs.dossiers.indexes import SHARED
from tthc_docs.migrations import breathe, key_chunks
from tthc_docs.sync.outbox import DELIVERED, Delivered

log = logging.getLogger(__name__)
EVERY = 2000


def evolve(site):
    packed = _pack_delivered(site.get("outbox"))
    registry = site["dossiers"]
    lists = refs = 0
    for n, dossier in enumerate(registry.values(), 1):
        lists += _history_in_record(dossier)
        refs += _refs_without_names(dossier)
        breathe(registry, n, EVERY)
    merged = _one_reverse_map(registry.indexes, registry)
    log.info("delivered records packed: %d; histories moved into their dossier: %d; "
             "attachment names dropped: %d; codes in the one reverse map: %d",
             packed, lists, refs, merged)


def _pack_delivered(outbox):
    """Move delivered records to ``outbox.delivered`` as tuples, a chunk of keys at a time."""
    if outbox is None:
        return 0
    if outbox.delivered is None:
        outbox.delivered = OOBTree()
    done = 0
    for chunk in key_chunks(outbox.records, EVERY):
        for key in chunk:
            rec = outbox.records[key]
            if rec.state == DELIVERED:
                outbox.delivered[key] = Delivered.pack(rec)
                del outbox.records[key]
                done += 1
        breathe(outbox, EVERY, EVERY)
    return done


def _history_in_record(dossier):
    dossier._p_activate()      # a ghost's __dict__ is empty: read the record first
    history = dossier.__dict__.get("history")
    if not isinstance(history, PersistentList):
        return 0
    dossier.history = [dict(entry) for entry in history]
    return 1


def _refs_without_names(dossier):
    names = {r.get("id"): r.get("name") for r in dossier.requirements}
    attachments = dossier.__dict__.get("attachments") or []
    if not any("name" in ref and ref["name"] == names.get(ref.get("requirement"))
               for ref in attachments):
        return 0
    dossier.attachments = [_without_name(ref, names) for ref in attachments]
    return 1


def _without_name(ref, names):
    if ref.get("name") != names.get(ref.get("requirement")):
        return ref   # the version does not give this name (or there is none): keep it
    return {k: v for k, v in ref.items() if k != "name"}


def _one_reverse_map(indexes, registry):
    """``indexes.rev`` from the six reverse maps, which are then dropped."""
    if indexes.rev is not None:
        return 0
    old = {name: getattr(indexes, name)._rev for name in SHARED}
    rev = indexes.rev = OOBTree()
    n = 0
    for n, (code, (status, _code)) in enumerate(old["status"].items(), 1):
        agency, filed = old["agency"][code]
        step, due = old["step"][code]
        rev[code] = (status, agency, old["owner"][code][0], filed, step, due,
                     code in old["due"])
        breathe(registry, n, EVERY)
    for name in SHARED:
        getattr(indexes, name)._rev = None
    return n
