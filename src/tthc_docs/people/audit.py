"""The admins' audit log: role changes and counter look-ups, who and when.

A vault's own access log tells its owner who read it; this log tells the
admins what no vault can: who changed whose roles, and which look-ups at
the counter found nobody.  An ID number never enters it: a look-up is
recorded by a keyed hash of the number (``number_ref``), enough to see the
same number tried again, useless for reading the number back.

Entries are keyed by (nanoseconds, random suffix) so that two requests
appending at once insert different keys and do not conflict.
"""
import hashlib
import hmac
import secrets
import time

from BTrees.OOBTree import OOBTree
from persistent import Persistent

from tthc_docs import timeutil

ROLES_CHANGED = "roles"
ACTIVE_CHANGED = "active"
FIND = "counter: find"
FIND_MISS = "counter: find (không thấy)"


def number_ref(secret, id_number):
    """A short keyed hash of an ID number: the same number gives the same ref, never the number."""
    digest = hmac.new(secret.encode(), b"id-number:" + id_number.encode(), hashlib.sha256)
    return "#" + digest.hexdigest()[:12]


class AuditLog(Persistent):
    """``(at, suffix) -> {at, who, what, target, detail}``, newest last."""

    def __init__(self):
        self.entries = OOBTree()

    def add(self, who, what, target="", detail=None, at=None):
        at = at or timeutil.now()
        entry = {"at": timeutil.iso(at), "who": who, "what": what, "target": target,
                 "detail": dict(detail or {})}
        self.entries[(time.time_ns(), secrets.token_hex(4))] = entry
        return entry

    def newest(self, limit=200, what=None):
        """The newest entries first (``what`` filters by kind)."""
        found = []
        for key in reversed(self.entries.keys()):
            entry = self.entries[key]
            if what is None or entry["what"] == what:
                found.append(entry)
                if len(found) >= limit:
                    break
        return found

    def __len__(self):
        return len(self.entries)
