"""The admin's days off / make-up days: validation, audit trail, and the calendar built from them."""
from datetime import date

import pytest

from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.errors import Invalid, NotFound
from tthc_docs.dossiers.daysoff import DaysOffRegistry

DECISION = "Thông báo số 01/TB-BNV"


@pytest.fixture
def registry():
    return DaysOffRegistry()


def test_entered_day_off_is_listed_for_its_year(registry):
    registry.set_day("2027-02-11", "off", DECISION, "admin")
    assert [e["date"] for e in registry.for_year(2027)] == ["2027-02-11"] and registry.for_year(2026) == []


def test_missing_decision_is_refused(registry):
    with pytest.raises(Invalid) as exc:
        registry.set_day("2027-02-11", "off", "  ", "admin")
    assert "decision" in exc.value.fields


def test_unknown_kind_is_refused(registry):
    with pytest.raises(Invalid) as exc:
        registry.set_day("2027-02-11", "holiday", DECISION, "admin")
    assert "kind" in exc.value.fields


def test_bad_date_is_refused(registry):
    with pytest.raises(Invalid) as exc:
        registry.set_day("2027-02-30", "off", DECISION, "admin")
    assert "date" in exc.value.fields


def test_makeup_day_must_be_a_weekend_day(registry):
    with pytest.raises(Invalid):
        registry.set_day("2027-02-17", "makeup", DECISION, "admin")


def test_changing_a_day_is_recorded_as_a_change(registry):
    registry.set_day("2027-02-20", "makeup", DECISION, "admin")
    registry.set_day("2027-02-20", "off", "Thông báo số 02/TB-BNV", "admin2")
    assert [(e["action"], e["by"]) for e in registry.trail()] == [("change", "admin2"), ("add", "admin")]


def test_removing_an_unknown_day_is_404(registry):
    with pytest.raises(NotFound):
        registry.remove_day("2027-02-11", "admin")


def test_removal_stays_in_the_trail(registry):
    registry.set_day("2027-02-11", "off", DECISION, "admin")
    registry.remove_day("2027-02-11", "admin", "Đính chính")
    assert registry.for_year(2027) == [] and registry.trail(2027)[0]["action"] == "remove"


def test_calendar_for_site_uses_the_entries(registry):
    registry.set_day("2027-02-11", "off", DECISION, "admin")
    registry.set_day("2027-02-20", "makeup", DECISION, "admin")

    class Catalog:
        calendar = registry

    cal = calendar_for({"procedures": Catalog()})
    assert not cal.is_working_day(date(2027, 2, 11)) and cal.is_working_day(date(2027, 2, 20))


# -- the calendar is kept per version of the registry (issue 15) ---------------

@pytest.fixture
def stored_site():
    """A site-shaped root whose procedures' calendar is a committed registry (real ZODB)."""
    import transaction
    import ZODB
    from persistent.mapping import PersistentMapping
    db = ZODB.DB(None)
    conn = db.open()
    procedures = PersistentMapping()
    procedures.calendar = DaysOffRegistry()
    conn.root()["procedures"] = procedures
    transaction.commit()
    yield conn.root()
    transaction.abort()
    conn.close()
    db.close()


def test_the_calendar_is_built_once_per_version_of_the_registry(stored_site):
    assert calendar_for(stored_site) is calendar_for(stored_site)


def test_a_committed_change_gives_a_new_calendar_at_once(stored_site):
    import transaction
    before = calendar_for(stored_site)
    stored_site["procedures"].calendar.set_day("2027-02-11", "off", DECISION, "admin")
    assert not calendar_for(stored_site).is_working_day(date(2027, 2, 11))   # not yet committed
    transaction.commit()
    after = calendar_for(stored_site)
    assert after is not before and not after.is_working_day(date(2027, 2, 11))
    assert before.is_working_day(date(2027, 2, 11))
