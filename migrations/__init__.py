"""Schema evolution: numbered steps, applied in order, one transaction each.

Each step is a module ``evolveNNNN_<what>.py`` in this package with a
docstring saying why, and ``evolve(site)``; a step that needs the
configuration (e.g. to render papers with the public address) declares
``evolve(site, settings)`` and gets the settings ``tthc-docs migrate`` read
(None when run without them).  The site records the last step
applied (``site.evolve_step``) and a note per step in ``site.evolve_log``.
A new database is an empty Site that runs every step, so the steps that
build the tree are exercised on every ``init``. A step that changes data
a person must know about returns report lines; they are logged, kept in
``site.evolve_reports`` and printed by ``tthc-docs migrate``.
"""
import importlib
import inspect
import logging
import pkgutil
import re
from itertools import islice

import transaction
from BTrees.IOBTree import IOBTree

from tthc_docs import timeutil

log = logging.getLogger(__name__)
_STEP_RE = re.compile(r"^evolve(\d{4})_\w+$")


def steps():
    """``[(number, module)]`` of every evolve step, in order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        match = _STEP_RE.match(info.name)
        if match:
            found.append((int(match.group(1)), importlib.import_module(f"{__name__}.{info.name}")))
    found.sort(key=lambda pair: pair[0])
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"evolve steps must be numbered 1..n without gaps: {numbers}")
    return found


def breathe(obj, n, every):
    """After every ``every``-th object a step rewrites: a savepoint, then free the cache.

    Keeps a step over a million dossiers in bounded memory: what was changed
    goes to the savepoint's temporary storage and the connection's cache
    drops what it no longer needs, while the step stays one transaction.
    """
    if n % every == 0:
        jar = obj._p_jar
        jar.transaction_manager.get().savepoint(optimistic=True)
        jar.cacheGC()


def key_chunks(tree, every):
    """The keys of BTree ``tree`` in lists of ``every``, each read before it is handed out,
    so a step may change or delete the keys of a chunk; a savepoint between
    chunks (``breathe``) keeps the step in bounded memory."""
    after = None
    while True:
        chunk = list(islice(tree.keys(min=after, excludemin=after is not None), every))
        if not chunk:
            return
        yield chunk
        after = chunk[-1]


def latest_step():
    """The number of the newest step the code knows."""
    found = steps()
    return found[-1][0] if found else 0


def pending(site):
    """Steps not yet applied to ``site``."""
    return [(n, m) for n, m in steps() if n > site.evolve_step]


def evolve(site, upto=None, tm=transaction.manager, settings=None):
    """Apply pending steps (up to ``upto``), committing after each; returns their numbers."""
    done = []
    for number, module in pending(site):
        if upto is not None and number > upto:
            break
        if "settings" in inspect.signature(module.evolve).parameters:
            report = module.evolve(site, settings)
        else:
            report = module.evolve(site)
        if report:
            _keep_report(site, number, report)
        if getattr(site, "evolve_log", None) is None:
            site.evolve_log = IOBTree()
        note = (module.__doc__ or module.__name__).strip().splitlines()[0]
        site.evolve_log[number] = (timeutil.iso(timeutil.now()), note)
        site.evolve_step = number
        tm.get().note(f"evolve step {number}: {note}")
        tm.commit()
        log.info("applied evolve step %d: %s", number, note)
        done.append(number)
    return done


def _keep_report(site, number, lines):
    """A step that returns report lines has them logged and kept in ``site.evolve_reports``."""
    if getattr(site, "evolve_reports", None) is None:
        site.evolve_reports = IOBTree()
    site.evolve_reports[number] = tuple(lines)
    for line in lines:
        log.info("evolve step %d: %s", number, line)


def report(site, number):
    """The lines step ``number`` reported when it ran (empty if none)."""
    return list((getattr(site, "evolve_reports", None) or {}).get(number, ()))


class DatabaseBehind(RuntimeError):
    """The database is older than the code: run ``tthc-docs migrate``."""


def check_class_paths(root, config_uri="CONFIG"):
    """Refuse a database whose objects still name the modules of before the move."""
    from tthc_docs.migrations import classpaths
    if classpaths.layout(root) < classpaths.LAYOUT:
        raise DatabaseBehind(
            "the database names classes by their paths before the layout by concept: "
            f"run `tthc-docs migrate {config_uri}`")


def check_current(site, config_uri="CONFIG"):
    """Refuse to serve a database that is behind the code."""
    latest = latest_step()
    if site.evolve_step < latest:
        raise DatabaseBehind(
            f"the database is at evolve step {site.evolve_step}, the code needs {latest}: "
            f"run `tthc-docs migrate {config_uri}`")
    if site.evolve_step > latest:
        raise DatabaseBehind(
            f"the database is at evolve step {site.evolve_step}, newer than this code ({latest})")
