"""Evolve step 25 on a database of the old shape: what each dossier stores, compacted.

The old shape is made from the demo database: histories as ``PersistentList``
records, attachment references naming their requirement, the six indexes
each with its reverse map, delivered outbox records as objects of their own.
After the step everything reads as before (the history, the names the API
and papers print, every queue listing and search, the admins' outbox view).
"""
from datetime import timedelta

from BTrees.OOBTree import OOBTree
from persistent.list import PersistentList

from tthc_docs import migrations, timeutil
from tthc_docs.dossiers import queues, states
from tthc_docs.dossiers.indexes import SHARED, shared_pairs
from tthc_docs.sync import outbox as outbox_mod
from old_shapes import indexes_before_27, indexes_before_29


def _old_dossier(dossier):
    """History in a record of its own; each reference copying its requirement's name."""
    names = {r['id']: r['name'] for r in dossier.requirements}
    dossier.history = PersistentList(dossier.history)
    dossier.attachments = [dict(ref, name=names[ref['requirement']])
                           for ref in dossier.attachments]


def _old_indexes(indexes):
    """One reverse map per index, as every registry had before step 25 (and the six whole)."""
    indexes_before_29(indexes)
    indexes_before_27(indexes)
    for name in SHARED:
        getattr(indexes, name)._rev = OOBTree()
    for code, entry in indexes.rev.items():
        for name, pair in shared_pairs(entry, code).items():
            if pair is not None:
                getattr(indexes, name)._rev[code] = pair
    del indexes.rev


def _old_delivered(box, rec, now):
    """``rec`` (pending) delivered the way records were before step 25: an object of its own."""
    box.settle(rec.key, 1, 'delivered', now)
    rec.state, rec.attempts, rec.delivered_at = outbox_mod.DELIVERED, 1, now
    rec.slim()
    del box.delivered[(rec.code, rec.seq)]
    box.records[(rec.code, rec.seq)] = rec


def _evolve(site, tm):
    """Step 25 as on a real database: every object a ghost until the step reads it."""
    site.evolve_step = 24
    tm.commit()
    site._p_jar.cacheMinimize()
    tm.begin()
    assert migrations.evolve(site, upto=25, tm=tm) == [25]
    tm.begin()


def _listings(registry, now):
    """What the officers' queues and the citizens' lists show, for every agency and owner."""
    ix = registry.indexes
    agencies = {d.agency for d in registry.values()}
    owners = {d.owner for d in registry.values()}
    seen = {}
    for agency in agencies:
        seen[agency] = [d.code for d in registry.queue(agency, limit=1000)[0]]
        for urgency in (None, queues.OVERDUE):
            query = queues.QueueQuery(statuses=tuple(sorted(states.OPEN)), urgency=urgency)
            found, total = registry.search_queue(agency, query, now, now + timedelta(days=3),
                                                 limit=1000)
            seen[(agency, urgency)] = ([d.code for d in found], total)
    for owner in owners:
        seen[owner] = [d.code for d in registry.for_owner(owner, limit=1000)[0]]
    seen['open'] = [code for code in registry.keys() if ix.value_of('due', code) == 'open']
    seen['counts'] = {s: registry.count_by_status(s) for s in states.STATES}
    return seen


def test_step_25_moves_histories_into_their_dossier_and_drops_copied_names(site_and_tm):
    site, tm = site_and_tm
    dossiers = [d for d in site['dossiers'].values() if d.attachments]
    assert dossiers, 'the demo database has dossiers with attachments'
    read = {d.code: (list(d.history), [d.attachment_name(a) for a in d.attachments])
            for d in dossiers}
    for dossier in dossiers:
        _old_dossier(dossier)
    _evolve(site, tm)
    for dossier in dossiers:
        assert type(dossier.history) is list
        assert not any('name' in ref for ref in dossier.attachments)
        assert (dossier.history, [dossier.attachment_name(a) for a in dossier.attachments]
                ) == read[dossier.code]


def test_step_25_keeps_a_name_the_version_does_not_give(site_and_tm):
    site, tm = site_and_tm
    dossier = next(d for d in site['dossiers'].values() if d.attachments)
    _old_dossier(dossier)
    dossier.attachments[0]['name'] = 'Bản sao đã đổi tên'
    _evolve(site, tm)
    assert dossier.attachments[0]['name'] == 'Bản sao đã đổi tên'
    assert dossier.attachment_name(dossier.attachments[0]) == 'Bản sao đã đổi tên'


