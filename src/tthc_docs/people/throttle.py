"""Throttling of failed logins: lock an account+address, slow an address down.

- per account and address (5 in 15 minutes): that pair waits out the window.
  An attacker guessing one account from one address is stopped; the owner,
  elsewhere, is not.
- per account (100 in 15 minutes): a distributed attack on one account.
- per address (20 free): beyond them every further failure doubles the
  wait before the next attempt from that address (1 s, 2 s, 4 s … at most
  a minute).  An address is slowed down, never locked: a counter or an
  office behind one NAT address used to be locked out for 15 minutes when
  someone sprayed made-up names from it.

The counts live in the database every process shares (``site.login_failures``,
one persistent record per key so that keys do not conflict), written by
``SharedLoginThrottle`` in a transaction of their own: a failed login aborts
the request's transaction, and its count must survive that.
"""
import math
import time

import transaction
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from ZODB.POSException import ConflictError

#: timestamps kept per key: enough for every limit, bounded whatever an attacker sends
KEEP = 200
#: stale records looked at (and removed) per write: bounded work per request
PRUNE_PER_WRITE = 10


class FailureRecord(Persistent):
    def __init__(self):
        self.times = ()


class FailureStore(Persistent):
    """key -> FailureRecord; ``cursor`` walks the keys to prune stale records a few at a time."""

    def __init__(self):
        self.records = OOBTree()
        self.cursor = ""

    def times(self, key, since):
        record = self.records.get(key)
        return [t for t in record.times if t > since] if record is not None else []

    def add(self, key, now, since):
        record = self.records.get(key)
        if record is None:
            record = self.records[key] = FailureRecord()
        record.times = tuple([t for t in record.times if t > since][-(KEEP - 1):]) + (now,)

    def drop(self, key):
        self.records.pop(key, None)

    def prune(self, since, limit=PRUNE_PER_WRITE):
        """Remove up to ``limit`` records with no failure after ``since``, from the cursor on."""
        keys = list(self.records.keys(min=self.cursor, excludemin=True))[:limit]
        for key in keys:
            record = self.records[key]
            if not record.times or record.times[-1] <= since:
                del self.records[key]
        self.cursor = keys[-1] if len(keys) == limit else ""


class LoginThrottle:
    """The rules, on a :class:`FailureStore` (in memory unless given one)."""

    def __init__(self, per_account_address=5, per_address=20, per_account=100,
                 window_seconds=900, clock=time.time, store=None, max_delay=60):
        self.limits = {"pair": per_account_address, "acct": per_account}
        self.free_per_address = per_address
        self.window = window_seconds
        self.max_delay = max_delay
        self.clock = clock
        self.store = store if store is not None else FailureStore()

    def on(self, store):
        """The same rules on ``store``."""
        other = LoginThrottle.__new__(LoginThrottle)
        other.__dict__.update(self.__dict__, store=store)
        return other

    @staticmethod
    def _keys(login, address):
        login = (login or "").strip().lower()
        return {"pair": f"pair:{login}|{address}", "addr": f"addr:{address}",
                "acct": f"acct:{login}"}

    def retry_after(self, login, address):
        """Seconds to wait before another attempt, or 0 when allowed."""
        now = self.clock()
        since = now - self.window
        keys = self._keys(login, address)
        wait = 0.0
        for kind, limit in self.limits.items():
            times = self.store.times(keys[kind], since)
            if len(times) >= limit:
                wait = max(wait, times[-limit] + self.window - now)
        times = self.store.times(keys["addr"], since)
        beyond = len(times) - self.free_per_address
        if beyond >= 0:
            delay = min(2 ** beyond, self.max_delay)
            wait = max(wait, times[-1] + delay - now)
        return math.ceil(wait) if wait > 0 else 0

    def failed(self, login, address):
        now = self.clock()
        for key in self._keys(login, address).values():
            self.store.add(key, now, now - self.window)
        self.store.prune(now - self.window)

    def succeeded(self, login, address):
        """A good password clears the pair's count, not the address's or the account's."""
        self.store.drop(self._keys(login, address)["pair"])


class FindThrottle:
    """Counter look-ups by ID number, per officer: all finds, and misses.

    A reception officer finds a few citizens an hour; hundreds of numbers
    tried (400 in 0.7 s in the probe) is someone enumerating who is
    registered.  Over either limit within the window: wait out the window.
    """

    def __init__(self, finds=100, misses=10, window_seconds=900, clock=time.time, store=None):
        self.limits = {"find": finds, "miss": misses}
        self.window, self.clock = window_seconds, clock
        self.store = store if store is not None else FailureStore()

    def on(self, store):
        other = FindThrottle.__new__(FindThrottle)
        other.__dict__.update(self.__dict__, store=store)
        return other

    def retry_after(self, officer):
        now = self.clock()
        wait = 0.0
        for kind, limit in self.limits.items():
            times = self.store.times(f"{kind}:{officer}", now - self.window)
            if len(times) >= limit:
                wait = max(wait, times[-limit] + self.window - now)
        return math.ceil(wait) if wait > 0 else 0

    def looked_up(self, officer, found):
        now = self.clock()
        kinds = ("find",) if found else ("find", "miss")
        for kind in kinds:
            self.store.add(f"{kind}:{officer}", now, now - self.window)


def apart(db, call, write=True, attempts=5):
    """``call(site)`` in a transaction of its own on ``db`` (committed when ``write``).

    For what must be kept even when the request's own transaction is
    aborted: a failed login, a look-up that found nobody.
    """
    from tthc_docs.site.content import get_site
    for attempt in range(attempts):
        tm = transaction.TransactionManager(explicit=True)
        conn = db.open(transaction_manager=tm)
        try:
            tm.begin()
            result = call(get_site(conn))
            if write:
                tm.commit()
            else:
                tm.abort()
            return result
        except ConflictError:
            tm.abort()
            if attempt == attempts - 1:
                raise
        finally:
            conn.close()


class SharedLoginThrottle:
    """``LoginThrottle`` on the database's ``site.login_failures``, each call its own transaction."""

    def __init__(self, rules, db):
        self.rules, self.db = rules, db

    def _run(self, call, write):
        return apart(self.db, lambda site: call(self.rules.on(site.login_failures)), write)

    def retry_after(self, login, address):
        return self._run(lambda t: t.retry_after(login, address), write=False)

    def failed(self, login, address):
        self._run(lambda t: t.failed(login, address), write=True)

    def succeeded(self, login, address):
        self._run(lambda t: t.succeeded(login, address), write=True)
