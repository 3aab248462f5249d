"""The tthc-docs command: init (with and without demo), migrate, the demo guard."""
import pytest
import transaction
import ZODB
from ZODB.FileStorage import FileStorage

from tthc_docs import cli
from tthc_docs.site.content import SITE_KEY

INI = """[app:main]
use = egg:tthc-docs
zodbconn.uri = file://{folder}/Data.fs?blobstorage_dir={folder}/blobs
tthc_docs.session_secret = cli-test-secret-0123456789abcdefghijklmnop
tthc_docs.allow_demo = {demo}
tthc_docs.public_url = https://dvc.example.gov.vn
tthc_docs.argon2_time_cost = 1
tthc_docs.argon2_memory_cost = 8
"""


def write_ini(folder, demo):
    path = folder / "test.ini"
    path.write_text(INI.format(folder=folder, demo="true" if demo else "false"))
    return str(path)


def site_of(folder):
    db = ZODB.DB(FileStorage(str(folder / "Data.fs"), blob_dir=str(folder / "blobs")))
    conn = db.open()
    try:
        site = conn.root()[SITE_KEY]
        return site.evolve_step, sorted(site), sorted(site["people"])
    finally:
        transaction.abort()
        conn.close()
        db.close()


def test_init_creates_an_empty_current_site(tmp_path):
    assert cli.main(["init", write_ini(tmp_path, demo=False)]) == 0
    step, children, people = site_of(tmp_path)
    assert step >= 1 and "dossiers" in children and people == []


def test_init_demo_is_refused_without_allow_demo(tmp_path):
    with pytest.raises(SystemExit, match="allow_demo"):
        cli.main(["init", write_ini(tmp_path, demo=False), "--demo"])


def test_init_demo_creates_the_demo_accounts(tmp_path):
    cli.main(["init", write_ini(tmp_path, demo=True), "--demo"])
    _, _, people = site_of(tmp_path)
    assert {"citizen1", "citizen2", "editor1", "reception1", "specialist1", "leader1",
            "admin"} <= set(people)


def test_init_twice_keeps_the_data(tmp_path):
    ini = write_ini(tmp_path, demo=True)
    cli.main(["init", ini, "--demo"])
    cli.main(["init", ini, "--demo"])
    _, _, people = site_of(tmp_path)
    assert people.count("citizen1") == 1


def test_migrate_on_a_current_database_does_nothing(tmp_path, capsys):
    ini = write_ini(tmp_path, demo=False)
    cli.main(["init", ini])
    cli.main(["migrate", ini])
    assert "already current" in capsys.readouterr().out


def test_production_without_a_public_address_is_refused():
    import pytest
    from tthc_docs import config
    with pytest.raises(ValueError, match="public_url"):
        config.normalize({"tthc_docs.session_secret": "s" * 40})


def test_development_defaults_the_public_address_to_the_served_port():
    from tthc_docs import config
    settings = config.normalize({"tthc_docs.session_secret": "s" * 40,
                                 "tthc_docs.allow_demo": "true"}, {"http_port": "7000"})
    assert config.public_url(settings) == "http://127.0.0.1:7000"


def test_the_public_address_loses_its_trailing_slash():
    from tthc_docs import config
    settings = config.normalize({"tthc_docs.session_secret": "s" * 40,
                                 "tthc_docs.public_url": "https://dvc.example.gov.vn/"})
    assert config.public_url(settings) == "https://dvc.example.gov.vn"


def test_papers_are_dated_at_the_configured_place_thai_nguyen_by_default():
    from tthc_docs import config
    from tthc_docs.dossiers.press import Press
    base = {"tthc_docs.session_secret": "s" * 40, "tthc_docs.allow_demo": "true"}
    assert Press.from_settings(config.normalize(base)).place == "Thái Nguyên"
    moved = config.normalize(dict(base, **{"tthc_docs.place_name": "Phổ Yên"}))
    assert Press.from_settings(moved).place == config.place_name(moved) == "Phổ Yên"
