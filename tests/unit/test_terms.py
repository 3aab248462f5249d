"""The apply page's terms: the one fee rule and the one deadline rule side by side (pure)."""
from datetime import datetime
from types import SimpleNamespace

from tthc_docs.catalog import fees
from tthc_docs.dossiers.calendar import WorkingCalendar
from tthc_docs.dossiers.terms import terms
from tthc_docs.timeutil import VN_TZ

# Thursday 30 April 2026 and Friday 1 May are public holidays (Reunification Day, Labour Day).
WEDNESDAY = datetime(2026, 4, 29, 10, 0, tzinfo=VN_TZ)


def version(fee=50_000, online_fee=None, days=3):
    return SimpleNamespace(fee=fee, online_fee=online_fee, fee_exemptions=[],
                           processing_days=days)


def test_online_filing_owes_the_online_fee():
    t = terms(version(), fees.ONLINE, WEDNESDAY, WorkingCalendar())
    assert (t.amount, t.counter, t.online) == (25_000, 50_000, 25_000)


def test_counter_filing_owes_the_counter_fee():
    assert terms(version(), fees.COUNTER, WEDNESDAY, WorkingCalendar()).amount == 50_000


def test_the_cut_is_the_share_saved_online():
    assert terms(version(), fees.ONLINE, WEDNESDAY, WorkingCalendar()).online_cut == 50


def test_a_procedure_s_own_online_figure_gives_its_own_cut():
    t = terms(version(50_000, online_fee=40_000), fees.ONLINE, WEDNESDAY, WorkingCalendar())
    assert t.online_cut == 20


def test_no_cut_when_online_costs_the_same():
    t = terms(version(50_000, online_fee=50_000), fees.ONLINE, WEDNESDAY, WorkingCalendar())
    assert t.online_cut == 0 and not t.free


def test_a_free_procedure_is_free_at_both():
    assert terms(version(0), fees.ONLINE, WEDNESDAY, WorkingCalendar()).free


def test_the_due_date_skips_the_holidays_and_the_weekend():
    # Received Wednesday: Thursday and Friday are holidays, then the weekend; three
    # working days from Monday 4 May end on Wednesday 6 May at 17:00.
    due = terms(version(days=3), fees.ONLINE, WEDNESDAY, WorkingCalendar()).due_at
    assert due == datetime(2026, 5, 6, 17, 0, tzinfo=VN_TZ)
