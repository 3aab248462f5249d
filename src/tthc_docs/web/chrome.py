"""The page chrome (head links, header, navigation, footer), rendered once per kind of visitor.

Every page's header and footer depend only on the language, the site's
address, who is logged in (name and roles: the navigation) and the CSRF
token of the logout and language forms.  Rendering them through the layout
macro on every page was a third of a logged-in page's template time (issue
15: static URLs, ~50 translations, the navigation loop), so they are
rendered here from ``templates/chrome.pt`` once per (language, address,
login, name, roles) and kept as three pieces of markup that
``templates/layout.pt`` inserts as they are.

Escaping stays Chameleon's: the account's name is escaped when the pieces
are rendered.  The CSRF token is per session, so it is never kept: the
pieces are rendered with a marker in its place (an HTML comment, which no
escaped text can contain), and each page puts its own session's token
there.  An anonymous visitor's chrome has no token, so it starts no
session.  In development (``pyramid.reload_templates``) nothing is kept,
so an edited template shows at once.
"""
from html import escape

from pyramid.csrf import get_csrf_token

#: Where the kept pieces are split, as written in ``chrome.pt``.
PARTS = ("<!--tthc:head-->", "<!--tthc:top-->", "<!--tthc:foot-->")
#: What stands for the session's CSRF token in the kept pieces.
TOKEN_MARK = "<!--tthc:csrf-->"
#: Above this many kept chromes the table starts again (the address comes from the Host header).
MAX_KEPT = 4096
TEMPLATE = "tthc_docs.templates:chrome.pt"


class Markup(str):
    """Text that Chameleon inserts as it is (``__html__``)."""

    __slots__ = ()

    def __html__(self):
        return self


class _TokenMark:
    """The CSRF token's stand-in while the chrome is rendered for keeping."""

    def __html__(self):
        return TOKEN_MARK

    __str__ = __html__


class Chrome:
    """The chrome of this request's page: ``head``, ``top`` and ``foot``, as markup."""

    __slots__ = ("request", "_pieces")

    def __init__(self, request):
        self.request = request
        self._pieces = None

    @property
    def head(self):
        return self._piece(0)

    @property
    def top(self):
        return self._piece(1)

    @property
    def foot(self):
        return self._piece(2)

    def _piece(self, index):
        if self._pieces is None:
            self._pieces = _with_token(self.request, kept_pieces(self.request))
        return self._pieces[index]


def _with_token(request, pieces):
    """The kept pieces with this session's token where the marks are (made only if needed)."""
    if not any(TOKEN_MARK in piece for piece in pieces):
        return [Markup(piece) for piece in pieces]
    token = escape(get_csrf_token(request), quote=True)
    return [Markup(piece.replace(TOKEN_MARK, token)) for piece in pieces]


def kept_pieces(request):
    """The three pieces for this request's kind of visitor, rendered at most once per kind."""
    store = getattr(request.registry, "tthc_chrome", None)
    account = request.account
    key = (request.locale_name, request.application_url,
           None if account is None else (account.login, account.full_name, frozenset(account.roles)))
    pieces = store.get(key) if store is not None else None
    if pieces is None:
        pieces = render_pieces(request)
        if store is not None:
            if len(store) >= MAX_KEPT:
                store.clear()
            store[key] = pieces
    return pieces


def render_pieces(request):
    """``chrome.pt`` rendered for this request with the token's mark, cut into its pieces."""
    from tthc_docs.web.respond import _helper
    from tthc_docs.web.ui import navigation
    values = {"csrf_token": _TokenMark(), "nav": navigation(request)}
    text = _helper(request.registry, TEMPLATE).render(values, None, request=request)
    pieces, rest = [], text
    for mark in PARTS:
        before, found, rest = rest.partition(mark)
        if not found:
            raise ValueError(f"{TEMPLATE} lacks {mark}")
        pieces.append(before)
    pieces.append(rest)
    return tuple(piece.strip() for piece in pieces[1:])


def includeme(config):
    if not config.registry.settings.get("pyramid.reload_templates"):
        config.registry.tthc_chrome = {}
