"""Create the top containers of the content tree."""
from tthc_docs.people.agencies import AgencyTree
from tthc_docs.dossiers.content import DossierRegistry
from tthc_docs.eforms.content import FormLibrary
from tthc_docs.people.content import People
from tthc_docs.catalog.content import ProcedureCatalog
from tthc_docs.vaults.content import VaultRegistry

CONTAINERS = {
    "agencies": AgencyTree,
    "people": People,
    "vaults": VaultRegistry,
    "procedures": ProcedureCatalog,
    "forms": FormLibrary,
    "dossiers": DossierRegistry,
}


def evolve(site):
    for name, factory in CONTAINERS.items():
        if name not in site:
            site.add(name, factory())
