"""Keep the indicator counters as one tally per unit and day (month, now), not one Length per metric.

Issue 15: a filing wrote some 25 ``BTrees.Length`` counters, one per
(unit, metric, day or month, sub); it now writes four ``Tally`` records
(``tthc_docs.indicators.tally``). The stored counts are moved as they are,
not recomputed (``tthc-docs rebuild-indicators --check`` still compares
them with the dossiers), so every figure reads the same before and after.
"""
import logging

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree

from tthc_docs.indicators.hooks import STORE
from tthc_docs.indicators.tally import Tally

log = logging.getLogger(__name__)
SAVEPOINT_EVERY = 10000


def evolve(site):
    store = site.get(STORE)
    if store is None or not _old_shape(store):
        return None
    moved = 0
    for name, period in (('days', True), ('months', True), ('state', False)):
        tallies = OOBTree()
        for key, counter in getattr(store, name).items():
            unit, metric, *when, sub = key
            place = (unit, when[0]) if period else unit
            tally = tallies.get(place)
            if tally is None:
                tally = tallies[place] = Tally()
            if counter():
                tally.change(metric, sub, counter())
                moved += 1
                if moved % SAVEPOINT_EVERY == 0 and site._p_jar is not None:
                    # lets the cache shed the counters already read (a large database)
                    site._p_jar.transaction_manager.get().savepoint(optimistic=True)
        setattr(store, name, tallies)
    log.info("indicator counters: %d counts moved into tallies", moved)
    return [f"Chỉ số 766: {moved} bộ đếm gộp theo đơn vị và ngày (tháng)."]


def _old_shape(store):
    """A store whose trees still hold one ``Length`` per metric."""
    for name in ('days', 'months', 'state'):
        for value in getattr(store, name).values():
            return isinstance(value, Length)
    return False
