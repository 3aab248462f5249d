"""Test fixtures: a real ZODB FileStorage, the real app, WebTest clients.

The demo database is built once per session (``tthc-docs init --demo``'s own
code) into a template folder.  Each test that asks for ``db`` gets a fresh
copy of that FileStorage and its blobs in its own temporary folder, swapped
into the session's app, so tests commit for real and never see each
other's writes.
"""
import shutil
from contextlib import contextmanager

import pytest
import transaction
import ZODB
from webtest import TestApp
from ZODB.FileStorage import FileStorage

from tthc_docs.site.content import get_site
from live_server import _served_app, live_server  # noqa: F401  (fixtures)
from browser_support import (  # noqa: F401  (fixtures of the browser tests, tests/e2e)
    base, browser, e2e_pki, enrolled_leader, paid_dossier, person, walk)

SECRET = "test-secret-" + "x" * 40

TEST_SETTINGS = {
    "tthc_docs.allow_demo": "true",
    "tthc_docs.secure_cookies": "false",
    "tthc_docs.session_secret": SECRET,
    "tthc_docs.argon2_time_cost": "1",
    "tthc_docs.argon2_memory_cost": "8",
    "retry.attempts": "3",
    # no thread between tests: a test that needs stored bytes drains with
    # dossiers.pending.render_pending; tests/functional/test_papers_rendered_when_idle.py
    # runs the idle renderer itself
    "tthc_docs.paper_renderer": "off",
}


def _uri(folder):
    return f"file://{folder}/Data.fs?blobstorage_dir={folder}/blobs"


def open_file_db(folder):
    """A ZODB.DB on the FileStorage in ``folder`` (with its blob directory)."""
    return ZODB.DB(FileStorage(str(folder / "Data.fs"), blob_dir=str(folder / "blobs")))


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory):
    """A FileStorage holding the demo site, built once per test session."""
    from tthc_docs import config as app_config
    from tthc_docs.cli import init_site
    from tthc_docs.people.content import configure_hasher
    folder = tmp_path_factory.mktemp("template-db")
    settings = app_config.normalize(dict(TEST_SETTINGS, **{"zodbconn.uri": _uri(folder)}))
    configure_hasher(1, 8)
    db = open_file_db(folder)
    conn = db.open()
    try:
        init_site(conn.root(), settings, demo=True)
    finally:
        transaction.abort()
        conn.close()
        db.close()
    return folder


@pytest.fixture(scope="session")
def settings(template_dir):
    """The settings the test app runs with."""
    return dict(TEST_SETTINGS, **{"zodbconn.uri": _uri(template_dir)})


@pytest.fixture(scope="session")
def app(settings):
    """The WSGI app (a Pyramid Router), built once per session."""
    from tthc_docs import main
    return main({}, **settings)


@pytest.fixture
def db(app, template_dir, tmp_path):
    """A fresh copy of the demo database for this test, served by ``app``."""
    folder = tmp_path / "db"
    folder.mkdir()
    for name in ("Data.fs", "Data.fs.index"):
        if (template_dir / name).exists():
            shutil.copy2(template_dir / name, folder / name)
    shutil.copytree(template_dir / "blobs", folder / "blobs")
    database = open_file_db(folder)
    databases = app.registry._zodb_databases
    previous = databases[""]
    databases[""] = database
    # one-time-code failures are counted in process memory: each test starts afresh
    app.registry.totp_throttle = None
    # kept pages too: another test's copy of the demo has the same serials, other settings
    pages = getattr(app.registry, "tthc_pages", None)
    if pages is not None:
        pages.clear()
    yield database
    databases[""] = previous
    database.close()


@pytest.fixture
def site_and_tm(db):
    """The demo site on its own connection and explicit transaction manager (evolve step tests)."""
    tm = transaction.TransactionManager(explicit=True)
    conn = db.open(transaction_manager=tm)
    tm.begin()
    yield get_site(conn), tm
    tm.abort()
    conn.close()


@pytest.fixture
def edit_site(db):
    """``with edit_site() as site:`` changes the site directly; commits on exit."""
    @contextmanager
    def opened():
        tm = transaction.TransactionManager(explicit=True)
        conn = db.open(transaction_manager=tm)
        tm.begin()
        try:
            yield get_site(conn)
            tm.commit()
        except BaseException:
            tm.abort()
            raise
        finally:
            conn.close()
    return opened


@pytest.fixture
def anon(app, db):
    """An anonymous WebTest client on this test's database."""
    return TestApp(app, extra_environ={"HTTP_HOST": "example.com", "REMOTE_ADDR": "10.0.0.1"})


def logged_in(app, login_name, password="demo-password", address="10.0.0.2"):
    """A WebTest client logged in through ``POST /@@login`` with its CSRF header set."""
    client = TestApp(app, extra_environ={"HTTP_HOST": "example.com", "REMOTE_ADDR": address})
    res = client.post_json("/@@login", {"login": login_name, "password": password})
    client.extra_environ["HTTP_X_CSRF_TOKEN"] = res.json["csrf_token"]
    client.session_info = res.json
    return client


@pytest.fixture
def login(app, db):
    """``login('citizen1')`` -> a logged-in WebTest client (JSON-ready, CSRF header set)."""
    return lambda name, **kw: logged_in(app, name, **kw)


def pytest_collection_modifyitems(config, items):
    """Mark the browser tests ``e2e``; leave them out unless asked for.

    They take minutes on a shared machine, so a plain ``pytest`` skips them;
    ``make test`` (``-m "e2e or not e2e"``) and ``make e2e`` (``-m e2e``) run
    them, as does naming tests/e2e or one of its files.
    """
    ours = [item for item in items if '/tests/e2e/' in str(item.fspath)]
    for item in ours:
        item.add_marker(pytest.mark.e2e)
    asked = 'e2e' in (config.option.markexpr or '') or any(
        'e2e' in str(arg) for arg in config.args)
    if ours and not asked:
        config.hook.pytest_deselected(items=ours)
        items[:] = [item for item in items if item not in ours]
