"""Packaging: the code under ``src/``, the templates and the evolve steps at the top level.

``templates/`` and ``migrations/`` sit beside ``src/`` (DESIGN.md's layout)
and are installed as ``tthc_docs.templates`` and ``tthc_docs.migrations``, so
an installed copy serves pages and migrates like a checkout.  Each folder of
templates is a package of its own (setuptools installs data files only in a
listed package).  The package data is declared here, not in ``setup.cfg``:
a ``package_data`` keyword here replaces that section, it does not add to
it.  The translation catalogs are compiled into the build when Babel is
importable (it is in the project's venv); without them the UI is
Vietnamese only.  Metadata and dependencies are in ``setup.cfg``.
"""
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

TOP_LEVEL = {"tthc_docs.templates": "templates", "tthc_docs.migrations": "migrations"}
TEMPLATES = ["tthc_docs.templates"] + [
    f"tthc_docs.templates.{name}" for name in find_namespace_packages("templates")]
LOCALE = Path("src", "tthc_docs", "locale")


class build_py_with_catalogs(build_py):
    """``build_py``, then ``locale/*/LC_MESSAGES/*.po`` compiled to ``.mo`` in the build."""

    def run(self):
        super().run()
        try:
            from babel.messages.mofile import write_mo
            from babel.messages.pofile import read_po
        except ImportError:
            self.warn("Babel is not importable: no compiled translations in this build")
            return
        for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
            target = Path(self.build_lib, "tthc_docs", po.relative_to(LOCALE.parent)).with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source, target.open("wb") as out:
                write_mo(out, read_po(source))


setup(
    package_dir={"": "src", **TOP_LEVEL},
    packages=(find_namespace_packages("src", include=["tthc_docs*"])
              + TEMPLATES + ["tthc_docs.migrations"]),
    package_data={
        "tthc_docs": ["static/*", "static/**/*", "locale/*/LC_MESSAGES/*.po"],
        **{name: ["*.pt"] for name in TEMPLATES},
    },
    cmdclass={"build_py": build_py_with_catalogs},
)
