"""The refund queue (``site.refunds``): payments taken twice, flagged for refund.

Before it, a second successful payment for a dossier was acknowledged as
"already confirmed" and nothing was recorded: the money was kept unseen.
"""
import logging

from tthc_docs.payments.refunds import RefundQueue

log = logging.getLogger(__name__)


def evolve(site):
    if getattr(site, "refunds", None) is None:
        site.refunds = RefundQueue()
        log.info("refund queue made")
