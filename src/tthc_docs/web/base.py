"""The OLD path to JSON + HTML twins, kept until every family is ported.

New views use ``web.respond`` (``respond``, ``show_again``), ``web.forms``
(``FormView``) and ``web.body`` (``read_json``, ``reject_unknown``,
``read_data``); see ``web/__init__.py``.  The dossier, vault and signing
views still import ``resource_view`` and ``wants_json`` from here; when
they are ported, delete this module.
"""
from pyramid.view import view_config

from tthc_docs.web.body import JSON_MAX_BYTES, read_json, reject_unknown  # noqa: F401 (old path)
from tthc_docs.web.respond import wants_json as _wants_json


def resource_view(template=None, **settings):
    """OLD PATH (use ``web.respond.respond``): ``@view_config`` twice, JSON and ``template``.

    Without a template the view is JSON only (``accept`` is not constrained).
    """
    def decorate(wrapped):
        # _depth=1: venusian must see the caller's module, not this one.
        if template is None:
            return view_config(renderer="json", _depth=1, **settings)(wrapped)
        wrapped = view_config(accept="application/json", renderer="json", _depth=1,
                              **settings)(wrapped)
        return view_config(accept="text/html", renderer=template, _depth=1,
                           **settings)(wrapped)
    return decorate


def wants_json(request):
    """OLD PATH (``respond`` decides for you): True when the client asked for or sent JSON."""
    return _wants_json(request)

