"""Build the vault registry's indexes: owner login and personal ID number -> vault id.

A registry made before these indexes used to build them from a scan of
every vault on the first look-up, so that a GET (the citizen's own vault
page) wrote to the database.
"""
import logging

from BTrees.OOBTree import OOBTree

log = logging.getLogger(__name__)


def evolve(site):
    registry = site["vaults"]
    if getattr(registry, "_by_owner", None) is None:
        registry._by_owner = OOBTree({v.owner: k for k, v in registry.items()})
        log.info("vault owner index built: %d vaults", len(registry))
    if getattr(registry, "_by_id_number", None) is None:
        registry._by_id_number = OOBTree({v.profile["id_number"]: k for k, v in registry.items()
                                          if v.profile.get("id_number")})
        log.info("vault ID-number index built")
