"""Decision 766/QĐ-TTg indicators: formulas on a crafted data set whose answer is known.

Dossiers, complaints and procedures are made on a real ZODB (the demo
database's copy) through the workflow and the registries, in March 2027 so
that the demo's own dossiers (filed today) stay out of the period; the
counters are filled by the write hooks, and read by ``report.scored``.
"""
from datetime import date, datetime, timedelta

import pytest

from tthc_docs.catalog import fees
from tthc_docs.dossiers import workflow
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.dossiers.content import Dossier
from tthc_docs.feedback.filing import file_feedback
from tthc_docs.indicators import counters, decision, rebuild, report
from tthc_docs.timeutil import VN_TZ

AGENCY = "000.00.20.H55"
PROCEDURE = "2.000635"
MARCH = (date(2027, 3, 1), date(2027, 3, 31))
MON = datetime(2027, 3, 1, 9, 0, tzinfo=VN_TZ)
ALL_ROLES = frozenset({workflow.RECEPTION, workflow.STEP, workflow.SPECIALIST, workflow.LEADER,
                       workflow.OWNER})


class Issuer:
    """Stands in for the signing service (tested in tests/unit/test_signing.py)."""

    def issue(self, dossier, signer, now):
        return {"vault": dossier.vault_id, "document": "r-" + dossier.code, "sha256": "0" * 64}


def act(site, d, action, at, **params):
    ctx = workflow.Context(login="reception1", roles=ALL_ROLES, now=at, calendar=calendar_for(site),
                           note=params.pop("note", "ghi chú"), name="Cán bộ", params=params,
                           issuer=Issuer())
    d.transition(action, ctx)


def file(site, at, channel="online", paid_by="vnpay"):
    version = site["procedures"][PROCEDURE].published_version()
    vault = site["vaults"].for_owner("citizen1")
    d = Dossier(owner="citizen1", vault_id=vault.id, procedure=version, agency=AGENCY,
                channel=channel, data={}, form_name=None, form_version=None, attachments=[],
                fee_amount=fees.quote(version, channel).amount, submitted_at=at,
                submitted_by="citizen1")
    site["dossiers"].file(d, at)
    d.add_history("submit", "citizen1", "", at=at, target=d.status)
    if d.fee_amount and paid_by:
        d.record_payment(paid_by, d.code + "_p", d.fee_amount, at)
    act(site, d, "receive", at)
    return d


def settle(site, d, at):
    """Walk the internal steps, approve and sign at ``at``."""
    act(site, d, "forward", at)
    while workflow.fx.has_next_step(d) is None:
        act(site, d, "forward", at)
    act(site, d, "approve", at)
    act(site, d, "sign", at)


@pytest.fixture
def crafted(edit_site):
    """Four dossiers and three complaints of March 2027 (see each test for the answer)."""
    with edit_site() as site:
        cal = calendar_for(site)
        d1 = file(site, MON)                                   # on time, returned, rated 5
        settle(site, d1, MON + timedelta(hours=1))
        act(site, d1, "return", MON + timedelta(hours=2))
        d1.rate(5, "", "citizen1", MON + timedelta(hours=3))
        d2 = file(site, MON, paid_by="counter")                # two supplement requests: late
        for h in (1, 3):
            act(site, d2, "request_supplement", MON + timedelta(hours=h))
            act(site, d2, "supplement", MON + timedelta(hours=h + 1))
        settle(site, d2, MON + timedelta(hours=6))
        d3 = file(site, MON)                                   # signed a working day late
        late_day = cal.add_working_days(d3.due_at.astimezone(VN_TZ).date(), 1)
        settle(site, d3, datetime.combine(late_day, datetime.min.time().replace(hour=10), VN_TZ))
        act(site, d3, "return", datetime.combine(late_day, datetime.min.time().replace(hour=11), VN_TZ))
        d3.rate(1, "chậm", "citizen1", datetime.combine(late_day, datetime.min.time().replace(hour=12), VN_TZ))
        d4 = file(site, MON, channel="counter", paid_by="counter")   # still open
        citizen = site["people"]["citizen1"]
        items = []
        for n in range(3):
            items.append(file_feedback(site, citizen, {"subject": "dossier", "ref": d4.code,
                                                       "text": f"Góp ý {n}"}, MON, cal))
        items[0].reply("Đã trả lời.", "reception1", MON + timedelta(days=1))
        items[1].reply("Trả lời muộn.", "reception1", items[1].due_at + timedelta(days=1))
        items[2].reply("Đã trả lời.", "reception1", MON + timedelta(days=1))
        items[2].rate(1, "", "citizen1", MON + timedelta(days=2))
        return {"days": d1.processing_days, "codes": [d1.code, d2.code, d3.code, d4.code]}


