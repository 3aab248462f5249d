"""Evolve step 30 on a database of the old shape: the outbox's derived structures, tuple contributions.

The old shape (``old_shapes``): the demo database's outbox with its set of
pending keys, its count per dossier behind and its pending counter, and
every indicator contribution (``indicators.last``) a tuple of tuples. The
step drops the three and rewrites the contributions as strings; what the
admins' page and the indicators read stays the same, and the next event
writes none of the three.
"""
from tthc_docs import migrations, timeutil
from tthc_docs.indicators.counters import read_contribution
from old_shapes import contributions_before_30, outbox_before_30
from test_outbox import file_dossier

DROPPED = ('pending', 'behind', 'pending_count')


def _old_shape(site, tm):
    outbox_before_30(site['outbox'])
    contributions_before_30(site['indicators'])
    site.evolve_step = 29
    tm.commit()
    site._p_jar.cacheMinimize()   # every record a ghost, as a real database is read
    tm.begin()


def _evolve(site, tm):
    assert migrations.evolve(site, upto=30, tm=tm) == [30]
    tm.begin()


def _seen(site):
    box, store = site['outbox'], site['indicators']
    return {'share': box.share(), 'oldest': box.oldest_pending(),
            'due': [r.key for r in box.due(timeutil.now(), limit=10 ** 6)],
            'counts': store.snapshot(),
            'last': {k: read_contribution(v) for k, v in store.last.items()}}


def test_step_30_drops_the_outbox_structures_and_keeps_contributions_as_strings(site_and_tm):
    site, tm = site_and_tm
    box = site['outbox']
    assert len(box.waiting) > 0 and len(site['indicators'].last) > 0
    before = _seen(site)
    pending = len(box.waiting)
    _old_shape(site, tm)
    assert box.behind and not isinstance(next(iter(site['indicators'].last.values())), str)
    _evolve(site, tm)
    assert not set(DROPPED) & set(box.__dict__)
    assert box.pending_count() == pending
    assert all(isinstance(v, str) for v in site['indicators'].last.values())
    assert _seen(site) == before


def test_after_step_30_an_event_writes_none_of_the_dropped_structures(site_and_tm):
    site, tm = site_and_tm
    _old_shape(site, tm)
    _evolve(site, tm)
    box = site['outbox']
    synchronised, received = box.share()
    dossier = file_dossier(site)
    assert not set(DROPPED) & set(box.__dict__)
    assert box.owes(dossier.code) and box.share() == (synchronised, received + 1)
    assert isinstance(site['indicators'].last[('d', dossier.code)], str)


def test_step_30_in_small_savepoints_rewrites_every_contribution(site_and_tm, monkeypatch):
    from tthc_docs.migrations import evolve0030_lean_outbox_and_indicator_contributions as step
    monkeypatch.setattr(step, 'EVERY', 2)
    site, tm = site_and_tm
    before = _seen(site)
    _old_shape(site, tm)
    _evolve(site, tm)
    assert all(isinstance(v, str) for v in site['indicators'].last.values())
    assert _seen(site) == before


def test_step_30_on_a_new_site_changes_nothing(site_and_tm):
    site, tm = site_and_tm
    before = _seen(site)
    site.evolve_step = 29
    _evolve(site, tm)
    assert _seen(site) == before
