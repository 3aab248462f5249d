"""Where the data lives: the zodburi's local folders, opening it, and what to say when it fails.

One machine keeps a FileStorage and its blobs under ``var/``; several
processes share a ZEO server or PostgreSQL (RelStorage). Which one is the
zodburi's business alone (``zodbconn.uri``). This package makes what a
fresh folder lacks before the database is opened (the FileStorage's folder,
the blob folders), and turns the failures an operator can fix (a locked
database, a folder that cannot be made, no site yet) into one line saying
what is wrong and what to do. ``pack`` keeps history N days; ``generate``
fills a database at a province's scale.
"""
import os
from urllib.parse import parse_qs, unquote, urlsplit

#: The zodburi query keys that name a local blob folder (FileStorage, ZEO, RelStorage).
BLOB_KEYS = ("blobstorage_dir", "blob_dir")


class StorageProblem(RuntimeError):
    """An operator can fix it; the message says how (one line, no traceback)."""


def local_folders(uri):
    """The folders on this machine that the zodburi ``uri`` writes into."""
    parts = urlsplit(uri)
    query = parse_qs(parts.query)
    folders = []
    if parts.scheme == "file":
        folders.append(os.path.dirname(unquote(parts.path)))
    for key in BLOB_KEYS:
        folders.extend(unquote(v) for v in query.get(key, ()))
    return [f for f in folders if f]


def prepare(settings):
    """Create the folders the configured storages need; StorageProblem if one cannot be made."""
    folders = local_folders(settings.get("zodbconn.uri") or "")
    dev_store = settings.get("tthc_docs.portal.dev_store")
    if dev_store:
        folders.append(os.path.dirname(dev_store))
    for folder in folders:
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise StorageProblem(
                f"cannot create the folder {folder} ({exc.strerror}): create it, or make its "
                f"parent writable by this user, or point zodbconn.uri elsewhere") from exc


def explain(exc):
    """One line for an error an operator can fix; None for a real bug."""
    from ZODB.POSException import StorageError
    from zc.lockfile import LockError

    from tthc_docs.migrations import DatabaseBehind
    from tthc_docs.site.content import SiteMissing
    if isinstance(exc, (StorageProblem, SiteMissing, DatabaseBehind)):
        return str(exc)
    if isinstance(exc, LockError):
        return (f"the database is in use by another process ({exc}): stop that process "
                f"(pserve, another tthc-docs command), or share the database through ZEO")
    if isinstance(exc, FileNotFoundError) and exc.filename and str(exc.filename).endswith(".ini"):
        return f"no configuration file {exc.filename}: give the path of an .ini, e.g. development.ini"
    if isinstance(exc, (ConnectionError, StorageError)) or type(exc).__module__.startswith("ZEO"):
        return (f"the database server cannot be reached ({type(exc).__name__}: {exc}): "
                f"start it (runzeo, PostgreSQL) or check zodbconn.uri")
    return None


def drop_activity_monitors(registry):
    """Take off the ZODB ``ActivityMonitor`` that pyramid_zodbconn puts on each database.

    It keeps one (time, loads, stores) tuple per closed connection, that is
    per request, for an hour, for ``getActivityAnalysis()``, which nothing
    here calls: at the HTTP bench's rates that was ~100 bytes a request and
    several MiB of the serving process (issue 15, mem15), and in production
    it would hold an hour of traffic.
    """
    for db in getattr(registry, "_zodb_databases", {}).values():
        db.setActivityMonitor(None)
