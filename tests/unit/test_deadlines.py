"""Deadlines: due dates in working days, the stopped clock, derived overdue."""
from datetime import date, datetime, time, timedelta, timezone

import pytest

from tthc_docs.dossiers import deadlines
from tthc_docs import errors
from tthc_docs.dossiers.calendar import WorkingCalendar

TZ = timezone(timedelta(hours=7))
CAL = WorkingCalendar()
FRIDAY = datetime(2027, 3, 5, 10, 0, tzinfo=TZ)


def test_due_date_skips_the_weekend():
    # Friday is the day of receipt; days 1 and 2 are Monday and Tuesday.
    assert deadlines.due_at(FRIDAY, 2, CAL) == datetime(2027, 3, 9, 17, 0, tzinfo=TZ)


def test_due_date_skips_a_day_off_entered_by_the_admin():
    cal = WorkingCalendar(days_off={date(2027, 3, 8)})
    assert deadlines.due_at(FRIDAY, 2, cal).date() == date(2027, 3, 10)


def test_a_zero_day_procedure_is_due_on_the_day_of_receipt():
    assert deadlines.due_at(FRIDAY, 0, CAL).date() == FRIDAY.date()


def test_a_zero_day_procedure_received_on_saturday_is_due_monday():
    saturday = FRIDAY + timedelta(days=1)
    assert deadlines.due_at(saturday, 0, CAL).date() == date(2027, 3, 8)


def test_working_days_in_counts_only_worked_days_after_the_start():
    assert deadlines.working_days_in(date(2027, 3, 5), date(2027, 3, 9), CAL) == 2


def test_resume_pushes_back_over_a_weekend():
    due = datetime(2027, 3, 9, 17, 0, tzinfo=TZ)
    paused, resumed = FRIDAY, FRIDAY + timedelta(days=3)   # Fri -> Mon: 1 working day
    assert deadlines.resume(due, paused, resumed, CAL).date() == date(2027, 3, 10)


def test_resume_on_the_same_day_loses_nothing():
    due = datetime(2027, 3, 9, 17, 0, tzinfo=TZ)
    assert deadlines.resume(due, FRIDAY, FRIDAY + timedelta(hours=2), CAL) == due


def test_an_open_dossier_past_its_appointment_is_overdue():
    due = datetime(2027, 3, 9, 17, 0, tzinfo=TZ)
    assert deadlines.is_overdue('processing', due, due + timedelta(minutes=1))


def test_a_result_ready_in_time_is_not_overdue_later():
    due = datetime(2027, 3, 9, 17, 0, tzinfo=TZ)
    assert not deadlines.is_overdue('returned', due, due + timedelta(days=9),
                                    finished_at=due - timedelta(hours=1))


def test_a_late_result_stays_late():
    due = datetime(2027, 3, 9, 17, 0, tzinfo=TZ)
    assert deadlines.is_overdue('result_ready', due, due, finished_at=due + timedelta(days=1))


def test_a_withdrawn_dossier_is_never_overdue():
    due = datetime(2027, 3, 9, 17, 0, tzinfo=TZ)
    assert not deadlines.is_overdue('withdrawn', due, due + timedelta(days=9))


@pytest.mark.parametrize('status, now, paused_at, finished', [
    ('processing', datetime(2027, 3, 9, 16, 59, tzinfo=TZ), None, False),
    ('processing', datetime(2027, 3, 9, 17, 1, tzinfo=TZ), None, True),    # late for good
    ('supplement_requested', datetime(2027, 3, 8, 9, 0, tzinfo=TZ),
     datetime(2027, 3, 8, 8, 0, tzinfo=TZ), True),                          # clock stopped
    ('returned', datetime(2027, 3, 8, 9, 0, tzinfo=TZ), None, True),
    ('withdrawn', datetime(2027, 3, 8, 9, 0, tzinfo=TZ), None, True),
])
def test_lateness_changes_by_the_clock_only_at_the_due_date_of_a_running_clock(
        status, now, paused_at, finished):
    """Every answer of is_overdue between ``now`` and the moment named is the same."""
    due = datetime(2027, 3, 9, 17, 0, tzinfo=TZ)
    moment = deadlines.overdue_changes_at(status, due, now, paused_at)
    assert moment == (None if finished else due)
    later = due + timedelta(days=3) if finished else due
    assert (deadlines.is_overdue(status, due, now, paused_at=paused_at)
            == deadlines.is_overdue(status, due, later, paused_at=paused_at))
    if not finished:
        assert deadlines.is_overdue(status, due, due + timedelta(seconds=1))


def test_due_soon_within_one_working_day():
    due = datetime(2027, 3, 8, 17, 0, tzinfo=TZ)   # Monday; now Friday
    assert deadlines.is_due_soon('processing', due, FRIDAY, CAL)


def test_not_due_soon_a_week_ahead():
    due = datetime(2027, 3, 12, 17, 0, tzinfo=TZ)
    assert not deadlines.is_due_soon('processing', due, FRIDAY, CAL)


def test_new_appointment_in_the_past_is_invalid():
    with pytest.raises(errors.Invalid):
        deadlines.check_new_appointment(None, None, date(2027, 3, 1), date(2027, 3, 5))


def test_a_span_of_decades_is_refused():
    with pytest.raises(errors.Invalid):
        deadlines.working_days_in(date(2000, 1, 1), date(2027, 1, 1), CAL)


# -- the law's count on real dates (Civil Code art. 147, the cut-off) -----------

def at(y, m, d, hh=9, mm=0, tz=TZ):
    return datetime(y, m, d, hh, mm, tzinfo=tz)


