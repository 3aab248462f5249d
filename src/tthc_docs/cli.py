"""The ``tthc-docs`` command: init, migrate, and the subcommands families add.

Each subcommand is a function ``(args) -> int`` registered in ``COMMANDS``
with a function that adds its arguments; a family adds one line here.
"""
import argparse
import importlib
import logging
import sys
from contextlib import contextmanager

import transaction
import zodburi
from pyramid.paster import get_appsettings, setup_logging
from ZODB import DB

from tthc_docs import config as app_config
from tthc_docs import storage
from tthc_docs.people.content import configure_hasher
from tthc_docs.site.content import SITE_KEY, Site, get_site

log = logging.getLogger("tthc_docs.cli")


def load_settings(config_uri):
    """The app's normalised settings from an .ini file."""
    setup_logging(config_uri)
    settings = app_config.normalize(get_appsettings(config_uri))
    configure_hasher(settings["tthc_docs.argon2_time_cost"],
                     settings["tthc_docs.argon2_memory_cost"])
    return settings


def open_db(settings):
    """A ZODB.DB from the settings' zodburi (FileStorage, ZEO or RelStorage)."""
    storage.prepare(settings)
    factory, dbkw = zodburi.resolve_uri(settings["zodbconn.uri"])
    return DB(factory(), **dbkw)


@contextmanager
def opened_root(settings):
    db = open_db(settings)
    conn = db.open()
    try:
        yield conn.root()
    finally:
        transaction.abort()
        conn.close()
        db.close()


def init_site(root, settings, demo=False):
    """Create the Site, apply every evolve step, optionally load demo data."""
    from tthc_docs import migrations
    from tthc_docs.migrations import classpaths
    if SITE_KEY not in root:
        root[SITE_KEY] = Site()
        root[classpaths.LAYOUT_KEY] = classpaths.LAYOUT
        transaction.commit()
    site = root[SITE_KEY]
    migrations.evolve(site, settings=settings)
    if demo:
        if not settings["tthc_docs.allow_demo"]:
            raise SystemExit("refused: demo data needs tthc_docs.allow_demo = true in the config")
        from tthc_docs.demo import load_demo
        if not load_demo(site, settings):
            log.info("demo data already present")
        transaction.commit()
    return site


def cmd_init(args):
    settings = load_settings(args.config)
    with opened_root(settings) as root:
        init_site(root, settings, demo=args.demo)
    print("site ready" + (" with demo data" if args.demo else ""))
    return 0


def cmd_migrate(args):
    from tthc_docs import migrations
    settings = load_settings(args.config)
    moved = update_class_paths(settings)
    with opened_root(settings) as root:
        site = get_site(root._p_jar)
        done = migrations.evolve(site, settings=settings)
        reports = [line for n in done for line in migrations.report(site, n)]
    for line in reports:
        print(line)
    if moved:
        print("class paths rewritten to the layout by concept")
    print(f"applied steps: {done}" if done else "database already current")
    return 0


def cmd_sessions_clean(args):
    """Remove every expired session (each request also removes a few)."""
    import time
    settings = load_settings(args.config)
    with opened_root(settings) as root:
        removed = get_site(root._p_jar).sessions.clean(time.time())
        transaction.commit()
    print(f"expired sessions removed: {removed}")
    return 0


def update_class_paths(settings):
    """Rewrite the class paths of a database written before the move (issue 10); True if done."""
    from tthc_docs.migrations import classpaths
    with opened_root(settings) as root:
        if classpaths.layout(root) >= classpaths.LAYOUT:
            return False
    factory, _ = zodburi.resolve_uri(settings["zodbconn.uri"])
    storage = factory()
    try:
        classpaths.rewrite_class_paths(storage)
    finally:
        storage.close()
    with opened_root(settings) as root:
        root[classpaths.LAYOUT_KEY] = classpaths.LAYOUT
        transaction.commit()
    log.info("class paths rewritten to layout %d", classpaths.LAYOUT)
    return True


def _config_only(parser):
    parser.add_argument("config", help="the .ini file, e.g. development.ini")


def _init_args(parser):
    _config_only(parser)
    parser.add_argument("--demo", action="store_true", help="load demo data (development only)")


# name -> (function "module:attr" or callable, add-arguments, help)
COMMANDS = {
    "init": (cmd_init, _init_args, "create the site (and demo data with --demo)"),
    "migrate": (cmd_migrate, _config_only, "apply pending evolve steps"),
    "sessions-clean": (cmd_sessions_clean, _config_only, "remove expired sessions"),
    "dev-pki": ("tthc_docs.signing.commands:cmd_dev_pki", "tthc_docs.signing.commands:add_args",
                "create the development PKI (root CA, agency CAs, leaders, TSA) under var/pki"),
    "dev-csc": ("tthc_docs.signing.commands:cmd_dev_csc", _config_only,
                "serve the development remote signing service (CSC API) on loopback"),
    "retimestamp": ("tthc_docs.signing.archive:cmd_retimestamp", "tthc_docs.signing.archive:add_args",
                    "add an archive timestamp to signed results whose last one is getting old"),
    "import-procedures": ("tthc_docs.catalog.import_export:cmd_import", "tthc_docs.catalog.import_export:import_args",
                          "import a JSON/CSV procedure catalog (all-or-nothing)"),
    "export-procedures": ("tthc_docs.catalog.import_export:cmd_export", "tthc_docs.catalog.import_export:export_args",
                          "export the procedure catalog as JSON or CSV"),
    "generate-catalog": ("tthc_docs.catalog.generate:cmd_generate", "tthc_docs.catalog.generate:add_args",
                         "generate a province-scale procedure catalog (e.g. --procedures 1880)"),
    "generate": ("tthc_docs.demo.generate:cmd_generate", "tthc_docs.demo.generate:add_args",
                 "fill a database at a province's scale (development and benchmarks)"),
    "pack": ("tthc_docs.storage.pack:cmd_pack", "tthc_docs.storage.pack:add_args",
             "pack the database, keeping history N days (--days N)"),
    "backup": ("tthc_docs.storage.backup:cmd_backup", "tthc_docs.storage.backup:add_backup_args",
               "back up the FileStorage (repozo, full or incremental) and its blobs"),
    "restore": ("tthc_docs.storage.backup:cmd_restore", "tthc_docs.storage.backup:add_restore_args",
                "restore a backup (at a date) into the configured, empty places"),
    "sync": ("tthc_docs.sync.sender:cmd_sync", "tthc_docs.sync.sender:add_args",
             "relay the outbox to the national portal (runs until stopped)"),
    "rebuild-indicators": ("tthc_docs.indicators.rebuild:cmd_rebuild", "tthc_docs.indicators.rebuild:add_args",
                           "recompute the Decision 766 indicator counters from the dossiers and report differences"),
}


def _resolve(target):
    if callable(target):
        return target
    module, attr = target.split(":")
    return getattr(importlib.import_module(module), attr)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="tthc-docs")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (func, add_args, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        _resolve(add_args)(p)
        p.set_defaults(func=func)
    args = parser.parse_args(argv)
    try:
        return _resolve(args.func)(args)
    except Exception as exc:
        # What an operator can fix is said in one line; a bug keeps its traceback.
        reason = storage.explain(exc)
        if reason is None:
            raise
        reason = reason.replace("CONFIG", getattr(args, "config", None) or "CONFIG")
        print(f"tthc-docs {args.command}: {reason}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