def indicators(edit_site, unit=AGENCY, period=MARCH):
    with edit_site() as site:
        body = report.scored(site["indicators"], unit, *period)
    return {i["id"]: i for i in body["indicators"]}, body["total"]


def test_on_time_rate_counts_the_legal_due_date_and_a_second_supplement_as_late(crafted, edit_site):
    got, _ = indicators(edit_site)
    assert (got["2.1"]["numerator"], got["2.1"]["denominator"]) == (1, 3)
    assert got["2.1"]["value"] == round(1 / 3, 4)
    assert got["2.1"]["points"] == round(20 * 1 / 3, 2)


def test_average_processing_time_leaves_out_nothing_but_the_pauses(crafted, edit_site):
    got, _ = indicators(edit_site)
    n = crafted["days"]
    assert (got["2.2"]["numerator"], got["2.2"]["denominator"]) == (0 + 0 + n + 1, 3)
    assert got["2.2"]["points"] == 0


def test_online_filing_and_online_payment_shares(crafted, edit_site):
    got, _ = indicators(edit_site)
    assert (got["3.3"]["numerator"], got["3.3"]["denominator"]) == (3, 4)
    assert got["3.3"]["points"] == 6          # 75% is past the 50% that earns full points
    paid = got["3.5"]
    assert paid["numerator"] == 2 and paid["denominator"] == 4


def test_satisfaction_with_procedures_and_with_complaints(crafted, edit_site):
    got, _ = indicators(edit_site)
    assert (got["5.3"]["numerator"], got["5.3"]["denominator"]) == (1, 2)
    assert (got["5.1"]["numerator"], got["5.1"]["denominator"]) == (2, 3)
    assert (got["5.2"]["numerator"], got["5.2"]["denominator"]) == (1, 3)


def test_electronic_results_and_vault_links(crafted, edit_site):
    got, _ = indicators(edit_site)
    assert (got["4.1"]["numerator"], got["4.1"]["denominator"]) == (3, 3)
    assert (got["4.4"]["numerator"], got["4.4"]["denominator"]) == (4, 4)
    assert got["4.3"]["numerator"] == 0      # no attachment reused a state-held document


def test_a_period_without_dossiers_has_no_data_and_no_points(crafted, edit_site):
    got, total = indicators(edit_site, period=(date(2031, 1, 1), date(2031, 12, 31)))
    for ind in ("2.1", "2.2", "3.3", "3.5", "4.1", "5.1", "5.3"):
        assert got[ind]["value"] is None and got[ind]["points"] is None
    assert total["max_points"] < 100


def test_a_period_edge_inside_a_month_reads_the_days(crafted, edit_site):
    """2 March onwards: the four dossiers were filed on 1 March, so none is counted."""
    got, _ = indicators(edit_site, period=(date(2027, 3, 2), date(2027, 4, 30)))
    assert got["3.3"]["denominator"] == 0


def test_the_counters_equal_a_recomputation_from_the_dossiers(crafted, edit_site):
    with edit_site() as site:
        assert rebuild.differences(site["indicators"], rebuild.recompute(site)) == []


def test_a_counter_off_by_one_is_reported(crafted, edit_site):
    with edit_site() as site:
        store = site["indicators"]
        store.days[(AGENCY, "2027-03-01")].change("filed", "", 1)
        diffs = rebuild.differences(store, rebuild.recompute(site))
        assert [d[0] for d in diffs] == [("days", AGENCY, "filed", "2027-03-01", "")]
        assert rebuild.rebuild(site) and rebuild.rebuild(site, check_only=True) == []


def test_evolve_step_11_builds_the_counters_of_an_older_database(crafted, edit_site):
    from tthc_docs.migrations import evolve0011_indicator_counters as step
    with edit_site() as site:
        expected = rebuild.recompute(site).snapshot()
        site.remove("indicators")
        site.evolve_step = 10
        assert step.evolve(site)
        assert site["indicators"].snapshot() == expected
        assert report.scored(site["indicators"], AGENCY, *MARCH)["indicators"][3]["numerator"] == 1


