"""When to try again, and how fast to send (pure: no web, no database).

Backoff is exponential with "equal jitter": half the delay is kept and the
other half drawn at random, so that many records failing together (the
portal down) do not all come back in the same second, and a cap keeps the
longest wait bounded. The rate limit is a token bucket.
"""
import random
import time


def backoff(attempt, first=2.0, cap=600.0, rand=random.random):
    """Seconds to wait after failed attempt number ``attempt`` (1, 2, ...)."""
    delay = min(cap, first * (2 ** max(attempt - 1, 0)))
    return delay / 2 + rand() * delay / 2


def parse_backoff(text):
    """``"2 600"`` -> ``(2.0, 600.0)``: the first and the longest wait."""
    first, cap = (float(x) for x in str(text).split())
    return first, cap


class RateLimit:
    """At most ``rate`` sends per second on average, bursts of ``burst``."""

    def __init__(self, rate, burst=None, clock=time.monotonic, sleep=time.sleep):
        self.rate = float(rate)
        self.burst = float(burst or max(1.0, self.rate))
        self.clock, self.sleep = clock, sleep
        self.tokens, self.last = self.burst, clock()

    def wait(self):
        """Block until a send is allowed."""
        while True:
            now = self.clock()
            self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
            self.last = now
            if self.tokens >= 1:
                self.tokens -= 1
                return
            self.sleep((1 - self.tokens) / self.rate)
