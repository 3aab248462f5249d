"""Sessions on the server: ``site.sessions``, shared by every process.

Sessions used to live in the signed cookie, so a copied cookie outlived
logout and a password change.  The store is made empty: sessions of the
cookie kind are not carried over (everyone logs in again once).
"""
import logging

from tthc_docs.people.sessions import SessionStore

log = logging.getLogger(__name__)


def evolve(site):
    if getattr(site, "sessions", None) is None:
        site.sessions = SessionStore()
        log.info("session store made")
