"""Each evolve step brings a database of the old shape to the current one.

The old shape is made from the demo database (the current classes) by
deleting what the step adds and setting ``evolve_step`` back to the step
before, committed, so that the step runs on what it will meet in the field.
"""
from datetime import date, datetime

import pytest

from tthc_docs import migrations
from tthc_docs.catalog.index import ProcedureIndex
from tthc_docs.dossiers import codes
from tthc_docs.dossiers.daysoff import DaysOffRegistry
from tthc_docs.timeutil import VN_TZ


def _age(site, tm, step, obj, *names):
    """Delete ``names`` from ``obj`` and record the database as before ``step``; commit."""
    for name in names:
        delattr(obj, name)
    site.evolve_step = step - 1
    tm.commit()
    tm.begin()


def _evolve(site, tm, step):
    """Run ``step`` as on a real database: what is stored is read back as ghosts first."""
    tm.commit()
    site._p_jar.cacheMinimize()
    tm.begin()
    assert migrations.evolve(site, upto=step, tm=tm) == [step]
    tm.begin()


def test_step_2_builds_a_missing_search_index(site_and_tm):
    site, tm = site_and_tm
    catalog = site["procedures"]
    before = catalog.search("khai sinh").codes
    _age(site, tm, 2, catalog, "search_index")
    _evolve(site, tm, 2)
    assert catalog.search_index.shape == ProcedureIndex.SHAPE
    assert before and catalog.search("khai sinh").codes == before


def test_step_2_rebuilds_an_index_of_shape_1(site_and_tm):
    site, tm = site_and_tm
    catalog = site["procedures"]
    old = catalog.search_index
    before = catalog.search("khai sinh").codes
    old.shape = 1
    _age(site, tm, 2, catalog)
    _evolve(site, tm, 2)
    assert catalog.search_index is not old and catalog.search_index.shape == 2
    assert catalog.search("khai sinh").codes == before


def test_step_3_adds_the_days_off_registry(site_and_tm):
    site, tm = site_and_tm
    catalog = site["procedures"]
    _age(site, tm, 3, catalog, "calendar")
    _evolve(site, tm, 3)
    assert isinstance(catalog.days_off_registry(), DaysOffRegistry)


def test_step_4_indexes_the_dossiers_already_filed(site_and_tm):
    site, tm = site_and_tm
    registry = site["dossiers"]
    _dossiers, total = registry.for_owner("citizen1")
    assert total == len(registry) > 0
    _age(site, tm, 4, registry, "counters", "indexes", "idempotency",
           "recent_filings")
    _evolve(site, tm, 4)
    assert registry.for_owner("citizen1")[1] == total
    agency = next(iter(registry.values())).agency
    assert registry.queue(agency)[1] > 0


def test_step_4_resumes_each_days_counter_after_the_codes_given(site_and_tm):
    site, tm = site_and_tm
    registry = site["dossiers"]
    _age(site, tm, 4, registry, "counters", "indexes", "idempotency",
           "recent_filings")
    _evolve(site, tm, 4)
    for code in list(registry.keys()):
        agency, day, _seq = codes.parse_code(code)
        assert registry.counters.next_code(agency, day) not in registry


def test_step_5_builds_the_vault_indexes(site_and_tm):
    site, tm = site_and_tm
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
def test_a_step_keeps_what_a_current_database_has(site_and_tm, step, path, name):
    site, tm = site_and_tm
    kept = getattr(site[path], name)
    _age(site, tm, step, site[path])
    _evolve(site, tm, step)
    assert getattr(site[path], name) is kept


def _old_levels(site):
    """What a database of before 1 July 2025 holds: a district with a commune, a district procedure."""
    from tthc_docs.demo.procedures_data import PROCEDURES
    from tthc_docs.people.agencies import Agency
    tree = site["agencies"]
    district = tree.add_agency(tree.by_code("000.00.00.H55"),
                               Agency("000.00.31.H55", "Ủy ban nhân dân huyện Đại Từ", "province"))
    district.level = "district"  # the constructor no longer accepts it
    tree.add_agency(district, Agency("000.31.01.H55", "Ủy ban nhân dân thị trấn Hùng Sơn", "commune"))
    catalog = site["procedures"]
    catalog.create(dict(PROCEDURES[0], code="9.000631", level="district"), "editor1")
    catalog.publish("9.000631", "editor1")
    catalog.update("9.000631", dict(PROCEDURES[0], code="9.000631", level="district", name="Nháp"), "editor1")
    return district


