"""The portal as the relay sees it: an interface and its HTTP adapter.

``Portal.deliver(message)`` answers a ``Delivery``: what the relay reports to
the outbox. The HTTP adapter speaks ``protocol`` (JSON, signed, with the
idempotency key) and sorts the portal's answers:

- 2xx: delivered (``duplicate`` when the portal already had the key);
- 400/422: refused as malformed, to the dead letters (sending it again
  cannot help);
- anything else (5xx, 401/403 from a clock or key problem, a timeout, a
  refused connection): tried again later.
"""
import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from tthc_docs import timeutil
from tthc_docs.sync import protocol

REFUSED_STATUSES = (400, 422)


@dataclass(frozen=True)
class Delivery:
    """One attempt's result: ``outcome`` is one of ``outbox.OUTCOMES``."""

    outcome: str
    status: int = 0
    error: str = ''


class Portal(Protocol):
    """Where the messages go (the national portal, the development one, a test's)."""

    def deliver(self, message):
        """Send one message; never raises, always a ``Delivery``."""


class HttpPortal:
    """The national portal's dossier-sync endpoint over HTTP(S)."""

    def __init__(self, url, client, secret, timeout=10.0):
        self.url, self.client, self.secret, self.timeout = url, client, secret, float(timeout)

    def deliver(self, message):
        body = json.dumps(message, ensure_ascii=False, sort_keys=True).encode('utf-8')
        headers = dict(protocol.signed_headers(self.secret, self.client, body, timeutil.now()),
                       **{'Content-Type': 'application/json', 'Accept': 'application/json',
                          protocol.HEADER_KEY: message['key']})
        request = urllib.request.Request(self.url, data=body, method='POST', headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return _accepted(answer.status, answer.read())
        except urllib.error.HTTPError as err:
            text = err.read()[:300].decode('utf-8', 'replace')
            outcome = 'refused' if err.code in REFUSED_STATUSES else 'retry'
            return Delivery(outcome, err.code, f'HTTP {err.code}: {text}')
        except (socket.timeout, TimeoutError):
            return Delivery('retry', 0, 'hết thời gian chờ cổng trả lời')
        except OSError as err:
            return Delivery('retry', 0, f'không kết nối được: {err}')


def _accepted(status, raw):
    try:
        answer = json.loads(raw or b'{}')
    except ValueError:
        answer = {}
    duplicate = isinstance(answer, dict) and bool(answer.get('duplicate'))
    return Delivery('duplicate' if duplicate else 'delivered', status)
