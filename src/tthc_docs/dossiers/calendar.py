"""Working days (ngày làm việc) for deadlines.

A day is a working day unless it is a Saturday or Sunday, a public holiday
of Vietnam (the `holidays` package's VN calendar, which follows the lunar
calendar for Tết), or an extra day off the government announced. A
make-up working day (ngày làm bù, usually a Saturday) is a working day even
at a weekend. The package records the official swaps only up to 2026 and
guesses later years by rule, so each year's announced days off and make-up
days are entered by an admin (`resources.daysoff`); `calendar_for(site)`
builds a calendar from them.

Counting follows the Civil Code 2015, art. 147(1): a period in days does
not count the day of the event; it starts on the next day. So N working
days from a day are the N working days *after* it, and the period ends on
the last of them (art. 148). Which day a dossier counts as received (the
office's cut-off hour, ``receipt_cutoff``) is also the calendar's: the
one-stop office's hours (Decree 61/2018/NĐ-CP art. 18; the province's
own rule sets the hour, setting ``tthc_docs.receipt_cutoff``) decide it.
``dossiers.deadlines`` applies both. Pure: no web imports.
"""
import datetime
import functools
import re
import threading

import holidays

from tthc_docs.timeutil import VN_TZ

_SUBSTITUTED = re.compile(r"substituted from (\d{2})/(\d{2})/(\d{4})")
ONE_DAY = datetime.timedelta(days=1)
#: The end of office hours (giờ hành chính) when the province sets no other cut-off.
DEFAULT_CUTOFF = datetime.time(17, 0)
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
    """Working days, given the admin-entered days off and make-up days.

    ``cutoff``: the hour after which a dossier handed in (or received
    online) counts as received on the next working day.
    """

    def __init__(self, days_off=(), makeup_days=(), cutoff=DEFAULT_CUTOFF):
        self.days_off = frozenset(days_off)
        self.makeup_days = frozenset(makeup_days)
        self.cutoff = cutoff

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
        """The last day of a period of `n` working days counted from `start`.

        Civil Code art. 147: `start` itself is not counted; the period
        begins on the next day, so the result is the n-th working day after
        `start` (a 1-day period from Wednesday ends on Thursday). `n` = 0
        is no period: `start` itself.
        """
        if n < 0:
            raise ValueError("số ngày làm việc không được âm")
        day = _as_date(start)
        for _ in range(n):
            day = self.next_working_day(day + ONE_DAY)
        return day

    def receipt_day(self, moment):
        """The working day a dossier taken in at `moment` counts as received on.

        Its own day when that is a working day and `moment` is before the
        cut-off; else the next working day (after office hours, at a weekend
        or on a holiday nobody can process it). A date is a receipt during
        office hours.
        """
        if isinstance(moment, datetime.datetime):
            local = moment.astimezone(VN_TZ) if moment.tzinfo else moment
            day = local.date()
            if local.time() >= self.cutoff:
                return self.next_working_day(day + ONE_DAY)
            return self.next_working_day(day)
        return self.next_working_day(moment)

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
    """Dates pass; datetimes are cut to their date in Vietnam."""
    if isinstance(value, datetime.datetime):
        return (value.astimezone(VN_TZ) if value.tzinfo else value).date()
    return value


def parse_cutoff(value):
    """`17:00` -> time(17, 0); a time passes; ValueError for anything else."""
    if isinstance(value, datetime.time):
        return value
    match = re.fullmatch(r"\s*([01]?\d|2[0-3]):([0-5]\d)\s*", str(value or ""))
    if not match:
        raise ValueError(f"tthc_docs.receipt_cutoff must be HH:MM, not {value!r}")
    return datetime.time(int(match.group(1)), int(match.group(2)))


_calendars = {}
_calendars_lock = threading.Lock()


def calendar_for(site, settings=None):
    """The calendar with the days off and make-up days entered in `site`.

    `settings` (the app's) supply the receipt cut-off; without them, the
    end of office hours (17:00). A calendar is immutable, so one is built
    per version of the registry and kept in this process until the
    registry changes: its ``changes`` counter and its ``_p_serial`` (the
    commit that stored it) are in the key, and a registry changed in the
    current transaction is never kept (issue 15: it was rebuilt per request).
    """
    cutoff = parse_cutoff((settings or {}).get("tthc_docs.receipt_cutoff") or DEFAULT_CUTOFF)
    registry = getattr(site["procedures"], "calendar", None)
    if registry is None:
        return WorkingCalendar(cutoff=cutoff)
    changes = registry.changes          # loads a ghost, so the serial below is its own
    if getattr(registry, "_p_oid", None) is None or registry._p_changed:
        return WorkingCalendar(registry.days_off(), registry.makeup_days(), cutoff)
    key = (registry._p_oid, registry._p_serial, changes, cutoff)
    found = _calendars.get(key)
    if found is None:
        found = WorkingCalendar(registry.days_off(), registry.makeup_days(), cutoff)
        with _calendars_lock:
            if len(_calendars) > 64:
                _calendars.clear()
            _calendars[key] = found
    return found