def test_step_6_moves_district_agencies_and_procedures_to_the_two_levels(site_and_tm):
    from tthc_docs.migrations import report
    site, tm = site_and_tm
    district = _old_levels(site)
    _age(site, tm, 6, site)
    _evolve(site, tm, 6)
    tree, procedure = site["agencies"], site["procedures"]["9.000631"]
    assert district.level == "commune" and len(district) == 0
    assert tree.by_code("000.31.01.H55").__parent__ is tree.by_code("000.00.00.H55")
    assert [v.level for v in procedure.versions.values()] == ["district", "commune", "commune"]
    assert procedure.published_version().version == 3 and procedure.draft_version().name == "Nháp"
    assert site["procedures"].search(level="commune", editor=True).codes.count("9.000631") == 1
    lines = report(site, 6)
    assert any("000.00.31.H55" in line for line in lines) and any("9.000631" in line for line in lines)
    assert "Luật Tổ chức chính quyền địa phương năm 2025" in lines[-1]


def test_step_6_leaves_a_two_level_database_unchanged(site_and_tm):
    from tthc_docs.migrations import report
    site, tm = site_and_tm
    before = {a.code: a.level for a in site["agencies"].all()}
    _age(site, tm, 6, site)
    _evolve(site, tm, 6)
    assert {a.code: a.level for a in site["agencies"].all()} == before
    assert len(report(site, 6)) == 1


def test_step_7_makes_the_outbox_from_the_histories(site_and_tm):
    from tthc_docs.sync import protocol
    site, tm = site_and_tm
    tracked = sum(1 for d in site["dossiers"].values() for h in d.history
                  if protocol.event_for(h["action"]))
    site.remove("outbox")
    _age(site, tm, 7, site)
    _evolve(site, tm, 7)
    outbox = site["outbox"]
    assert tracked > 0 and len(outbox.records) == outbox.pending_count() == tracked
    assert outbox.share() == (0, len(site["dossiers"]))
    for dossier in site["dossiers"].values():
        events = [outbox.records[(dossier.code, n + 1)].message["event"]
                  for n in range(outbox.last_seq(dossier.code))]
        assert events == [protocol.event_for(h["action"]) for h in dossier.history
                          if protocol.event_for(h["action"])]


def test_step_8_adds_the_feedback_registry(site_and_tm):
    from tthc_docs.feedback.content import FeedbackRegistry
    site, tm = site_and_tm
    site.remove("feedback")
    _age(site, tm, 8, site)
    _evolve(site, tm, 8)
    assert isinstance(site["feedback"], FeedbackRegistry) and len(site["feedback"]) == 0


@pytest.mark.parametrize("step, name", [(7, "outbox"), (8, "feedback")])
def test_steps_7_and_8_keep_what_a_current_database_has(site_and_tm, step, name):
    site, tm = site_and_tm
    kept = site[name]
    _age(site, tm, step, site)
    _evolve(site, tm, step)
    assert site[name] is kept


def _old_shape(dossier, **attrs):
    """``dossier`` as step 9 finds it: one ``due_at``, no ``appointment_at``."""
    for name, value in attrs.items():
        setattr(dossier, name, value)
    dossier.__dict__.pop("appointment_at", None)
    dossier._p_changed = True


def _received(registry):
    return next(d for d in registry.values() if d.received_at is not None and d.is_open)


