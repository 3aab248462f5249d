"""One unit's counts for one day, one month or now: a record that merges concurrent changes.

Until evolve step 24 each ``(unit, metric, day, sub)`` was a ``BTrees.Length``
of its own, so one filing wrote some 25 of them (every metric it moves, for
its agency and the province, by day and by month): a quarter of its commit.
A ``Tally`` holds every metric of one ``(unit, day)`` (or month, or the
current state) as ``{metric: {sub: n}}``, so a filing writes four.

Two transactions that change the same tally do not conflict: like
``Length``, :meth:`_p_resolveConflict` adds each side's change to what the
other committed. That is right for counts (the order of increments does not
matter) and only for counts: a dossier code's daily sequence must never be
kept here (``dossiers.codes``: merged draws would hand out one number twice).
Zero counts are dropped, so a tally holds only what is non-zero.
"""
from persistent import Persistent


class Tally(Persistent):
    """``{metric: {sub: n}}`` with merging conflict resolution."""

    def __init__(self):
        self.counts = {}

    def change(self, metric, sub, n):
        """Add ``n`` (may be negative) to ``metric``/``sub``."""
        subs = self.counts.setdefault(metric, {})
        value = subs.get(sub, 0) + n
        if value:
            subs[sub] = value
        else:
            subs.pop(sub, None)
            if not subs:
                del self.counts[metric]
        self._p_changed = True

    def subs(self, metric):
        """``{sub: n}`` of ``metric`` (non-zero only; empty if none)."""
        return self.counts.get(metric, {})

    def get(self, metric, sub=''):
        return self.counts.get(metric, {}).get(sub, 0)

    def items(self):
        """``((metric, sub), n)`` for every non-zero count."""
        for metric, subs in self.counts.items():
            for sub, n in subs.items():
                yield (metric, sub), n

    def _p_resolveConflict(self, old, committed, new):
        """What ``committed`` holds plus what ``new`` changed since ``old``."""
        merged = _flat(committed)
        for key, n in _flat(new).items():
            merged[key] = merged.get(key, 0) + n
        for key, n in _flat(old).items():
            merged[key] = merged.get(key, 0) - n
        counts = {}
        for (metric, sub), n in merged.items():
            if n:
                counts.setdefault(metric, {})[sub] = n
        return dict(committed, counts=counts)


def _flat(state):
    return {(metric, sub): n for metric, subs in (state or {}).get('counts', {}).items()
            for sub, n in subs.items()}
