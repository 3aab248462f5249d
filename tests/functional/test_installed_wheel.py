"""An installed wheel serves pages and migrates, like a checkout.

The project is copied (without compiled catalogs or caches), built into a
wheel with the venv's setuptools and installed with ``pip --target`` into a
folder of its own.  Then, in subprocesses that see that folder first on
their path, and not the checkout (asserted), ``tthc-docs init --demo``
builds a site, ``tthc-docs migrate`` brings the database of before the
layout by concept (``tests/data/pre-relayout-db.tar.gz``) to the current
shape, and the app built from the .ini serves pages of both from the
installed templates, static files and compiled English catalog.
"""
import os
import shutil
import subprocess
import sys
import tarfile
import textwrap
from pathlib import Path

import pytest

from conftest import TEST_SETTINGS, _uri

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("setup.py", "setup.cfg", "pyproject.toml", "README.md", "src", "templates", "migrations")
OLD_DB = ROOT / "tests" / "data" / "pre-relayout-db.tar.gz"

# Run in the subprocess: the app from the .ini, a few pages as a browser sees them.
SERVE = textwrap.dedent("""
    import sys
    import tthc_docs, tthc_docs.templates, tthc_docs.migrations
    target, ini = sys.argv[1:3]
    for module in (tthc_docs, tthc_docs.templates, tthc_docs.migrations):
        assert module.__file__.startswith(target), module.__file__
    from pyramid.paster import get_app
    from webtest import TestApp
    client = TestApp(get_app(ini), extra_environ={"HTTP_HOST": "example.com"})
    assert "Thủ tục hành chính" in client.get("/").text
    assert "Đăng ký khai sinh" in client.get("/procedures/1.001193/").text
    assert 'name="password"' in client.get("/@@login").text
    english = client.get("/procedures/", headers={"Accept-Language": "en"}).text
    assert "Administrative procedures" in english and "Thủ tục hành chính<" not in english
    assert client.get("/static/site.css").content_type == "text/css"
    print("served")
""")


def _run(args, target, cwd, **kw):
    """Run ``args`` with only ``target`` added in front of the path; fail with its output."""
    env = dict(os.environ, PYTHONPATH=str(target))
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, **kw)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def _ini(folder, name):
    settings = dict(TEST_SETTINGS, **{"zodbconn.uri": _uri(folder)})
    ini = folder.parent / f"{name}.ini"
    ini.write_text("[app:main]\nuse = egg:tthc-docs\n"
                   + "".join(f"{key} = {value}\n" for key, value in settings.items()))
    return ini


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The folder the wheel was installed into, and the build's output."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "*.egg-info")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    built = subprocess.run(pip + ["wheel", "--no-deps", "--no-build-isolation", "--no-index",
                                  "-w", str(work / "dist"), str(source)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    wheel, = (work / "dist").glob("tthc_docs-*.whl")
    target = work / "site"
    subprocess.run(pip + ["install", "-q", "--no-deps", "--no-index", "--target", str(target),
                          str(wheel)], check=True, timeout=300)
    return target, built.stdout + built.stderr


def test_the_build_is_clean(installed):
    _target, output = installed
    assert "absent from the `packages` configuration" not in output
    assert "no compiled translations" not in output


def test_an_installed_wheel_inits_the_demo_and_serves_it(installed, tmp_path):
    target, _ = installed
    folder = tmp_path / "db"
    folder.mkdir()
    ini = _ini(folder, "demo")
    script = target / "bin" / "tthc-docs"
    _run([sys.executable, str(script), "init", str(ini), "--demo"], target, tmp_path)
    _run([sys.executable, str(script), "migrate", str(ini)], target, tmp_path)
    assert "served" in _run([sys.executable, "-P", "-c", SERVE, str(target), str(ini)],
                            target, tmp_path).stdout


def test_an_installed_wheel_migrates_a_database_of_the_old_layout(installed, tmp_path):
    target, _ = installed
    folder = tmp_path / "db"
    with tarfile.open(OLD_DB) as archive:
        archive.extractall(folder, filter="data")
    ini = _ini(folder, "old")
    script = target / "bin" / "tthc-docs"
    migrated = _run([sys.executable, str(script), "migrate", str(ini)], target, tmp_path).stdout
    assert "class paths rewritten" in migrated and "applied steps" in migrated
    assert "served" in _run([sys.executable, "-P", "-c", SERVE, str(target), str(ini)],
                            target, tmp_path).stdout
