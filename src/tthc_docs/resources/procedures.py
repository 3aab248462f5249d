"""Placeholder of the procedures family until its issue lands (owned by its issue's engineer)."""
from .. import security as s
from .base import Container


class ProcedureCatalog(Container):
    """`/procedures`."""

    __acl__ = [(s.Allow, s.Everyone, s.VIEW)]
