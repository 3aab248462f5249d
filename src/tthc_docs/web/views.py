"""The base of a family's view class (``@view_defaults`` + one method per view).

Kotti and the Pyramid tutorials group the views of one resource in a class;
this base only keeps the two things every method needs and the shortcut to
:func:`~tthc_docs.web.respond.respond`::

    @view_defaults(context=Procedure, permission=s.VIEW)
    class ProcedureViews(ResourceViews):
        @view_config(request_method="GET")
        def show(self):
            return self.respond(procedure_json(...), template=PROCEDURE_PT)
"""
from tthc_docs.web.pagecache import private, public
from tthc_docs.web.respond import respond


class ResourceViews:
    """``context`` and ``request``, and ``respond`` bound to the request."""

    def __init__(self, context, request):
        self.context, self.request = context, request

    @property
    def login(self):
        """The logged-in account's login (views that need one are behind a permission)."""
        return self.request.account.login

    def respond(self, body, **options):
        """``respond(self.request, body, **options)``: JSON, the page, or a redirect."""
        return respond(self.request, body, **options)

    def public(self, parts, produce):
        """``produce()`` for anonymous visitors rendered once per version of ``parts``
        (``web/pagecache.py``); logged-in users get ``produce()`` every time."""
        return public(self.request, parts, produce)

    def private(self, parts, produce):
        """``produce()`` for the logged-in viewer rendered once per version of ``parts``
        (``web/pagecache.py``): each view declares every object its answer reads."""
        return private(self.request, parts, produce)
