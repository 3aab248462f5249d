"""Working-day deadlines of a dossier (pure: no web, no database).

The processing time of a procedure is counted in working days from receipt
(``tthc_docs.dossiers.calendar`` knows which days are worked). The appointment is the
end of office hours of the last day. While a supplement is requested the clock
stops; when the citizen supplements, the deadline moves forward by the working
days that passed meanwhile. ``overdue`` is always derived, never stored.
"""
from datetime import datetime, time, timedelta

from tthc_docs import errors
from tthc_docs.dossiers.states import OPEN, REJECTED, SUBMITTED, SUPPLEMENT_REQUESTED, WITHDRAWN

#: A result is due by the end of office hours of its due day.
APPOINTMENT_TIME = time(17, 0)
#: States that never count as late (no outcome was owed).
NEVER_LATE = frozenset({REJECTED, WITHDRAWN, SUBMITTED})
#: Longest span we walk day by day (ten years): a guard against bad data.
_MAX_SPAN_DAYS = 3660


def appointment(day, tzinfo):
    """The aware datetime at which a result due on ``day`` must be ready."""
    return datetime.combine(day, APPOINTMENT_TIME, tzinfo=tzinfo)


def due_at(received_at, processing_days, calendar):
    """When the result is due for a dossier received at ``received_at``.

    The receipt day counts as day one when it is worked (the calendar's
    contract); a procedure settled "on the day" (0 days) is due that day.
    """
    start = received_at.date()
    if processing_days <= 0:
        day = start if calendar.is_working_day(start) else calendar.add_working_days(start, 1)
    else:
        day = calendar.add_working_days(start, processing_days)
    return appointment(day, received_at.tzinfo)


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
    if n <= 0:
        return day
    return calendar.add_working_days(day + timedelta(days=1), n)


def resume(due, paused_at, resumed_at, calendar):
    """The deadline after a supplement: pushed back by the working days paused.

    A request made on Tuesday and answered on Thursday cost the office
    Wednesday and Thursday: the due day moves two working days later.
    """
    if due is None:
        return None
    lost = working_days_in(paused_at.date(), resumed_at.date(), calendar)
    return appointment(add_after(due.date(), lost, calendar), due.tzinfo)


def is_overdue(status, due, now, finished_at=None, paused_at=None):
    """True when the dossier was (or is) not settled by its appointment.

    The reference moment is when it finished, when its clock stopped for a
    supplement, or now.
    """
    if due is None or status in NEVER_LATE:
        return False
    if status not in OPEN:   # the outcome is known: the clock stopped when it finished
        return finished_at is not None and finished_at > due
    moment = paused_at if status == SUPPLEMENT_REQUESTED and paused_at else now
    return moment > due


def is_due_soon(status, due, now, calendar, within=1):
    """Open, not yet late, and due within ``within`` working days from today."""
    if due is None or status not in OPEN or status == SUPPLEMENT_REQUESTED:
        return False
    if now > due:
        return False
    # "at most `within` working days in (today, due]" is "due before the
    # (within + 1)-th working day after today": a few steps, not a walk to due
    # (queues ask this of every row).
    return due.date() < add_after(now.date(), within + 1, calendar)


def check_new_appointment(old_due, new_day, today):
    """Validate the new appointment of an apology; raise ``Invalid`` if wrong.

    The new date must be later than the missed one and not in the past.
    """
    if new_day is None:
        raise errors.Invalid('Cần ngày hẹn mới.', {'new_due': 'bắt buộc'})
    if new_day < today:
        raise errors.Invalid('Ngày hẹn mới đã qua.', {'new_due': 'phải từ hôm nay trở đi'})
    if old_due is not None and new_day <= old_due.date():
        raise errors.Invalid('Ngày hẹn mới phải sau ngày hẹn cũ.',
                             {'new_due': 'phải sau ngày hẹn cũ'})
    return new_day
