"""Build the real app on a fresh demo database for a bench (not a bench itself)."""
import transaction
import ZODB
from webtest import TestApp
from ZODB.FileStorage import FileStorage

BENCH_SETTINGS = {
    "tthc_docs.allow_demo": "true",
    "tthc_docs.secure_cookies": "false",
    "tthc_docs.session_secret": "bench-secret-" + "x" * 40,
    "tthc_docs.argon2_time_cost": "1",
    "tthc_docs.argon2_memory_cost": "8",
}


def demo_settings(folder):
    uri = f"file://{folder}/Data.fs?blobstorage_dir={folder}/blobs&connection_cache_size=50000"
    return dict(BENCH_SETTINGS, **{"zodbconn.uri": uri})


def init_demo(folder, extra=None):
    """Create the demo site in ``folder``; ``extra(site)`` may add data (committed)."""
    from tthc_docs import config as app_config
    from tthc_docs.cli import init_site
    settings = app_config.normalize(demo_settings(folder))
    db = ZODB.DB(FileStorage(str(folder / "Data.fs"), blob_dir=str(folder / "blobs")))
    conn = db.open()
    site = init_site(conn.root(), settings, demo=True)
    if extra is not None:
        extra(site)
        transaction.commit()
    conn.close()
    db.close()


def demo_client(folder, extra=None):
    """A WebTest client of the real app on a new demo database in ``folder``."""
    from tthc_docs import main
    init_demo(folder, extra)
    return TestApp(main({}, **demo_settings(folder)), extra_environ={"HTTP_HOST": "example.com"})


def login(client, name):
    res = client.post_json("/@@login", {"login": name, "password": "demo-password"})
    client.extra_environ["HTTP_X_CSRF_TOKEN"] = res.json["csrf_token"]
    return client
