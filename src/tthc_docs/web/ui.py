"""What every page template needs: static files, the layout, navigation by role."""
from pyramid.csrf import get_csrf_token
from pyramid.events import BeforeRender
from pyramid.renderers import get_renderer

from tthc_docs import security as s
from tthc_docs import timeutil

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
]


def navigation(request):
    roles = request.account.roles if request.account else frozenset()
    return [(path, label) for path, label, who in NAVIGATION
            if who is None or roles & who]


def flash_messages(request):
    """The messages left for this page by the action before the redirect (shown once).

    Only a session that exists is read: a page for a visitor without one
    sets no cookie.
    """
    if request.cookies.get("tthc_session") is None:
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


def add_globals(event):
    request = event.get("request")
    if request is None:
        return
    event.setdefault("account", request.account)
    event.setdefault("nav", navigation(request))
    event.setdefault("csrf_token", get_csrf_token(request))
    event.setdefault("fmt_date", timeutil.format_date)
    event.setdefault("fmt_datetime", timeutil.format_datetime)
    event.setdefault("fmt_vnd", timeutil.format_vnd)
    event.setdefault("layout", get_renderer("tthc_docs.templates:layout.pt").implementation())
    event.setdefault("locale", request.locale_name)
    event.setdefault("flash_messages", flash_messages)
    event.setdefault("name_of", names(request))


def includeme(config):
    config.add_static_view("static", "tthc_docs:static", cache_max_age=3600)
    config.add_static_view("static-deform", "deform:static", cache_max_age=3600)
    config.add_subscriber(add_globals, BeforeRender)
