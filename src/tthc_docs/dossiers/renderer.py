"""The idle renderer: a thread per app process that stores pending papers' bytes.

Rendering a paper (reportlab, some 20 ms of CPU) inside the request that
fired its event capped transitions at some 40 a second (issue 15). Its
content is fixed at the event (``papers``, ``pending``), so the bytes can be
made later: this thread waits until the process is quiet, no request in
flight and none for ``QUIET`` seconds (requests always come first; the
tween below counts them; "no request at this instant" happens between
requests even under full load, and a paper begun then takes a core's
worth of CPU from the requests that follow), then renders the oldest
pending papers one at a time, each in its own transaction on its own
connection, looking again before each. It sleeps on a condition: woken
after a commit that queued papers (``pending.listeners``), otherwise at
the moment the quiet period would end, never polling faster than once per
``max_age``. Its connection's cache is emptied when it goes back to sleep,
so the papers it read do not stay in memory (the process's RSS, issue 15).

A paper pending longer than ``tthc_docs.paper_max_age`` seconds is rendered
even while requests keep coming, so a busy hour never leaves papers without
bytes for long. A conflict aborts and retries shortly after; any other
error is logged with the dossier code (never a personal detail), and the
paper stays pending (a download still renders it in memory). ``off``
(``tthc_docs.paper_renderer``) runs no thread: scripts and tests call
``pending.render_pending``.
"""
import atexit
import logging
import threading
import time
import weakref

import transaction
from transaction.interfaces import NoTransaction
from ZODB.POSException import ConflictError

from tthc_docs.dossiers import pending
from tthc_docs.dossiers.press import Press
from tthc_docs.site.content import get_site

log = logging.getLogger(__name__)

#: The pause before a paper that met a conflict is tried again (seconds, doubled each time).
RETRY_PAUSE = 0.05
#: How long the process must have served no request before a paper is rendered (seconds).
QUIET = 0.25
_running = weakref.WeakSet()


