"""Stores every process shares: ``site.sessions`` and ``site.login_failures``.

Sessions used to live in the signed cookie, so a copied cookie outlived
logout and a password change; failed-login counts lived in each process's
memory, so several processes each allowed the full count.  Both stores are
made empty: cookie sessions are not carried over (everyone logs in again
once), and counts start afresh.
"""
import logging

from tthc_docs.people.sessions import SessionStore
from tthc_docs.people.throttle import FailureStore

log = logging.getLogger(__name__)


def evolve(site):
    if getattr(site, "sessions", None) is None:
        site.sessions = SessionStore()
        log.info("session store made")
    if getattr(site, "login_failures", None) is None:
        site.login_failures = FailureStore()
        log.info("login failure store made")
