"""A second page before what cannot be undone: withdraw, sign, reject, publish, delete.

A browser's form post to such an action first gets this page: what is about
to happen, in words, the same post again with ``confirmed=1`` behind the
confirm button, and a way back that does nothing.  It works without
JavaScript.  JSON clients (API.md) act at once: confirming is the page's
business, the API's contract is unchanged.

    if needs_confirmation(self.request):
        return confirm_page(self.request, 'Rút hồ sơ?', 'Hồ sơ sẽ …', back=url)
"""
from tthc_docs.web.respond import render, wants_json

CONFIRMED = "confirmed"
CONFIRM_PT = "tthc_docs.templates:confirm.pt"


def needs_confirmation(request):
    """True for a browser's post that has not been confirmed yet."""
    return not wants_json(request) and request.POST.get(CONFIRMED) != "1"


def confirm_page(request, title, message, back, button=None, facts=()):
    """The confirmation page for this post: ``title``, ``message``, ``facts`` [(label, value)].

    The post's own fields are carried over hidden (the CSRF token is the
    page's own); ``button`` labels the confirm button (``title`` by default);
    ``back`` is where "Quay lại" goes.
    """
    carried = [(k, v) for k, v in request.POST.items()
               if k not in ("csrf_token", CONFIRMED) and isinstance(v, str)]
    return render(request, CONFIRM_PT, {
        "title": title, "message": message, "facts": list(facts), "back": back,
        "button": button or title, "action": request.path_url, "carried": carried,
        "query": request.query_string})
