"""Demo data for development: agencies, accounts, and each family's samples.

Every loader is ``load(site, settings)`` and must be safe to run on a site
that already has its data (it skips what exists).  Order matters: accounts
before vaults' samples, procedures before forms' checks, and so on.
"""
import importlib

DEMO_PASSWORD = "demo-password"

LOADERS = [
    "tthc_docs.demo.agencies",
    "tthc_docs.demo.accounts",
    "tthc_docs.demo.procedures",
    "tthc_docs.demo.forms",
    "tthc_docs.demo.vaults",
    "tthc_docs.demo.dossiers",
]


def load_demo(site, settings):
    """Run every loader that exists; returns False when the demo was already loaded."""
    if "citizen1" in site["people"]:
        return False
    for name in LOADERS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # that family has no demo data yet
            raise
        module.load(site, settings)
    return True
