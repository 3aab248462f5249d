"""`generate-catalog`: a province-scale catalog through the import's own code."""
import io
import re

import pytest
import transaction

from tthc_docs.catalog import generate
from tthc_docs.catalog.levels import LEVELS
from tthc_docs.people.agencies import CODE_RE
from tthc_docs.site.content import get_site


@pytest.fixture
def site(db):
    tm = transaction.TransactionManager(explicit=True)
    conn = db.open(transaction_manager=tm)
    tm.begin()
    yield get_site(conn)
    tm.abort()
    conn.close()


def test_records_have_the_real_mix_and_realistic_ranges(site):
    rows = generate.generate(1880, generate.Units(site["agencies"]))
    province = sum(r["level"] == "province" for r in rows)
    assert 0.75 < province / 1880 < 0.85 and {r["level"] for r in rows} == {"province", "commune"}
    assert len({r["code"] for r in rows}) == 1880
    assert all(re.fullmatch(r"[12]\.9\d{5}\.000\.00\.00\.H55", r["code"]) for r in rows)
    assert all(1 <= r["processing_days"] <= 45 and 0 <= r["fee"] <= 1_000_000 for r in rows)
    assert len({r["field"] for r in rows}) >= 30


def test_every_generated_procedure_names_existing_agencies(site):
    units = generate.Units(site["agencies"])
    known = {a.code for a in site["agencies"].all()}
    rows = generate.generate(300, units)
    assert all(set(r["agencies"]) <= known and all(CODE_RE.match(c) for c in r["agencies"]) for r in rows)
    assert all(units.centre in r["agencies"] for r in rows)  # the demo officers can handle each


def test_build_imports_and_publishes_them_with_a_progress_bar(site):
    before = len(site["procedures"])
    out = io.StringIO()
    records, bad = generate.build(site, 120, bar=lambda done, total: generate.progress(done, total, out))
    assert not bad and len(site["procedures"]) == before + 120
    assert all(site["procedures"][r.code].state == "published" for r in records)
    assert out.getvalue().rstrip().endswith("120/120") and "[" + "#" * 40 + "]" in out.getvalue()
    assert {r.clean["level"] for r in records} <= {k for k, _ in LEVELS}


def test_the_same_seed_gives_the_same_catalog(site):
    units = generate.Units(site["agencies"])
    assert generate.generate(50, units, seed=7) == generate.generate(50, units, seed=7)