def test_step_25_merges_the_reverse_maps_and_every_listing_stays(site_and_tm):
    site, tm = site_and_tm
    registry, now = site['dossiers'], timeutil.now()
    before = _listings(registry, now)
    rev = {code: registry.indexes.entry(code)[:7] for code in registry.indexes.rev.keys()}
    _old_indexes(registry.indexes)
    tm.commit()
    tm.begin()
    assert registry.indexes.rev is None and _listings(registry, now) == before
    _evolve(site, tm)
    ix = registry.indexes
    assert dict(ix.rev.items()) == rev
    assert all(getattr(ix, name)._rev is None for name in SHARED)
    assert _listings(registry, now) == before


def test_step_25_keeps_reindexing_right_after_the_merge(site_and_tm):
    site, tm = site_and_tm
    registry = site['dossiers']
    _old_indexes(registry.indexes)
    _evolve(site, tm)
    dossier = next(d for d in registry.values() if d.status == states.SUBMITTED)
    count = registry.count_by_status(states.SUBMITTED)
    dossier.status = states.WITHDRAWN      # as the workflow would, then re-index
    registry.reindex(dossier)
    assert registry.count_by_status(states.SUBMITTED) == count - 1
    assert dossier.code not in list(registry.indexes.due.codes('open'))
    assert registry.indexes.value_of('status', dossier.code) == states.WITHDRAWN


def test_step_25_packs_delivered_records_into_tuples_that_read_the_same(site_and_tm):
    site, tm = site_and_tm
    box, now = site['outbox'], timeutil.now()
    pending = [box.records[k] for k in box.records.keys() if k not in box.dead]
    assert len(pending) >= 2
    delivered, waiting = pending[0], pending[1]
    _old_delivered(box, delivered, now)
    del box.delivered
    tm.commit()
    tm.begin()
    shown = box.get(delivered.key).as_json()
    assert shown['state'] == 'delivered' and shown['event']
    _evolve(site, tm)
    numbered = (delivered.code, delivered.seq)
    assert numbered not in box.records and isinstance(box.delivered[numbered], tuple)
    assert box.get(delivered.key).as_json() == shown
    assert box.last_seq(delivered.code) >= delivered.seq
    assert box.get(waiting.key).state == outbox_mod.PENDING
    assert len(box.get(waiting.key).message) > 10


def test_step_25_leaves_every_dossiers_json_as_it_was(site_and_tm, login):
    """GET /dossiers/<code> (history, attachments' names, papers) reads the same after the step."""
    site, tm = site_and_tm
    registry = site['dossiers']
    owned = [d for d in registry.values() if d.owner == 'citizen1']
    assert owned and any(d.attachments for d in owned)
    citizen = login('citizen1')

    def shown():
        return {d.code: citizen.get(f'/dossiers/{d.code}',
                                    headers={'Accept': 'application/json'}).json for d in owned}
    before = shown()
    for dossier in owned:
        _old_dossier(dossier)
    _old_indexes(registry.indexes)
    _evolve(site, tm)
    assert shown() == before


def test_step_25_in_small_savepoints_moves_everything(site_and_tm, monkeypatch):
    """Savepoints every two objects (a million-dossier run's rhythm, shrunk): nothing missed."""
    from tthc_docs.migrations import evolve0025_compact_dossier_records as step
    monkeypatch.setattr(step, 'EVERY', 2)
    site, tm = site_and_tm
    registry, box, now = site['dossiers'], site['outbox'], timeutil.now()
    rev = {code: registry.indexes.entry(code)[:7] for code in registry.indexes.rev.keys()}
    moved = set(list(box.records.keys())[:5])
    for numbered in moved:
        _old_delivered(box, box.records[numbered], now)
    for dossier in registry.values():
        _old_dossier(dossier)
    _old_indexes(registry.indexes)
    del box.delivered
    _evolve(site, tm)
    assert set(box.delivered.keys()) == moved and len(moved) == 5
    assert not [r for r in box.records.values() if r.state == outbox_mod.DELIVERED]
    assert all(type(d.history) is list for d in registry.values())
    assert dict(registry.indexes.rev.items()) == rev
