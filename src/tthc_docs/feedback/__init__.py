"""Complaints and suggestions (phản ánh, kiến nghị) about a dossier, a procedure or an agency.

``content`` (the item, its lifecycle, the registry and its indexes),
``filing`` (who may file about what, routing, the due date), ``views``.
"""


def includeme(config):
    config.scan(".views")
