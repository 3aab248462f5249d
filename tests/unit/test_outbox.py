"""The outbox: written with the change, in order per dossier, handed out and settled.

On a real ZODB (the demo database's copy), dossiers filed and moved the way
the app does it (``Dossier.add_history`` is the hook).
"""
import threading
from datetime import timedelta

import pytest
import transaction
from ZODB.POSException import ConflictError

from tthc_docs import timeutil
from tthc_docs.catalog import fees
from tthc_docs.dossiers import workflow
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.dossiers.content import Dossier
from tthc_docs.site.content import get_site
from tthc_docs.sync import outbox as ob
from tthc_docs.sync import protocol

AGENCY = "000.00.20.H55"
PROCEDURE = "2.000635"


def file_dossier(site, now=None):
    now = now or timeutil.now()
    version = site["procedures"][PROCEDURE].published_version()
    vault = site["vaults"].for_owner("citizen1")
    dossier = Dossier(owner="citizen1", vault_id=vault.id, procedure=version, agency=AGENCY,
                      channel="online", data={}, form_name=None, form_version=None,
                      attachments=[], fee_amount=fees.quote(version, "online").amount,
                      submitted_at=now, submitted_by="citizen1")
    site["dossiers"].file(dossier, now)
    dossier.add_history("submit", "citizen1", "", at=now, target=dossier.status)
    return dossier


def pay_and_receive(site, dossier):
    now = timeutil.now()
    dossier.record_payment("vnpay", dossier.code + "_t", dossier.fee_amount, now)
    dossier.transition("receive", workflow.Context(
        login="reception1", roles=frozenset({workflow.RECEPTION}), now=now,
        calendar=calendar_for(site), name="Cán bộ"))


def records_of(site, code):
    return [site["outbox"].records[k] for k in site["outbox"].records.keys(
        min=(code, 0), max=(code, 10 ** 9))]


def test_each_tracked_event_is_recorded_with_the_state_it_led_to(edit_site):
    with edit_site() as site:
        dossier = file_dossier(site)
        pay_and_receive(site, dossier)
        code = dossier.code
    with edit_site() as site:
        recs = records_of(site, code)
        assert [(r.seq, r.message["event"], r.message["status"]) for r in recs] == [
            (1, "filed", "submitted"), (2, "payment", "submitted"), (3, "received", "received")]
        assert recs[2].message["due_at"] == timeutil.iso(site["dossiers"][code].due_at)
        assert recs[1].message["fee"]["paid"] is True
        assert all(r.state == ob.PENDING for r in recs)


def test_a_message_carries_nothing_personal(edit_site):
    with edit_site() as site:
        dossier = file_dossier(site)
        vault = site["vaults"].for_owner("citizen1")
        text = repr(records_of(site, dossier.code)[0].message)
        for personal in ("citizen1", vault.profile["id_number"], vault.profile["full_name"]):
            assert personal not in text


def test_an_aborted_change_leaves_no_record(db, edit_site):
    with edit_site() as site:
        code = file_dossier(site).code
        before = len(site["outbox"].records)
    tm = transaction.TransactionManager(explicit=True)
    conn = db.open(transaction_manager=tm)
    tm.begin()
    site = get_site(conn)
    pay_and_receive(site, site["dossiers"][code])
    assert len(records_of(site, code)) == 3      # written in this transaction...
    tm.abort()                                    # ...and gone with it
    conn.close()
    with edit_site() as site:
        assert len(site["outbox"].records) == before
        assert [r.seq for r in records_of(site, code)] == [1]
        assert site["outbox"].pending_count() == before


def _commit_with_retry(db, change):
    for _ in range(10):
        tm = transaction.TransactionManager(explicit=True)
        conn = db.open(transaction_manager=tm)
        tm.begin()
        try:
            change(get_site(conn))
            tm.commit()
            return
        except ConflictError:
            tm.abort()
        finally:
            conn.close()
    raise AssertionError("kept conflicting")


