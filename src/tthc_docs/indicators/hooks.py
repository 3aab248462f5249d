"""Where the counters are kept up to date: called by the objects that change.

- ``dossier_changed`` from ``Dossier.add_history``, beside the outbox's
  ``record``: every event of a dossier passes there (filing, each action,
  payment, rating), in the transaction of the change;
- ``dossier_synced`` from the outbox when a dossier's last record reaches
  the portal (indicator 1.3 changes without a dossier event);
- ``feedback_changed`` from the complaint registry's ``reindex`` and from
  ``Feedback.rate``;
- ``procedure_changed`` from ``ProcedureCatalog.reindex`` (every catalog write).

Each recomputes the object's contribution (``facts``) and lets the store
apply the difference. Outside a site (a unit test's bare object) there is
no store and nothing happens. No Pyramid import.
"""
from tthc_docs.indicators import facts

STORE = 'indicators'


def _site_of(obj, depth):
    for _ in range(depth):
        obj = getattr(obj, '__parent__', None)
    return obj if hasattr(obj, 'get') else None


def store_of(site):
    return site.get(STORE) if site is not None else None


def dossier_changed(dossier, site=None):
    site = site or _site_of(dossier, 2)
    store = store_of(site)
    if store is None or dossier.code is None:
        return
    calendar = None
    if facts.settled(dossier):   # only 2.2 needs the calendar; it reads the site
        from tthc_docs.dossiers.calendar import calendar_for
        calendar = calendar_for(site)
    units, counts = facts.dossier(dossier, site, calendar)
    store.put(('d', dossier.code), units, counts)


def dossier_synced(outbox, code):
    """The outbox's record of ``code`` changed what the portal has: recount the dossier."""
    site = getattr(outbox, '__parent__', None)
    registry = site.get('dossiers') if site is not None else None
    dossier = registry.get(code) if registry is not None else None
    if dossier is not None:
        dossier_changed(dossier, site)


def feedback_changed(item):
    store = store_of(_site_of(item, 2))
    if store is not None and item.id is not None:
        store.put(('f', item.id), *facts.feedback(item))


def procedure_changed(catalog, procedure):
    store = store_of(getattr(catalog, '__parent__', None))
    if store is not None:
        store.put(('p', procedure.code), *facts.procedure(procedure))
