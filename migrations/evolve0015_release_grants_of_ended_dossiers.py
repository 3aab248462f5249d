"""Apply the grant retention rule to dossiers that ended before it existed.

Grants used to outlive their dossier: reception still downloaded the
attachments of a returned dossier.  ``dossiers.grants.release`` now revokes
them when a dossier ends; this step does it for every dossier already
returned, rejected or withdrawn (the issued results keep theirs).
"""
import logging

from tthc_docs.dossiers import grants

log = logging.getLogger(__name__)


def evolve(site):
    vaults, revoked = site["vaults"], 0
    for dossier in site["dossiers"].values():
        vault = vaults.get(dossier.vault_id or "")
        if vault is not None:
            revoked += grants.release(vault, dossier)
    log.info("grants of ended dossiers revoked: %d", revoked)
