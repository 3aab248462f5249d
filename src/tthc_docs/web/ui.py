"""What every page template needs: static files, the layout, navigation by role."""
from pyramid.csrf import get_csrf_token
from pyramid.events import BeforeRender
from pyramid.renderers import get_renderer

from tthc_docs import security as s
from tthc_docs import timeutil
from tthc_docs.web.chrome import Chrome

# (path, label, roles that see it; None = everyone)
NAVIGATION = [
    ("/procedures/", "Thủ tục hành chính", None),
    ("/@@track", "Tra cứu hồ sơ", None),
    ("/@@verify", "Xác thực văn bản", None),
    ("/@@my-dossiers", "Hồ sơ của tôi", {s.CITIZEN}),
    ("/@@my-vault", "Kho dữ liệu", {s.CITIZEN}),
    ("/vaults/@@find", "Quầy tiếp nhận", {s.RECEPTION}),
    ("/@@queue", "Hồ sơ cần xử lý", {s.RECEPTION, s.SPECIALIST, s.LEADER}),
    ("/@@sign-queue", "Chờ ký", {s.LEADER}),
    ("/forms/", "Biểu mẫu", {s.EDITOR}),
    ("/agencies/", "Cơ quan", {s.ADMIN}),
    ("/@@feedback", "Phản ánh, kiến nghị", None),
    ("/feedback/@@queue", "Phản ánh cần xử lý", {s.RECEPTION, s.SPECIALIST, s.LEADER}),
    ("/outbox", "Đồng bộ Cổng quốc gia", {s.ADMIN}),
    ("/@@indicators", "Chỉ số phục vụ", None),
]


def navigation(request):
    roles = request.account.roles if request.account else frozenset()
    return [(path, label) for path, label, who in NAVIGATION
            if who is None or roles & who]


class CsrfToken:
    """The session's CSRF token, made only when a template prints it.

    Making it starts a session (a cookie); a page that shows no form, a JSON
    answer and an anonymous page kept by ``pagecache`` must not.  Looked up
    once per page (a page printing it in each row asked the session's CSRF
    policy each time); one object serves one rendering, so it never outlives
    the token.
    """

    __slots__ = ("request", "_token")

    def __init__(self, request):
        self.request = request
        self._token = None

    def __str__(self):
        if self._token is None:
            self._token = get_csrf_token(self.request)
        return self._token

    __html__ = __str__

    def __eq__(self, other):
        return str(self) == other

    __hash__ = None


def flash_messages(request):
    """The messages left for this page by the action before the redirect (shown once).

    Messages travel in their own signed cookie (``people.sessions``): without
    it there is nothing to show and the session is not touched at all.
    """
    from tthc_docs.people.sessions import FLASH_COOKIE
    if request.cookies.get(FLASH_COOKIE) is None:
        return []
    return request.session.pop_flash()


SYSTEM_LOGINS = {"system": "Hệ thống", "portal": "Cổng dịch vụ công quốc gia"}


def names(request):
    """``name_of(login)``: the person's full name, for pages (people by name, not by login)."""
    def name_of(login):
        if not login:
            return ""
        root = getattr(request, "root", None)   # none on an error page raised before traversal
        people = root.get("people") if hasattr(root, "get") else None
        account = people.get(login) if people is not None else None
        return getattr(account, "full_name", None) or SYSTEM_LOGINS.get(login, login)
    return name_of


def plurals(request):
    """``plural(singular, plural, n)``: the message for ``n`` things, ``${n}`` filled in.

    Vietnamese nouns do not change with the number, so the Vietnamese msgid
    and msgid_plural are the same text; English chooses "1 copy" or "2 copies"
    through the catalog's plural forms (gettext's ngettext), never by hand.
    """
    def plural(singular, plural_text, n):
        return request.localizer.pluralize(singular, plural_text, n, domain="tthc_docs",
                                           mapping={"n": n})
    return plural


def add_globals(event):
    request = event.get("request")
    if request is None or event.get("renderer_name") == "json":
        return
    event.setdefault("account", request.account)
    event.setdefault("chrome", Chrome(request))
    event.setdefault("csrf_token", CsrfToken(request))
    event.setdefault("fmt_date", timeutil.format_date)
    event.setdefault("fmt_datetime", timeutil.format_datetime)
    event.setdefault("fmt_vnd", timeutil.format_vnd)
    event.setdefault("layout", _layout(request.registry))
    event.setdefault("locale", request.locale_name)
    # Chameleon hands it to every translation: the page's language without a thread-local look-up
    event.setdefault("target_language", request.locale_name)
    event.setdefault("flash_messages", flash_messages)
    event.setdefault("name_of", names(request))
    event.setdefault("plural", plurals(request))


def _layout(registry):
    """The layout template, looked up once per app (it reloads itself in development)."""
    layout = getattr(registry, "tthc_layout", None)
    if layout is None:
        layout = registry.tthc_layout = get_renderer(
            "tthc_docs.templates:layout.pt").implementation()
    return layout


def includeme(config):
    config.include("tthc_docs.web.assets")   # the static views, their URLs versioned by content
    config.include("tthc_docs.web.chrome")   # the page chrome, kept once rendered
    config.add_subscriber(add_globals, BeforeRender)
