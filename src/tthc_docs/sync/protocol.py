"""The national portal's dossier-sync protocol (pure: no web, no database).

What the Cổng dịch vụ công quốc gia tracks of a dossier is one message per
event (Decree 61/2018/NĐ-CP art. 12 and Decree 107/2021/NĐ-CP: the one-stop
office's electronic system synchronises each dossier's status with the
national portal, so that people can follow it there): the dossier code,
procedure code, agency code, status, the times, the channel, the fee and its
payment; beside the handling agency's code, the code of the desk that received
the dossier (``receiving_agency_code``: another desk under location-independent
filing, Decree 118/2025/NĐ-CP; else the handling agency's own). Each message carries an idempotency key; the portal keeps the first
message of a key and answers every later one as a duplicate.

Messages are signed with HMAC-SHA256 over ``<timestamp>.<body>``; a message
whose timestamp is outside the window is refused as stale (a replay).
"""
import hashlib
import hmac
import json

from tthc_docs import timeutil
from tthc_docs.dossiers import states

#: The dossier's history actions the portal tracks, and the event each one is.
EVENTS = {
    'submit': 'filed', 'receive': 'received',
    'request_supplement': 'supplement_requested', 'supplement': 'supplement_supplied',
    'assign': 'handover', 'forward': 'handover', 'approve': 'handover',
    'send_back': 'handover', 'apologize': 'apology', 'sign': 'result_ready',
    'return': 'returned', 'reject': 'rejected', 'withdraw': 'withdrawn',
    'pay': 'payment', 'rate': 'rating',
}
EVENT_NAMES = tuple(sorted(set(EVENTS.values())))
#: Fields every message must carry (the portal refuses a message without them).
REQUIRED = ('key', 'seq', 'event', 'dossier_code', 'procedure_code', 'agency_code',
            'status', 'event_at', 'channel', 'fee')

#: A message's fields in the order ``pack`` keeps them (``seq``, ``dossier_code`` and
#: ``key`` are the record's own), and its fee's.
PACKED = ('event', 'procedure_code', 'agency_code', 'receiving_agency_code', 'status',
          'status_label', 'event_at', 'submitted_at', 'received_at', 'due_at',
          'appointment_at', 'finished_at', 'returned_at', 'channel', 'step')
FEE = ('amount', 'paid', 'method', 'paid_at')
OWN = ('seq', 'dossier_code', 'key')

HEADER_TIMESTAMP = 'X-Portal-Timestamp'
HEADER_SIGNATURE = 'X-Portal-Signature'
HEADER_CLIENT = 'X-Portal-Client'
HEADER_KEY = 'Idempotency-Key'


def event_for(action):
    """The portal event of a history action, or None for what the portal does not track."""
    return EVENTS.get(action)


def appointment_at(dossier):
    """The current appointment: the last apology's new date, else the legal due date."""
    apologies = list(getattr(dossier, 'apologies', None) or ())
    return apologies[-1].get('new_due') if apologies else dossier.due_at


def message(dossier, entry, seq):
    """The message for history ``entry`` of ``dossier``, numbered ``seq``, with its key.

    A snapshot taken in the transaction of the change: what the dossier was
    right after the event (its ``status`` is the entry's target state, so a
    record made later from the history, by the evolve step, still says the
    state the event led to). Nothing personal (no name, no ID number, no data).
    """
    payment = getattr(dossier, 'payment', None) or {}
    status = entry.get('target') or dossier.status
    body = {
        'seq': seq, 'event': event_for(entry.get('action')),
        'dossier_code': dossier.code, 'procedure_code': dossier.procedure_code,
        'agency_code': dossier.agency, 'receiving_agency_code': dossier.receiving_desk,
        'status': status,
        'status_label': states.STATE_LABELS.get(status, status),
        'event_at': timeutil.iso(entry.get('at')),
        'submitted_at': timeutil.iso(dossier.submitted_at),
        'received_at': timeutil.iso(dossier.received_at),
        'due_at': timeutil.iso(dossier.due_at),
        'appointment_at': timeutil.iso(appointment_at(dossier)),
        'finished_at': timeutil.iso(dossier.finished_at),
        'returned_at': timeutil.iso(dossier.returned_at),
        'channel': dossier.channel,
        'fee': {'amount': int(dossier.fee_amount or 0), 'paid': bool(dossier.is_paid),
                'method': payment.get('provider'), 'paid_at': timeutil.iso(payment.get('paid_at'))},
        'step': entry.get('step'),
    }
    if entry.get('action') == 'rate':
        body['rating'] = {'score': entry.get('score')}
    body['key'] = key_for(dossier.code, seq, body)
    return body


