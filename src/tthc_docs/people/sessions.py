"""Sessions kept on the server, in the database every process shares.

The signed cookie used to hold the session itself, so a copied cookie kept
working after logout and after a password change, for eight hours.  Now
the cookie holds only an unguessable id (``secrets.token_urlsafe(32)``) and
the session lives in ``site.sessions``: logout, a password change and an
admin's lock end it at once, in every process.

- Each session is its own persistent object, so two sessions never conflict.
- A GET never writes: nothing is stored until a view stores something
  (login, a counter find); the CSRF token of a session with nothing stored
  is derived from its id (HMAC with the server secret), not stored; flash
  messages travel in their own signed cookie; and a session's lifetime is
  renewed only by a request that writes anyway (unsafe methods).
- Expired sessions are removed a few at a time whenever one is created
  (bounded work per request), and all at once by ``tthc-docs sessions-clean``.
"""
import hashlib
import hmac
import secrets
import time

from BTrees.OOBTree import OOBTree, OOTreeSet
from persistent import Persistent
from persistent.mapping import PersistentMapping
from pyramid.interfaces import ISession
from pyramid_zodbconn import get_connection
from webob.cookies import SignedSerializer
from zope.interface import implementer

COOKIE = "tthc_session"
FLASH_COOKIE = "tthc_flash"
CSRF_KEY = "_csrft_"
USER_KEY = "tthc.userid"      # what SessionAuthenticationHelper(prefix="tthc.") stores
#: expired sessions removed when a new one is made (bounded work per request)
CLEAN_PER_REQUEST = 20
UNSAFE = ("POST", "PUT", "PATCH", "DELETE")


def new_id():
    return secrets.token_urlsafe(32)


class SessionRecord(Persistent):
    """One session's data and expiry (seconds since the epoch)."""

    def __init__(self, expires):
        self.data = PersistentMapping()
        self.expires = expires
        self.login = None


class SessionStore(Persistent):
    """Session id -> record; login -> ids (to end all of an account's); expiry order."""

    def __init__(self):
        self.records = OOBTree()
        self.by_login = OOBTree()
        self.by_expiry = OOTreeSet()    # (expires, id)

    def get(self, sid, now):
        """The live record of ``sid``, or None (unknown or expired). Never writes."""
        record = self.records.get(sid) if sid else None
        if record is None or record.expires <= now:
            return None
        return record

    def create(self, sid, now, lifetime):
        self.clean(now, CLEAN_PER_REQUEST)
        record = SessionRecord(now + lifetime)
        self.records[sid] = record
        self.by_expiry.insert((record.expires, sid))
        return record

    def renew(self, sid, record, now, lifetime):
        """Move the expiry on, only when less than half the lifetime is left."""
        if record.expires - now >= lifetime / 2:
            return
        self.by_expiry.remove((record.expires, sid))
        record.expires = now + lifetime
        self.by_expiry.insert((record.expires, sid))

    def bind(self, sid, record, login):
        """Record which account the session is for (so it can be ended with it)."""
        if record.login == login:
            return
        self._unbind(sid, record)
        record.login = login
        if login:
            self.by_login.setdefault(login, OOTreeSet()).insert(sid)

    def _unbind(self, sid, record):
        ids = self.by_login.get(record.login) if record.login else None
        if ids is not None and sid in ids:
            ids.remove(sid)
            if not ids:
                del self.by_login[record.login]

    def end(self, sid):
        """Remove one session; no error when it is already gone."""
        record = self.records.pop(sid, None)
        if record is None:
            return
        self._unbind(sid, record)
        if (record.expires, sid) in self.by_expiry:
            self.by_expiry.remove((record.expires, sid))

    def end_for(self, login):
        """End every session of ``login`` (logout everywhere, password change, lock)."""
        ids = list(self.by_login.get(login, ()))
        for sid in ids:
            self.end(sid)
        return len(ids)

    def clean(self, now, limit=None):
        """Remove up to ``limit`` expired sessions (all when None); returns how many."""
        expired = []
        for expires, sid in self.by_expiry:
            if expires > now or (limit is not None and len(expired) >= limit):
                break
            expired.append(sid)
        for sid in expired:
            self.end(sid)
        return len(expired)

    def __len__(self):
        return len(self.records)


def store_of(site):
    return site.sessions