@pytest.mark.parametrize('received, days, due', [
    # Tết 2027 (Thu 4/2 .. Wed 10/2): the issue's own example.
    (at(2027, 2, 3, 10), 20, date(2027, 3, 10)),
    # After the cut-off on the eve of Tết: received on Thu 11/2.
    (at(2027, 2, 3, 17, 30), 20, date(2027, 3, 11)),
    # 30/4 (Fri), 1/5 (Sat) observed Mon 3/5.
    (at(2027, 4, 29, 9), 1, date(2027, 5, 4)),
    (at(2027, 4, 29, 17, 30), 1, date(2027, 5, 5)),
    # National Day 2027: Thu 2/9 and Fri 3/9.
    (at(2027, 9, 1, 16), 1, date(2027, 9, 6)),
    (at(2027, 9, 1, 17, 5), 1, date(2027, 9, 7)),
    # Year end 2026 -> 2027: 1/1 (Fri) off.
    (at(2026, 12, 31, 10), 2, date(2027, 1, 5)),
    (at(2026, 12, 31, 17, 1), 2, date(2027, 1, 6)),
    # A same-day procedure: that day before the cut-off, the next working day after it.
    (at(2027, 3, 10, 9), 0, date(2027, 3, 10)),
    (at(2027, 3, 10, 17, 0), 0, date(2027, 3, 11)),
    (at(2027, 9, 1, 17, 30), 0, date(2027, 9, 6)),
    # A receipt on Saturday counts on Monday.
    (at(2027, 3, 13, 9), 1, date(2027, 3, 16)),
])
def test_due_dates_as_the_law_counts_them(received, days, due):
    assert deadlines.due_at(received, days, CAL) == datetime.combine(
        due, deadlines.APPOINTMENT_TIME, tzinfo=TZ)


def test_a_one_day_dossier_received_after_hours_is_not_late_on_arrival():
    received = at(2027, 3, 10, 17, 20)
    due = deadlines.due_at(received, 1, CAL)
    assert not deadlines.is_overdue('received', due, received + timedelta(hours=1))


def test_the_provinces_cut_off_moves_the_receipt_day():
    cal = WorkingCalendar(cutoff=time(15, 0))
    assert deadlines.due_at(at(2027, 3, 10, 15, 30), 1, cal).date() == date(2027, 3, 12)
    assert deadlines.due_at(at(2027, 3, 10, 14, 59), 1, cal).date() == date(2027, 3, 11)


def test_a_date_is_a_receipt_during_office_hours():
    assert deadlines.due_day(date(2027, 2, 3), 20, CAL) == date(2027, 3, 10)


# -- the stopped clock, in working days ----------------------------------------

def test_a_supplement_pause_costs_the_working_days_waited():
    due = deadlines.due_at(at(2027, 3, 1), 3, CAL)            # Mon -> Thu 4/3
    assert due.date() == date(2027, 3, 4)
    # Asked on Tue 2/3, answered Thu 4/3 in the morning: Wed and Thu lost.
    assert deadlines.resume(due, at(2027, 3, 2, 10), at(2027, 3, 4, 10), CAL).date() == \
        date(2027, 3, 8)


def test_an_answer_after_the_cut_off_counts_the_next_working_day():
    due = datetime(2027, 3, 4, 17, 0, tzinfo=TZ)
    assert deadlines.resume(due, at(2027, 3, 2, 10), at(2027, 3, 4, 17, 30), CAL).date() == \
        date(2027, 3, 9)


def test_a_pause_over_tet_2027_costs_only_its_working_days():
    # Asked Wed 3/2, answered Thu 11/2: only Thu 11/2 was a working day lost.
    assert deadlines.days_lost(at(2027, 2, 3, 10), at(2027, 2, 11, 9), CAL) == 1


def test_a_pause_answered_the_same_day_costs_nothing():
    due = datetime(2027, 3, 9, 17, 0, tzinfo=TZ)
    assert deadlines.resume(due, at(2027, 3, 5, 9), at(2027, 3, 5, 11), CAL) == due


# -- the new appointment of an apology -----------------------------------------

LEGAL = datetime(2027, 3, 10, 17, 0, tzinfo=TZ)


def test_a_new_appointment_before_the_legal_due_date_is_refused():
    with pytest.raises(errors.Invalid) as exc:
        deadlines.check_new_appointment(LEGAL, LEGAL, date(2027, 3, 9), date(2027, 3, 8))
    assert 'new_due' in exc.value.fields and '10/03/2027' in exc.value.fields['new_due']


def test_a_new_appointment_after_the_current_one_is_accepted():
    assert deadlines.check_new_appointment(LEGAL, LEGAL, date(2027, 3, 12), date(2027, 3, 8)) \
        == date(2027, 3, 12)


def test_a_second_apology_must_move_the_appointment_later_still():
    current = datetime(2027, 3, 15, 17, 0, tzinfo=TZ)
    with pytest.raises(errors.Invalid):
        deadlines.check_new_appointment(LEGAL, current, date(2027, 3, 12), date(2027, 3, 8))


def test_due_soon_ends_where_the_second_working_day_after_today_begins():
    """Friday 5 March 2027: "due soon" covers Monday 8 March, not Tuesday 9 (the weekend skipped)."""
    vn = timezone(timedelta(hours=7))
    friday = datetime(2027, 3, 5, 10, 0, tzinfo=vn)
    assert deadlines.due_soon_before(friday, CAL) == datetime(2027, 3, 9, 0, 0, tzinfo=vn)
    assert deadlines.is_due_soon('received', datetime(2027, 3, 8, 17, 0, tzinfo=vn), friday, CAL)
    assert not deadlines.is_due_soon('received', datetime(2027, 3, 9, 8, 0, tzinfo=vn), friday, CAL)
