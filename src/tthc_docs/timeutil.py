"""Time and the Vietnamese way of writing dates and money.

Every timestamp the system stores is aware and in Asia/Ho_Chi_Minh, so that
ISO strings carry +07:00 (API.md); only where bytes count (the outbox's
delivered tuples) is a time stored naive in UTC, through ``stored`` and read
back through ``from_stored``.  Tests pin the clock by monkeypatching
``tthc_docs.timeutil.now``; callers must look it up through the module
(``timeutil.now()``), not import the function.
"""
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from babel.numbers import format_decimal

# Vietnam keeps +07:00 all year (no daylight saving).  A fixed-offset
# timezone pickles into ZODB; zoneinfo.ZoneInfo does not.
VN_TZ = timezone(timedelta(hours=7), "ICT")


def now():
    """The current time in Vietnam."""
    return datetime.now(VN_TZ)


def stored(value):
    """``value`` as stored where bytes count (outbox tuples): naive UTC, no zone pickled.

    An aware datetime pickles its zone (about 70 bytes) in every record that
    holds one; read it back with ``from_stored``. None stays None.
    """
    if value is None:
        return None
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def from_stored(value):
    """A naive UTC datetime written by ``stored``, in Vietnam's time again (None stays None)."""
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc).astimezone(VN_TZ)


def today():
    """Today's date in Vietnam (not the server's zone)."""
    return now().date()


def iso(value):
    """ISO 8601 for JSON: dates as YYYY-MM-DD, datetimes with +07:00."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=VN_TZ)
        return value.astimezone(VN_TZ).isoformat(timespec="seconds")
    return value.isoformat()


def format_date(value):
    """27/11/2026, as Vietnamese documents write a date; an ISO text is read first."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if isinstance(value, datetime):
        value = value.astimezone(VN_TZ).date()
    return value.strftime("%d/%m/%Y")


@lru_cache(maxsize=4096)
def format_datetime(value):
    """27/11/2026 14:05, date first as on every other screen; an ISO text is read first.

    Kept per value: a dossier page shows the same few moments (its history,
    its timeline) on every view, and the time-zone shift and ``strftime``
    were a tenth of its template's time.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=VN_TZ)
    return value.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M")


def format_date_long(value):
    """"ngày 27 tháng 11 năm 2026", the form used in administrative documents."""
    if isinstance(value, datetime):
        value = value.astimezone(VN_TZ).date()
    return f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}"


@lru_cache(maxsize=1024)
def format_vnd(amount):
    """1.000.000 ₫: dots between thousands, the đồng sign after (kept per amount: Babel is slow)."""
    return f"{format_decimal(int(amount), locale='vi_VN')} ₫"


def parse_date(text):
    """An ISO date from user input, or ValueError."""
    if isinstance(text, date):
        return text
    return date.fromisoformat(str(text).strip())