def test_step_9_recounts_the_legal_due_date_and_keeps_the_apologys_appointment(site_and_tm):
    site, tm = site_and_tm
    registry = site["dossiers"]
    dossier = _received(registry)
    received = datetime(2027, 2, 3, 10, 0, tzinfo=VN_TZ)        # Wed, the eve of Tết
    old_due = datetime(2027, 3, 9, 17, 0, tzinfo=VN_TZ)         # the receipt day as day 1
    promised = datetime(2027, 3, 19, 17, 0, tzinfo=VN_TZ)
    apology = {"at": received, "by": "specialist1", "reason": "Chờ xác minh",
               "old_due": old_due, "new_due": promised}
    dossier.history.append(dict(apology, action="apologize", note="Chờ xác minh"))
    _old_shape(dossier, received_at=received, processing_days=20, due_at=promised,
               apologies=[apology])
    _age(site, tm, 9, registry)
    _evolve(site, tm, 9)
    assert (dossier.due_at.date(), dossier.appointment_at.date()) == (date(2027, 3, 10),
                                                                      date(2027, 3, 19))
    assert dossier.overdue(datetime(2027, 3, 11, 9, 0, tzinfo=VN_TZ))
    assert dossier.apologies[0]["legal_due_at"] == dossier.due_at
    assert dossier.history[-1]["legal_due_at"] == dossier.due_at


def test_step_9_pushes_the_legal_due_date_by_the_recorded_supplement_pause(site_and_tm):
    site, tm = site_and_tm
    registry = site["dossiers"]
    dossier = _received(registry)
    received = datetime(2027, 3, 1, 9, 0, tzinfo=VN_TZ)         # Mon; 3 days: Thu 4/3
    dossier.history.append({"at": datetime(2027, 3, 2, 10, 0, tzinfo=VN_TZ),
                            "action": "request_supplement", "by": "reception1", "note": "Thiếu"})
    dossier.history.append({"at": datetime(2027, 3, 4, 10, 0, tzinfo=VN_TZ),
                            "action": "supplement", "by": "citizen1", "note": ""})
    _old_shape(dossier, received_at=received, processing_days=3,
               due_at=datetime(2027, 3, 5, 17, 0, tzinfo=VN_TZ), apologies=[])
    _age(site, tm, 9, registry)
    _evolve(site, tm, 9)
    assert dossier.due_at.date() == dossier.appointment_at.date() == date(2027, 3, 8)


def test_step_12_repairs_lone_surrogates_in_profiles_and_dossier_notes(site_and_tm):
    site, tm = site_and_tm
    vault = site["vaults"].for_owner("citizen1")
    vault.profile["full_name"] = "Nguyễn \ud800An"
    dossier = next(iter(site["dossiers"].values()))
    dossier.add_history("note", "reception1", "ghi chú \udfff")
    clean_vault = site["vaults"].for_owner("citizen2")
    site.evolve_step = 11
    tm.commit()
    tm.begin()
    clean_vault.profile._p_activate()
    untouched = clean_vault.profile._p_serial
    _evolve(site, tm, 12)
    assert vault.profile["full_name"] == "Nguyễn \ufffdAn"
    assert dossier.history[-1]["note"] == "ghi chú \ufffd"
    assert clean_vault.profile._p_serial == untouched   # a clean vault is not rewritten


def test_step_15_revokes_the_grants_of_ended_dossiers_but_not_their_results(site_and_tm):
    site, tm = site_and_tm
    dossier = next(iter(site["dossiers"].values()))
    vault = site["vaults"][dossier.vault_id]
    paper, result = list(vault.documents.keys())[:2]
    for doc_id in (paper, result):   # as the old code left them after the end
        vault.grant(doc_id, dossier.code, dossier.agency)
    dossier.results = [{"vault": vault.id, "document": result, "sha256": ""}]
    dossier.status = "returned"
    site.evolve_step = 14
    tm.commit()
    tm.begin()
    _evolve(site, tm, 15)
    assert not vault.is_granted(paper, dossier.code, dossier.agency)
    assert vault.is_granted(result, dossier.code, dossier.agency)


def test_step_13_makes_the_shared_stores_empty(site_and_tm):
    from tthc_docs.people.audit import AuditLog
    from tthc_docs.people.sessions import SessionStore
    from tthc_docs.people.throttle import FailureStore
    site, tm = site_and_tm
    _age(site, tm, 13, site, "sessions", "login_failures", "audit")
    _evolve(site, tm, 13)
    assert isinstance(site.sessions, SessionStore)
    assert isinstance(site.login_failures, FailureStore)
    assert isinstance(site.audit, AuditLog)


def test_step_14_makes_the_refund_queue(site_and_tm):
    from tthc_docs.payments.refunds import RefundQueue
    site, tm = site_and_tm
    _age(site, tm, 14, site, "refunds")
    _evolve(site, tm, 14)
    assert isinstance(site.refunds, RefundQueue)


