"""The guards and effects of the workflow's rules (pure: no web, no database).

A guard answers why a dossier may not move (a reason) or None. An effect
writes the dossier's attributes from the ``workflow.Context``. What an
effect needs from outside (the calendar, the result issuer) comes in on the
context, so this module imports nothing heavy: signing, with pyHanko behind
it, is reached only through the :class:`Issuer` interface.
"""
from datetime import date
from typing import Protocol

from tthc_docs import errors
from tthc_docs.dossiers import deadlines
from tthc_docs.roles import LEADER
from tthc_docs.timeutil import VN_TZ


class Issuer(Protocol):
    """Renders, signs and stores a dossier's result (``signing.service.ResultIssuer``).

    ``issue`` returns the stored document's reference ``{vault, document,
    sha256}`` and raises an ``errors.DomainError`` (written nothing) when it
    cannot sign. Unit tests pass a fake one, so the rule table is tested
    without pyHanko.
    """

    def issue(self, dossier, signer, now):
        """Issue the result of ``dossier`` signed by the account named ``signer``."""


# -- guards -------------------------------------------------------------------

def fee_settled(d):
    if getattr(d, 'fee_amount', 0) and not getattr(d, 'is_paid', False):
        return 'chưa nộp phí'
    return None


def has_next_step(d):
    steps, i = list(d.steps or ()), d.step_index
    if i is None or i + 1 >= len(steps):
        return 'Hồ sơ đang ở bước cuối của quy trình: hãy trình ký.'
    return None


def at_last_step(d):
    steps, i = list(d.steps or ()), d.step_index
    if steps and (i is None or i + 1 < len(steps)):
        return 'Chưa xong các bước của quy trình nội bộ.'
    return None


# -- effects --------------------------------------------------------------------

def start_clock(d, ctx):
    """Receipt: the legal due date is set once, and the appointment equals it."""
    d.received_at = ctx.now
    d.due_at = deadlines.due_at(ctx.now, d.processing_days, ctx.calendar)
    d.appointment_at = d.due_at


def _start_step(d, index, ctx):
    """Put the dossier at step ``index`` (None: no steps), its own clock restarted."""
    d.step_index = index
    d.step_started_at = ctx.now
    d.step_due_at = None
    if index is not None and ctx.calendar is not None:
        days = int(d.steps[index].get('days') or 0)
        d.step_due_at = deadlines.due_at(ctx.now, days, ctx.calendar)


def enter_step(d, ctx):
    index = None if not d.steps else (0 if d.step_index is None else d.step_index + 1)
    _start_step(d, index, ctx)
    d.assignee = ctx.params.get('assignee') or None


def assign(d, ctx):
    assignee = ctx.params.get('assignee')
    if not assignee:
        raise errors.Invalid('Cần chọn người được phân công.', {'assignee': 'bắt buộc'})
    d.assignee = assignee


def pause_clock(d, ctx):
    d.resume_state = d.status
    d.paused_at = ctx.now


def resume_clock(d, ctx):
    """The pause ends: the legal due date and the appointment move by the days lost."""
    if d.due_at is not None:
        lost = deadlines.days_lost(d.paused_at or ctx.now, ctx.now, ctx.calendar)
        d.due_at = deadlines.shift(d.due_at, lost, ctx.calendar)
        d.appointment_at = deadlines.shift(getattr(d, 'appointment_at', None) or d.due_at,
                                           lost, ctx.calendar)
    d.paused_at = None


def add_result(d, ref):
    """List a result reference on the dossier, once (the one place results grow)."""
    ref = {'vault': ref['vault'], 'document': ref['document'], 'sha256': ref['sha256']}
    if ref not in list(d.results):
        d.results = list(d.results) + [ref]


def issue_result(d, ctx):
    """The ``sign`` effect: the issuer signs and stores; the dossier lists the result."""
    if ctx.issuer is None:
        raise errors.StateConflict('Chức năng ký số chưa được cấu hình.')
    add_result(d, ctx.issuer.issue(d, ctx.login, ctx.now))


def rework(d, ctx):
    """Back to the last step that is not the leader's own (where the work is redone).

    The leader's signing step is left out: sending back means somebody else
    must correct the draft. The step's clock restarts; nobody is assigned.
    """
    steps = list(d.steps or ())
    i = len(steps) - 1
    while i > 0 and steps[i].get('role') == LEADER:
        i -= 1
    _start_step(d, i if steps else None, ctx)
    d.assignee = None


def finish(d, ctx):
    d.finished_at = ctx.now


def returned(d, ctx):
    d.returned_at = ctx.now


def apologize(d, ctx):
    """Mẫu 04 (Circular 01/2018/TT-VPCP): a new appointment, the legal due date untouched.

    The apology is recorded as what it is: ``old_due``/``new_due`` are the
    appointments before and after (named after the request's ``new_due``),
    ``legal_due_at`` the legal due date it does not change.
    """
    raw = ctx.params.get('new_due')
    try:
        new_day = date.fromisoformat(raw) if isinstance(raw, str) else raw
    except ValueError:
        raise errors.Invalid('Ngày hẹn mới không hợp lệ.', {'new_due': 'dạng YYYY-MM-DD'})
    if new_day is not None and not isinstance(new_day, date):
        raise errors.Invalid('Ngày hẹn mới không hợp lệ.', {'new_due': 'dạng YYYY-MM-DD'})
    current = getattr(d, 'appointment_at', None) or d.due_at
    deadlines.check_new_appointment(d.due_at, current, new_day, _today(ctx.now))
    new_at = deadlines.appointment(new_day)
    d.apologies = list(d.apologies) + [{
        'at': ctx.now, 'by': ctx.login, 'by_name': ctx.name, 'reason': ctx.note,
        'old_due': current, 'new_due': new_at, 'legal_due_at': d.due_at}]
    d.appointment_at = new_at


def _today(now):
    """The day of ``now`` in Vietnam (a server or test clock in UTC must not shift it)."""
    return now.astimezone(VN_TZ).date() if now.tzinfo else now.date()
