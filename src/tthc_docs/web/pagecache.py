"""Public answers rendered once: what every anonymous visitor gets, kept by content version.

The procedure page, a search, the home page, the tracking page of an
unknown code and a published form are the same for every anonymous
visitor, so :func:`public` renders each once per *key* and serves the
stored bytes after that (issue 15).  The key is

- the address (``path?query``, host) and the representation (JSON or HTML)
  and the language;
- the ``_p_serial`` of every persistent object the answer is made of (a
  commit that changes one changes its serial, so a changed procedure shows
  at once: no time-based staleness), and the plain values the view adds
  (today's date where a due date is shown, a catalog's change counter).

The store holds one answer per address (and viewer): the versions are
checked against the stored answer's, so a newer one takes the older's
place instead of sitting beside it until the LRU drops it.

Only anonymous requests take this path (no session login): a logged-in
user's page carries their name, CSRF token and flash messages and is never
stored, and an anonymous visitor never gets a logged-in user's page.  An
answer that sets a cookie is never stored either.  The store is a bounded
LRU in process memory (bytes, not objects): a GET never writes to the
database, and a restart starts empty.

HTTP caching: every stored answer carries a strong ``ETag`` (a hash of its
bytes) and ``Last-Modified`` (the newest serial's time); a conditional
request that matches gets 304 without a body.  ``Cache-Control: public,
no-cache`` lets a reverse proxy (or the browser) keep the page but makes it
ask again every time, which costs one 304 from this cache: a short
``max-age`` would serve a superseded procedure for that long, and the
reform's rule is that the published version is the one in force.  ``Vary``
names what else chooses the answer (Accept; the language cookie and the
session cookie are both in Cookie; Accept-Language).

Answered before the transaction (:func:`front_tween_factory`): a stored
answer is also kept under its address alone, tagged with the database's
last transaction id and today's date. A later anonymous GET of that
address, without a session cookie, is answered from it straight away,
before pyramid_tm, the connection, traversal and the view, as long as no
transaction was committed since (any commit, by any thread or, on ZEO, any
process, moves the id on: a change shows at once) and the day has not
changed (procedure pages show a due date counted from today). An answer
that changes with the clock alone at a known moment names it with an
:class:`Until` part (a dossier's tracking page: when it turns overdue) and
is answered there only until that moment; an answer made of anything else
that changes with time alone is not kept there. RelStorage's last transaction id is only as
fresh as this process's last poll, so with it the view-level store answers
(one connection per request, which polls).

Logged-in pages (:func:`private`): the same mechanism, with the viewer in
the key.  A citizen's vault and dossier pages and an officer's queue are
read far more often than they change, so each is rendered once per key

- the address, representation and language, as above;
- the viewer: their login and their account's ``_p_serial`` (name, roles,
  agency, vault: everything the page chrome and the offered actions are
  chosen by; a change of roles moves it);
- the ``_p_serial`` of every persistent object the answer reads and the
  plain values it depends on, which each view declares beside itself (the
  view's ``parts``); an :class:`Until` part where it turns by the clock.

Never stored: an answer to a request that carries flash messages (their
cookie), one that sets a cookie, any status but 200, and anything for a
visitor who is not logged in (a logged-out session has no login, so it
never reaches a stored page).  The session's CSRF token is the only
per-session text of a page: it is replaced by a mark in the stored bytes
and the requesting session's own token is put back on every answer, so a
stored page carries no token and no session gets another's.  Such an
answer is ``Cache-Control: private, no-cache`` (a browser may keep it and
must ask again; no shared cache may) with a strong ``ETag`` of the bytes
served (the token included) and no ``Last-Modified`` (a page that turns
overdue changes without a commit).  Logged-in pages share the public
pages' bounded store.

In development (``pyramid.reload_templates = true``) nothing is stored, so
an edited template shows on the next request.
"""
import datetime
import hashlib
import threading
from collections import OrderedDict, namedtuple
from email.utils import formatdate

from persistent.timestamp import TimeStamp
from pyramid.csrf import get_csrf_token
from pyramid.response import Response

from tthc_docs import timeutil
from tthc_docs.people.sessions import COOKIE, FLASH_COOKIE
from tthc_docs.security import session_login
from tthc_docs.web.respond import wants_json

CACHE_CONTROL = "public, no-cache"
PRIVATE_CONTROL = "private, no-cache"
#: What stands for the session's CSRF token in a stored logged-in page (an HTML
#: comment: no escaped text of a page can contain it).
TOKEN_MARK = b"<!--tthc:csrf-->"
VARY = "Accept, Accept-Language, Cookie"
CACHED_STATUSES = (200, 404)


