"""The counters behind the indicators: kept on write, read by ranges.

Shape, chosen so that a dashboard reads a few dozen keys whatever the
number of dossiers, and so that concurrent writers seldom conflict:

- ``days``   ``(unit, 'YYYY-MM-DD') -> Tally`` of ``{metric: {sub: n}}``
- ``months`` ``(unit, 'YYYY-MM') -> Tally`` (the same counts, by month)
- ``state``  ``unit -> Tally`` (the catalog as it is now)
- ``members`` ``(unit, list, day, sub, code)``: which dossiers are behind an
  operations figure (today's intake of one officer)
- ``last``   ``(kind, key) -> text``: what each object contributed when it
  last changed (``contribution``: its units and counts as one compact JSON
  string), so a change applies only the difference.

A ``Tally`` (``tally.py``) merges concurrent changes the way ``BTrees.Length``
does, for every metric of its unit and period at once: a filing writes four
of them (its agency and the province, by day and by month) where it wrote
one ``Length`` per metric before evolve step 24. Only the first change of a
unit's day (or month) inserts a key, which another transaction may be
inserting too (a conflict, replayed): once a day per unit. A read of a
period sums whole months from ``months`` and the partial months at its
edges from ``days``: at most 62 day tallies and 60 month tallies per unit
for the longest period API.md allows (5 years).
"""
import json
from datetime import date, timedelta

from BTrees.OOBTree import OOBTree, OOTreeSet
from persistent import Persistent

from tthc_docs import roles
from tthc_docs import security as s
from tthc_docs.indicators.tally import Tally

HIGH = '\uffff'


def _month(day_text):
    return day_text[:7]


class IndicatorStore(Persistent):
    """``/indicators`` (stored, never served: the views live on the site)."""

    __name__ = None
    __parent__ = None
    __acl__ = [(s.Allow, s.role(roles.ADMIN), s.MANAGE), s.DENY_ALL]

    def __init__(self):
        self.days = OOBTree()
        self.months = OOBTree()
        self.state = OOBTree()
        self.members = OOTreeSet()
        self.last = OOBTree()

    # -- writing -------------------------------------------------------------------

    def put(self, key, units, counts):
        """Make the object ``key`` contribute ``counts`` to each of ``units`` from now on."""
        units = tuple(dict.fromkeys(units))
        items = tuple(sorted(counts.items()))
        new = contribution(units, items)
        old = self.last.get(key)
        if old == new:
            return False
        delta = {}
        for sign, (us, items) in ((-1, read_contribution(old)), (1, (units, items))):
            for unit in us:
                for (metric, when, sub), n in items:
                    k = (unit, metric, when, sub)
                    delta[k] = delta.get(k, 0) + sign * n
        code = key[1]
        for k, n in delta.items():
            if n:
                self._change(k, n, code)
        if counts:
            self.last[key] = new
        elif old is not None:
            del self.last[key]
        return True

    def _change(self, k, n, code):
        unit, metric, when, sub = k
        if metric.startswith('@'):
            entry = (unit, metric, when, sub, code)
            if n > 0:
                self.members.insert(entry)
            elif entry in self.members:
                self.members.remove(entry)
            return
        if when == '':
            _tally(self.state, unit).change(metric, sub, n)
            return
        _tally(self.days, (unit, when)).change(metric, sub, n)
        _tally(self.months, (unit, _month(when))).change(metric, sub, n)

    def clear(self):
        for tree in (self.days, self.months, self.state, self.last):
            tree.clear()
        self.members.clear()

    # -- reading -----------------------------------------------------------------------

    def total(self, unit, metric, start, end):
        """The sum of ``metric`` (every sub) for ``unit`` over the days ``start..end``."""
        return sum(self.by_sub(unit, metric, start, end).values())

    def by_sub(self, unit, metric, start, end):
        """``{sub: n}`` of ``metric`` over ``start..end`` (dates), whole months read by month."""
        found = {}
        for name, low, high in _pieces(start, end):
            for _key, tally in getattr(self, name).items((unit, low), (unit, high)):
                for sub, value in tally.subs(metric).items():
                    found[sub] = found.get(sub, 0) + value
        return found

    def series(self, unit, metric, first_month, last_month):
        """``{'YYYY-MM': n}`` of ``metric`` month by month (every sub summed)."""
        return {month: sum(tally.subs(metric).values())
                for (_u, month), tally in self.months.items((unit, first_month),
                                                            (unit, last_month))}

    def series_subs(self, unit, metric, first_month, last_month):
        """``{'YYYY-MM': {sub, ...}}``: which subs counted in each month."""
        found = {}
        for (_u, month), tally in self.months.items((unit, first_month), (unit, last_month)):
            if tally.subs(metric):
                found[month] = set(tally.subs(metric))
        return found

    def now(self, unit, metric, sub=''):
        tally = self.state.get(unit)
        return tally.get(metric, sub) if tally is not None else 0

    def now_subs(self, unit, metric):
        tally = self.state.get(unit)
        return dict(tally.subs(metric)) if tally is not None else {}

    def listed(self, unit, name, when, sub, limit=500):
        """Codes listed under ``(name, when, sub)`` for ``unit``."""
        keys = self.members.keys((unit, name, when, sub, ''), (unit, name, when, sub, HIGH))
        return [k[4] for _, k in zip(range(limit), keys)]

    def snapshot(self):
        """Every non-zero count, keyed ``(tree, unit, metric, [when,] sub)``, for comparing."""
        found = {}
        for name in ('days', 'months'):
            for (unit, when), tally in getattr(self, name).items():
                for (metric, sub), n in tally.items():
                    found[(name, unit, metric, when, sub)] = n
        for unit, tally in self.state.items():
            for (metric, sub), n in tally.items():
                found[('state', unit, metric, sub)] = n
        for k in self.members:
            found[('members',) + k] = 1
        return found


