"""Fees (phí, lệ phí): what a dossier owes, by channel and exemption.

Pure rules, no web imports, so the apply view, the payment adapter and the
slips all agree on one amount.  The design's rule: filing online costs half
the counter fee (the reform programme's 50% cut, which Thái Nguyên adopts by
resolution of its People's Council in the manner of Circular 120/2021/TT-BTC's
reductions: the fee "bằng 50%" of the level set) unless the procedure states
its own online amount.

One rounding rule, defined here and used everywhere (the catalog's default
online fee, the demo catalog, exemptions): amounts are whole đồng (API.md:
money is an integer) and a fraction of a đồng is dropped (rounded down). A
reduced fee is a ceiling: the Law on Fees and Charges 2015 (art. 6, 12)
lets the collector collect the level the competent authority set, not more,
so half of 15.001 ₫ is 7.500 ₫, never 7.501 ₫; the citizen keeps the fraction.

A procedure may list exemptions (miễn, giảm phí), e.g. families with people
of merit or poor households, each with the share of the fee it waives; an
applicant claims one by id and the claim must name one the procedure lists.
"""
from dataclasses import dataclass
from fractions import Fraction

from tthc_docs.errors import Invalid

ONLINE = "online"
COUNTER = "counter"
CHANNELS = (ONLINE, COUNTER)

#: The share of the counter fee charged online when the procedure says nothing.
DEFAULT_ONLINE_SHARE = Fraction(1, 2)


@dataclass(frozen=True)
class Exemption:
    """One exemption a procedure lists: ``percent`` of the fee it waives."""

    id: str
    name: str
    percent: int = 100


@dataclass(frozen=True)
class FeeQuote:
    """The amount owed and how it was reached (shown on slips and receipts)."""

    amount: int
    base: int
    channel: str
    exemption: Exemption | None = None

    @property
    def due(self):
        """True when something must be paid before receipt."""
        return self.amount > 0


def round_dong(value):
    """Whole đồng, the fraction dropped: never more than the share the law allows."""
    value = Fraction(value)
    if value < 0:
        raise ValueError("a fee cannot be negative")
    return int(value // 1)


def default_online_fee(fee):
    """The online fee of a procedure that states none: the share, rounded by ``round_dong``."""
    return round_dong(Fraction(_money(fee)) * DEFAULT_ONLINE_SHARE)


def counter_fee(version):
    """The counter fee of a published procedure version (0 when it charges none)."""
    return _money(getattr(version, "fee", 0))


def online_fee(version):
    """The online amount: the procedure's own figure, else half the counter fee."""
    own = getattr(version, "online_fee", None)
    if own is not None and not _echoes_counter_fee(version):
        return _money(own)
    return default_online_fee(counter_fee(version))


def exemptions_of(version):
    """The exemptions a procedure version lists, as ``Exemption`` values."""
    found = []
    for item in getattr(version, "fee_exemptions", None) or ():
        if isinstance(item, Exemption):
            found.append(item)
            continue
        percent = int(item.get("percent", 100))
        if not 0 < percent <= 100:
            raise ValueError(f"exemption {item.get('id')!r}: percent must be 1..100")
        found.append(Exemption(str(item["id"]), str(item.get("name", item["id"])), percent))
    return found


def quote(version, channel, exemption=None):
    """What a dossier filed through ``channel`` owes, after an optional exemption.

    Raises ``Invalid`` (422) for an unknown channel or an exemption the
    procedure does not list: the applicant can correct either.
    """
    if channel not in CHANNELS:
        raise Invalid("Kênh nộp hồ sơ không hợp lệ.", {"channel": f"phải là {ONLINE} hoặc {COUNTER}"})
    base = online_fee(version) if channel == ONLINE else counter_fee(version)
    if not exemption:
        return FeeQuote(base, base, channel)
    listed = {e.id: e for e in exemptions_of(version)}
    if exemption not in listed:
        raise Invalid(
            "Thủ tục này không có đối tượng miễn, giảm phí như đã chọn.",
            {"exemption": f"không có trong danh sách miễn, giảm của thủ tục: {exemption}"},
        )
    chosen = listed[exemption]
    amount = round_dong(Fraction(base) * (100 - chosen.percent) / 100)
    return FeeQuote(amount, base, channel, chosen)


def _money(value):
    """An amount from a procedure: a non-negative whole number of đồng."""
    if value is None:
        return 0
    if isinstance(value, bool) or int(value) != value or value < 0:
        raise ValueError(f"not an amount of đồng: {value!r}")
    return int(value)


def _echoes_counter_fee(version):
    """True when ``online_fee`` merely echoes the counter fee (nothing said).

    Catalog code may fill ``online_fee`` with the counter fee when the editor
    left it blank; ``online_fee_set`` (when the catalog provides it) says
    whether the editor really chose the figure.
    """
    explicit = getattr(version, "online_fee_set", None)
    return explicit is False
