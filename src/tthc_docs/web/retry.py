"""A random pause before pyramid_retry replays a request that lost a write conflict.

Every dossier filed with one agency on one day draws from the same daily
counter (the code's sequence, Circular 01/2018/TT-VPCP art. 19), so
concurrent filings conflict by design and the loser is replayed. Replayed
at once, the losers meet again at the same counter and can lose every
attempt (seen with two processes on ZEO: 500s after the last attempt).
Waiting a random, growing time (full jitter, capped) spreads them out, so
each attempt faces fewer rivals.
"""
import random
import time

from pyramid_retry import IBeforeRetry

BASE_SECONDS = 0.01
CAP_SECONDS = 0.5


def pause_seconds(attempt, rng=random):
    """Full jitter: uniform in [0, min(cap, base * 2**attempt)]."""
    return rng.uniform(0, min(CAP_SECONDS, BASE_SECONDS * 2 ** attempt))


def pause(event):
    time.sleep(pause_seconds(event.environ.get('retry.attempt', 0)))


def includeme(config):
    config.add_subscriber(pause, IBeforeRetry)
