"""The number of a signed result: one sequence per agency and calendar year.

Decree 30/2020/NĐ-CP art. 15: a document's number is its rank among the
documents the body issues in one year, in Arabic numerals, from 01 January
to 31 December; the number line joins it to the year and to the
abbreviation the agency uses for what it issues (``15/2027/KQ-TTPVHCC``;
the agency configures it as ``Agency.result_suffix``, "KQ" until it does).

Pure ZODB (no web). Like ``dossiers.codes``, each sequence is its own
persistent counter with no conflict resolution: two leaders signing at
once for the same agency conflict, one transaction is retried and draws
the next number, so no number is handed out twice nor skipped by a
refused signature (the whole transaction is dropped then).
"""
from BTrees.OOBTree import OOBTree
from persistent import Persistent

from tthc_docs.timeutil import VN_TZ

DEFAULT_SUFFIX = "KQ"


class YearCounter(Persistent):
    """The last number drawn in one agency's sequence for one year."""

    def __init__(self):
        self.value = 0

    def draw(self):
        """The next number; writes the counter so concurrent draws conflict."""
        self.value += 1
        return self.value


class ResultNumbers(Persistent):
    """Every agency's yearly counters, keyed ``<agency>|<year>`` (``site["dossiers"].result_numbers``)."""

    def __init__(self):
        self.counters = OOBTree()

    def draw(self, agency_code, year):
        key = f"{agency_code}|{year}"
        counter = self.counters.get(key)
        if counter is None:
            counter = self.counters[key] = YearCounter()
        return counter.draw()

    def last(self, agency_code, year):
        """How many numbers ``agency_code`` has drawn in ``year`` (0 if none)."""
        counter = self.counters.get(f"{agency_code}|{year}")
        return counter.value if counter is not None else 0


def numbers_of(registry):
    """The registry's ``ResultNumbers``, made on first use (evolve step 16 makes it)."""
    numbers = getattr(registry, "result_numbers", None)
    if numbers is None:
        numbers = registry.result_numbers = ResultNumbers()
    return numbers


def next_number(site, agency_code, at):
    """``"15/2027/KQ-TTPVHCC"``: the next result number of the agency for the year of ``at``."""
    year = at.astimezone(VN_TZ).year
    seq = numbers_of(site["dossiers"]).draw(agency_code, year)
    agency = site["agencies"].by_code(agency_code)
    suffix = (getattr(agency, "result_suffix", "") or DEFAULT_SUFFIX).strip()
    return f"{seq}/{year}/{suffix}"
