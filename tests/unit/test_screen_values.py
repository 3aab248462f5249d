"""What a person reads on screen: dates day first, money in đồng, codes as typed."""
from datetime import datetime, timedelta, timezone

from tthc_docs import timeutil
from tthc_docs.dossiers.codes import as_typed, parse_code


def test_a_time_is_day_month_year_then_hours_in_vietnam():
    utc = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
    assert timeutil.format_datetime(utc) == '04/12/2026 17:00'


def test_an_iso_text_from_a_json_body_reads_the_same():
    assert timeutil.format_datetime('2026-12-04T17:00:00+07:00') == '04/12/2026 17:00'
    assert timeutil.format_datetime('2026-12-04T10:00:00+00:00') == '04/12/2026 17:00'


def test_a_date_text_and_a_datetime_text_give_the_day():
    assert timeutil.format_date('2027-02-03') == '03/02/2027'
    late = datetime(2027, 2, 3, 23, 30, tzinfo=timezone(timedelta(hours=7)))
    assert timeutil.format_date(late.isoformat()) == '03/02/2027'


def test_nothing_is_shown_as_nothing():
    assert timeutil.format_datetime(None) == timeutil.format_datetime('') == ''


def test_money_is_dotted_with_the_dong_sign():
    assert timeutil.format_vnd(7500) == '7.500 ₫'


def test_a_code_typed_in_lower_case_with_spaces_is_the_stored_code():
    typed = '  000.00.20.h55-270203-0001 '
    assert as_typed(typed) == '000.00.20.H55-270203-0001'
    assert parse_code(as_typed(typed)) is not None
