"""Fee rules: counter fee, the 50% online cut, rounding, exemptions."""
from types import SimpleNamespace

import pytest

from tthc_docs.catalog import fees
from tthc_docs.errors import Invalid


def version(fee=50_000, online_fee=None, exemptions=(), **extra):
    """A published procedure version as the catalog exposes it (only the fee fields)."""
    return SimpleNamespace(fee=fee, online_fee=online_fee, fee_exemptions=list(exemptions), **extra)


POOR = {"id": "ho-ngheo", "name": "Hộ nghèo", "percent": 100}
HALF = {"id": "nguoi-cao-tuoi", "name": "Người cao tuổi", "percent": 50}


def test_counter_fee_is_the_procedure_fee():
    assert fees.quote(version(50_000), fees.COUNTER).amount == 50_000


def test_online_fee_defaults_to_half_the_counter_fee():
    assert fees.quote(version(50_000), fees.ONLINE).amount == 25_000


def test_online_fee_of_an_odd_amount_drops_the_half_dong():
    assert fees.quote(version(15_001), fees.ONLINE).amount == 7_500


def test_online_fee_is_an_int():
    assert type(fees.quote(version(15_001), fees.ONLINE).amount) is int


def test_procedure_own_online_amount_wins():
    assert fees.quote(version(50_000, online_fee=10_000), fees.ONLINE).amount == 10_000


def test_online_amount_marked_as_not_chosen_falls_back_to_half():
    v = version(50_000, online_fee=50_000, online_fee_set=False)
    assert fees.quote(v, fees.ONLINE).amount == 25_000


def test_free_procedure_owes_nothing():
    assert not fees.quote(version(0), fees.ONLINE).due


def test_missing_fee_counts_as_free():
    assert fees.quote(SimpleNamespace(), fees.COUNTER).amount == 0


def test_full_exemption_waives_the_fee():
    q = fees.quote(version(50_000, exemptions=[POOR]), fees.COUNTER, exemption="ho-ngheo")
    assert (q.amount, q.exemption.name) == (0, "Hộ nghèo")


def test_partial_exemption_applies_to_the_online_amount():
    q = fees.quote(version(50_001, exemptions=[HALF]), fees.ONLINE, exemption="nguoi-cao-tuoi")
    assert (q.base, q.amount) == (25_000, 12_500)


def test_exemption_not_listed_by_the_procedure_is_invalid():
    with pytest.raises(Invalid) as err:
        fees.quote(version(50_000, exemptions=[POOR]), fees.COUNTER, exemption="nguoi-co-cong")
    assert "exemption" in err.value.fields


def test_unknown_channel_is_invalid():
    with pytest.raises(Invalid) as err:
        fees.quote(version(), "fax")
    assert "channel" in err.value.fields


def test_negative_fee_is_refused():
    with pytest.raises(ValueError):
        fees.counter_fee(version(-1))


def test_round_dong_drops_the_fraction_of_a_dong():
    assert [fees.round_dong(x) for x in (0, 0.5, 1.4999, 2.5, 7500.5)] == [0, 0, 1, 2, 7500]


def test_the_demo_catalog_uses_the_same_rule():
    from tthc_docs.demo.procedures_data import proc
    record = proc("9.9", "Thử", "Thử", "commune", 1, 15_001, None, "other", [], [], [])
    assert record["online_fee"] == fees.quote(version(15_001), fees.ONLINE).amount
