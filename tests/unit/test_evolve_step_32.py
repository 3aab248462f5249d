"""Evolve step 32 on a database of the old shape: index entries as tuples, paper maps as BTrees.

The old shape (``old_shapes``): the demo database with every entry of
``indexes.rev`` and every member of the indexes' sets the tuple it was
before the step, and each dossier's papers by kind and by event in BTrees
of their own. The step packs each entry and member into one string and
turns the maps into dicts; every queue listing, search,
procedure count, count by state and dossier's papers read the same, and
later changes keep the new shapes.
"""
from datetime import timedelta

from tthc_docs import migrations, timeutil
from tthc_docs.dossiers import queues, states
from tthc_docs.dossiers.indexes import search_terms
from old_shapes import (indexes_before_32, members_before_32, paper_maps_before_32,
                        queue_search_finds)

OPEN = tuple(sorted(states.OPEN))
SETS = ('owner', 'queue', 'terms', 'desk', 'desk_terms')


def _old_shape(site, tm):
    indexes_before_32(site['dossiers'].indexes)
    members_before_32(site['dossiers'].indexes)
    paper_maps_before_32(site['dossiers'])
    site.evolve_step = 31
    tm.commit()
    site._p_jar.cacheMinimize()   # every record a ghost, as a real database is read
    tm.begin()


def _evolve(site, tm):
    assert migrations.evolve(site, upto=32, tm=tm) == [32]
    tm.begin()


def _seen(registry, now):
    """What officers and citizens read through the reverse map: searches, listings, counts.

    The queues' search itself (``queues.search``), not the answers ``queue_memo``
    keeps, which a step that changes no dossier leaves in place.
    """
    ix, seen = registry.indexes, {}
    for d in registry.values():
        words = [t[2:] for t in search_terms(d) if t.startswith('w:')]
        for text, procedure, urgency in ((' '.join(words), None, None), (d.code, None, None),
                                         ('', d.procedure_code, None), ('', None, 'overdue')):
            query = queues.QueueQuery(statuses=OPEN, text=text, procedure=procedure,
                                      urgency=urgency)
            seen[(d.agency, text, procedure, urgency)] = queues.search(
                ix, d.agency, query, now, now + timedelta(days=3), 0, 1000)
        seen[d.agency] = queues.procedures_in(ix, d.agency, OPEN)
        seen[d.owner] = registry.for_owner(d.owner)[1]
    seen['states'] = {s: registry.count_by_status(s) for s in states.STATES}
    return seen


def test_step_32_packs_every_entry_and_every_reading_stays(site_and_tm):
    site, tm = site_and_tm
    registry, now = site['dossiers'], timeutil.now()
    before = _seen(registry, now)
    assert any(codes for codes, _ in (v for k, v in before.items() if isinstance(k, tuple)))
    _old_shape(site, tm)
    ix = registry.indexes
    assert not ix.packed and _seen(registry, now) == before      # read the old way
    _evolve(site, tm)
    assert ix.packed and all(isinstance(e, str) for e in ix.rev.values())
    assert all(isinstance(m, str) for index in (ix.owner, ix.queue, ix.terms)
               for members in index._sets.values() for m in members)
    assert _seen(registry, now) == before


def test_after_step_32_a_change_of_state_moves_the_dossier(site_and_tm):
    site, tm = site_and_tm
    registry, now = site['dossiers'], timeutil.now()
    _old_shape(site, tm)
    _evolve(site, tm)
    dossier = next(d for d in registry.values() if d.status == states.SUBMITTED)

    def found(status):
        return queue_search_finds(registry, dossier, status, now)
    submitted = registry.count_by_status(states.SUBMITTED)
    dossier.status = states.RECEIVED      # as the workflow would, then re-index
    registry.reindex(dossier)
    assert found(states.RECEIVED) and not found(states.SUBMITTED)
    assert registry.count_by_status(states.SUBMITTED) == submitted - 1
    assert isinstance(registry.indexes.rev[dossier.code], str)


def test_step_32_in_small_savepoints_packs_every_entry(site_and_tm, monkeypatch):
    from tthc_docs.migrations import evolve0032_packed_index_entries_and_plain_paper_maps as step
    monkeypatch.setattr(step, 'EVERY', 2)
    monkeypatch.setattr(step, 'SETS_EVERY', 2)
    site, tm = site_and_tm
    ix = site['dossiers'].indexes
    entries, members = dict(ix.rev.items()), _members(ix)
    _old_shape(site, tm)
    _evolve(site, tm)
    assert dict(ix.rev.items()) == entries and _members(ix) == members


def _members(ix):
    return {(name, value): list(members) for name in SETS
            for value, members in getattr(ix, name)._sets.items()}


def test_step_32_on_a_new_registry_changes_nothing(site_and_tm):
    site, tm = site_and_tm
    ix = site['dossiers'].indexes
    entries = dict(ix.rev.items())
    site.evolve_step = 31
    _evolve(site, tm)
    assert ix.packed and dict(ix.rev.items()) == entries


def _with_papers(registry):
    return [d for d in registry.values() if getattr(d, 'papers', None) is not None]


def test_step_32_keeps_every_dossiers_papers_as_shown(site_and_tm, login):
    """GET /dossiers/<code> (its papers, the papers each event issued) reads the same."""
    site, tm = site_and_tm
    registry = site['dossiers']
    owned = [d for d in _with_papers(registry) if d.owner == 'citizen1']
    assert owned
    citizen = login('citizen1')

    def shown():
        return {d.code: citizen.get(f'/dossiers/{d.code}',
                                    headers={'Accept': 'application/json'}).json for d in owned}
    before = shown()
    assert any(item['papers'] for seen in before.values() for item in seen['history'])
    _old_shape(site, tm)
    assert not isinstance(owned[0].papers.by_kind, dict)
    _evolve(site, tm)
    assert all(isinstance(d.papers.by_kind, dict) and isinstance(d.papers.by_event, dict)
               for d in _with_papers(registry))
    assert shown() == before
