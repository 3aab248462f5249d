"""A random pause before pyramid_retry replays a request that lost a write conflict.

Every dossier filed with one agency on one day draws from the same daily
counter (the code's sequence, Circular 01/2018/TT-VPCP art. 19), so
concurrent filings conflict by design and the loser is replayed. Replayed
at once, the losers meet again at the same counter and can lose every
attempt (seen with two processes on ZEO: 500s after the last attempt).
Waiting a random, growing time (full jitter, capped) spreads them out, so
each attempt faces fewer rivals.
"""
import logging
import random
import time

from pyramid_retry import IBeforeRetry

log = logging.getLogger(__name__)

BASE_SECONDS = 0.05
CAP_SECONDS = 1.0


def pause_seconds(attempt, rng=random):
    """Full jitter: uniform in [0, min(cap, base * 2**attempt)]."""
    return rng.uniform(0, min(CAP_SECONDS, BASE_SECONDS * 2 ** attempt))


def pause(event):
    environ = event.environ
    attempt = environ.get('retry.attempt', 0)
    seconds = pause_seconds(attempt)
    log.info('%s: replayed after %s (attempt %d of %d, pause %.3f s)',
             environ.get('PATH_INFO'), str(event.exception)[:160], attempt + 2,
             environ.get('retry.attempts', 0), seconds)
    time.sleep(seconds)


def includeme(config):
    config.add_subscriber(pause, IBeforeRetry)