class PageStore:
    """A thread-safe LRU of rendered answers, bounded by their total size in bytes."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.size = 0
        self._items = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._items.get(key)
            if entry is not None:
                self._items.move_to_end(key)
            return entry

    def put(self, key, entry):
        if len(entry.body) > self.max_bytes // 8:   # one page may not push out everything
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.size -= len(old.body)
            self._items[key] = entry
            self.size += len(entry.body)
            while self.size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self.size -= len(dropped.body)

    def clear(self):
        with self._lock:
            self._items.clear()
            self.size = 0

    def __len__(self):
        return len(self._items)


class Until(namedtuple("Until", "moment")):
    """A key part: the answer changes by the clock alone at ``moment`` (None: never).

    Part of the view-level key like any value; before the transaction the
    answer is given only while the clock has not passed ``moment``.
    """

    __slots__ = ()


def _until(parts):
    """The earliest moment among the :class:`Until` parts (None when there is none)."""
    moments = [p.moment for p in parts if isinstance(p, Until) and p.moment is not None]
    return min(moments) if moments else None


class Entry:
    """One stored answer: status, content type, bytes, their validators, and the
    ``versions`` of the parts it was made of (set when it is stored)."""

    __slots__ = ("status", "content_type", "body", "etag", "last_modified", "versions")

    def __init__(self, response, modified):
        self.versions = None
        self.status = response.status
        self.content_type = response.headers["Content-Type"]
        self.body = response.body
        self.etag = hashlib.blake2b(self.body, digest_size=16).hexdigest()
        self.last_modified = modified


def serial(obj):
    """The version of one part of a key: a persistent object's ``_p_serial``, else the value.

    A ghost's ``_p_serial`` is not loaded yet, hence the activation (which
    the rendering would do anyway).
    """
    activate = getattr(obj, "_p_activate", None)
    if activate is None:
        return obj
    activate()
    return obj._p_serial


def _modified(versions):
    """The time of the newest serial among ``versions`` (None when there is none)."""
    times = [TimeStamp(v).timeTime() for v in versions
             if isinstance(v, bytes) and len(v) == 8 and v != b"\0" * 8]
    return max(times) if times else None


class Front:
    """A stored answer kept under its address: valid for one database state, one day,
    and until ``until`` when the answer changes by the clock (None: all day)."""

    __slots__ = ("tid", "day", "entry", "until")

    def __init__(self, tid, day, entry, until=None):
        self.tid, self.day, self.entry, self.until = tid, day, entry, until

    def valid(self, tid, day):
        return (self.tid == tid and self.day == day
                and (self.until is None or timeutil.now() <= self.until))

    @property
    def body(self):     # the store bounds its items by their bodies' size
        return self.entry.body


def store_of(registry):
    """The app's store, or None when answers are not stored (development)."""
    return getattr(registry, "tthc_pages", None)


def public(request, parts, produce):
    """The anonymous answer ``produce()`` makes, rendered once per version of ``parts``.

    ``parts``: the persistent objects the answer is made of and any plain
    values it depends on besides the address and the language (hashable).
    ``produce``: the view's own answer; it is called for logged-in users
    every time, and for anonymous visitors once per key.
    """
    store = store_of(request.registry)
    if store is None or request.method not in ("GET", "HEAD") or session_login(request):
        return produce()
    versions = tuple(serial(p) for p in parts)
    key = address_key(request)
    entry = current(store, key, versions)
    if entry is None:
        response = produce()
        if response.status_int not in CACHED_STATUSES or "Set-Cookie" in response.headers:
            return response
        entry = Entry(response, _modified(versions))
        keep(store, key, versions, entry)
    if FRONT_KEY in request.environ and all(map(_frontable, parts)):
        request.environ[FRONT_ENTRY] = (entry, _until(parts))
    return answer(request, entry)


def private(request, parts, produce):
    """The logged-in viewer's answer ``produce()`` makes, rendered once per version of ``parts``.

    ``parts`` as for :func:`public`; the viewer is added to the key here.
    Anonymous visitors, requests with flash messages and development get
    ``produce()`` every time.
    """
    store = store_of(request.registry)
    account = request.account if store is not None else None
    if (account is None or request.method not in ("GET", "HEAD")
            or FLASH_COOKIE in request.cookies):
        return produce()
    key = ("mine", account.login) + address_key(request)
    versions = (serial(account),) + tuple(serial(p) for p in parts)
    entry = current(store, key, versions)
    if entry is None:
        response = produce()
        if response.status_int != 200 or "Set-Cookie" in response.headers:
            return response
        entry = Mine(response, request)
        keep(store, key, versions, entry)
    return answer_mine(request, entry)


def current(store, key, versions):
    """The answer stored under ``key`` if it was made of ``versions``, else None."""
    entry = store.get(key)
    return entry if entry is not None and entry.versions == versions else None