def contribution(units, items):
    """What ``last`` keeps of one object: ``units`` and ``((metric, when, sub), n)`` items.

    One JSON string, not nested tuples: the bucket of ``last`` that a filing
    rewrites holds some thirty dossiers' entries, and a tuple of tuples cost
    about forty pickled objects per entry, 5.7 KB and some 1,500 pickler
    calls per commit (issue 15). Equal contributions give equal strings
    (sorted items, fixed separators), so an unchanged object writes nothing.
    """
    flat = [[metric, when, sub, n] for (metric, when, sub), n in items]
    return json.dumps([list(units), flat], ensure_ascii=False, separators=(',', ':'))


def read_contribution(stored):
    """``(units, items)`` of what ``last`` keeps (``((), ())`` for nothing).

    A tuple ``(units, items)`` is the shape before evolve step 30.
    """
    if stored is None:
        return (), ()
    if not isinstance(stored, str):
        return stored
    units, flat = json.loads(stored)
    return tuple(units), tuple(((m, w, s), n) for m, w, s, n in flat)


def _tally(tree, key):
    tally = tree.get(key)
    if tally is None:
        tally = tree[key] = Tally()
    return tally


def _pieces(start, end):
    """``(tree name, low, high)`` ranges covering the days ``start..end``.

    Whole calendar months come from the month counters; the days before
    the first whole month and after the last come from the day counters.
    """
    first_whole = start if start.day == 1 else _next_month(start)
    after_last = _month_start(end + timedelta(days=1))   # first day not in a whole month
    if first_whole >= after_last:
        return [('days', start.isoformat(), end.isoformat())]
    pieces = []
    if start < first_whole:
        pieces.append(('days', start.isoformat(), (first_whole - timedelta(days=1)).isoformat()))
    last_whole = after_last - timedelta(days=1)
    pieces.append(('months', first_whole.isoformat()[:7], last_whole.isoformat()[:7]))
    if after_last <= end:
        pieces.append(('days', after_last.isoformat(), end.isoformat()))
    return pieces


def _month_start(d):
    return date(d.year, d.month, 1)


def _next_month(d):
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)
