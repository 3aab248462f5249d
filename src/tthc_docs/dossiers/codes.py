"""Dossier codes per Circular 01/2018/TT-VPCP (pure ZODB, no web).

A code is ``<agency unit code>-<YYMMDD>-<4-digit daily sequence>``, e.g.
``000.00.20.H55-270203-0001``: the receiving agency, the day the dossier was
received (Circular 01/2018/TT-VPCP art. 19) and its rank among that
agency's dossiers of the day. Which day that is: :func:`code_day`.

The sequence lives in a ``DailyCounter`` per agency and day, kept in an
OOBTree. A counter deliberately has no conflict resolution: two transactions
that draw from the same counter conflict, one of them is retried (by
pyramid_retry in the app, by :func:`run_with_retries` elsewhere) and draws
the next number. Merging the two increments (as ``BTrees.Length`` would)
would hand both of them the same number.
"""
import re
import time
from datetime import date

import transaction
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from ZODB.POSException import ConflictError

from tthc_docs import errors
from tthc_docs.timeutil import VN_TZ

CODE_RE = re.compile(r'^(?P<agency>[0-9A-Za-z.]{1,40})-(?P<day>\d{6})-(?P<seq>\d{4,6})$')
AGENCY_RE = re.compile(r'^[0-9A-Za-z.]{1,40}$')


class DailyCounter(Persistent):
    """The last sequence number drawn for one agency on one day."""

    def __init__(self):
        self.value = 0

    def draw(self):
        """The next number; writes the counter so concurrent draws conflict."""
        self.value += 1
        return self.value


class CodeCounters(Persistent):
    """All daily counters, keyed ``<agency>|<YYMMDD>`` in an OOBTree."""

    def __init__(self):
        self.counters = OOBTree()

    def next_code(self, agency, day):
        """Draw the next dossier code of ``agency`` for ``day`` (a date)."""
        if not AGENCY_RE.match(agency or ''):
            raise errors.Invalid('Mã đơn vị không hợp lệ.', {'agency': 'không hợp lệ'})
        stamp = day.strftime('%y%m%d')
        key = f'{agency}|{stamp}'
        counter = self.counters.get(key)
        if counter is None:
            counter = self.counters[key] = DailyCounter()
        return format_code(agency, day, counter.draw())

    def last_number(self, agency, day):
        """How many codes were drawn for ``agency`` on ``day`` (0 if none)."""
        counter = self.counters.get(f"{agency}|{day.strftime('%y%m%d')}")
        return counter.value if counter is not None else 0


def code_day(taken_in_at):
    """The day a dossier's code is dated: the calendar day it was taken in, in Vietnam.

    Circular 01/2018/TT-VPCP art. 19 dates the code by the day the dossier
    is received. At the counter the officer files and receives in one sitting,
    so that is the day of receipt itself. For an online filing we adopt the
    day the portal took the electronic dossier in (the submission), not the
    later day an officer accepts it nor the next working day a late-evening
    filing counts as received for its deadline, because: the portal must
    acknowledge an electronic dossier with its code at once (Decree
    45/2020/NĐ-CP on electronic procedures), the applicant tracks it by that
    code and the national portal synchronises by it, so it can never change
    afterwards; and the daily sequence then numbers dossiers in the order
    they really arrived. The deadline's own receipt day (the cut-off rule)
    is ``WorkingCalendar.receipt_day`` and does not depend on the code.
    The day is Vietnam's, whatever zone the clock reports in.
    """
    if taken_in_at.tzinfo is None:
        return taken_in_at.date()
    return taken_in_at.astimezone(VN_TZ).date()


def format_code(agency, day, seq):
    """``000.00.20.H55-270203-0001``; past 9999 the number simply widens."""
    return f"{agency}-{day.strftime('%y%m%d')}-{seq:04d}"


def as_typed(text):
    """A code as a person types or reads it aloud: any case, spaces anywhere, to the stored form."""
    return ''.join((text or '').split()).upper()


def parse_code(code):
    """``(agency, date, seq)`` of a well-formed code; ``None`` otherwise."""
    m = CODE_RE.match(code or '')
    if not m:
        return None
    raw = m.group('day')
    try:
        day = date(2000 + int(raw[:2]), int(raw[2:4]), int(raw[4:]))
    except ValueError:
        return None
    return m.group('agency'), day, int(m.group('seq'))


def run_with_retries(fn, attempts=10, manager=None, backoff=0.005):
    """Run ``fn()`` in its own transaction, retrying on ``ConflictError``.

    For code outside a web request (CLI, tests, benches); in the app,
    pyramid_retry does the same for the whole request.
    """
    tm = manager or transaction.manager
    for attempt in range(attempts):
        tm.begin()
        try:
            result = fn()
            tm.commit()
            return result
        except ConflictError:
            tm.abort()
            time.sleep(backoff * (attempt + 1))
        except BaseException:
            tm.abort()
            raise
    raise errors.StateConflict('Hệ thống đang bận, xin thử lại.', allowed=())
