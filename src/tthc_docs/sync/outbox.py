"""The outbox: every tracked dossier event, written in the transaction of the change.

``record(dossier, entry)`` is called by ``Dossier.add_history``, the one
place every event of a dossier is written (filing, each workflow action,
payment, rating), so a record exists exactly when its change is committed:
an aborted transaction takes both away. The relay (``sync.sender``) hands
records to the portal and reports back with ``settle``.

Shape, chosen for ZODB's conflict resolution when many dossiers change at
once: records are keyed ``(dossier code, seq)`` in an OOBTree (inserts of
different keys into one bucket resolve), ``seq`` is counted per dossier from
the tree itself (two changes of one dossier conflict on the dossier anyway),
and the totals are ``BTrees.Length`` counters, which merge concurrent
increments. No Pyramid import: the dossier domain calls this.

An event writes its record, a bucket of ``records`` and one of ``waiting``
(the queue, oldest first), nothing else: ``records`` holds exactly what the
portal still lacks (pending or dead), so whether a dossier is behind, how
many dossiers are and how many records wait are read from it and from
``waiting``, not kept in three more structures that every event rewrote
(a set of pending keys, a count per dossier and a counter: three records
and 1.3 KB of each commit until evolve step 30 dropped them; issue 15).

A delivered record keeps only what the admins' page and a late report of
the relay read (key, code, seq, the event and status, the times): the
portal holds the message itself (it keeps the first message of each key,
Decree 61/2018/NĐ-CP art. 12). It moves from ``records`` to ``delivered``
as a plain tuple (``Delivered``), not a persistent object of its own: one
cost about 500 bytes per event for years (issue 14; evolve step 25 moves
the records delivered before). Moving it (a removal and an insertion) keeps
deliveries and new records resolvable in shared buckets; replacing an
object by a tuple under one key would not be (``ConflictResolution``
cannot compare a persistent reference with a tuple).
"""
import logging
from datetime import timedelta

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree, OOTreeSet
from persistent import Persistent

from tthc_docs import roles, timeutil
from tthc_docs import security as s
from tthc_docs.indicators import hooks as indicators
from tthc_docs.sync import protocol

log = logging.getLogger(__name__)

PENDING, DELIVERED, DEAD = 'pending', 'delivered', 'dead'
#: What the relay may report about one delivery attempt.
OUTCOMES = ('delivered', 'duplicate', 'retry', 'refused')
_MAX_SEQ = 10 ** 9
#: What a delivered record keeps of its message.
SLIM_FIELDS = ('event', 'status')


class OutboxRecord(Persistent):
    """One message for the portal and what became of it."""

    state = PENDING
    attempts = 0
    next_try = None
    last_error = ''
    delivered_at = None
    duplicate = False

    def __init__(self, code, seq, message, recorded_at):
        self.code, self.seq, self.message = code, seq, dict(message)
        self.key = message['key']
        self.recorded_at = recorded_at

    def __getstate__(self):
        """A whole message's record as a tuple (``protocol.pack``); any other as its dict.

        ``(code, seq, digest, packed message, recorded_at as stored, the other
        attributes or None)``: about half the bytes and pickled objects of the
        dict with every name, and no time zone (issue 15). A slimmed record
        (delivered before evolve step 25) keeps its dict.
        """
        state = super().__getstate__()
        packed = protocol.pack(state.get('message') or {})
        parts = protocol.split_key(state.get('key'))
        if packed is None or parts != (state.get('code'), state.get('seq')):
            return state
        rest = {k: v for k, v in state.items() if k not in _PACKED_ATTRIBUTES}
        return (self.code, self.seq, self.key.rsplit(':', 1)[1], packed,
                timeutil.stored(self.recorded_at), rest or None)

    def __setstate__(self, state):
        if isinstance(state, dict):
            return super().__setstate__(state)
        code, seq, digest, packed, recorded, rest = state
        key = f'{code}:{seq}:{digest}'
        super().__setstate__(dict(rest or (), code=code, seq=seq, key=key,
                                  message=protocol.unpack(packed, code, seq, key),
                                  recorded_at=timeutil.from_stored(recorded)))

    def slim(self):
        """Drop the message once delivered, keeping its event and status (``as_json``).

        Attributes equal to the class's defaults are not stored either.
        """
        self.message = {name: self.message.get(name) for name in SLIM_FIELDS}
        for name in ('next_try', 'last_error', 'duplicate'):
            if name in self.__dict__ and self.__dict__[name] == getattr(type(self), name):
                del self.__dict__[name]

    def as_json(self):
        return {'key': self.key, 'code': self.code, 'seq': self.seq,
                'event': self.message.get('event'), 'status': self.message.get('status'),
                'state': self.state, 'attempts': self.attempts,
                'recorded_at': timeutil.iso(self.recorded_at),
                'next_try': timeutil.iso(self.next_try), 'last_error': self.last_error,
                'delivered_at': timeutil.iso(self.delivered_at)}


