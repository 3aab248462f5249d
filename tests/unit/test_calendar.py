"""Working-day counting around Vietnam's holidays, extra days off and make-up days."""
from datetime import date, datetime, time, timedelta, timezone

import pytest

from tthc_docs.dossiers.calendar import (
    WorkingCalendar, calendar_for, holiday_names, parse_cutoff, public_holiday)
from tthc_docs.timeutil import VN_TZ


@pytest.fixture
def cal():
    """The calendar of the `holidays` package alone."""
    return WorkingCalendar()


def test_weekday_is_working_day(cal):
    assert cal.is_working_day(date(2027, 3, 10))


def test_saturday_and_sunday_are_not_working_days(cal):
    assert not cal.is_working_day(date(2027, 3, 13)) and not cal.is_working_day(date(2027, 3, 14))


def test_tet_2027_follows_lunar_calendar(cal):
    assert all(public_holiday(date(2027, 2, d)) for d in range(4, 11))


def test_a_period_starts_the_day_after_its_start(cal):
    # Civil Code art. 147: the day of the event is not counted.
    assert cal.add_working_days(date(2027, 3, 10), 1) == date(2027, 3, 11)


def test_receipt_on_a_saturday_counts_from_monday(cal):
    assert cal.add_working_days(date(2027, 3, 13), 1) == date(2027, 3, 15)


def test_due_date_jumps_over_tet_2027(cal):
    # Tết runs Thu 4/2 .. Wed 10/2: days 1-3 are Thu 11, Fri 12, Mon 15.
    assert cal.add_working_days(date(2027, 2, 3), 3) == date(2027, 2, 15)


def test_twenty_working_days_from_wednesday_3_february_2027_end_on_10_march(cal):
    assert cal.add_working_days(date(2027, 2, 3), 20) == date(2027, 3, 10)


def test_receipt_during_tet_counts_from_first_day_back(cal):
    assert cal.add_working_days(date(2027, 2, 6), 1) == date(2027, 2, 11)


def test_extra_days_off_after_tet_push_the_due_date():
    cal = WorkingCalendar(days_off={date(2027, 2, 11), date(2027, 2, 12)})
    assert cal.add_working_days(date(2027, 2, 3), 3) == date(2027, 2, 17)


def test_makeup_saturday_is_a_working_day():
    cal = WorkingCalendar(makeup_days={date(2027, 2, 20)})
    assert cal.add_working_days(date(2027, 2, 19), 1) == date(2027, 2, 20)


def test_admin_day_off_wins_over_makeup_entry():
    day = date(2027, 2, 20)
    assert not WorkingCalendar(days_off={day}, makeup_days={day}).is_working_day(day)


def test_reunification_and_labour_day_2027(cal):
    # Fri 30/4 and Sat 1/5 are holidays; 1/5 on a Saturday is observed Mon 3/5.
    assert cal.add_working_days(date(2027, 4, 29), 2) == date(2027, 5, 5)


def test_national_day_2027_two_days(cal):
    # Thu 2/9 and Fri 3/9 are off in 2027 (the package's calendar).
    assert not cal.is_working_day(date(2027, 9, 3)) and cal.is_working_day(date(2027, 9, 1))
    assert cal.add_working_days(date(2027, 9, 1), 2) == date(2027, 9, 7)


def test_year_end_2026_into_new_year(cal):
    assert cal.add_working_days(date(2026, 12, 31), 2) == date(2027, 1, 5)


def test_package_makeup_saturday_2026_is_a_working_day(cal):
    # Mon 31/8/2026 is off, swapped with Sat 22/8/2026.
    assert cal.is_working_day(date(2026, 8, 22)) and not cal.is_working_day(date(2026, 8, 31))


def test_year_end_with_announced_bridge_day():
    # Fri 31/12 announced off; 1/1/2028 is a Saturday, observed Mon 3/1.
    cal = WorkingCalendar(days_off={date(2027, 12, 31)})
    assert cal.add_working_days(date(2027, 12, 30), 2) == date(2028, 1, 5)


