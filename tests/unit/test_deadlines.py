"""Deadlines: due dates in working days, the stopped clock, derived overdue."""
from datetime import date, datetime, timedelta, timezone

import pytest

from tthc_docs.dossiers import deadlines
from tthc_docs import errors
from tthc_docs.dossiers.calendar import WorkingCalendar

TZ = timezone(timedelta(hours=7))
CAL = WorkingCalendar()
FRIDAY = datetime(2027, 3, 5, 10, 0, tzinfo=TZ)


def test_due_date_skips_the_weekend():
    assert deadlines.due_at(FRIDAY, 2, CAL) == datetime(2027, 3, 8, 17, 0, tzinfo=TZ)


def test_due_date_skips_a_day_off_entered_by_the_admin():
    cal = WorkingCalendar(days_off={date(2027, 3, 8)})
    assert deadlines.due_at(FRIDAY, 2, cal).date() == date(2027, 3, 9)


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


def test_due_soon_within_one_working_day():
    due = datetime(2027, 3, 8, 17, 0, tzinfo=TZ)   # Monday; now Friday
    assert deadlines.is_due_soon('processing', due, FRIDAY, CAL)


def test_not_due_soon_a_week_ahead():
    due = datetime(2027, 3, 12, 17, 0, tzinfo=TZ)
    assert not deadlines.is_due_soon('processing', due, FRIDAY, CAL)


def test_new_appointment_in_the_past_is_invalid():
    with pytest.raises(errors.Invalid):
        deadlines.check_new_appointment(None, date(2027, 3, 1), date(2027, 3, 5))


def test_a_span_of_decades_is_refused():
    with pytest.raises(errors.Invalid):
        deadlines.working_days_in(date(2000, 1, 1), date(2027, 1, 1), CAL)