_PACKED_ATTRIBUTES = ('code', 'seq', 'key', 'message', 'recorded_at')


class Delivered:
    """A delivered record, read from its tuple in ``Outbox.delivered``: what ``OutboxRecord`` reads.

    Stored as ``(digest, event, status, attempts, recorded_at, delivered_at,
    duplicate, last_error)``, times as naive UTC (``timeutil.stored``): no
    attribute names, no time zone, no object of its own. Read only; nothing
    changes a delivered record.
    """

    state = DELIVERED
    next_try = None

    def __init__(self, code, seq, packed):
        digest, event, status, self.attempts, recorded, delivered, \
            self.duplicate, self.last_error = packed
        self.code, self.seq, self.key = code, seq, f'{code}:{seq}:{digest}'
        self.message = {'event': event, 'status': status}
        self.recorded_at = timeutil.from_stored(recorded)
        self.delivered_at = timeutil.from_stored(delivered)

    as_json = OutboxRecord.as_json

    @staticmethod
    def pack(rec, **outcome):
        """The tuple kept for ``rec`` (an ``OutboxRecord``), delivered with ``outcome``.

        ``outcome``: ``attempts``, ``delivered_at``, ``duplicate``, ``last_error``
        where they differ from what ``rec`` holds (``settle`` does not touch
        the record it replaces, so no write is spent on it).
        """
        get = lambda name: outcome.get(name, getattr(rec, name))  # noqa: E731
        return (rec.key.rsplit(':', 1)[1], rec.message.get('event'), rec.message.get('status'),
                get('attempts'), timeutil.stored(rec.recorded_at),
                timeutil.stored(get('delivered_at')), bool(get('duplicate')),
                get('last_error') or '')


