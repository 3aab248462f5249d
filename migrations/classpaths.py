"""Where the persistent classes went when the package was laid out by concept.

ZODB stores each object with its class's dotted path.  Issue 10 moved the
modules (``tthc_docs.resources.dossiers`` became ``tthc_docs.dossiers.content``
and so on), so a database written before the move names modules that no
longer exist.  ``tthc-docs migrate`` rewrites those names in every record
with zodbupdate before it runs the evolve steps (which need to load the
site), and marks the root so the pass runs once.  The app refuses to serve a
database that still has the old names.

``MOVED`` is the record of the move: a module path never comes back into use.
"""
import importlib
import inspect

#: The root key that says which layout of class paths the database uses.
LAYOUT_KEY = "tthc_docs.layout"
#: 1: before issue 10 (layers); 2: one package per concept.
LAYOUT = 2

#: old module -> new module, for every module that held a class when it moved.
MOVED = {
    "tthc_docs.bodylimit": "tthc_docs.web.bodylimit",
    "tthc_docs.tweens": "tthc_docs.web.tweens",
    "tthc_docs.i18n": "tthc_docs.web.i18n",
    "tthc_docs.ui": "tthc_docs.web.ui",
    "tthc_docs.server": "tthc_docs.web.server",
    "tthc_docs.views.base": "tthc_docs.web.base",
    "tthc_docs.views.errors": "tthc_docs.web.errors",
    "tthc_docs.views.site": "tthc_docs.site.views",
    "tthc_docs.resources.site": "tthc_docs.site.content",
    "tthc_docs.resources.base": "tthc_docs.container",
    "tthc_docs.folding": "tthc_docs.text.folding",
    "tthc_docs.validators": "tthc_docs.text.validators",
    "tthc_docs.addresses": "tthc_docs.text.addresses",
    "tthc_docs.resources.procedures": "tthc_docs.catalog.content",
    "tthc_docs.resources.procedure_index": "tthc_docs.catalog.index",
    "tthc_docs.schemas.procedures": "tthc_docs.catalog.schema",
    "tthc_docs.fees": "tthc_docs.catalog.fees",
    "tthc_docs.catalog_io": "tthc_docs.catalog.import_export",
    "tthc_docs.doctypes": "tthc_docs.catalog.doctypes",
    "tthc_docs.views.procedures": "tthc_docs.catalog.views.procedures",
    "tthc_docs.views.procedures_edit": "tthc_docs.catalog.views.edit",
    "tthc_docs.fieldtypes": "tthc_docs.eforms.fieldtypes",
    "tthc_docs.formschema": "tthc_docs.eforms.formschema",
    "tthc_docs.formrender": "tthc_docs.eforms.render",
    "tthc_docs.resources.forms": "tthc_docs.eforms.content",
    "tthc_docs.schemas.forms": "tthc_docs.eforms.schema",
    "tthc_docs.views.forms": "tthc_docs.eforms.views.templates",
    "tthc_docs.views.forms_edit": "tthc_docs.eforms.views.edit",
    "tthc_docs.resources.vaults": "tthc_docs.vaults.content",
    "tthc_docs.resources.vault_documents": "tthc_docs.vaults.documents",
    "tthc_docs.schemas.vaults": "tthc_docs.vaults.schema",
    "tthc_docs.uploads": "tthc_docs.vaults.uploads",
    "tthc_docs.accesslog": "tthc_docs.vaults.accesslog",
    "tthc_docs.counter": "tthc_docs.vaults.counter",
    "tthc_docs.views.vaults": "tthc_docs.vaults.views.vault",
    "tthc_docs.views.vault_counter": "tthc_docs.vaults.views.counter",
    "tthc_docs.workflow": "tthc_docs.dossiers.workflow",
    "tthc_docs.deadlines": "tthc_docs.dossiers.deadlines",
    "tthc_docs.calendar": "tthc_docs.dossiers.calendar",
    "tthc_docs.resources.daysoff": "tthc_docs.dossiers.daysoff",
    "tthc_docs.codes": "tthc_docs.dossiers.codes",
    "tthc_docs.filing": "tthc_docs.dossiers.filing",
    "tthc_docs.resources.dossiers": "tthc_docs.dossiers.content",
    "tthc_docs.resources.dossier_indexes": "tthc_docs.dossiers.indexes",
    "tthc_docs.schemas.dossiers": "tthc_docs.dossiers.schema",
    "tthc_docs.views.dossiers": "tthc_docs.dossiers.views.dossier",
    "tthc_docs.views.dossier_json": "tthc_docs.dossiers.serialise",
    "tthc_docs.views.apply": "tthc_docs.dossiers.views.apply",
    "tthc_docs.views.queues": "tthc_docs.dossiers.views.queues",
    "tthc_docs.views.tracking": "tthc_docs.dossiers.views.tracking",
    "tthc_docs.views.slips": "tthc_docs.dossiers.views.slips",
    "tthc_docs.views.procedures_calendar": "tthc_docs.dossiers.views.calendar",
    "tthc_docs.pdf.slips": "tthc_docs.dossiers.slips",
    "tthc_docs.pdf.slip_facts": "tthc_docs.dossiers.slip_facts",
    "tthc_docs.resources.people": "tthc_docs.people.content",
    "tthc_docs.resources.agencies": "tthc_docs.people.agencies",
    "tthc_docs.schemas.people": "tthc_docs.people.schema",
    "tthc_docs.totp": "tthc_docs.people.totp",
    "tthc_docs.throttle": "tthc_docs.people.throttle",
    "tthc_docs.views.accounts": "tthc_docs.people.views.accounts",
    "tthc_docs.views.people": "tthc_docs.people.views.people",
    "tthc_docs.views.agencies": "tthc_docs.people.views.agencies",
    "tthc_docs.views.signing": "tthc_docs.signing.views",
    "tthc_docs.views.payments": "tthc_docs.payments.views",
}
#: New modules of ``MOVED`` deleted since; they held no persistent class, so
#: no record names them and there is nothing to rename to.
REMOVED = frozenset({
    "tthc_docs.web.base",   # the old JSON/HTML twins, once every view used web.respond
})


def class_renames():
    """zodbupdate's rules: ``{(old module, class): (new module, class)}`` for every moved class."""
    rules = {}
    for old, new in MOVED.items():
        if new in REMOVED:
            continue
        module = importlib.import_module(new)
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == new:
                rules[(old, name)] = (new, name)
    return rules


def layout(root):
    """The layout of ``root``'s class paths: an empty database is already current."""
    from tthc_docs.site.content import SITE_KEY
    if LAYOUT_KEY in root:
        return root[LAYOUT_KEY]
    return 1 if SITE_KEY in root else LAYOUT


def rewrite_class_paths(storage):
    """Rewrite every record of ``storage`` that names a moved class (one pass, in place)."""
    from zodbupdate.update import Updater
    Updater(storage, renames=class_renames())()