class Renderer:
    """Renders the pending papers of ``registry``'s database while its process is idle."""

    def __init__(self, registry, max_age):
        self._registry = registry
        self._font_dir = Press.from_settings(registry.settings).font_dir
        self.max_age = max_age
        self._cond = threading.Condition()
        self._inflight = 0
        self._last_request = float("-inf")   # monotonic time the last request ended
        self._dirty = True            # papers may wait from before this process started
        self._due = float("inf")      # monotonic time the oldest known paper turns overdue
        self._scan_at = 0.0           # when to look at the list even unasked (other processes)
        self._retry_at = None
        self._conflicts = 0
        self._stopping = False
        self._failed = set()
        self._thread = None
        self.rendered = 0             # papers stored by this renderer
        self.conflicts = 0            # transactions it lost to a conflict (then retried)

    # -- the requests' side ------------------------------------------------------

    def request_started(self):
        with self._cond:
            self._inflight += 1

    def request_finished(self):
        # No wake-up here: the thread sleeps until the quiet period would end.
        with self._cond:
            self._inflight -= 1
            self._last_request = time.monotonic()

    def _quiet(self, now):
        """No request in flight, and none for ``QUIET`` seconds (call holding the condition)."""
        return self._inflight == 0 and now - self._last_request >= QUIET

    def poke(self, db):
        """A commit to ``db`` queued papers (``pending.listeners``)."""
        if db is not self._database():
            return
        with self._cond:
            self._dirty = True
            self._due = min(self._due, time.monotonic() + self.max_age)
            self._cond.notify_all()

    # -- the thread ---------------------------------------------------------------

    def start(self):
        self._thread = threading.Thread(target=self._run, name="tthc-paper-renderer",
                                        daemon=True)
        _running.add(self)
        pending.listeners.append(self.poke)
        self._thread.start()

    def stop(self, timeout=10):
        """Finish the paper in hand, then end the thread (tests, process exit)."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self.poke in pending.listeners:
            pending.listeners.remove(self.poke)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        _running.discard(self)

    def wait_until(self, predicate, timeout):
        """Wait (bounded) until ``predicate()`` holds, re-checked after each paper stored."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def _database(self):
        return self._registry._zodb_databases[""]

    def _run(self):
        while self._wait_for_work():
            try:
                self._work()
            except Exception:        # the database closed under it: try at the next wake
                log.exception("the paper renderer could not reach the database")

    def _wait_for_work(self):
        with self._cond:
            while not self._stopping:
                now = time.monotonic()
                if now >= self._scan_at:
                    self._dirty, self._scan_at = True, now + self.max_age
                retry_ok = self._retry_at is None or now >= self._retry_at
                if self._dirty and retry_ok and (self._quiet(now) or now >= self._due):
                    self._dirty, self._retry_at = False, None
                    return True
                self._cond.wait(self._timeout(now))
            return False

    def _timeout(self, now):
        moments = [self._scan_at]
        if self._dirty:
            moments.append(self._due)
            # requests end without waking it: look again once a quiet period could have passed
            moments.append(self._last_request + QUIET if self._inflight == 0 else now + QUIET)
        if self._retry_at is not None:
            moments.append(self._retry_at)
        return max(0.0, min(moments) - now)

    def _work(self):
        """Render pending papers one by one while idle (or while the oldest is overdue)."""
        tm = transaction.TransactionManager(explicit=True)
        conn = self._database().open(transaction_manager=tm)
        try:
            while not self._stopping and self._render_next(tm, conn):
                pass
        finally:
            conn.cacheMinimize()
            conn.close()

    def _render_next(self, tm, conn):
        """Render the oldest paper if it is this renderer's turn; False to go back to waiting."""
        tm.begin()
        key = None
        try:
            site = get_site(conn)
            keys = pending.oldest(site, 1, self._failed)
            if keys and self._may_render(time.time() - keys[0][0]):
                key = keys[0]
                pending.render_one(site, key, self._font_dir)
                tm.commit()
                conn.cacheMinimize()      # the paper, its blob and its facts: not kept in memory
                self._stored()
                return True
            tm.abort()
            if not keys:
                with self._cond:
                    self._due = float("inf")
            return False
        except ConflictError:
            _abort(tm)
            self._conflicted()
            return False
        except Exception:
            _abort(tm)
            if key is None:
                raise
            log.exception("paper %s of dossier %s not rendered; it stays pending", key[2], key[1])
            self._failed.add(key)
            return True

    def _may_render(self, age):
        """Quiet, or the oldest paper overdue; else note when it will be and wait."""
        with self._cond:
            if self._quiet(time.monotonic()) or age >= self.max_age:
                return True
            self._dirty = True
            self._due = time.monotonic() + (self.max_age - age)
            return False

    def _conflicted(self):
        with self._cond:
            self._conflicts += 1
            self.conflicts += 1
            self._dirty = True
            self._retry_at = time.monotonic() + RETRY_PAUSE * 2 ** min(self._conflicts, 6)

    def _stored(self):
        with self._cond:
            self.rendered += 1
            self._conflicts = 0
            self._cond.notify_all()


def _abort(tm):
    try:
        tm.abort()
    except NoTransaction:        # the failure was the commit itself, which ended it
        pass


def inflight_tween_factory(handler, registry):
    """Counts this process's requests in flight, so the renderer waits for none."""
    renderer = registry.paper_renderer

    def inflight_tween(request):
        renderer.request_started()
        try:
            return handler(request)
        finally:
            renderer.request_finished()
    return inflight_tween


def start(registry):
    """Start the registry's renderer, if the settings asked for one (``app.main``)."""
    renderer = getattr(registry, "paper_renderer", None)
    if renderer is not None and renderer._thread is None:
        renderer.start()
    return renderer


@atexit.register
def _stop_all():
    for renderer in list(_running):
        renderer.stop()


def includeme(config):
    settings = config.get_settings()
    config.registry.paper_renderer = Renderer(config.registry, settings["tthc_docs.paper_max_age"])
    # outermost: a request counts from the moment it arrives until its answer is made
    config.add_tween("tthc_docs.dossiers.renderer.inflight_tween_factory",
                     under="INGRESS")
