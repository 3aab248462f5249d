"""Evolve step 24 on a database of the old shape: one ``BTrees.Length`` per metric."""
from BTrees.Length import Length
from BTrees.OOBTree import OOBTree

from tthc_docs import migrations
from tthc_docs.indicators import rebuild, report
from tthc_docs.indicators.facts import PROVINCE
from tthc_docs.indicators.tally import Tally


def _old_shape(store):
    """``store`` as kept before step 24: ``(unit, metric, [when,] sub) -> Length``, zeros too."""
    trees = {'days': OOBTree(), 'months': OOBTree(), 'state': OOBTree()}
    for key, n in store.snapshot().items():
        if key[0] in trees:
            trees[key[0]][key[1:]] = Length(n)
    unit, metric, when, sub = next(k[1:] for k in store.snapshot() if k[0] == 'days')
    trees['days'].setdefault((unit, 'fb_satisfied', when, sub), Length(0))   # made with its day
    for name, tree in trees.items():
        setattr(store, name, tree)


def _evolve(site, tm):
    site.evolve_step = 23
    tm.commit()
    tm.begin()
    assert migrations.evolve(site, upto=24, tm=tm) == [24]
    tm.begin()


def test_step_24_moves_every_count_into_tallies_and_the_figures_read_the_same(site_and_tm, monkeypatch):
    from tthc_docs.migrations import evolve0024_indicator_tallies as step
    monkeypatch.setattr(step, 'SAVEPOINT_EVERY', 2)      # savepoints on the way, as on a large database
    site, tm = site_and_tm
    store = site['indicators']
    before = store.snapshot()
    assert any(k[0] == 'days' for k in before) and any(k[0] == 'state' for k in before)
    first, last = _period(before)
    figures = report.scored(store, PROVINCE, first, last)
    _old_shape(store)
    assert isinstance(next(iter(store.days.values())), Length)
    _evolve(site, tm)
    assert all(isinstance(t, Tally) for t in store.days.values())
    assert all(isinstance(k, tuple) and len(k) == 2 for k in store.days.keys())
    assert store.snapshot() == before
    assert report.scored(store, PROVINCE, first, last) == figures
    assert rebuild.differences(store, rebuild.recompute(site)) == []


def test_step_24_leaves_a_store_of_the_new_shape_alone(site_and_tm):
    site, tm = site_and_tm
    days = site['indicators'].days
    _evolve(site, tm)
    assert site['indicators'].days is days


def _period(snapshot):
    from datetime import date
    days = sorted(k[3] for k in snapshot if k[0] == 'days')
    return date.fromisoformat(days[0]), date.fromisoformat(days[-1])