class Outbox(Persistent):
    """``/outbox``: the records, what waits, what was refused; admins only."""

    __name__ = None
    __parent__ = None
    __acl__ = [(s.Allow, s.role(roles.ADMIN), (s.VIEW, s.MANAGE)), s.DENY_ALL]
    #: None in outboxes made before evolve step 25 (which makes it): delivered
    #: records were then objects in ``records``.
    delivered = None

    def __init__(self):
        self.records = OOBTree()     # (code, seq) -> OutboxRecord, until delivered (pending or dead)
        self.delivered = OOBTree()   # (code, seq) -> ``Delivered`` tuple
        self.waiting = OOTreeSet()   # (recorded iso, code, seq) of each pending record: oldest first
        self.dead = OOBTree()        # (code, seq) -> True: refused as malformed / given up
        self.dossiers = Length()     # dossiers with at least one record
        self.delivered_count = Length()

    # -- writing (the web side) ----------------------------------------------

    def add(self, dossier, entry, now):
        """Write the record of ``entry``; returns it."""
        code = dossier.code
        seq = self.last_seq(code) + 1
        rec = OutboxRecord(code, seq, protocol.message(dossier, entry, seq), now)
        self.records[(code, seq)] = rec
        self._enqueue(rec)
        if seq == 1:
            self.dossiers.change(1)
        return rec

    def last_seq(self, code):
        return max(_last_seq(self.records, code), _last_seq(self.delivered, code))

    def _enqueue(self, rec):
        self.waiting.insert((timeutil.iso(rec.recorded_at), rec.code, rec.seq))

    def _dequeue(self, rec):
        self.waiting.remove((timeutil.iso(rec.recorded_at), rec.code, rec.seq))

    def _undelivered(self, code):
        """The keys ``(code, seq)`` of ``code``'s records not yet delivered (pending or dead)."""
        return self.records.keys((code, 0), (code, _MAX_SEQ))

    def owes(self, code):
        """Whether the portal still lacks an event of dossier ``code`` (pending or dead)."""
        return next(iter(self._undelivered(code)), None) is not None

    def pending_count(self):
        """How many records wait to be delivered (neither delivered nor dead)."""
        return len(self.waiting)

    # -- the relay's side ------------------------------------------------------

    def due(self, now, limit=50, scan=5000):
        """The next record of each dossier that may be sent now, oldest dossiers first.

        Only a dossier's first pending record is ever handed out, so records
        reach the portal in order per dossier; one in backoff holds its
        dossier back and no other.
        """
        found, seen = [], set()
        for n, (_iso, code, _seq) in enumerate(self.waiting):
            if n >= scan or len(found) >= limit:
                break
            if code in seen:
                continue
            seen.add(code)
            rec = self.records[next(k for k in self._undelivered(code) if k not in self.dead)]
            if rec.next_try is None or rec.next_try <= now:
                found.append(rec)
        return found

    def numbered(self, code_seq):
        """The record numbered ``(code, seq)``, a delivered one as ``Delivered``; None if none."""
        rec = self.records.get(code_seq)
        if rec is None and self.delivered is not None:
            packed = self.delivered.get(code_seq)
            rec = Delivered(*code_seq, packed) if packed is not None else None
        return rec

    def get(self, key):
        parts = protocol.split_key(key)
        rec = self.numbered(parts) if parts else None
        return rec if rec is not None and rec.key == key else None

    def settle(self, key, attempt, outcome, now, error='', backoff=None, max_attempts=12):
        """Act on the relay's report of attempt number ``attempt`` of ``key``.

        A report of an attempt that is not the record's current one (a
        replayed or late report) changes nothing. ``backoff(attempts)``: the
        seconds to wait before the next try.
        """
        rec = self.get(key)
        if rec is None or rec.state != PENDING or attempt != rec.attempts + 1:
            return rec
        error = str(error or '')[:500]
        if outcome in ('delivered', 'duplicate'):
            return self._delivered(rec, attempt, error, now, outcome == 'duplicate')
        rec.attempts, rec.last_error = attempt, error
        if outcome == 'refused' or attempt >= max_attempts:
            self._dead(rec)
        else:
            rec.next_try = now + timedelta(seconds=backoff(attempt) if backoff else 1)
        return rec

    def _delivered(self, rec, attempt, error, now, duplicate):
        """Move the record to ``delivered`` as a tuple (the object itself is not written again)."""
        self._dequeue(rec)
        del self.records[(rec.code, rec.seq)]
        self.delivered[(rec.code, rec.seq)] = Delivered.pack(
            rec, attempts=attempt, delivered_at=now, duplicate=duplicate, last_error=error)
        self.delivered_count.change(1)
        if not self.owes(rec.code):
            indicators.dossier_synced(self, rec.code)   # indicator decision.SYNC_SHARE
        return self.numbered((rec.code, rec.seq))

    def _dead(self, rec):
        self._dequeue(rec)
        rec.state, rec.next_try = DEAD, None
        self.dead[(rec.code, rec.seq)] = True
        log.warning("outbox record dead-lettered: %s (%s)", rec.key, rec.last_error)

    def replay(self, keys, now):
        """Put dead records back in the queue (fresh attempts); returns those replayed."""
        done = []
        for key in keys:
            rec = self.get(key)
            if rec is None or rec.state != DEAD:
                continue
            del self.dead[(rec.code, rec.seq)]
            rec.state, rec.attempts, rec.next_try, rec.last_error = PENDING, 0, None, ''
            self._enqueue(rec)
            done.append(rec)
        return done

    # -- what admins see ------------------------------------------------------------

    def dead_letters(self, limit=200):
        return [self.records[k] for k, _ in zip(self.dead.keys(), range(limit))]

    def oldest_pending(self):
        """The recording time of the oldest undelivered record, or None."""
        try:
            iso, code, seq = self.waiting.minKey()
        except ValueError:
            return None
        return self.records[(code, seq)].recorded_at

    def share(self):
        """Indicator ``decision.SYNC_SHARE``'s figures, province-wide: ``(synchronised, received)``."""
        received = self.dossiers()
        owed, last = 0, None
        for code, _seq in self.records.keys():   # only what is not delivered: few, when the relay runs
            owed, last = owed + (code != last), code
        return received - owed, received


def _last_seq(tree, code):
    """The highest ``seq`` of ``code`` in ``tree`` (0 when none, or no tree)."""
    try:
        found = tree.maxKey((code, _MAX_SEQ)) if tree is not None else None
    except ValueError:
        return 0
    return found[1] if found is not None and found[0] == code else 0


def outbox_of(dossier):
    """The site's outbox, found through the dossier's parents (None outside a site)."""
    registry = getattr(dossier, '__parent__', None)
    site = getattr(registry, '__parent__', None)
    getter = getattr(site, 'get', None)
    return getter('outbox') if getter is not None else None


def record(dossier, entry, now=None):
    """Write the outbox record of a history ``entry`` the portal tracks; None otherwise.

    Called from ``Dossier.add_history`` inside the change's transaction. A
    dossier outside a site (unit tests' bare objects) has no outbox.
    """
    if protocol.event_for(entry.get('action')) is None:
        return None
    outbox = outbox_of(dossier)
    if outbox is None:
        return None
    return outbox.add(dossier, entry, now or timeutil.now())
