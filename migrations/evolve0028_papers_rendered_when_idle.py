"""Give the dossier registry its list of papers waiting to be rendered.

A paper's content is fixed at its event (Circular 01/2018/TT-VPCP: each of
Mẫu 01-06 records one event) and kept with it as frozen facts; its PDF is
rendered when the process is idle (issue 15: rendering inside the request
capped transitions at some 40 a second). The papers issued from now on wait
on ``DossierRegistry.pending_papers`` (``dossiers.pending``) until the
renderer stores their bytes. Papers issued before this step have their
bytes already: they are ready and need nothing.
"""
import logging

from tthc_docs.dossiers import pending

log = logging.getLogger(__name__)


def evolve(site):
    registry = site["dossiers"]
    registry._p_activate()   # a ghost's __dict__ is empty
    if registry.__dict__.get("pending_papers") is not None:
        return
    pending.create(site)
    log.info("list of papers to render when idle created")
