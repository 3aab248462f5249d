"""The same application posted twice within a short window is one filing.

A citizen who clicks "Nộp hồ sơ" twice, or a client that posts again after a
dropped answer without an ``Idempotency-Key``, must not get two dossiers
(and two numbers of the agency's daily series, Circular 01/2018/TT-VPCP
art. 19). The registry remembers each filing's fingerprint
(``filing.fingerprint``) for ``WINDOW``; an identical application inside it
answers with the first dossier.

The map is ordered by time: ``(slice, owner, fingerprint) -> (code, filed
at as POSIX seconds)``, a slice being ``WINDOW`` long. A look-up reads two
keys (this slice and the one before, which together cover the window), and
forgetting what is stale reads from the oldest end of the map, at most
``FORGET_PER_FILING`` entries per filing. Before evolve step 26 the map was
keyed ``(owner, fingerprint)`` and every filing scanned all of it for stale
entries: a filing cost as much as the filings of the last two minutes (some
20,000 of them at 180 a second). No web or database imports: the map comes in.
"""
from datetime import timedelta

#: An identical application posted again within this window is the same one.
WINDOW = timedelta(minutes=2)
_SECONDS = WINDOW.total_seconds()
#: More than one, so that the map shrinks back after a burst; bounded, so that
#: no filing pays for forgetting a whole burst at once.
FORGET_PER_FILING = 8


def _slice(seconds):
    return int(seconds // _SECONDS)


def entry(owner, fingerprint, code, at):
    """``(key, value)`` of the map for a filing of ``code`` at ``at`` (a datetime)."""
    seconds = at.timestamp()
    return (_slice(seconds), owner, fingerprint), (code, seconds)


def remember(recent, owner, fingerprint, code, now):
    """Keep that ``owner`` filed ``fingerprint`` as ``code`` at ``now``; forget a few stale ones."""
    key, value = entry(owner, fingerprint, code, now)
    forget(recent, value[1])
    recent[key] = value


def forget(recent, seconds, limit=FORGET_PER_FILING):
    """Drop up to ``limit`` entries of slices that can no longer match, oldest first."""
    stale = recent.keys(max=(_slice(seconds) - 1,), excludemax=True)
    for key in [key for key, _ in zip(stale, range(limit))]:
        del recent[key]


def find(recent, owner, fingerprint, now):
    """The code filed for ``fingerprint`` by ``owner`` within ``WINDOW`` before ``now``, or None."""
    seconds = now.timestamp()
    for piece in (_slice(seconds), _slice(seconds) - 1):
        hit = recent.get((piece, owner, fingerprint))
        if hit is not None and seconds - hit[1] <= _SECONDS:
            return hit[0]
    return None
