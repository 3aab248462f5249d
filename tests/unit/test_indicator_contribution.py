"""What the indicator store keeps of each object's contribution (``counters.last``): one string."""
from tthc_docs.indicators.counters import IndicatorStore, contribution, read_contribution

UNITS = ('000.00.20.H55', 'province')
COUNTS = {('filed', '2026-12-01', ''): 1, ('filed_online_proc', '2026-12-01', '2.000635'): 1,
          ('supp_wait_hours', '2026-12-03', ''): 49, ('@intake', '2026-12-02', 'reception1'): 1}


def test_a_contribution_is_kept_as_one_string_and_reads_back_whole():
    store = IndicatorStore()
    store.put(('d', 'X-1'), UNITS, COUNTS)
    kept = store.last[('d', 'X-1')]
    assert isinstance(kept, str)
    units, items = read_contribution(kept)
    assert units == UNITS and dict(items) == COUNTS


def test_the_same_counts_in_another_order_write_nothing():
    store = IndicatorStore()
    store.put(('d', 'X-1'), UNITS, COUNTS)
    assert store.put(('d', 'X-1'), UNITS, dict(reversed(list(COUNTS.items())))) is False


def test_a_change_applies_only_the_difference_to_the_tallies():
    store = IndicatorStore()
    store.put(('d', 'X-1'), UNITS, COUNTS)
    store.put(('d', 'X-1'), UNITS, {('filed', '2026-12-01', ''): 1})
    for unit in UNITS:
        assert store.days[(unit, '2026-12-01')].counts == {'filed': {'': 1}}
        assert (unit, '2026-12-03') not in store.days or not store.days[(unit, '2026-12-03')].counts
    assert store.listed(UNITS[0], '@intake', '2026-12-02', 'reception1') == []


def test_a_contribution_of_the_shape_before_step_30_is_read_as_it_was():
    old = (UNITS, tuple(sorted(COUNTS.items())))
    assert read_contribution(old) == old
    assert read_contribution(contribution(*old)) == old
    store = IndicatorStore()
    store.put(('d', 'X-1'), UNITS, COUNTS)
    store.last[('d', 'X-1')] = old                  # as evolve step 30 finds it
    store.put(('d', 'X-1'), UNITS, {})
    assert store.snapshot() == {} and ('d', 'X-1') not in store.last
