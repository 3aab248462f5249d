"""The demo is Thái Nguyên as it stands since 1 July 2025."""
import pytest
import transaction

from tthc_docs.demo.procedures_data import PROCEDURES
from tthc_docs.demo.vaults import PROFILES
from tthc_docs.people.agencies import CODE_RE, LEVELS
from tthc_docs.site.content import get_site
from tthc_docs.text.addresses import HOME_PROVINCE, check_address, communes_of


@pytest.fixture
def site(db):
    tm = transaction.TransactionManager(explicit=True)
    conn = db.open(transaction_manager=tm)
    tm.begin()
    yield get_site(conn)
    tm.abort()
    conn.close()


def test_every_demo_agency_code_has_the_national_shape_under_h55(site):
    """Decision 20/2020/QĐ-TTg; H55 is Thái Nguyên's level-1 code."""
    codes = [a.code for a in site["agencies"].all()]
    assert len(codes) >= 10
    assert all(CODE_RE.match(c) and c.endswith(".H55") for c in codes)


def test_demo_agencies_are_on_two_levels(site):
    """Law on Organisation of Local Government 2025: province and commune."""
    assert {a.level for a in site["agencies"].all()} == {"province", "commune"} <= set(LEVELS)


def test_every_demo_commune_agency_is_a_commune_of_the_official_list(site):
    communes = [a for a in site["agencies"].all() if a.level == "commune"]
    assert communes and all(a.commune_code for a in communes)
    assert {check_address({"commune_code": a.commune_code})["province"] for a in communes} == {HOME_PROVINCE}
    for agency in communes:
        commune = check_address({"commune_code": agency.commune_code})["commune"]
        assert agency.name == "Ủy ban nhân dân " + commune[0].lower() + commune[1:]


@pytest.mark.parametrize("login", sorted(PROFILES))
def test_every_demo_address_is_in_the_official_list(login):
    for key in ("permanent_address", "current_address", "origin"):
        parts = check_address(PROFILES[login][key])
        assert parts["province"] == HOME_PROVINCE and parts["commune"] in communes_of(HOME_PROVINCE)


def test_no_demo_procedure_is_at_district_level():
    assert {p["level"] for p in PROCEDURES} == {"province", "commune"}


def test_the_demo_officers_agency_handles_every_demo_procedure(site):
    officer = site["people"]["reception1"]
    assert all(officer.agency in p["agencies"] for p in PROCEDURES)
    assert site["agencies"].by_code(officer.agency).name.startswith("Trung tâm Phục vụ hành chính công")
