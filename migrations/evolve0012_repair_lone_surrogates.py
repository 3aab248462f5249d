"""Repair lone UTF-16 surrogates stored through JSON before the edge refused them.

A ``"\\ud800"`` in a profile field or a dossier note made every page that
showed it answer 500 (UnicodeEncodeError).  Pages now render it as U+FFFD
(``web.safetext``); this step replaces it in what is stored: vault
profiles and their history, and each dossier's history notes, data,
applicant name and rating.  Only objects that held one are written.
"""
import logging

from tthc_docs.text.surrogates import scrub_value

log = logging.getLogger(__name__)


def _repair_vault(vault):
    changed = False
    for key, value in list(vault.profile.items()):
        clean, dirty = scrub_value(value)
        if dirty:
            if key == "id_number" and vault.__parent__ is not None:
                vault.__parent__.index_id_number(vault, value, clean)
            vault.profile[key] = clean
            changed = True
    for seq, entry in list(vault.profile_history.items()):
        clean, dirty = scrub_value(entry)
        if dirty:
            vault.profile_history[seq] = clean
            changed = True
    return changed


def _repair_dossier(dossier):
    changed = False
    for i, entry in enumerate(list(dossier.history)):
        clean, dirty = scrub_value(entry)
        if dirty:
            dossier.history[i] = clean
            dossier._p_changed = True   # a plain list since step 25
            changed = True
    for name in ("data", "applicant_name", "rating"):
        clean, dirty = scrub_value(getattr(dossier, name, None))
        if dirty:
            setattr(dossier, name, clean)
            changed = True
    return changed


def evolve(site):
    vaults = sum(_repair_vault(v) for v in site["vaults"].values())
    dossiers = sum(_repair_dossier(d) for d in site["dossiers"].values())
    log.info("lone surrogates repaired: %d vaults, %d dossiers", vaults, dossiers)
