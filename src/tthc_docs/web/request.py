"""The request class: its per-request properties defined once, on a class made once.

Pyramid's ``add_request_method(..., reify=True)`` gives every request its
properties by making a new subclass of the request class for that request
(``InstancePropertyHelper.apply_properties``): one class per request, which
costs its creation, a new method cache and garbage the collector must find
(issue 15). Here the two such properties, ``request.account`` (ours) and
``request.tm`` (pyramid_tm's), are attributes of one request class, and
the extension that would add them again to each request is emptied of
what the class already has.
"""
from pyramid.decorator import reify
from pyramid.interfaces import IRequestExtensions
from pyramid.request import Request
from pyramid_tm import create_tm

from tthc_docs.security import get_account


class TthcRequest(Request):
    """Pyramid's request, with ``account``, ``application_url`` and ``tm`` worked out once per request, on use.

    (``reify`` keeps the value under its function's name: hence the methods
    named as the properties, not ``reify(get_account)``.)
    """

    @reify
    def account(self):
        """The active Account of this session, or None (``security.get_account``)."""
        return get_account(self)

    @reify
    def application_url(self):
        """WebOb's ``application_url``, worked out once: every link of a page starts with it.

        WebOb rebuilds it from the environ on each use (host, port, scheme,
        quoted script name): some fifteen times for a dossier page, through
        ``resource_url`` and the document links.  Nothing in the app changes
        the host or the script name during a request.
        """
        return Request.application_url.fget(self)

    @reify
    def tm(self):
        """The request's transaction manager, as pyramid_tm makes it."""
        return create_tm(self)


def _drop_class_properties(registry):
    """Remove from the request extensions what ``TthcRequest`` defines itself."""
    extensions = registry.queryUtility(IRequestExtensions)
    if extensions is None:
        return
    for name in list(extensions.descriptors):
        if name in vars(TthcRequest):
            del extensions.descriptors[name]


def includeme(config):
    config.set_request_factory(TthcRequest)
    # After every add_request_method action (order 0), before the router reads them.
    config.action(None, callable=_drop_class_properties, args=(config.registry,), order=1002)