@pytest.mark.parametrize("step, name", [(13, "sessions"), (13, "login_failures"), (13, "audit"),
                                        (14, "refunds")])
def test_steps_13_and_14_keep_what_a_current_database_has(site_and_tm, step, name):
    site, tm = site_and_tm
    kept = getattr(site, name)
    _age(site, tm, step, site)
    _evolve(site, tm, step)
    assert getattr(site, name) is kept


def test_step_10_issues_the_papers_of_dossiers_filed_before_them(site_and_tm):
    site, tm = site_and_tm
    registry = site["dossiers"]
    for dossier in registry.values():
        dossier._p_activate()
        for name in ("papers", "register_entry"):
            if name in dossier.__dict__:
                delattr(dossier, name)
    received = [d for d in registry.values() if d.received_at is not None]
    _age(site, tm, 10, registry, "paper_counters", "register_book")
    assert received and all(getattr(d, "papers", None) is None for d in received)
    _evolve(site, tm, 10)
    assert all(d.papers.latest("receipt") is not None for d in received)
    assert all(d.papers.latest("receipt").read().startswith(b"%PDF-") for d in received)
    numbers = sorted(d.register_entry[1] for d in received)
    assert numbers == list(range(1, len(received) + 1))
    assert len(registry.register_book) == len(received)


def test_step_10_twice_issues_nothing_twice(site_and_tm):
    site, tm = site_and_tm
    from tthc_docs.dossiers import press
    dossier = next(d for d in site["dossiers"].values() if d.received_at is not None)
    before = list(dossier.papers.keys())
    assert press.issue_pending(site, dossier, press.Press.from_settings({})) == []
    assert list(dossier.papers.keys()) == before


def test_step_16_names_the_result_document_of_stored_versions_and_numbers_results(site_and_tm):
    from tthc_docs.dossiers.result_numbers import ResultNumbers
    site, tm = site_and_tm
    registry = site["dossiers"]
    versions = [v for p in site["procedures"].values() for v in p.versions.values()]
    for version in versions:                       # the old shape: no result_title
        version._p_activate()
        version.__dict__.pop("result_title", None)
        version._p_changed = True
    described = [v for v in versions if v.result_name.startswith("Giấy khai sinh (bản chính)")]
    _age(site, tm, 16, registry, "result_numbers")
    _evolve(site, tm, 16)
    assert described and all(v.result_title == "Giấy khai sinh" for v in described)
    assert all("result_title" in v.__dict__ for v in versions)
    assert isinstance(registry.result_numbers, ResultNumbers)


def test_step_16_keeps_a_title_an_editor_gave(site_and_tm):
    site, tm = site_and_tm
    version = next(v for p in site["procedures"].values() for v in p.versions.values()
                   if v.result_name)
    version._p_activate()
    version.__dict__["result_title"] = "Giấy xác nhận do biên tập viên đặt tên"
    version._p_changed = True
    _age(site, tm, 16, site)
    _evolve(site, tm, 16)
    assert version.result_title == "Giấy xác nhận do biên tập viên đặt tên"


def test_step_17_indexes_the_accounts_by_agency(site_and_tm):
    from tthc_docs.dossiers import actions
    site, tm = site_and_tm
    people = site["people"]
    officers = sorted(a.login for a in people.values() if a.agency == "000.00.20.H55")
    _age(site, tm, 17, people, "by_agency")
    _evolve(site, tm, 17)
    assert sorted(a.login for a in people.of_agency("000.00.20.H55")) == officers
    assert "reception1" in officers and "citizen1" not in officers
    dossier = next(iter(site["dossiers"].values()))
    assert [login for login, _ in actions.assignable(people, dossier)] == sorted(
        a.login for a in people.values() if actions.may_be_assigned(a, dossier))


def test_step_18_indexes_the_agencies_by_commune(site_and_tm):
    """A tree of before the index (no ``by_commune_index``) answers ``for_commune`` after the step."""
    from tthc_docs.demo.agencies import PHAN_DINH_PHUNG
    site, tm = site_and_tm
    tree = site["agencies"]
    commune = tree.by_code(PHAN_DINH_PHUNG).commune_code
    _age(site, tm, 18, tree, "by_commune_index")
    _evolve(site, tm, 18)
    assert commune and tree.for_commune(commune).code == PHAN_DINH_PHUNG
    assert len(tree.by_commune_index) == sum(1 for a in tree.all() if a.commune_code)


