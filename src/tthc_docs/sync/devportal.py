"""A development national portal that speaks the dossier-sync protocol for real.

For ``make run`` and the tests, mounted by the app at ``/_devportal/`` when
``tthc_docs.portal.dev_portal = true`` (development.ini only):

- ``POST api/events``: one message; the signature and its time window are
  checked (401), a malformed message is refused (422), a key seen before is
  answered ``{"duplicate": true}`` and not stored again;
- ``GET dossiers/<code>``: ``{"code", "events": [{"status", "event", "at",
  "key", "seq", "agency_code", "receiving_agency_code"}]}``, each key once,
  in the dossier's order;
- ``POST faults`` ``{"mode", "count", "delay"}``: the next ``count`` messages
  get ``fail`` (500 before storing), ``timeout`` (stored, then the answer is
  held ``delay`` seconds), ``twice`` (stored, then 500, so the same message
  comes again) or ``malformed`` (422); ``GET faults`` shows what is armed.

Its store is its own FileStorage (``tthc_docs.portal.dev_store``; in memory
without one), not a key in the app's database: the portal is another
system, so what it received must survive our database being restored from a
backup (the fault the keys are for), and its writes must not join, or be
undone with, the transaction of the request that carries them.
"""
import json
import threading
import time

import transaction
import ZODB
from BTrees.OOBTree import OOBTree
from webob import Request, Response
from ZODB.FileStorage import FileStorage
from ZODB.MappingStorage import MappingStorage

from tthc_docs import timeutil
from tthc_docs.sync import protocol

FAULTS = ('fail', 'timeout', 'twice', 'malformed')


class DevPortal:
    """The WSGI app; ``clients`` maps client ids to their HMAC secrets."""

    def __init__(self, clients, store_path=None, window_seconds=300):
        self.clients = dict(clients)
        self.window = int(window_seconds)
        storage = FileStorage(store_path) if store_path else MappingStorage()
        self.db = ZODB.DB(storage)
        self.lock = threading.Lock()
        self.faults = []   # [{"mode", "delay"}] armed, consumed one per message
        with self._root() as root:
            if 'events' not in root:
                root['events'] = OOBTree()    # key -> stored event
                root['by_code'] = OOBTree()   # (code, seq, arrival) -> key
                root['arrivals'] = 0

    def close(self):
        self.db.close()

    def _root(self):
        portal = self

        class Opened:
            def __enter__(self):
                self.tm = transaction.TransactionManager(explicit=True)
                self.conn = portal.db.open(transaction_manager=self.tm)
                self.tm.begin()
                return self.conn.root()

            def __exit__(self, kind, *_):
                (self.tm.abort if kind else self.tm.commit)()
                self.conn.close()
        return Opened()

    def __call__(self, environ, start_response):
        request = Request(environ)
        path = request.path_info.strip('/')
        if path == 'api/events' and request.method == 'POST':
            response = self.receive(request)
        elif path.startswith('dossiers/') and request.method == 'GET':
            response = _json(200, self.events_of(path[len('dossiers/'):]))
        elif path == 'faults' and request.method == 'POST':
            response = self.arm(request)
        elif path == 'faults' and request.method == 'GET':
            response = _json(200, {'faults': list(self.faults)})
        else:
            response = _json(404, {'error': 'không có địa chỉ này trên cổng thử nghiệm'})
        return response(environ, start_response)

    # -- receiving ---------------------------------------------------------------

    def receive(self, request):
        body = request.body
        secret = self.clients.get(request.headers.get(protocol.HEADER_CLIENT, ''))
        reason = (protocol.check_signature(request.headers, body, secret, timeutil.now(),
                                           self.window) if secret else 'đơn vị không xác định')
        if reason:
            return _json(401, {'error': reason})
        fault = self._next_fault()
        if fault == 'fail':
            return _json(500, {'error': 'lỗi giả lập của cổng'})
        if fault == 'malformed':
            return _json(422, {'error': 'thông điệp bị từ chối (giả lập)'})
        try:
            message = json.loads(body)
        except ValueError:
            return _json(400, {'error': 'JSON không hợp lệ'})
        problems = protocol.problems(message)
        if problems:
            return _json(422, {'error': 'thông điệp không hợp lệ', 'fields': problems})
        if request.headers.get(protocol.HEADER_KEY) != message['key']:
            return _json(422, {'error': 'Idempotency-Key khác khóa của thông điệp'})
        duplicate = self.store(message)
        if fault == 'twice':
            return _json(500, {'error': 'đã nhận nhưng trả lời lỗi (giả lập)'})
        if fault == 'timeout':
            time.sleep(self._delay)
        return _json(200 if duplicate else 201, {'accepted': True, 'key': message['key'],
                                                 'duplicate': duplicate})

    def store(self, message):
        """Keep the message unless its key was seen; True when it was a duplicate."""
        with self.lock, self._root() as root:
            if message['key'] in root['events']:
                return True
            root['arrivals'] += 1
            root['events'][message['key']] = {
                'key': message['key'], 'seq': message['seq'], 'event': message['event'],
                'status': message['status'], 'at': message['event_at'],
                'agency_code': message['agency_code'],
                'receiving_agency_code': message.get('receiving_agency_code'),
                'received_at': timeutil.iso(timeutil.now())}
            root['by_code'][(message['dossier_code'], message['seq'],
                             root['arrivals'])] = message['key']
            return False

    def events_of(self, code):
        with self._root() as root:
            keys = root['by_code'].values(min=(code, 0, 0), max=(code, 10 ** 9, 10 ** 12))
            events = [dict(root['events'][k]) for k in keys]
        return {'code': code, 'events': events}

    # -- faults ---------------------------------------------------------------------

    _delay = 0.0

    def arm(self, request):
        try:
            data = json.loads(request.body or b'{}')
            mode, count = data['mode'], int(data.get('count', 1))
        except (ValueError, KeyError, TypeError):
            return _json(422, {'error': 'cần {"mode", "count"}'})
        if mode not in FAULTS:
            return _json(422, {'error': 'mode là một trong: ' + ', '.join(FAULTS)})
        self._delay = float(data.get('delay', 0))
        with self.lock:
            self.faults.extend([mode] * count)
        return _json(200, {'faults': list(self.faults)})

    def _next_fault(self):
        with self.lock:
            return self.faults.pop(0) if self.faults else None


def _json(status, body):
    return Response(json.dumps(body, ensure_ascii=False), status=status,
                    content_type='application/json', charset='utf-8')


def from_settings(settings):
    """A dev portal that knows this app's client id and secret."""
    client = settings.get('tthc_docs.portal.client')
    secret = settings.get('tthc_docs.portal.secret')
    if not (client and secret):
        raise ValueError('tthc_docs.portal.client and .secret are needed by the dev portal')
    return DevPortal({client: secret}, settings.get('tthc_docs.portal.dev_store') or None,
                     int(settings.get('tthc_docs.portal.window_seconds') or 300))