def keep(store, key, versions, entry):
    """Store ``entry`` under its address (and viewer), in place of any older version.

    The versions are checked, not part of the key: a commit moves a serial
    forward for good, so an answer made of older versions is never asked
    for again, and keyed by them it would stay in memory until the LRU
    pushed it out (the bench's dossier pages, re-read after every paper,
    filled 11 MB of the store that way; mem15).
    """
    entry.versions = versions
    store.put(key, entry)


class Mine(Entry):
    """A logged-in viewer's stored answer: the session's CSRF token replaced by its mark."""

    __slots__ = ("tokened",)

    def __init__(self, response, request):
        super().__init__(response, None)
        token = get_csrf_token(request).encode() if self.content_type.startswith("text/html") \
            else None
        self.tokened = bool(token) and token in self.body
        if self.tokened:
            self.body = self.body.replace(token, TOKEN_MARK)


def answer_mine(request, entry):
    """A fresh response from ``entry`` with this session's token: 304 when the client has it."""
    body, etag = entry.body, entry.etag
    if entry.tokened:
        token = get_csrf_token(request).encode()
        body = body.replace(TOKEN_MARK, token)
        etag = hashlib.blake2b(etag.encode() + token, digest_size=16).hexdigest()
    headers = [("ETag", f'"{etag}"'), ("Cache-Control", PRIVATE_CONTROL), ("Vary", VARY)]
    if request.if_none_match and etag in request.if_none_match:
        return Response(status=304, headerlist=headers)
    return Response(body=body, status=entry.status,
                    headerlist=[("Content-Type", entry.content_type)] + headers)


def address_key(request):
    """What chooses an anonymous answer besides its content: address, representation, language."""
    return (request.application_url, request.path_qs, wants_json(request), request.locale_name)


def _frontable(part):
    """A part that changes only by a commit (persistent), with the day (a date) or at a
    known moment (:class:`Until`), or None."""
    return (part is None or hasattr(part, "_p_activate") or isinstance(part, Until)
            or (isinstance(part, datetime.date) and not isinstance(part, datetime.datetime)))


def answer(request, entry):
    """A fresh response from ``entry``: 304 when the client's copy is this one."""
    headers = [("ETag", f'"{entry.etag}"'), ("Cache-Control", CACHE_CONTROL), ("Vary", VARY)]
    if entry.last_modified is not None:
        headers.append(("Last-Modified", formatdate(entry.last_modified, usegmt=True)))
    if _not_modified(request, entry):
        return Response(status=304, headerlist=headers)
    response = Response(body=entry.body, status=entry.status,
                        headerlist=[("Content-Type", entry.content_type)] + headers)
    return response


def _not_modified(request, entry):
    if entry.status[:3] != "200":
        return False
    if request.if_none_match:            # If-None-Match wins over If-Modified-Since (RFC 9110)
        return entry.etag in request.if_none_match
    since = request.if_modified_since
    return (since is not None and entry.last_modified is not None
            and int(entry.last_modified) <= since.timestamp())


FRONT_KEY = "tthc.front_key"
FRONT_ENTRY = "tthc.front_entry"


def front_tween_factory(handler, registry):
    """Answer an anonymous GET from the store before the transaction starts (see above)."""
    store = store_of(registry)
    if store is None:
        return handler
    databases = getattr(registry, "_zodb_databases", {})   # per request: tests swap the database

    def front_tween(request):
        db = databases.get("")
        if (request.method not in ("GET", "HEAD") or COOKIE in request.cookies
                or FLASH_COOKIE in request.cookies or not _fresh_last_transaction(db)):
            return handler(request)
        key = ("front",) + address_key(request)
        tid, day = db.lastTransaction(), timeutil.today()
        front = store.get(key)
        if front is not None and front.valid(tid, day):
            return answer(request, front.entry)
        request.environ[FRONT_KEY] = key
        response = handler(request)
        kept = request.environ.get(FRONT_ENTRY)
        if kept is not None:
            entry, until = kept
            store.put(key, Front(tid, day, entry, until))
        return response

    return front_tween


def _fresh_last_transaction(db):
    """Whether ``db.lastTransaction()`` moves with every commit this process could see.

    FileStorage (one process) and ZEO (the server pushes each commit to every
    client) keep it current; RelStorage learns of other processes' commits
    only when a connection polls.
    """
    return db is not None and not type(db.storage).__module__.startswith("relstorage")


def includeme(config):
    settings = config.registry.settings
    if not settings.get("pyramid.reload_templates"):
        config.registry.tthc_pages = PageStore(settings["tthc_docs.page_cache_mb"] * 1024 * 1024)
    # Over the transaction (pyramid_tm's tween), under the security headers.
    config.add_tween("tthc_docs.web.pagecache.front_tween_factory",
                     over="pyramid_tm.tm_tween_factory",
                     under="tthc_docs.web.tweens.headers_tween_factory")
