"""Look-ups at the counter by ID number: throttled per officer, each one recorded.

``POST /vaults/@@find`` answers whether a number is registered, so unchecked
it lets anyone with a reception account enumerate who is (400 numbers in
0.7 s in the probe).  Each officer has a budget of finds and of misses
(``tthc_docs.find_throttle``); every look-up, found or not, goes to the
admins' audit log and to the log file with the officer and a keyed hash of
the number, never the number (DESIGN.md: no ID number in a URL or a log).
A find also goes to the citizen's own access log (``counter.log_read``).

Both are written in a transaction of their own (``throttle.apart``): a miss
is answered 404, which aborts the request's transaction.
"""
import logging

from tthc_docs import errors
from tthc_docs.people import audit
from tthc_docs.people.throttle import apart

log = logging.getLogger(__name__)


def check_allowed(db, throttle, officer):
    """429 when ``officer`` has used up the look-ups of the window."""
    wait = apart(db, lambda site: throttle.on(site.login_failures).retry_after(officer),
                 write=False)
    if wait:
        raise errors.TooManyAttempts(
            f"Đã tra cứu quá nhiều số định danh. Thử lại sau {wait} giây.", wait)


def record(db, throttle, secret, officer, id_number, vault_id):
    """Count the look-up and write it to the audit log and the log file."""
    ref = audit.number_ref(secret, id_number)
    what = audit.FIND if vault_id else audit.FIND_MISS

    def write(site):
        throttle.on(site.login_failures).looked_up(officer, found=vault_id is not None)
        site.audit.add(officer, what, target=vault_id or "", detail={"number": ref})
    apart(db, write)
    log.info("%s by %s, number %s, vault %s", what, officer, ref, vault_id or "-")
