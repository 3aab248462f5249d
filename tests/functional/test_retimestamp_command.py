"""Journey: `tthc-docs retimestamp CONFIG` renews the archive timestamp of an issued result.

A leader signs a result (B-LTA); the citizen reuses it in a second dossier;
the command, run as its own process on a real .ini and the test's
FileStorage, finds it due (the margin reaches past the TSA certificate's
end) and adds a document timestamp. The result stays one vault document
(``Document.revise``): a new version, the old bytes its prefix, found by
its old and its new SHA-256, still resolved by both dossiers, still B-LTA
and intact.
"""
import subprocess
import sys

import pytest

from conftest import open_file_db
from dossier_support import (  # noqa: F401
    CODE, apply, clock, docs, get, pki_dir, procedure, publish_procedure, signing, walk_to,
)
from tthc_docs.signing.sign import load_certs
from tthc_docs.signing.verify import verify_pdf
from tthc_docs.site.content import get_site

ISSUING = "9.990088"


@pytest.fixture
def reused(login, edit_site, procedure, docs, signing):
    """(issuing dossier, reusing dossier, document id): citizen1 files with the issued result."""
    with edit_site() as site:
        publish_procedure(site, ISSUING, result_doc_type="giay-khai-sinh")
    first = apply(login("citizen1"), docs, code=ISSUING).json["code"]
    walk_to(login, first, "result_ready", edit_site)
    doc_id = get(login("citizen1"), first).json["results"][0]["document"]
    second = apply(login("citizen1"), dict(docs, **{"giay-khai-sinh": doc_id}), code=CODE)
    return first, second.json["code"], doc_id


def _ini(tmp_path, pki, margin_days):
    folder = tmp_path / "db"
    ini = tmp_path / "retimestamp.ini"
    ini.write_text(f"""[app:main]
use = egg:tthc-docs
zodbconn.uri = file://{folder}/Data.fs?blobstorage_dir={folder}/blobs
tthc_docs.session_secret = {"s" * 40}
tthc_docs.pki_dir = {pki.dir}
tthc_docs.trust_roots = {pki.root_cert_path}
tthc_docs.retimestamp_margin_days = {margin_days}
tthc_docs.public_url = https://dvc.example.gov.vn
""")
    return ini


def _run(ini):
    return subprocess.run([sys.executable, "-m", "tthc_docs.cli", "retimestamp", str(ini)],
                          capture_output=True, text=True, timeout=120)


def _document(folder, vault_id, doc_id):
    database = open_file_db(folder)
    try:
        conn = database.open()
        site = get_site(conn)
        doc = site["vaults"][vault_id].get_document(doc_id)
        return doc, site, conn, database
    except Exception:
        database.close()
        raise


def test_the_command_renews_a_due_result_as_a_new_version(login, edit_site, reused, db, signing,
                                                           tmp_path):
    first, second, doc_id = reused
    with edit_site() as site:
        vault = site["vaults"].for_owner("citizen1")
        vault_id, before = vault.id, vault.get_document(doc_id).read()
        count = len(vault.documents)
    db.close()   # the command opens the FileStorage itself, as it would beside a stopped server
    out = _run(_ini(tmp_path, signing, margin_days=4000))   # the dev TSA lives 3000 days
    assert out.returncode == 0 and "archive timestamps added: 1" in out.stdout, out.stderr
    doc, site, conn, database = _document(tmp_path / "db", vault_id, doc_id)
    try:
        after, folder = doc.read(), doc.__parent__
        assert after.startswith(before) and len(after) > len(before)
        assert [v["note"] for v in doc.versions] == ["Bổ sung dấu thời gian lưu trữ (PAdES B-LTA)"]
        assert folder.by_sha[doc.versions[0]["sha256"]] == folder.by_sha[doc.sha256] == doc_id
        assert len(folder) == count
        results = site["dossiers"][first].results[-1]
        attached = [a["document"] for a in site["dossiers"][second].attachments]
        assert results["document"] == doc_id and doc_id in attached
        report = verify_pdf(after, load_certs([signing.root_cert_path]))
        assert (report["level"], report["intact"], report["trusted"]) == ("B-LTA", True, True)
        assert "dấu thời gian lưu trữ" in report["added_after_signing"]
    finally:
        conn.close()
        database.close()


def test_the_command_leaves_a_fresh_result_alone(login, edit_site, reused, db, signing, tmp_path):
    _first, _second, doc_id = reused
    with edit_site() as site:
        vault = site["vaults"].for_owner("citizen1")
        vault_id, sha = vault.id, vault.get_document(doc_id).sha256
    db.close()
    out = _run(_ini(tmp_path, signing, margin_days=730))
    assert out.returncode == 0 and "archive timestamps added: 0" in out.stdout, out.stderr
    doc, _site, conn, database = _document(tmp_path / "db", vault_id, doc_id)
    try:
        assert (doc.sha256, doc.versions) == (sha, ())
    finally:
        conn.close()
        database.close()
