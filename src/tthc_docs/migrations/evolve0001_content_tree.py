"""Create the top containers of the content tree."""
from ..resources.agencies import AgencyTree
from ..resources.dossiers import DossierRegistry
from ..resources.forms import FormLibrary
from ..resources.people import People
from ..resources.procedures import ProcedureCatalog
from ..resources.vaults import VaultRegistry

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
