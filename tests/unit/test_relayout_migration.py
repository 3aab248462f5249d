"""A database written before the layout by concept opens after ``tthc-docs migrate``.

``tests/data/pre-relayout-db.tar.gz`` is the demo database as ``tthc-docs
init --demo`` wrote it with the code of before issue 10 (packed): every
object in it names a module such as ``tthc_docs.resources.dossiers``.
"""
import tarfile
from pathlib import Path

import pytest
import transaction
from webtest import TestApp
from ZODB.broken import Broken
from ZODB.FileStorage import FileStorage

from tthc_docs.cli import main as cli
from tthc_docs.migrations import DatabaseBehind, classpaths

from conftest import TEST_SETTINGS, _uri, open_file_db

FIXTURE = Path(__file__).parent.parent / "data" / "pre-relayout-db.tar.gz"


@pytest.fixture
def old_db(tmp_path):
    """The old database unpacked, and an .ini that serves it."""
    with tarfile.open(FIXTURE) as archive:
        archive.extractall(tmp_path, filter="data")
    ini = tmp_path / "old.ini"
    lines = [f"{key} = {value}" for key, value in TEST_SETTINGS.items()]
    ini.write_text("[app:main]\nuse = egg:tthc-docs\n"
                   f"zodbconn.uri = {_uri(tmp_path)}\n" + "\n".join(lines) + "\n")
    return tmp_path, ini


def _class_paths(folder):
    """The module of every class named by the current records."""
    modules = set()
    storage = FileStorage(str(folder / "Data.fs"), read_only=True)
    try:
        for txn in storage.iterator():
            for record in txn:
                if record.data:
                    modules.update(part.split(b"\n")[0] for part in record.data.split(b"tthc_docs.")[1:])
    finally:
        storage.close()
    return modules


def test_the_app_refuses_the_old_database_and_names_the_command(old_db):
    from tthc_docs import main
    folder, ini = old_db
    with pytest.raises(DatabaseBehind, match="tthc-docs migrate"):
        main({"__file__": str(ini)}, **dict(TEST_SETTINGS, **{"zodbconn.uri": _uri(folder)}))


def test_migrate_rewrites_every_class_path_and_every_object_loads(old_db):
    folder, ini = old_db
    assert any(m.startswith(b"resources") for m in _class_paths(folder))
    assert cli(["migrate", str(ini)]) == 0

    db = open_file_db(folder)
    try:
        conn = db.open()
        assert conn.root()[classpaths.LAYOUT_KEY] == classpaths.LAYOUT
        kinds = set()
        for txn in db.storage.iterator():
            for record in txn:
                obj = conn.get(record.oid)
                obj._p_activate()
                assert not isinstance(obj, Broken), record.oid
                kinds.add(f"{type(obj).__module__}.{type(obj).__name__}")
        transaction.abort()
        conn.close()
    finally:
        db.close()
    expected = {"tthc_docs.site.content.Site", "tthc_docs.dossiers.content.Dossier",
                "tthc_docs.dossiers.indexes.SortedIndex", "tthc_docs.dossiers.codes.DailyCounter",
                "tthc_docs.dossiers.daysoff.DaysOffRegistry", "tthc_docs.vaults.content.Vault",
                "tthc_docs.vaults.documents.Document", "tthc_docs.vaults.accesslog.AccessLog",
                "tthc_docs.catalog.content.Procedure", "tthc_docs.catalog.index.ProcedureIndex",
                "tthc_docs.eforms.content.FormVersion", "tthc_docs.people.content.Account",
                "tthc_docs.people.agencies.Agency"}
    assert expected <= kinds
    # Old module names are gone from the records the database serves now.
    db = open_file_db(folder)
    db.pack()
    db.close()
    assert not any(m.startswith((b"resources", b"codes", b"accesslog")) for m in _class_paths(folder))


def test_the_migrated_database_serves_its_pages(old_db):
    from tthc_docs import main
    folder, ini = old_db
    assert cli(["migrate", str(ini)]) == 0
    app = main({"__file__": str(ini)}, **dict(TEST_SETTINGS, **{"zodbconn.uri": _uri(folder)}))
    try:
        client = TestApp(app, extra_environ={"HTTP_HOST": "example.com"})
        assert "Thủ tục" in client.get("/procedures/").text
        token = client.post_json("/@@login", {"login": "citizen1", "password": "demo-password"})
        client.extra_environ["HTTP_X_CSRF_TOKEN"] = token.json["csrf_token"]
        vault = client.get("/@@my-vault", headers={"Accept": "application/json"}).follow(
            headers={"Accept": "application/json"})
        assert vault.json["documents"]
        mine = client.get("/@@my-dossiers", headers={"Accept": "application/json"}).json
        assert mine
    finally:
        app.registry._zodb_databases[""].close()


def test_migrate_twice_rewrites_once(old_db):
    folder, ini = old_db
    assert cli(["migrate", str(ini)]) == 0
    size = (folder / "Data.fs").stat().st_size
    assert cli(["migrate", str(ini)]) == 0
    assert (folder / "Data.fs").stat().st_size == size
