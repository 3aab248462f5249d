"""Evolve step 26 on a database of the old shape: the recent filings, ordered by time.

The old shape: ``recent`` keyed ``(owner, fingerprint) -> (code, filed at)``,
as large as two minutes of filings under load (20,000 here, most of them
already stale, as the map was when a burst had just passed).
"""
from datetime import timedelta

from BTrees.OOBTree import OOBTree

from tthc_docs import migrations, timeutil
from tthc_docs.dossiers import resubmit

OLD_ENTRIES = 20_000


def _old_shape(site, tm, now):
    """The registry as before step 26: the map keyed by owner, half of it inside the window."""
    registry = site['dossiers']
    code = next(iter(registry.keys()))
    del registry.recent_filings
    registry.recent = OOBTree()
    for n in range(OLD_ENTRIES):
        age = timedelta(seconds=30) if n % 2 else timedelta(minutes=5)
        registry.recent[(f'citizen{n}', f'fp-{n}')] = (code, now - age)
    site.evolve_step = 25
    tm.commit()
    site._p_jar.cacheMinimize()   # every record a ghost, as a real database is read
    tm.begin()
    return code


def test_step_26_keeps_what_can_still_match_and_drops_the_old_map(site_and_tm):
    site, tm = site_and_tm
    now = timeutil.now()
    code = _old_shape(site, tm, now)
    assert migrations.evolve(site, upto=26, tm=tm) == [26]
    tm.begin()
    registry = site['dossiers']
    assert 'recent' not in registry.__dict__
    assert len(registry.recent_filings) == OLD_ENTRIES // 2
    later = now + timedelta(seconds=10)
    found = [registry.replay(f'citizen{n}', later, fingerprint=f'fp-{n}') for n in (1, 2, 3)]
    assert [d.code if d is not None else None for d in found] == [code, None, code]


def test_after_step_26_a_filing_reads_a_few_entries_not_the_whole_map(site_and_tm):
    site, tm = site_and_tm
    now = timeutil.now()
    _old_shape(site, tm, now)
    migrations.evolve(site, upto=26, tm=tm)
    tm.begin()
    recent = site['dossiers'].recent_filings
    resubmit.remember(recent, 'citizen1', 'fp-new', 'X', now + resubmit.WINDOW * 3)
    assert len(recent) == OLD_ENTRIES // 2 - resubmit.FORGET_PER_FILING + 1


def test_step_26_on_a_new_registry_changes_nothing(site_and_tm):
    site, tm = site_and_tm
    registry = site['dossiers']
    recent = registry.recent_filings
    site.evolve_step = 25
    assert migrations.evolve(site, upto=26, tm=tm) == [26]
    tm.begin()
    assert registry.recent_filings is recent
