"""Recompute the counters from the objects themselves, and say where they disagreed.

``tthc-docs rebuild-indicators CONFIG`` walks every dossier, complaint and
procedure once (the only place that does), computes each one's
contribution with the same ``facts`` the write hooks use, and compares the
result with the stored counters. Disagreements are printed (a hook that
was skipped, a days-off entry added after a dossier finished, a database
restored from an older backup) and the recomputed counters replace the
stored ones, unless ``--check`` asks only to compare. Evolve step 11 uses
``fill`` to build the counters of an existing database.
"""
import transaction

from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.indicators import facts
from tthc_docs.indicators.counters import IndicatorStore
from tthc_docs.indicators.hooks import STORE

PROGRESS_EVERY = 10000


def fill(site, store, commit_every=None):
    """Add every object's contribution to ``store`` (an empty one); returns the count."""
    calendar = calendar_for(site)
    n = 0
    for code, dossier in site['dossiers'].items():
        store.put(('d', code), *facts.dossier(dossier, site, calendar))
        n += 1
        if commit_every and n % commit_every == 0 and site._p_jar is not None:
            # a savepoint lets the cache shed what was read (a million dossiers)
            site._p_jar.transaction_manager.get().savepoint(optimistic=True)
    feedback = site.get('feedback')
    for item_id, item in (feedback.items() if feedback is not None else ()):
        store.put(('f', item_id), *facts.feedback(item))
    for code, procedure in site['procedures'].items():
        store.put(('p', code), *facts.procedure(procedure))
    return n


def recompute(site):
    """A fresh store filled from the objects (not attached to the site)."""
    fresh = IndicatorStore()
    fill(site, fresh, commit_every=PROGRESS_EVERY)
    return fresh


def differences(stored, fresh, limit=50):
    """``[(key, stored, recomputed)]`` where the two disagree (at most ``limit``)."""
    a, b = stored.snapshot(), fresh.snapshot()
    found = []
    for key in sorted(set(a) | set(b), key=repr):
        if a.get(key, 0) != b.get(key, 0):
            found.append((key, a.get(key, 0), b.get(key, 0)))
            if len(found) >= limit:
                break
    return found


def rebuild(site, check_only=False):
    """Compare and (unless ``check_only``) replace; returns the differences."""
    fresh = recompute(site)
    stored = site.get(STORE)
    diffs = differences(stored, fresh) if stored is not None else [(('store',), 0, 'missing')]
    if not check_only:
        if stored is not None:
            site.remove(STORE)
        site.add(STORE, fresh)
    return diffs


def add_args(parser):
    parser.add_argument('config', help='the .ini file, e.g. development.ini')
    parser.add_argument('--check', action='store_true',
                        help='only compare the counters with a recomputation; change nothing')


def cmd_rebuild(args):
    from tthc_docs.cli import load_settings, opened_root
    from tthc_docs.site.content import get_site
    settings = load_settings(args.config)
    with opened_root(settings) as root:
        site = get_site(root._p_jar)
        diffs = rebuild(site, check_only=args.check)
        for key, stored, fresh in diffs:
            print(f'differs: {key}: stored {stored}, recomputed {fresh}')
        if not args.check:
            transaction.get().note('rebuild-indicators')
            transaction.commit()
    print('counters agree with the dossiers' if not diffs else
          f'{len(diffs)} difference(s)' + (' (counters replaced)' if not args.check else ''))
    return 1 if diffs and args.check else 0
