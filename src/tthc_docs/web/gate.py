"""One filing (and one transition) at a time per process: wait at the gate rather than conflict.

Every dossier filed with one agency on one day draws from the same daily
counter (the code's gapless sequence, Circular 01/2018/TT-VPCP art. 19), and
the counter must not merge concurrent draws (``dossiers.codes``): two
filings whose transactions overlap conflict at commit, and the loser is
replayed from the start by pyramid_retry after a pause. Under load most
filings were replayed, some past the last attempt (a 503). Drawing the
number later in the request would not help: ZODB compares the counter's
revision with the one current when the *transaction* began.

So the transactions of ``POST …/@@apply`` in one process do not overlap:
this tween, over pyramid_tm, lets one in at a time and the others wait
their turn (the work is CPU-bound under one interpreter lock anyway, so
waiting costs little, where a replay does all the work again). Transitions
get their own gate for the same reason: each one reindexes its dossier in
sets that every other transition touches, and replaying one renders its
paper (Mẫu 05) again. Several processes (ZEO, RelStorage) still conflict
with each other and are replayed as before (``web/retry.py``).

A write returns its ZODB connection to the pool before it opens the gate
(:func:`finish`), so the next one in takes that connection, whose cache
holds every index bucket and counter the last write changed. Left to the end
of the request (pyramid_zodbconn closes it in a finished callback, after the
outer tweens), the connection was still out when the next write came in,
which took another one and loaded again, from the storage, everything the
last write had changed: about a millisecond of a write's four over HTTP
with four threads (issue 15).

The gate is an optimisation, never a condition of correctness: a request
waits at most ``WAIT_SECONDS`` and then goes in anyway, and a view that
waits on something outside (a remote signature) opens the gate early
(:func:`leave`).
"""
import threading

#: The last path segment of the POSTs that pass one at a time, by gate.
GATED = {'@@apply': 'filing', 'apply': 'filing', '@@transition': 'transition',
         'transition': 'transition'}
WAIT_SECONDS = 1.0
ENVIRON_KEY = 'tthc_docs.gate'


class Gate:
    """A lock that a request holds from before its transaction begins to after it ends."""

    def __init__(self):
        self._lock = threading.Lock()

    def enter(self):
        """True when this request now holds the gate; False if it waited long enough."""
        return self._lock.acquire(timeout=WAIT_SECONDS)

    def leave(self):
        self._lock.release()


def gate_name(method, path):
    """The gate a request passes, or None."""
    if method != 'POST':
        return None
    return GATED.get(path.rstrip('/').rpartition('/')[2])


def leave(request):
    """Open this request's gate now (before a long wait on another system); idempotent."""
    gate = request.environ.pop(ENVIRON_KEY, None)
    if gate is not None:
        gate.leave()


def finish(request):
    """Run the request's finished callbacks now: pyramid_zodbconn's closes its connection.

    The transaction has ended (pyramid_tm's tween is inside the gate's), and
    nothing outside reads the database: the answer's body is made, and the
    session's response callback sets cookies from what it holds. Each
    callback runs once (Pyramid pops it), so the router's turn finds none left.
    """
    request._process_finished_callbacks()


def gate_tween_factory(handler, registry):
    gates = {name: Gate() for name in set(GATED.values())}

    def gate_tween(request):
        name = gate_name(request.method, request.path_info)
        gate = gates[name] if name else None
        if gate is None or not gate.enter():
            return handler(request)
        request.environ[ENVIRON_KEY] = gate
        try:
            return handler(request)
        finally:
            finish(request)
            leave(request)
    return gate_tween


def includeme(config):
    # Over the transaction, so that the wait comes before pyramid_tm begins it
    # (the snapshot a conflict is judged against) and ends after the commit.
    config.add_tween('tthc_docs.web.gate.gate_tween_factory',
                     over='pyramid_tm.tm_tween_factory',
                     under='tthc_docs.web.unavailable.away_tween_factory')
