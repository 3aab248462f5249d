"""The evolve runner: steps in order, one transaction each, stale databases refused."""
import pytest
import transaction
import ZODB
from ZODB.FileStorage import FileStorage

from tthc_docs import migrations
from tthc_docs.site.content import SITE_KEY, Site


@pytest.fixture
def old_root(tmp_path):
    """A FileStorage holding a site built by no step at all (the oldest shape)."""
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs"), blob_dir=str(tmp_path / "blobs")))
    conn = db.open()
    conn.root()[SITE_KEY] = Site()
    transaction.commit()
    yield conn.root()
    transaction.abort()
    conn.close()
    db.close()


def test_steps_are_numbered_from_one_without_gaps():
    numbers = [n for n, _ in migrations.steps()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_every_step_has_a_docstring_saying_why():
    for _, module in migrations.steps():
        assert (module.__doc__ or "").strip()


def test_evolve_applies_every_pending_step_and_records_the_last(old_root):
    site = old_root[SITE_KEY]
    done = migrations.evolve(site)
    assert done == [n for n, _ in migrations.steps()]
    assert site.evolve_step == migrations.latest_step()
    assert set(site.evolve_log.keys()) == set(done)


def test_step_one_builds_the_content_tree(old_root):
    site = old_root[SITE_KEY]
    migrations.evolve(site, upto=1)
    assert {"procedures", "forms", "agencies", "people", "vaults", "dossiers"} <= set(site)


def test_evolve_is_idempotent(old_root):
    site = old_root[SITE_KEY]
    migrations.evolve(site)
    assert migrations.evolve(site) == []


def test_each_step_commits_on_its_own(old_root):
    site = old_root[SITE_KEY]
    migrations.evolve(site, upto=1)
    transaction.abort()  # nothing pending: step 1 was already committed
    assert site.evolve_step == 1 and "people" in site


def test_a_database_behind_the_code_is_refused_with_the_command(old_root):
    site = old_root[SITE_KEY]
    with pytest.raises(migrations.DatabaseBehind, match="tthc-docs migrate dev.ini"):
        migrations.check_current(site, "dev.ini")


def test_a_current_database_is_accepted(old_root):
    site = old_root[SITE_KEY]
    migrations.evolve(site)
    migrations.check_current(site)


def test_app_refuses_to_serve_a_stale_database(tmp_path):
    from conftest import TEST_SETTINGS
    from tthc_docs import main
    folder = tmp_path / "stale"
    folder.mkdir()
    db = ZODB.DB(FileStorage(str(folder / "Data.fs"), blob_dir=str(folder / "blobs")))
    conn = db.open()
    conn.root()[SITE_KEY] = Site()
    transaction.commit()
    conn.close()
    db.close()
    uri = f"file://{folder}/Data.fs?blobstorage_dir={folder}/blobs"
    with pytest.raises(migrations.DatabaseBehind, match="tthc-docs migrate"):
        main({"__file__": "x.ini"}, **dict(TEST_SETTINGS, **{"zodbconn.uri": uri}))
