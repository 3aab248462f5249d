"""Working-day deadlines of a dossier (pure: no web, no database).

Two dates, never confused (DESIGN.md):

- the **legal due date** (``due_at``): set at receipt by the rule below,
  moved only by a pause of the clock (a supplement request); every
  ``overdue``, due-soon, queue order and on-time figure is measured on it;
- the **current appointment** (``appointment_at``): the date promised to the
  applicant, equal to the legal due date until an apology (Circular
  01/2018/TT-VPCP, Mẫu 04: thư xin lỗi và hẹn lại ngày trả kết quả) moves
  it later. An apology never moves the legal due date.

The counting rule, with its legal basis:

- Civil Code 2015 art. 147(1): a period in days does not count the day of
  the event; it starts on the next day. A procedure of N working days
  (Decree 61/2018/NĐ-CP art. 18-19: the appointment on the receipt paper,
  Mẫu 01 of Circular 01/2018/TT-VPCP) is due on the N-th working day after
  the day of receipt, at the end of office hours.
- A dossier received after the office's cut-off hour (the province's rule,
  setting ``tthc_docs.receipt_cutoff``), at a weekend or on a holiday counts
  as received on the next working day (``WorkingCalendar.receipt_day``).
- A procedure settled "on the day" (0 days) is due on its day of receipt:
  that same day before the cut-off, the next working day after it.
- The clock stops while the applicant is asked to supplement (Decree
  61/2018 art. 16(2)(c) and 19: the time to supplement is not counted); the
  legal due date and the appointment move forward by the working days lost.
  A payment wait falls before receipt here (``receive`` needs the fee paid),
  so the clock never runs during it; ``resume`` serves any pause alike.
"""
from datetime import datetime, time

from tthc_docs import errors
from tthc_docs.dossiers.states import OPEN, REJECTED, SUBMITTED, SUPPLEMENT_REQUESTED, WITHDRAWN
from tthc_docs.timeutil import VN_TZ

#: A result is due by the end of office hours of its due day.
APPOINTMENT_TIME = time(17, 0)
#: States that never count as late (no outcome was owed).
NEVER_LATE = frozenset({REJECTED, WITHDRAWN, SUBMITTED})
#: Longest span we walk day by day (ten years): a guard against bad data.
_MAX_SPAN_DAYS = 3660


def appointment(day, tzinfo=VN_TZ):
    """The aware datetime at which a result due on ``day`` must be ready."""
    return datetime.combine(day, APPOINTMENT_TIME, tzinfo=tzinfo or VN_TZ)


def due_day(received, processing_days, calendar):
    """The legal due day of a dossier received at ``received`` (datetime or date).

    A date means a receipt during office hours (the catalog's ``@@due-date``).
    """
    start = calendar.receipt_day(received)
    return calendar.add_working_days(start, max(int(processing_days or 0), 0))


def due_at(received_at, processing_days, calendar):
    """When the result is legally due for a dossier received at ``received_at``."""
    return appointment(due_day(received_at, processing_days, calendar), VN_TZ)


def working_days_in(after, until, calendar):
    """Number of working days d with ``after < d <= until`` (dates)."""
    span = (until - after).days
    if span <= 0:
        return 0
    if span > _MAX_SPAN_DAYS:
        raise errors.Invalid('Khoảng thời gian quá dài.', {'date': 'quá mười năm'})
    return calendar.working_days_between(after, until)


def add_after(day, n, calendar):
    """The n-th working day strictly after ``day`` (``day`` itself if n == 0)."""
    return calendar.add_working_days(day, max(n, 0))


def days_lost(paused_at, resumed_at, calendar):
    """Working days the clock stood still, from a pause to its end.

    The day of the pause was worked; from the next working day up to the day
    the answer counts as received (after the cut-off: the next working day)
    the office waited. A request made on Tuesday and answered on Thursday
    morning cost Wednesday and Thursday: two working days.
    """
    back = calendar.receipt_day(resumed_at)
    return working_days_in(_local(paused_at).date(), back, calendar)


def shift(moment, lost, calendar):
    """``moment`` (a due date or appointment) moved ``lost`` working days later."""
    if moment is None or lost <= 0:
        return moment
    return appointment(add_after(_local(moment).date(), lost, calendar), moment.tzinfo)


def resume(due, paused_at, resumed_at, calendar):
    """The legal due date after a pause: pushed back by the working days lost."""
    if due is None:
        return None
    return shift(due, days_lost(paused_at, resumed_at, calendar), calendar)


def _local(moment):
    return moment.astimezone(VN_TZ) if isinstance(moment, datetime) and moment.tzinfo else moment


def is_overdue(status, due, now, finished_at=None, paused_at=None):
    """True when the dossier was (or is) not settled by its legal due date ``due``.

    Never pass the appointment: an apology does not make a late dossier
    timely. The reference moment is when it finished, when its clock
    stopped for a supplement, or now.
    """
    if due is None or status in NEVER_LATE:
        return False
    if status not in OPEN:   # the outcome is known: the clock stopped when it finished
        return finished_at is not None and finished_at > due
    moment = paused_at if status == SUPPLEMENT_REQUESTED and paused_at else now
    return moment > due


def overdue_changes_at(status, due, now, paused_at=None):
    """The moment :func:`is_overdue`'s answer changes by the clock alone, or None.

    An open dossier whose clock runs and that is not late yet turns late just
    after ``due``; every other answer changes only by an event (a
    transition, a supplement) and so by a commit. Kept public answers that
    show lateness (the tracking page, web/pagecache.py) are valid until then.
    """
    if due is None or status in NEVER_LATE or status not in OPEN:
        return None
    if status == SUPPLEMENT_REQUESTED and paused_at:
        return None
    return due if now <= due else None


def is_due_soon(status, due, now, calendar, within=1):
    """Open, not yet late, and due within ``within`` working days from today."""
    if due is None or status not in OPEN or status == SUPPLEMENT_REQUESTED:
        return False
    if now > due:
        return False
    return due < due_soon_before(now, calendar, within)


def due_soon_before(now, calendar, within=1):
    """The moment before which a due date is "due soon": the start of that working day.

    "At most ``within`` working days in (today, due]" is "due before the
    (within + 1)-th working day after today": a few steps, not a walk to due
    (queues ask this of every row, and their "due soon" filter reads the
    due-date index up to this moment).
    """
    day = add_after(_local(now).date(), within + 1, calendar)
    return datetime.combine(day, time.min, tzinfo=VN_TZ)


def check_new_appointment(legal_due, current, new_day, today):
    """Validate the new appointment of an apology; raise ``Invalid`` (422) if wrong.

    An apology promises a later date: never one in the past, never one
    before the legal due date, and later than the current appointment
    (which is never before the legal due date).
    """
    if new_day is None:
        raise errors.Invalid('Cần ngày hẹn mới.', {'new_due': 'bắt buộc'})
    if new_day < today:
        raise errors.Invalid('Ngày hẹn mới đã qua.', {'new_due': 'phải từ hôm nay trở đi'})
    if legal_due is not None and new_day < _local(legal_due).date():
        raise errors.Invalid('Ngày hẹn mới sớm hơn thời hạn giải quyết theo quy định.',
                             {'new_due': 'không được trước thời hạn theo quy định '
                                         + _local(legal_due).strftime('%d/%m/%Y')})
    if current is not None and new_day <= _local(current).date():
        raise errors.Invalid('Ngày hẹn mới phải sau ngày hẹn hiện tại.',
                             {'new_due': 'phải sau ngày hẹn hiện tại '
                                         + _local(current).strftime('%d/%m/%Y')})
    return new_day