# -- the catalog: 1.1, 1.2, 3.1, 3.4 --------------------------------------------------------

COMMUNE = "999.99.99.H55"


def procedure_data(code, **changes):
    data = {"code": code, "name": "Thủ tục thử", "field": "Hộ tịch", "level": "commune",
            "agencies": [COMMUNE], "processing_days": 3, "fee": 10000,
            "online_fee": fees.default_online_fee(10000), "steps": [],
            "requirements": [{"id": "a", "name": "Tờ khai", "doc_type": "other", "copies": 1,
                              "required": True}],
            "methods": ["counter", "online"], "online_level": "toan-trinh",
            "legal_basis": ["Nghị định 63/2010/NĐ-CP"]}
    return dict(data, **changes)


def test_catalog_indicators_follow_publishing_and_retiring(edit_site):
    with edit_site() as site:
        site["agencies"].create({"code": COMMUNE, "name": "Xã thử", "level": "commune"})
        catalog = site["procedures"]
        catalog.create(procedure_data("9.900001"), "editor1")
        catalog.create(procedure_data("9.900002", online_level=None, legal_basis=[]), "editor1")
        catalog.create(procedure_data("9.900003"), "editor1")
        catalog.publish("9.900001", "editor1")
        catalog.publish("9.900002", "editor1")
    got, _ = indicators(edit_site, unit=COMMUNE)
    assert (got["1.1"]["numerator"], got["1.1"]["denominator"]) == (2, 3)
    assert (got["1.2"]["numerator"], got["1.2"]["denominator"]) == (1, 2)
    assert (got["3.1"]["numerator"], got["3.1"]["denominator"]) == (1, 2)
    assert (got["3.4"]["numerator"], got["3.4"]["denominator"]) == (1, 2)
    assert got["3.2"]["value"] is None       # no dossier in the period: no data, not 0%
    with edit_site() as site:
        site["procedures"].retire("9.900001", "editor1")
    got, _ = indicators(edit_site, unit=COMMUNE)
    assert (got["1.1"]["numerator"], got["1.1"]["denominator"]) == (1, 2)
    assert got["3.1"]["value"] == 0.0


# -- pure parts ------------------------------------------------------------------------------

def test_no_denominator_is_no_data_never_zero():
    ind = decision.BY_ID["2.1"]
    assert decision.value_of(ind, {"on_time": 0, "settled": 0}) == (None, 0, 0)
    assert decision.points_for(ind, None) is None


@pytest.mark.parametrize("share,points", [(1.0, 6.0), (0.5, 6.0), (0.25, 3.0), (0.0, 0.0)])
def test_points_are_linear_up_to_the_full_points_share(share, points):
    assert decision.points_for(decision.BY_ID["3.3"], share) == points


def test_groups_weigh_what_the_decision_gives_them():
    weights = {g: sum(i.max_points for i in decision.INDICATORS if i.group == g)
               for g, _n, _p in decision.GROUPS}
    assert weights == {"1": 18, "2": 20, "3": 22, "4": 22, "5": 18}


@pytest.mark.parametrize("start,end,pieces", [
    (date(2027, 3, 1), date(2027, 3, 31), [("months", "2027-03", "2027-03")]),
    (date(2027, 3, 2), date(2027, 3, 30), [("days", "2027-03-02", "2027-03-30")]),
    (date(2027, 3, 15), date(2027, 5, 10), [("days", "2027-03-15", "2027-03-31"),
                                            ("months", "2027-04", "2027-04"),
                                            ("days", "2027-05-01", "2027-05-10")]),
    (date(2026, 12, 1), date(2027, 1, 31), [("months", "2026-12", "2027-01")]),
])
def test_a_period_is_read_as_whole_months_and_edge_days(start, end, pieces):
    assert counters._pieces(start, end) == pieces


@pytest.mark.parametrize("query,field", [
    ({"from": "2027-03-31", "to": "2027-03-01"}, "from"),
    ({"from": "2020-01-01", "to": "2025-01-01"}, "to"),
    ({"from": "2027-02-30"}, "from"),
])
def test_bad_periods_are_refused_naming_the_field(query, field):
    from tthc_docs import errors
    with pytest.raises(errors.Invalid) as caught:
        report.period(query, date(2027, 3, 1))
    assert field in caught.value.fields
