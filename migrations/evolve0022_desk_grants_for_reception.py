"""Key the receiving desk's reads of a dossier's papers to its reception officers only.

Location-independent filing (issue 12) let the desk that received a dossier
for another agency read its papers during intake, through a vault grant
naming the desk's agency code: so every officer of that unit could read
them with ``?dossier=``, not only its one-stop desk. Grants for a desk now
name ``grants.desk_grantee(unit)`` (``desk:<unit>``), which only the unit's
reception officers match; this step re-keys the grants already given.
"""
import logging

from tthc_docs.dossiers import grants

log = logging.getLogger(__name__)


def evolve(site):
    vaults, moved = site["vaults"], 0
    for dossier in site["dossiers"].values():
        desk = dossier.other_desk
        vault = vaults.get(dossier.vault_id or "") if desk else None
        if vault is None:
            continue
        for doc_id, code, unit in list(vault.grants.keys()):
            if code == dossier.code and unit == desk:
                vault.grants[(doc_id, code, grants.desk_grantee(desk))] = vault.grants[
                    (doc_id, code, unit)]
                del vault.grants[(doc_id, code, unit)]
                moved += 1
    log.info("desk grants re-keyed to the desks' reception: %d", moved)
