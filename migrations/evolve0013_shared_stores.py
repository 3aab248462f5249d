"""Stores every process shares: ``site.sessions``, ``site.login_failures``, ``site.audit``.

Sessions used to live in the signed cookie, so a copied cookie outlived
logout and a password change; failed-login counts lived in each process's
memory, so several processes each allowed the full count.  Both stores are
made empty (the audit log too: role changes and counter look-ups are
recorded from now on): cookie sessions are not carried over (everyone logs in again
once), and counts start afresh.
"""
import logging

from tthc_docs.people.audit import AuditLog
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
    if getattr(site, "audit", None) is None:
        site.audit = AuditLog()
        log.info("audit log made")
