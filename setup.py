"""Packaging: the code under ``src/``, the templates and the evolve steps at the top level.

``templates/`` and ``migrations/`` sit beside ``src/`` (DESIGN.md's layout)
and are installed as ``tthc_docs.templates`` and ``tthc_docs.migrations``, so
an installed copy serves pages and migrates like a checkout.  Metadata and
dependencies are in ``setup.cfg``.
"""
from setuptools import find_namespace_packages, setup

TOP_LEVEL = {"tthc_docs.templates": "templates", "tthc_docs.migrations": "migrations"}

setup(
    package_dir={"": "src", **TOP_LEVEL},
    packages=find_namespace_packages("src", include=["tthc_docs*"]) + list(TOP_LEVEL),
    package_data={"tthc_docs.templates": ["*.pt", "**/*.pt"]},
)