def test_order_per_dossier_holds_under_concurrency(db, edit_site):
    with edit_site() as site:
        codes = [file_dossier(site).code for _ in range(4)]
    barrier = threading.Barrier(len(codes))

    def work(code):
        barrier.wait()
        _commit_with_retry(db, lambda site: site["dossiers"][code].record_payment(
            "vnpay", code + "_t", site["dossiers"][code].fee_amount, timeutil.now()))
        _commit_with_retry(db, lambda site: pay_and_receive_after_payment(site, code))
    threads = [threading.Thread(target=work, args=(c,)) for c in codes]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    with edit_site() as site:
        for code in codes:
            recs = records_of(site, code)
            assert [r.seq for r in recs] == [1, 2, 3]
            assert [r.message["event"] for r in recs] == ["filed", "payment", "received"]
            history = [h["action"] for h in site["dossiers"][code].history]
            assert history == ["submit", "pay", "receive"]


def pay_and_receive_after_payment(site, code):
    site["dossiers"][code].transition("receive", workflow.Context(
        login="reception1", roles=frozenset({workflow.RECEPTION}), now=timeutil.now(),
        calendar=calendar_for(site), name="Cán bộ"))


def test_filings_of_different_dossiers_at_once_do_not_conflict_on_the_outbox(db, edit_site):
    """Two transactions each add records of another dossier: both commit (bucket resolution)."""
    with edit_site() as site:
        a, b = file_dossier(site).code, file_dossier(site).code
    opened = []
    for code in (a, b):
        tm = transaction.TransactionManager(explicit=True)
        conn = db.open(transaction_manager=tm)
        tm.begin()
        d = get_site(conn)["dossiers"][code]
        d.record_payment("vnpay", code + "_t", d.fee_amount, timeutil.now())
        opened.append((tm, conn))
    for tm, conn in opened:
        tm.commit()
        conn.close()
    with edit_site() as site:
        assert [r.message["event"] for r in records_of(site, a)] == ["filed", "payment"]
        assert [r.message["event"] for r in records_of(site, b)] == ["filed", "payment"]


def test_only_the_first_pending_record_of_a_dossier_is_handed_out(edit_site):
    with edit_site() as site:
        dossier = file_dossier(site)
        pay_and_receive(site, dossier)
        box, now = site["outbox"], timeutil.now()
        mine = [r for r in box.due(now, limit=10 ** 6) if r.code == dossier.code]
        assert [r.seq for r in mine] == [1]
        box.settle(mine[0].key, 1, "retry", now, "HTTP 500", backoff=lambda n: 60)
        assert [r for r in box.due(now, limit=10 ** 6) if r.code == dossier.code] == []
        later = now + timedelta(seconds=61)
        again = [r for r in box.due(later, limit=10 ** 6) if r.code == dossier.code]
        assert [(r.seq, r.attempts) for r in again] == [(1, 1)]
        box.settle(again[0].key, 2, "delivered", later)
        assert [r.seq for r in box.due(later, limit=10 ** 6) if r.code == dossier.code] == [2]


def test_a_report_of_an_old_attempt_changes_nothing(edit_site):
    with edit_site() as site:
        dossier = file_dossier(site)
        box, now = site["outbox"], timeutil.now()
        key = records_of(site, dossier.code)[0].key
        box.settle(key, 1, "retry", now, backoff=lambda n: 1)
        box.settle(key, 1, "refused", now)            # replayed report of attempt 1
        assert box.get(key).state == ob.PENDING and box.get(key).attempts == 1


def test_refused_goes_to_the_dead_letters_and_replay_brings_it_back(edit_site):
    with edit_site() as site:
        dossier = file_dossier(site)
        box, now = site["outbox"], timeutil.now()
        key = records_of(site, dossier.code)[0].key
        synchronised, received = box.share()
        box.settle(key, 1, "refused", now, "HTTP 422")
        assert box.get(key).state == ob.DEAD
        assert key in [r.key for r in box.dead_letters()]
        assert box.share() == (synchronised, received)   # still not synchronised
        assert [r.key for r in box.replay([key], now)] == [key]
        assert box.get(key).state == ob.PENDING and box.get(key).attempts == 0
        box.settle(key, 1, "delivered", now)
        assert not box.owes(dossier.code)
        assert box.share() == (synchronised + 1, received)


def test_giving_up_after_max_attempts(edit_site):
    with edit_site() as site:
        dossier = file_dossier(site)
        box, now = site["outbox"], timeutil.now()
        key = records_of(site, dossier.code)[0].key
        for n in (1, 2, 3):
            box.settle(key, n, "retry", now, "timeout", backoff=lambda n: 0, max_attempts=3)
        assert box.get(key).state == ob.DEAD