def test_step_19_makes_the_signing_requests_registry(site_and_tm):
    from tthc_docs.signing.pending import SigningRequests
    site, tm = site_and_tm
    _age(site, tm, 19, site, "signing_requests")
    _evolve(site, tm, 19)
    assert isinstance(site.signing_requests, SigningRequests)
    assert len(site.signing_requests.items) == 0


def test_step_19_keeps_the_requests_a_current_database_has(site_and_tm):
    site, tm = site_and_tm
    kept = site.signing_requests
    _age(site, tm, 19, site)
    _evolve(site, tm, 19)
    assert site.signing_requests is kept


def test_step_20_indexes_the_dossiers_by_search_term(site_and_tm):
    from tthc_docs.dossiers import queues
    from tthc_docs.text.folding import fold
    site, tm = site_and_tm
    registry = site["dossiers"]
    dossier = next(d for d in registry.values() if d.applicant_name)
    _age(site, tm, 20, registry.indexes, "terms")
    _evolve(site, tm, 20)
    query = queues.QueueQuery(statuses=(dossier.status,), text=fold(dossier.applicant_name))
    now = datetime(2027, 3, 1, tzinfo=VN_TZ)
    codes_found, total = queues.search(registry.indexes, dossier.agency, query, now, now, 0, 50)
    assert dossier.code in codes_found and total >= 1


def test_step_21_indexes_what_each_desk_received_for_another_agency(site_and_tm):
    """A registry of before the desk index (no ``indexes.desk``) gives the desk its queue after the step."""
    from tthc_docs.demo.agencies import PHAN_DINH_PHUNG
    from tthc_docs.dossiers.states import SUBMITTED
    site, tm = site_and_tm
    registry = site["dossiers"]
    dossier = next(d for d in registry.values() if d.status == SUBMITTED)
    dossier.receiving_agency = PHAN_DINH_PHUNG     # as a commune desk would have taken it in
    registry.indexes.desk = None
    registry.reindex(dossier)                       # an old registry: nothing to index into
    _age(site, tm, 21, registry.indexes, "desk", "desk_terms")
    _evolve(site, tm, 21)
    found, total = registry.queue(PHAN_DINH_PHUNG, (SUBMITTED,), desk_statuses=(SUBMITTED,))
    assert (found, total) == ([dossier], 1)
    from tthc_docs.dossiers import queues
    from tthc_docs.text.folding import fold
    query = queues.QueueQuery(statuses=(SUBMITTED,), text=fold(dossier.applicant_name))
    now = datetime(2027, 3, 1, tzinfo=VN_TZ)
    assert registry.search_queue(PHAN_DINH_PHUNG, query, now, now,
                                 desk_statuses=(SUBMITTED,))[0] == [dossier]
    assert registry.queue(PHAN_DINH_PHUNG, (SUBMITTED,))[1] == 0


def test_step_22_gives_the_desks_reads_to_its_reception_only(site_and_tm):
    """A grant of before (naming the desk's agency code) names ``desk:<unit>`` after the step."""
    from tthc_docs.demo.agencies import PHAN_DINH_PHUNG
    from tthc_docs.dossiers import grants
    from tthc_docs.dossiers.states import SUBMITTED
    site, tm = site_and_tm
    dossier = next(d for d in site["dossiers"].values()
                   if d.status == SUBMITTED and d.attachments)
    dossier.receiving_agency = PHAN_DINH_PHUNG
    vault = site["vaults"][dossier.vault_id]
    doc_id = dossier.attachments[0]["document"]
    vault.grant(doc_id, dossier.code, PHAN_DINH_PHUNG)   # as the desk's grants were given
    _age(site, tm, 22, site)
    _evolve(site, tm, 22)
    assert not vault.is_granted(doc_id, dossier.code, PHAN_DINH_PHUNG)
    assert vault.is_granted(doc_id, dossier.code, grants.desk_grantee(PHAN_DINH_PHUNG))
    assert vault.is_granted(doc_id, dossier.code, dossier.agency)
