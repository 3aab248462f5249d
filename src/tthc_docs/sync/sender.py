"""``tthc-docs sync CONFIG``: the relay that carries the outbox to the portal.

A process of its own (``make run`` starts it beside the web server). It asks
the app for the records due (``GET /outbox/@@batch``), sends each to the
portal at a bounded rate, and reports each result at once (``POST
/outbox/@@outcome``); the app decides the backoff and the dead letters. Both
calls are signed with ``tthc_docs.portal.relay_secret``.

Why through the app and not the database: a FileStorage is opened by one
process only, so the relay would need ZEO in development; through the app it
works on every storage, and the outbox is changed in the app's transactions
with its conflict retries.

Killed at any point, it loses nothing: a record is settled only after the
portal's answer is reported, so at worst the next run sends it again under
the same idempotency key and the portal answers "duplicate"
(at-least-once delivery, exactly-once on the portal's side).
"""
import json
import logging
import signal
import threading
import urllib.error
import urllib.parse
import urllib.request

from tthc_docs import timeutil
from tthc_docs.sync import policy, protocol, setting
from tthc_docs.sync.portal import HttpPortal

log = logging.getLogger(__name__)

POLL_SECONDS = 1.0
BATCH = 50


def relay_headers(secret, method, path, body, now):
    """Signed headers of a relay call: the signature covers method, path and body."""
    return protocol.signed_headers(secret, 'relay', relay_payload(method, path, body), now)


def relay_payload(method, path, body):
    return f'{method} {path}\n'.encode() + (body or b'')


class AppClient:
    """The relay's two calls to the app."""

    def __init__(self, app_url, secret, timeout=30.0):
        self.base = app_url.rstrip('/')
        self.secret, self.timeout = secret, timeout

    def _call(self, method, path, body=None):
        headers = dict(relay_headers(self.secret, method, path, body, timeutil.now()),
                       Accept='application/json')
        if body is not None:
            headers['Content-Type'] = 'application/json'
        request = urllib.request.Request(self.base + path, data=body, method=method,
                                         headers=headers)
        with urllib.request.urlopen(request, timeout=self.timeout) as answer:
            return json.loads(answer.read())

    def batch(self, limit=BATCH):
        return self._call('GET', f'/outbox/@@batch?limit={int(limit)}')['records']

    def report(self, key, attempt, delivery):
        body = json.dumps({'key': key, 'attempt': attempt, 'outcome': delivery.outcome,
                           'status': delivery.status, 'error': delivery.error}).encode()
        return self._call('POST', '/outbox/@@outcome', body)


def run(app, portal, limiter, stop, once=False, poll=POLL_SECONDS):
    """Deliver until ``stop`` is set (or, with ``once``, until nothing is due)."""
    while not stop.is_set():
        try:
            batch = app.batch()
        except (OSError, ValueError, KeyError) as exc:
            log.warning("the app did not answer the relay: %s", exc)
            batch = None
        for item in batch or ():
            if stop.is_set():
                return
            limiter.wait()
            delivery = portal.deliver(item['message'])
            log.info("record %s attempt %d: %s %s", item['key'], item['attempt'],
                     delivery.outcome, delivery.error)
            _report(app, item, delivery, stop)
        if not batch:
            if once:
                return
            stop.wait(poll)


def _report(app, item, delivery, stop):
    """Report until the app takes it; if it never does, the record is simply sent again."""
    for wait in (0.2, 0.5, 1, 2, 5):
        try:
            app.report(item['key'], item['attempt'], delivery)
            return
        except (OSError, ValueError) as exc:
            log.warning("could not report %s: %s", item['key'], exc)
            if stop.wait(wait):
                return


def add_args(parser):
    parser.add_argument("config", help="the .ini file, e.g. development.ini")
    parser.add_argument("--once", action="store_true", help="stop when nothing is due")
    parser.add_argument("--app-url", help="where this app is served (default: the setting)")
    parser.add_argument("--portal-url", help="the portal's endpoint (default: the setting)")
    parser.add_argument("--poll", type=float, default=POLL_SECONDS, help="seconds between polls")


def cmd_sync(args):
    from tthc_docs.cli import load_settings
    settings = load_settings(args.config)
    url = args.portal_url or setting(settings, 'url')
    secret, relay_secret = setting(settings, 'secret'), setting(settings, 'relay_secret')
    if not (url and secret and relay_secret and setting(settings, 'client')):
        raise SystemExit("tthc_docs.portal.url, .client, .secret and .relay_secret are needed")
    portal = HttpPortal(url, setting(settings, 'client'), secret,
                        setting(settings, 'timeout_seconds', float))
    app = AppClient(args.app_url or setting(settings, 'app_url'), relay_secret)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    log.info("sync relay: %s -> %s", app.base, url)
    run(app, portal, policy.RateLimit(setting(settings, 'rate', float)), stop,
        once=args.once, poll=args.poll)
    return 0