def key_for(code, seq, body):
    """``<code>:<seq>:<digest>``: the same event re-sent keeps its key.

    The digest covers the message, so after a database restored from a
    backup a *new* event that reuses a sequence number is a new key, while
    the events the backup already held are recognised by the portal.
    """
    canonical = json.dumps({k: v for k, v in body.items() if k != 'key'}, sort_keys=True,
                           ensure_ascii=False)
    return f"{code}:{seq}:{hashlib.sha256(canonical.encode()).hexdigest()[:12]}"


def pack(body):
    """``body`` (a whole message) as a flat tuple of its values, or None if it is not whole.

    The values in ``PACKED`` order, then the fee's, then the rating's score
    when the event is a rating; the fields the record holds itself (``OWN``)
    are left out. ``unpack`` gives back an equal dict. A tuple pickles as
    half the objects and bytes of the dict with its names (issue 15).
    """
    fee, rating = body.get('fee'), body.get('rating')
    names = set(PACKED) | set(OWN) | {'fee'} | ({'rating'} if rating is not None else set())
    if (set(body) != names or not isinstance(fee, dict) or set(fee) != set(FEE)
            or (rating is not None and (not isinstance(rating, dict) or set(rating) != {'score'}))):
        return None
    values = tuple(body[name] for name in PACKED) + tuple(fee[name] for name in FEE)
    return values + ((rating['score'],) if rating is not None else ())


def unpack(packed, code, seq, key):
    """The message ``pack`` made ``packed`` from, for record ``(code, seq)`` with ``key``."""
    body = dict(zip(PACKED, packed))
    body['fee'] = dict(zip(FEE, packed[len(PACKED):len(PACKED) + len(FEE)]))
    if len(packed) > len(PACKED) + len(FEE):
        body['rating'] = {'score': packed[-1]}
    body.update(seq=seq, dossier_code=code, key=key)
    return body


def split_key(key):
    """``(code, seq)`` of a key, or None when it is not one."""
    try:
        code, seq, _digest = str(key).rsplit(':', 2)
        return code, int(seq)
    except ValueError:
        return None


def problems(body):
    """What makes a message malformed, ``{field: why}`` (empty when well-formed)."""
    if not isinstance(body, dict):
        return {'body': 'phải là một đối tượng JSON'}
    found = {name: 'bắt buộc' for name in REQUIRED if body.get(name) in (None, '')}
    if body.get('status') and body['status'] not in states.STATES:
        found['status'] = 'không thuộc danh mục trạng thái'
    if body.get('event') and body['event'] not in EVENT_NAMES:
        found['event'] = 'không thuộc danh mục sự kiện'
    if body.get('seq') is not None and (isinstance(body['seq'], bool)
                                        or not isinstance(body['seq'], int)):
        found['seq'] = 'phải là số nguyên'
    if body.get('key') and split_key(body['key']) is None:
        found['key'] = 'không đúng dạng <mã hồ sơ>:<số thứ tự>:<mã băm>'
    return found


# -- signing ------------------------------------------------------------------

def signature(secret, timestamp, body):
    """Hex HMAC-SHA256 of ``<timestamp>.<body>`` (``body`` as bytes)."""
    mac = hmac.new(secret.encode(), str(timestamp).encode() + b'.' + body, hashlib.sha256)
    return mac.hexdigest()


def signed_headers(secret, client, body, now):
    """The headers that sign ``body`` at ``now`` (an aware datetime)."""
    timestamp = int(now.timestamp())
    return {HEADER_CLIENT: client, HEADER_TIMESTAMP: str(timestamp),
            HEADER_SIGNATURE: signature(secret, timestamp, body)}


def check_signature(headers, body, secret, now, window_seconds):
    """None when ``body`` is signed by ``secret`` within the window, else the reason."""
    stamp = str(headers.get(HEADER_TIMESTAMP) or '')
    given = str(headers.get(HEADER_SIGNATURE) or '')
    if not stamp.isdigit() or not given:
        return 'thiếu chữ ký hoặc dấu thời gian'
    if not hmac.compare_digest(given, signature(secret, stamp, body)):
        return 'sai chữ ký'
    if abs(now.timestamp() - int(stamp)) > window_seconds:
        return 'dấu thời gian ngoài khoảng cho phép (có thể là gửi lại)'
    return None