@implementer(ISession)
class ServerSession(dict):
    """Pyramid's ISession over a :class:`SessionRecord`, loaded on first use.

    The dict holds a copy of the record's data; a change is written back
    to the record (and the record created if the session had none) in the
    same request, inside the request's transaction.
    """

    def __init__(self, request, settings):
        self.request, self.settings = request, settings
        self.now = time.time()
        self.sid = request.cookies.get(COOKIE) or None
        self._store = None
        self._record = self._load()
        super().__init__(dict(self._record.data) if self._record is not None else {})
        self.new = self._record is None
        self.created = self.now
        self._cookie_due = self.sid is None
        self._token_given = False   # a token derived from a new id went into the page
        self._flash_out = None
        if self.sid is None:
            self.sid = new_id()
        request.add_response_callback(self._set_cookies)

    # -- storage ----------------------------------------------------------

    def _site_store(self):
        if self._store is None:
            from tthc_docs.site.content import get_site
            self._store = store_of(get_site(get_connection(self.request)))
        return self._store

    def _load(self):
        if not self.sid:
            return None
        record = self._site_store().get(self.sid, self.now)
        if record is not None and self.request.method in UNSAFE:
            self._site_store().renew(self.sid, record, self.now, self.lifetime)
        return record

    @property
    def lifetime(self):
        return self.settings["tthc_docs.session_timeout"]

    def _save(self):
        store = self._site_store()
        if self._record is None:
            if not self._cookie_due:   # an id the client sent that we do not hold: never adopt it
                self.sid = new_id()
            self._record = store.create(self.sid, self.now, self.lifetime)
            self._cookie_due = True
        self._record.data.clear()
        self._record.data.update(self)
        store.bind(self.sid, self._record, self.get(USER_KEY))

    def changed(self):
        self._save()

    def invalidate(self):
        """End this session in the database; the rest of the request gets a new id."""
        self._site_store().end(self.sid)
        self._record = None
        dict.clear(self)
        self.sid, self.new, self._cookie_due = new_id(), True, True

    # -- the dict, writing through --------------------------------------------

    def _writes(name):
        def method(self, *args, **kw):
            result = getattr(dict, name)(self, *args, **kw)
            self._save()
            return result
        method.__name__ = name
        return method

    __setitem__ = _writes("__setitem__")
    __delitem__ = _writes("__delitem__")
    setdefault = _writes("setdefault")
    update = _writes("update")
    popitem = _writes("popitem")

    def pop(self, key, *default):
        if key not in self:
            return default[0] if default else dict.pop(self, key)
        value = dict.pop(self, key)
        self._save()
        return value

    def clear(self):
        if self:
            dict.clear(self)
            self._save()

    # -- CSRF -----------------------------------------------------------------

    def get_csrf_token(self):
        """The stored token, else one derived from the id: a GET stores nothing."""
        token = self.get(CSRF_KEY)
        if token:
            return token
        self._token_given = True
        secret = self.settings["tthc_docs.session_secret"].encode()
        return hmac.new(secret, b"csrf:" + self.sid.encode(), hashlib.sha256).hexdigest()

    def derived_secret(self, purpose):
        """20 bytes only this session (id + server secret) yields, for ``purpose``.

        E.g. the leader's pending TOTP secret during enrolment: neither in the
        cookie nor stored, and a GET that shows it writes nothing.
        """
        secret = self.settings["tthc_docs.session_secret"].encode()
        message = purpose.encode() + b":" + self.sid.encode()
        return hmac.new(secret, message, hashlib.sha256).digest()[:20]

    def new_csrf_token(self):
        token = secrets.token_hex(32)
        self[CSRF_KEY] = token
        return token

    # -- flash messages: a signed cookie of their own, never the database --------

    def _serializer(self):
        return SignedSerializer(self.settings["tthc_docs.session_secret"], "tthc-flash")

    def _flashes(self):
        if self._flash_out is None:
            raw = self.request.cookies.get(FLASH_COOKIE)
            try:
                self._flash_out = self._serializer().loads(raw.encode()) if raw else {}
            except (ValueError, TypeError):
                self._flash_out = {}
            self._flash_in = dict(self._flash_out)
        return self._flash_out

    def flash(self, msg, queue="", allow_duplicate=True):
        messages = self._flashes().setdefault(queue, [])
        if allow_duplicate or msg not in messages:
            messages.append(msg)

    def pop_flash(self, queue=""):
        return self._flashes().pop(queue, [])

    def peek_flash(self, queue=""):
        return list(self._flashes().get(queue, []))

    # -- cookies ------------------------------------------------------------

    def _set_cookies(self, request, response):
        secure = self.settings["tthc_docs.secure_cookies"]
        # A new id (first visit, login, logout) goes to the client only when something
        # depends on it: a stored session, or a CSRF token derived from it in this page.
        # A request that only read the (empty) session sets no cookie, so anonymous
        # answers stay shareable (web/pagecache.py).
        if self._cookie_due and (self._record is not None or self._token_given):
            response.set_cookie(COOKIE, self.sid, httponly=True, samesite="Lax", secure=secure,
                                path="/")
        if self._flash_out is not None and self._flash_out != self._flash_in:
            if self._flash_out:
                value = self._serializer().dumps(self._flash_out).decode()
                response.set_cookie(FLASH_COOKIE, value, httponly=True, samesite="Lax",
                                    secure=secure, path="/")
            else:
                response.delete_cookie(FLASH_COOKIE, path="/")


class ServerSessionFactory:
    """``config.set_session_factory(ServerSessionFactory(settings))``."""

    def __init__(self, settings):
        self.settings = settings

    def __call__(self, request):
        return ServerSession(request, self.settings)
