"""Papers issued but not yet rendered: the site-wide list, and rendering them.

A paper's content is fixed at its event (``papers``, Circular 01/2018/TT-VPCP:
each paper records one event); rendering its PDF (reportlab, some 20 ms)
need not hold up the request that fired the event. ``press`` stores the
paper with its frozen facts and puts it here, in the event's transaction;
``render_pending`` (the idle renderer's work, ``dossiers.renderer``, and the
demo loader's) renders the oldest and stores their bytes.

The list (``DossierRegistry.pending_papers``) is an ``OOTreeSet`` of
``(queued at, dossier code, paper id)``, queued at being POSIX seconds of
the clock: new papers go to its right end, the renderer takes from its left
end, so a filing and the renderer touch different keys of a small bucket
and ZODB merges their writes (BTrees' conflict resolution); one key a paper,
one small bucket written per event.

After a commit that queued papers, ``listeners`` are told (with the
database), so an idle renderer starts at once instead of polling.
"""
import logging
import time

from BTrees.OOBTree import OOTreeSet

log = logging.getLogger(__name__)

#: callables ``(db)`` told after a commit that queued papers (``renderer`` adds itself)
listeners = []


def pending_list(site):
    """The site's list of pending papers, or None on a site older than evolve step 28."""
    return getattr(site["dossiers"], "pending_papers", None)


def create(site):
    """Give the site its (empty) list; evolve step 28 and a new site."""
    registry = site["dossiers"]
    if getattr(registry, "pending_papers", None) is None:
        registry.pending_papers = OOTreeSet()
    return registry.pending_papers


def queue(site, dossier, paper):
    """Put ``paper`` on the list; False when the site has none (render it now instead)."""
    found = pending_list(site)
    if found is None:
        return False
    found.add((time.time(), dossier.code, paper.id))
    jar = site["dossiers"]._p_jar
    txn = jar.transaction_manager.get() if jar is not None else None
    if txn is not None:
        try:
            txn.data(listeners)
        except KeyError:                 # the first paper this transaction queues
            txn.set_data(listeners, True)
            txn.addAfterCommitHook(_tell, (jar.db(),))
    return True


def _tell(committed, db):
    if committed:
        for listener in list(listeners):
            listener(db)


def oldest(site, n=1, skip=()):
    """Up to ``n`` keys of the list, oldest first, leaving out those in ``skip``."""
    found = pending_list(site)
    keys = []
    for key in found or ():
        if key not in skip:
            keys.append(key)
            if len(keys) >= n:
                break
    return keys


def paper_of(site, key):
    """The paper a key names (None if its dossier or paper is gone)."""
    _, code, paper_id = key
    dossier = site["dossiers"].get(code)
    folder = getattr(dossier, "papers", None)
    return folder.get(paper_id) if folder is not None else None


def render_one(site, key, font_dir=None):
    """Render and store the paper ``key`` names and take it off the list.

    Raises what rendering raises (the caller logs it with the dossier code);
    the paper then stays pending.
    """
    paper = paper_of(site, key)
    if paper is not None and not paper.ready:
        paper.settle(paper.render(font_dir))
    pending_list(site).remove(key)


def render_pending(site, press, limit=None):
    """Render the oldest pending papers (all, or ``limit``) in the current transaction.

    A paper that fails to render is logged with its dossier code (never a
    personal detail) and left pending; returns how many were stored.
    """
    done, failed = 0, set()
    while limit is None or done < limit:
        keys = oldest(site, 1, failed)
        if not keys:
            break
        try:
            render_one(site, keys[0], press.font_dir)
        except Exception:
            log.exception("paper %s of dossier %s not rendered; it stays pending",
                          keys[0][2], keys[0][1])
            failed.add(keys[0])
            continue
        done += 1
    return done
