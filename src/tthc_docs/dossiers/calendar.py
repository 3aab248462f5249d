"""Working days (ngày làm việc) for deadlines.

A day is a working day unless it is a Saturday or Sunday, a public holiday
of Vietnam (the `holidays` package's VN calendar, which follows the lunar
calendar for Tết), or an extra day off the government announced. A
make-up working day (ngày làm bù, usually a Saturday) is a working day even
at a weekend. The package records the official swaps only up to 2026 and
guesses later years by rule, so each year's announced days off and make-up
days are entered by an admin (`resources.daysoff`); `calendar_for(site)`
builds a calendar from them.

Counting follows the one-stop-shop rule: the count starts on the day of
receipt if it is a working day, else on the next working day, and the due
date is the Nth working day counted from there (so a 1-day procedure
received on a working day is due the same day). Pure: no web imports.
"""
import datetime
import functools
import re

import holidays

_SUBSTITUTED = re.compile(r"substituted from (\d{2})/(\d{2})/(\d{4})")
ONE_DAY = datetime.timedelta(days=1)
#: Never look further than this for a working day (guards a bad config).
_MAX_SCAN = 3660


@functools.lru_cache(maxsize=64)
def _package_year(year):
    """(public holidays, make-up working days) the package knows for `year`.

    The package names a swapped day off "Day off (substituted from
    MM/DD/YYYY)"; the day it was substituted from is a make-up working day.
    """
    days = holidays.country_holidays("VN", years=year, language="en_US")
    off, makeup = set(), set()
    for day, name in days.items():
        off.add(day)
        for month, dom, yyyy in _SUBSTITUTED.findall(name):
            makeup.add(datetime.date(int(yyyy), int(month), int(dom)))
    return frozenset(off), frozenset(makeup)


def public_holiday(day):
    """True if `day` is a public holiday (or an official swap) per the package."""
    return day in _package_year(day.year)[0]


def holiday_names(year):
    """{date: Vietnamese name} of the package's public holidays of `year`."""
    return dict(holidays.country_holidays("VN", years=year, language="vi"))


class WorkingCalendar:
    """Working days, given the admin-entered days off and make-up days."""

    def __init__(self, days_off=(), makeup_days=()):
        self.days_off = frozenset(days_off)
        self.makeup_days = frozenset(makeup_days)

    def is_working_day(self, day):
        """Admin entries win over the package; the package over the weekend rule."""
        if day in self.days_off:
            return False
        if day in self.makeup_days:
            return True
        package_off, package_makeup = _package_year(day.year)
        if day in package_off:
            return False
        if day in package_makeup:
            return True
        return day.weekday() < 5

    def next_working_day(self, day):
        """`day` itself if it is a working day, else the first one after it."""
        for _ in range(_MAX_SCAN):
            if self.is_working_day(day):
                return day
            day += ONE_DAY
        raise ValueError("không tìm thấy ngày làm việc nào")

    def add_working_days(self, start, n):
        """The due date of `n` working days from a receipt on `start`.

        The receipt day counts as day 1 when it is a working day; `n` = 0
        gives the day the count starts on.
        """
        if n < 0:
            raise ValueError("số ngày làm việc không được âm")
        day = self.next_working_day(_as_date(start))
        for _ in range(max(n - 1, 0)):
            day = self.next_working_day(day + ONE_DAY)
        return day

    def working_days_between(self, a, b):
        """Working days d with a < d <= b; negative when b is before a.

        `working_days_between(due, today)` is how many working days late a
        dossier is; `working_days_between(today, due)` how many are left.
        """
        a, b = _as_date(a), _as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        count, day = 0, a + ONE_DAY
        while day <= b:
            count += self.is_working_day(day)
            day += ONE_DAY
        return count


def _as_date(value):
    """Dates pass; datetimes are cut to their (local) date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def calendar_for(site):
    """The calendar with the days off and make-up days entered in `site`."""
    registry = getattr(site["procedures"], "calendar", None)
    if registry is None:
        return WorkingCalendar()
    return WorkingCalendar(registry.days_off(), registry.makeup_days())
