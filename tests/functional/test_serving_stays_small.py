"""Serving pages loads neither pyHanko nor reportlab (issue 15: the process under 150 MiB).

pyHanko with asn1crypto, cryptography and aiohttp weighs ~30 MiB in a
process, reportlab with qrcode and Pillow ~10 MiB; they are imported only
where a signature is made or checked or a paper rendered
(``tthc_docs.lazy``); the PostgreSQL driver (~4 MiB) only where the
zodburi may reach PostgreSQL. One module-level import of them in a module the app
loads at start-up (a view module, or the module of a persistent class ZODB
loads with the site) would bring them all back silently: this test serves
the pages of ``tests/bench/bench_http.py`` the way production does
(``production.ini`` through PasteDeploy, waitress on loopback) in a process
of its own, and reads its ``sys.modules``.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import SECRET, _uri

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("serve_and_list_modules.py")
HTML, JSON = "text/html", "application/json"


def production_ini(folder):
    """``production.ini`` pointed at the database in ``folder``, with argon2 at test cost."""
    text = (ROOT / "production.ini").read_text()
    text = re.sub(r"(?m)^zodbconn\.uri = .*$", "zodbconn.uri = " + _uri(folder), text)
    text = re.sub(r"(?m)^tthc_docs\.pki_dir = .*$", f"tthc_docs.pki_dir = {folder}/pki", text)
    text = re.sub(r"(?m)^tthc_docs\.trust_roots = .*$", "tthc_docs.trust_roots =", text)
    text = re.sub(r"(?m)^tthc_docs\.argon2_time_cost = .*$", "tthc_docs.argon2_time_cost = 1", text)
    text = re.sub(r"(?m)^tthc_docs\.argon2_memory_cost = .*$", "tthc_docs.argon2_memory_cost = 8",
                  text)
    ini = folder / "production.ini"
    ini.write_text(text)
    return ini


@pytest.fixture
def served_copy(template_dir, tmp_path):
    """A copy of the demo database of its own (a FileStorage is opened by one process)."""
    folder = tmp_path / "served"
    folder.mkdir()
    for name in ("Data.fs", "Data.fs.index"):
        if (template_dir / name).exists():
            shutil.copy2(template_dir / name, folder / name)
    shutil.copytree(template_dir / "blobs", folder / "blobs")
    return folder


def bench_pages(anon, login):
    """The GET pages ``bench_http.py`` loads: [path, accept, login, expected status]."""
    found = anon.get("/procedures/?q=ho+tich", headers={"Accept": JSON}).json["items"]
    procedure = re.sub(r"^https?://[^/]+", "", found[0]["url"])
    citizen = login("citizen1")
    vault = re.sub(r"^https?://[^/]+", "", citizen.session_info["vault"])
    mine = citizen.get("/@@my-dossiers", headers={"Accept": JSON}).json["items"]
    dossier = next(d for d in mine if d["status"] == "received")["code"]
    return [
        [procedure, HTML, None, 200], [procedure, JSON, None, 200],
        ["/procedures/?q=ho+tich", HTML, None, 200], ["/procedures/?q=ho+tich", JSON, None, 200],
        ["/", HTML, None, 200], [f"/@@track?code={quote(dossier)}", HTML, None, 200],
        ["/@@track?code=000.00.20.H55-270203-9999", HTML, None, 404],
        ["/@@verify", HTML, None, 200],
        [vault, HTML, "citizen1", 200], [f"/dossiers/{quote(dossier)}", HTML, "citizen1", 200],
        ["/@@queue", HTML, "reception1", 200], [f"/dossiers/{quote(dossier)}", HTML, "reception1", 200],
        [procedure + "@@apply", HTML, "citizen1", 200],
    ]


def test_serving_pages_loads_neither_pyhanko_nor_reportlab(served_copy, anon, login):
    pages = bench_pages(anon, login)
    env = dict(os.environ, TTHC_DOCS_SESSION_SECRET=SECRET)
    done = subprocess.run([sys.executable, str(CHILD), str(production_ini(served_copy))],
                          input=json.dumps(pages), capture_output=True, text=True, env=env,
                          cwd=served_copy, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["statuses"] == [expected for *_, expected in pages]
    assert answer["loaded"] == []


def test_the_probe_sees_a_heavy_import(served_copy):
    """The child really reports what is loaded: signing a page's worth of imports shows."""
    code = ("import sys, runpy; sys.argv = ['x', sys.argv[1]]; "
            "import tthc_docs.signing.verify; "
            f"runpy.run_path({str(CHILD)!r}, run_name='__main__')")
    env = dict(os.environ, TTHC_DOCS_SESSION_SECRET=SECRET)
    done = subprocess.run([sys.executable, "-c", code, str(production_ini(served_copy))],
                          input="[]", capture_output=True, text=True, env=env, cwd=served_copy,
                          timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])["loaded"]
    assert "pyhanko" in loaded and "asn1crypto" in loaded


def test_no_hour_long_log_of_every_request(app):
    """pyramid_zodbconn puts a ZODB ActivityMonitor on the database: a tuple per request,
    kept an hour, read by nothing here (several MiB after the HTTP bench). main takes it off."""
    databases = app.registry._zodb_databases
    assert databases and all(db.getActivityMonitor() is None for db in databases.values())