def test_zero_days_is_no_period(cal):
    assert cal.add_working_days(date(2027, 2, 6), 0) == date(2027, 2, 6)


def test_negative_days_are_refused(cal):
    with pytest.raises(ValueError):
        cal.add_working_days(date(2027, 2, 6), -1)


def test_datetime_start_is_cut_to_its_date(cal):
    assert cal.add_working_days(datetime(2027, 3, 10, 16, 30), 1) == date(2027, 3, 11)


def test_working_days_between_excludes_start_includes_end(cal):
    assert cal.working_days_between(date(2027, 3, 8), date(2027, 3, 15)) == 5


def test_working_days_between_skips_tet(cal):
    assert cal.working_days_between(date(2027, 2, 3), date(2027, 2, 12)) == 2


def test_working_days_between_is_negative_backwards(cal):
    assert cal.working_days_between(date(2027, 3, 15), date(2027, 3, 8)) == -5


def test_due_date_and_between_agree(cal):
    due = cal.add_working_days(date(2027, 1, 28), 10)
    assert cal.working_days_between(date(2027, 1, 28), due) == 10


def test_holiday_names_are_vietnamese():
    assert "Tết" in " ".join(holiday_names(2027).values())


# -- the day a dossier counts as received (the cut-off) -------------------------

def test_received_before_the_cut_off_counts_that_day(cal):
    assert cal.receipt_day(datetime(2027, 3, 10, 16, 59, tzinfo=VN_TZ)) == date(2027, 3, 10)


def test_received_at_the_cut_off_counts_the_next_working_day(cal):
    assert cal.receipt_day(datetime(2027, 3, 10, 17, 0, tzinfo=VN_TZ)) == date(2027, 3, 11)


def test_received_friday_evening_counts_monday(cal):
    assert cal.receipt_day(datetime(2027, 3, 12, 18, 0, tzinfo=VN_TZ)) == date(2027, 3, 15)


def test_received_on_the_eve_of_tet_2027_counts_after_it(cal):
    assert cal.receipt_day(datetime(2027, 2, 3, 17, 30, tzinfo=VN_TZ)) == date(2027, 2, 11)


def test_a_province_cut_off_of_15_00():
    cal = WorkingCalendar(cutoff=time(15, 0))
    assert cal.receipt_day(datetime(2027, 3, 10, 15, 30, tzinfo=VN_TZ)) == date(2027, 3, 11)


def test_a_clock_in_utc_is_read_in_vietnam(cal):
    # 09:30 UTC is 16:30 in Hà Nội: still before the cut-off.
    moment = datetime(2027, 3, 10, 9, 30, tzinfo=timezone.utc)
    assert cal.receipt_day(moment) == date(2027, 3, 10)
    assert cal.receipt_day(moment + timedelta(hours=1)) == date(2027, 3, 11)


def test_the_cut_off_setting_reaches_the_calendar():
    cal = calendar_for({"procedures": object()}, {"tthc_docs.receipt_cutoff": "15:00"})
    assert cal.cutoff == time(15, 0)


@pytest.mark.parametrize("bad", ["25:00", "5pm", "17", ""])
def test_a_malformed_cut_off_is_refused(bad):
    with pytest.raises(ValueError):
        parse_cutoff(bad)


def test_the_settings_turn_the_cut_off_into_a_time():
    from tthc_docs import config
    settings = config.normalize({"tthc_docs.session_secret": "x" * 32,
                                 "tthc_docs.receipt_cutoff": "15:30",
                                 "tthc_docs.public_url": "https://dvc.example.gov.vn"})
    assert settings["tthc_docs.receipt_cutoff"] == time(15, 30)


def test_a_bad_cut_off_setting_stops_the_app_starting():
    from tthc_docs import config
    with pytest.raises(ValueError, match="receipt_cutoff"):
        config.normalize({"tthc_docs.session_secret": "x" * 32,
                          "tthc_docs.receipt_cutoff": "5 pm"})
