"""Evolve step 29 on a database of the old shape: the search terms join the shared reverse map.

The old shape is the demo database with the term index keeping its own
reverse map and ``indexes.rev`` without terms (``old_shapes``). Every search
of every queue finds the same dossiers, in the same order, before and after.
"""
from datetime import timedelta

from tthc_docs import migrations, timeutil
from tthc_docs.dossiers import queues, states
from tthc_docs.dossiers.indexes import search_terms, term_part
from old_shapes import indexes_before_29, queue_search_finds

OPEN = tuple(sorted(states.OPEN))


def _queries(registry):
    """Every search an officer could type: each name word (whole and begun), each procedure, each code."""
    found = set()
    for d in registry.values():
        for term in search_terms(d):
            if term.startswith('w:'):
                found |= {(d.agency, term[2:], None), (d.agency, term[2:4], None)}
            else:
                found.add((d.agency, '', term[2:]))
        found.add((d.agency, d.code, None))
    return sorted(found, key=repr)


def _searches(registry, now):
    seen = {}
    for agency, text, procedure in _queries(registry):
        query = queues.QueueQuery(statuses=OPEN, text=text, procedure=procedure)
        found, total = registry.search_queue(agency, query, now, now + timedelta(days=3),
                                             limit=1000)
        seen[(agency, text, procedure)] = ([d.code for d in found], total)
    for agency in {d.agency for d in registry.values()}:
        seen[agency] = registry.procedures_in_queue(agency, OPEN)
    return seen


def _entries(ix):
    """Every dossier's reverse-map entry, as a tuple whether stored packed (step 32) or not."""
    return {code: ix.entry(code) for code in ix.rev.keys()}


def _term_parts(ix):
    return {code: term_part(entry) for code, entry in _entries(ix).items()}


def _old_shape(site, tm):
    indexes_before_29(site['dossiers'].indexes)
    site.evolve_step = 28
    tm.commit()
    site._p_jar.cacheMinimize()   # every record a ghost, as a real database is read
    tm.begin()


def _evolve(site, tm):
    assert migrations.evolve(site, upto=29, tm=tm) == [29]
    tm.begin()


def test_step_29_moves_the_terms_and_every_search_stays(site_and_tm):
    site, tm = site_and_tm
    registry, now = site['dossiers'], timeutil.now()
    before = _searches(registry, now)
    assert any(codes for codes, _ in (v for k, v in before.items() if isinstance(k, tuple)))
    entries = _term_parts(registry.indexes)
    _old_shape(site, tm)
    ix = registry.indexes
    assert not ix.terms.shared and _searches(registry, now) == before   # read the old way
    _evolve(site, tm)
    assert ix.terms.shared
    assert _term_parts(ix) == entries
    assert _searches(registry, now) == before


def test_after_step_29_a_change_of_state_moves_the_dossier_in_the_search(site_and_tm):
    site, tm = site_and_tm
    registry, now = site['dossiers'], timeutil.now()
    _old_shape(site, tm)
    _evolve(site, tm)
    dossier = next(d for d in registry.values() if d.status == states.SUBMITTED)

    def found(status):
        return queue_search_finds(registry, dossier, status, now)
    assert found(states.SUBMITTED) and not found(states.RECEIVED)
    dossier.status = states.RECEIVED      # as the workflow would, then re-index
    registry.reindex(dossier)
    assert found(states.RECEIVED) and not found(states.SUBMITTED)
    registry.indexes.unindex(dossier.code)
    assert not found(states.RECEIVED)


def test_step_29_in_small_savepoints_moves_every_entry(site_and_tm, monkeypatch):
    from tthc_docs.migrations import evolve0029_search_terms_in_the_shared_reverse_map as step
    monkeypatch.setattr(step, 'EVERY', 2)
    site, tm = site_and_tm
    registry = site['dossiers']
    entries = _entries(registry.indexes)
    _old_shape(site, tm)
    _evolve(site, tm)
    assert _entries(registry.indexes) == entries


def test_step_29_on_a_new_registry_changes_nothing(site_and_tm):
    site, tm = site_and_tm
    indexes = site['dossiers'].indexes
    entries = dict(indexes.rev.items())
    site.evolve_step = 28
    _evolve(site, tm)
    assert indexes.terms.shared and dict(indexes.rev.items()) == entries
