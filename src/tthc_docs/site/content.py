"""The site root: the top of the content tree, one per database.

The Site is stored in the ZODB root mapping under ``SITE_KEY``.  Its
children (``procedures``, ``forms``, ``agencies``, ``people``, ``vaults``,
``dossiers``) are made by the first evolve step (``migrations/``), so a new
database and an old one reach the current shape through the same steps.
"""
from pyramid.traversal import find_root

from tthc_docs import security as s
from tthc_docs.container import Container

SITE_KEY = "tthc_site"


class Site(Container):
    """The root of traversal; records the last evolve step applied."""

    title = "Cổng dịch vụ công tỉnh Thái Nguyên"
    evolve_step = 0

    __acl__ = [
        (s.Allow, s.Everyone, s.VIEW),
        (s.Allow, s.role(s.ADMIN), s.MANAGE),
        (s.Allow, s.role(s.CITIZEN), s.APPLY),
    ]


def find_site(context):
    """The Site that ``context`` lives in."""
    return find_root(context)


class SiteMissing(RuntimeError):
    """The database has no site yet: ``tthc-docs init`` was never run."""


def get_site(conn):
    """The Site of an open ZODB connection, or SiteMissing."""
    site = conn.root().get(SITE_KEY)
    if site is None:
        raise SiteMissing("no site in this database: run `tthc-docs init CONFIG`")
    return site
