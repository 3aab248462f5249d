"""Two-step remote signing keeps its requests waiting for the phone (``site.signing_requests``).

Issue 19: the leader asks, approves on the phone, and the app finishes in a
second transaction; between the two, the prepared documents and the
service's request id are kept here, never on the dossier.
"""
import logging

from tthc_docs.signing.pending import SigningRequests

log = logging.getLogger(__name__)


def evolve(site):
    if getattr(site, "signing_requests", None) is None:
        site.signing_requests = SigningRequests()
        log.info("signing requests registry made")