def test_lag_is_the_age_of_the_oldest_undelivered_record(edit_site):
    with edit_site() as site:
        box = site["outbox"]
        for rec in list(box.due(timeutil.now(), limit=10 ** 6)):
            while rec is not None:
                box.settle(rec.key, rec.attempts + 1, "delivered", timeutil.now())
                rec = next((r for r in box.due(timeutil.now(), limit=10 ** 6)
                            if r.code == rec.code), None)
        assert box.oldest_pending() is None
        dossier = file_dossier(site)
        first = records_of(site, dossier.code)[0]
        assert box.oldest_pending() == first.recorded_at
        assert protocol.split_key(first.key) == (dossier.code, 1)


def _opened(db):
    tm = transaction.TransactionManager(explicit=True)
    conn = db.open(transaction_manager=tm)
    tm.begin()
    return tm, conn, get_site(conn)


def test_two_events_of_one_dossier_at_once_conflict_on_the_dossier(db, edit_site):
    """The history lives in the dossier's record: the second writer conflicts and retries."""
    with edit_site() as site:
        code = file_dossier(site).code
    first, second = _opened(db), _opened(db)
    for (_tm, _conn, site), who in ((first, "reception1"), (second, "specialist1")):
        site["dossiers"][code].add_history("note", who, "ghi chú", at=timeutil.now())
    first[0].commit()
    with pytest.raises(ConflictError):
        second[0].commit()
    second[0].abort()
    for _tm, conn, _site in (first, second):
        conn.close()
    with edit_site() as site:
        assert [h["by"] for h in site["dossiers"][code].history] == ["citizen1", "reception1"]


def test_deliveries_and_new_records_at_once_do_not_conflict(db, edit_site):
    """Two deliveries and a new record in the same buckets at once: all three commit.

    A delivery moves the record from ``records`` to ``delivered`` (a removal
    and an insertion, which the buckets' conflict resolution merges).
    """
    with edit_site() as site:
        a, b, c = (file_dossier(site).code for _ in range(3))
    opened = [_opened(db) for _ in (a, b, c)]
    for (_tm, _conn, site), code in zip(opened[:2], (a, b)):
        key = records_of(site, code)[0].key
        assert site["outbox"].settle(key, 1, "delivered", timeutil.now()).state == ob.DELIVERED
    late = opened[2][2]["dossiers"][c]
    late.record_payment("vnpay", c + "_t", late.fee_amount, timeutil.now())
    for tm, conn, _site in opened:
        tm.commit()
        conn.close()
    with edit_site() as site:
        box = site["outbox"]
        assert [box.numbered((code, 1)).state for code in (a, b, c)] == [
            ob.DELIVERED, ob.DELIVERED, ob.PENDING]
        assert box.last_seq(c) == 2 and box.numbered((c, 2)).message["event"] == "payment"


def test_a_record_read_back_from_the_database_is_the_message_it_was_written_with(edit_site):
    """Stored packed (``protocol.pack``), a record reads back the same message, key and times."""
    with edit_site() as site:
        dossier = file_dossier(site)
        pay_and_receive(site, dossier)
        code = dossier.code
        written = [(r.key, dict(r.message), r.recorded_at) for r in records_of(site, code)]
        rating = dict(protocol.message(dossier, {"action": "rate", "score": 4,
                                                 "at": timeutil.now()}, 9))
    with edit_site() as site:
        site._p_jar.cacheMinimize()          # every record a ghost: read from its pickle
        read = [(r.key, r.message, r.recorded_at) for r in records_of(site, code)]
        assert read == written and all(isinstance(r.__getstate__(), tuple)
                                       for r in records_of(site, code))
        assert read[2][1]["due_at"] == timeutil.iso(site["dossiers"][code].due_at)
    assert protocol.unpack(protocol.pack(rating), code, 9, rating["key"]) == rating
    assert protocol.pack(dict(rating, extra=1)) is None      # not a whole message: kept as a dict


def test_a_record_stored_as_a_dict_before_it_was_packed_still_reads(edit_site):
    with edit_site() as site:
        code = file_dossier(site).code
        rec = records_of(site, code)[0]
        state = {name: value for name, value in rec.__dict__.items()}   # the shape before
        old = ob.OutboxRecord.__new__(ob.OutboxRecord)
        old.__setstate__(state)
        assert (old.key, old.message, old.recorded_at) == (rec.key, rec.message, rec.recorded_at)
