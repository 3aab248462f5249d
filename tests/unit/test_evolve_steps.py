"""Each evolve step brings a database of the old shape to the current one.

The old shape is made from the demo database (the current classes) by
deleting what the step adds and setting ``evolve_step`` back to the step
before, committed, so that the step runs on what it will meet in the field.
"""
import pytest
import transaction

from tthc_docs import migrations
from tthc_docs.catalog.index import ProcedureIndex
from tthc_docs.dossiers import codes
from tthc_docs.dossiers.daysoff import DaysOffRegistry
from tthc_docs.site.content import get_site


@pytest.fixture
def site(db):
    """The demo site on its own connection and transaction manager."""
    tm = transaction.TransactionManager(explicit=True)
    conn = db.open(transaction_manager=tm)
    tm.begin()
    site = get_site(conn)
    yield site, tm
    tm.abort()
    conn.close()


def _age(site, tm, step, obj, *names):
    """Delete ``names`` from ``obj`` and record the database as before ``step``; commit."""
    for name in names:
        delattr(obj, name)
    site.evolve_step = step - 1
    tm.commit()
    tm.begin()


def _evolve(site, tm, step):
    assert migrations.evolve(site, upto=step, tm=tm) == [step]
    tm.begin()


def test_step_2_builds_a_missing_search_index(site):
    site, tm = site
    catalog = site["procedures"]
    before = catalog.search("khai sinh").codes
    _age(site, tm, 2, catalog, "search_index")
    _evolve(site, tm, 2)
    assert catalog.search_index.shape == ProcedureIndex.SHAPE
    assert before and catalog.search("khai sinh").codes == before


def test_step_2_rebuilds_an_index_of_shape_1(site):
    site, tm = site
    catalog = site["procedures"]
    old = catalog.search_index
    before = catalog.search("khai sinh").codes
    old.shape = 1
    _age(site, tm, 2, catalog)
    _evolve(site, tm, 2)
    assert catalog.search_index is not old and catalog.search_index.shape == 2
    assert catalog.search("khai sinh").codes == before


def test_step_3_adds_the_days_off_registry(site):
    site, tm = site
    catalog = site["procedures"]
    _age(site, tm, 3, catalog, "calendar")
    _evolve(site, tm, 3)
    assert isinstance(catalog.days_off_registry(), DaysOffRegistry)


def test_step_4_indexes_the_dossiers_already_filed(site):
    site, tm = site
    registry = site["dossiers"]
    _dossiers, total = registry.for_owner("citizen1")
    assert total == len(registry) > 0
    _age(site, tm, 4, registry, "counters", "indexes", "idempotency", "recent")
    _evolve(site, tm, 4)
    assert registry.for_owner("citizen1")[1] == total
    agency = next(iter(registry.values())).agency
    assert registry.queue(agency)[1] > 0


def test_step_4_resumes_each_days_counter_after_the_codes_given(site):
    site, tm = site
    registry = site["dossiers"]
    _age(site, tm, 4, registry, "counters", "indexes", "idempotency", "recent")
    _evolve(site, tm, 4)
    for code in list(registry.keys()):
        agency, day, _seq = codes.parse_code(code)
        assert registry.counters.next_code(agency, day) not in registry


def test_step_5_builds_the_vault_indexes(site):
    site, tm = site
    vaults = site["vaults"]
    mine = vaults.for_owner("citizen1")
    id_number = mine.profile["id_number"]
    _age(site, tm, 5, vaults, "_by_owner", "_by_id_number")
    _evolve(site, tm, 5)
    assert vaults.for_owner("citizen1") is mine
    assert vaults.for_id_number(id_number) is mine


@pytest.mark.parametrize("step, path, name", [
    (2, "procedures", "search_index"), (3, "procedures", "calendar"),
    (4, "dossiers", "indexes"), (4, "dossiers", "counters"),
    (5, "vaults", "_by_owner"), (5, "vaults", "_by_id_number")])
def test_a_step_keeps_what_a_current_database_has(site, step, path, name):
    site, tm = site
    kept = getattr(site[path], name)
    _age(site, tm, step, site[path])
    _evolve(site, tm, step)
    assert getattr(site[path], name) is kept


def test_step_6_issues_the_papers_of_dossiers_filed_before_them(site):
    site, tm = site
    registry = site["dossiers"]
    for dossier in registry.values():
        dossier._p_activate()
        for name in ("papers", "register_entry"):
            if name in dossier.__dict__:
                delattr(dossier, name)
    received = [d for d in registry.values() if d.received_at is not None]
    _age(site, tm, 6, registry, "paper_counters", "register_book")
    assert received and all(getattr(d, "papers", None) is None for d in received)
    _evolve(site, tm, 6)
    assert all(d.papers.latest("receipt") is not None for d in received)
    assert all(d.papers.latest("receipt").read().startswith(b"%PDF-") for d in received)
    numbers = sorted(d.register_entry[1] for d in received)
    assert numbers == list(range(1, len(received) + 1))
    assert len(registry.register_book) == len(received)


def test_step_6_twice_issues_nothing_twice(site):
    site, tm = site
    from tthc_docs.dossiers import press
    dossier = next(d for d in site["dossiers"].values() if d.received_at is not None)
    before = list(dossier.papers.keys())
    assert press.issue_pending(site, dossier, press.Press.from_settings({})) == []
    assert list(dossier.papers.keys()) == before
