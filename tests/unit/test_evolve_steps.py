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


def test_step_6_repairs_lone_surrogates_in_profiles_and_dossier_notes(site):
    site, tm = site
    vault = site["vaults"].for_owner("citizen1")
    vault.profile["full_name"] = "Nguyễn \ud800An"
    dossier = next(iter(site["dossiers"].values()))
    dossier.add_history("note", "reception1", "ghi chú \udfff")
    clean_vault = site["vaults"].for_owner("citizen2")
    site.evolve_step = 5
    tm.commit()
    tm.begin()
    clean_vault.profile._p_activate()
    untouched = clean_vault.profile._p_serial
    _evolve(site, tm, 6)
    assert vault.profile["full_name"] == "Nguyễn \ufffdAn"
    assert dossier.history[-1]["note"] == "ghi chú \ufffd"
    assert clean_vault.profile._p_serial == untouched   # a clean vault is not rewritten


def test_step_9_revokes_the_grants_of_ended_dossiers_but_not_their_results(site):
    site, tm = site
    dossier = next(iter(site["dossiers"].values()))
    vault = site["vaults"][dossier.vault_id]
    paper, result = list(vault.documents.keys())[:2]
    for doc_id in (paper, result):   # as the old code left them after the end
        vault.grant(doc_id, dossier.code, dossier.agency)
    dossier.results = [{"vault": vault.id, "document": result, "sha256": ""}]
    dossier.status = "returned"
    site.evolve_step = 8
    tm.commit()
    tm.begin()
    _evolve(site, tm, 9)
    assert not vault.is_granted(paper, dossier.code, dossier.agency)
    assert vault.is_granted(result, dossier.code, dossier.agency)
