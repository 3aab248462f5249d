"""Evolve step 27 on a database of the old shape: four unread dossier indexes dropped, counts kept.

The old shape is the demo database with the ``status``, ``agency``, ``step``
and ``due`` indexes whole and no ``status_counts`` (``old_shapes``); the
large case adds 60,000 dossiers' entries to the reverse map, which is all
the step reads, so that it runs in several savepoints.
"""
from tthc_docs import migrations
from tthc_docs.dossiers import states
from old_shapes import DROPPED_BY_27, indexes_before_27

MANY = 60_000


def _old_shape(site, tm, extra=0):
    indexes = site['dossiers'].indexes
    indexes_before_27(indexes)
    for n in range(extra):
        indexes.rev[f'X-{n:06d}'] = (states.RETURNED if n % 3 else states.PROCESSING,
                                     'A', f'o{n}', '20270101000000000000', '', '~', False)
    site.evolve_step = 26
    tm.commit()
    site._p_jar.cacheMinimize()   # every record a ghost, as a real database is read
    tm.begin()


def _evolve(site, tm):
    assert migrations.evolve(site, upto=27, tm=tm) == [27]
    tm.begin()


def _counts(registry):
    return {status: registry.count_by_status(status) for status in states.STATES}


def test_step_27_keeps_the_counts_by_state_and_drops_the_four_indexes(site_and_tm):
    site, tm = site_and_tm
    registry = site['dossiers']
    before = _counts(registry)
    assert sum(before.values()) == len(registry) > 0
    _old_shape(site, tm)
    assert _counts(registry) == before        # read from the old status index
    _evolve(site, tm)
    indexes = registry.indexes
    assert not set(DROPPED_BY_27) & set(indexes.__dict__)
    assert _counts(registry) == before


def test_after_step_27_a_change_of_state_moves_the_counts(site_and_tm):
    site, tm = site_and_tm
    registry = site['dossiers']
    _old_shape(site, tm)
    _evolve(site, tm)
    dossier = next(d for d in registry.values() if d.status == states.SUBMITTED)
    before = _counts(registry)
    dossier.status = states.WITHDRAWN      # as the workflow would, then re-index
    registry.reindex(dossier)
    after = _counts(registry)
    assert (after[states.SUBMITTED], after[states.WITHDRAWN]) == (
        before[states.SUBMITTED] - 1, before[states.WITHDRAWN] + 1)
    assert registry.indexes.value_of('status', dossier.code) == states.WITHDRAWN


def test_step_27_counts_a_large_registry_in_savepoints(site_and_tm):
    site, tm = site_and_tm
    registry = site['dossiers']
    before = _counts(registry)
    _old_shape(site, tm, extra=MANY)
    _evolve(site, tm)
    after = _counts(registry)
    assert after[states.RETURNED] == before[states.RETURNED] + MANY - MANY // 3
    assert after[states.PROCESSING] == before[states.PROCESSING] + MANY // 3


def test_step_27_on_a_new_registry_changes_nothing(site_and_tm):
    site, tm = site_and_tm
    counts = site['dossiers'].indexes.status_counts
    site.evolve_step = 26
    _evolve(site, tm)
    assert site['dossiers'].indexes.status_counts is counts
