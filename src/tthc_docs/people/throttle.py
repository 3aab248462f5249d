"""Throttling of failed logins, per account and per client address.

Counts live in process memory (a sliding window per key): a failed guess
must not write to the database, and a restart forgetting the counts is an
acceptable trade for a single-process deployment.  Keys combine account and
address so that an attacker hammering one account from one address is
stopped without locking the real owner out from elsewhere; a per-address
cap stops spraying many accounts, and a high per-account cap stops a
distributed attack on one account.
"""
import threading
import time
from collections import defaultdict, deque


class LoginThrottle:
    """Sliding-window counters of failures; ``check`` raises when over a limit."""

    def __init__(self, per_account_address=5, per_address=20, per_account=100,
                 window_seconds=900, clock=time.monotonic):
        self.limits = {"pair": per_account_address, "addr": per_address,
                       "acct": per_account}
        self.window = window_seconds
        self.clock = clock
        self._failures = defaultdict(deque)
        self._lock = threading.Lock()

    def _keys(self, login, address):
        login = (login or "").strip().lower()
        return {"pair": f"{login}|{address}", "addr": address, "acct": login}

    def _prune(self, key, now):
        q = self._failures[key]
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def retry_after(self, login, address):
        """Seconds to wait before another attempt, or 0 when allowed."""
        now = self.clock()
        wait = 0
        with self._lock:
            for kind, key in self._keys(login, address).items():
                q = self._prune((kind, key), now)
                if len(q) >= self.limits[kind]:
                    wait = max(wait, int(self.window - (now - q[0])) + 1)
        return wait

    def failed(self, login, address):
        now = self.clock()
        with self._lock:
            for kind, key in self._keys(login, address).items():
                self._failures[(kind, key)].append(now)

    def succeeded(self, login, address):
        """A good password clears the pair's count, not the address's."""
        with self._lock:
            self._failures.pop(("pair", self._keys(login, address)["pair"]), None)
