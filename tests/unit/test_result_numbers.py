"""A signed result's number: one sequence per agency and calendar year (Decree 30/2020 art. 15).

Real ZODB (a FileStorage), real dates: the year changes at midnight in
Vietnam, whatever the server's clock zone, and two transactions drawing at
once from one agency's counter conflict instead of sharing a number.
"""
import threading
from datetime import datetime, timezone

import pytest
import transaction
import ZODB
from BTrees.OOBTree import OOBTree
from ZODB.FileStorage import FileStorage

from tthc_docs.dossiers import codes
from tthc_docs.dossiers.result_numbers import ResultNumbers, next_number
from tthc_docs.people.agencies import Agency, AgencyTree
from tthc_docs.timeutil import VN_TZ

CENTRE, COMMUNE = "000.00.20.H55", "000.31.01.H55"


class Site(dict):
    """What ``next_number`` reads: the registry and the agencies (real persistent parts)."""


@pytest.fixture
def site():
    tree = AgencyTree()
    centre = tree.add_agency(tree, Agency(CENTRE, "Trung tâm Phục vụ hành chính công", "province"))
    centre.result_suffix = "KQ-TTPVHCC"
    tree.add_agency(tree, Agency(COMMUNE, "Ủy ban nhân dân xã Đại Phúc", "commune"))
    holder = type("Registry", (), {})()
    holder.result_numbers = ResultNumbers()
    return Site(agencies=tree, dossiers=holder)


def vn(*args):
    return datetime(*args, tzinfo=VN_TZ)


def test_numbers_follow_each_other_within_the_year_with_the_agencys_suffix(site):
    drawn = [next_number(site, CENTRE, vn(2027, 3, d, 10)) for d in (1, 2, 2)]
    assert drawn == ["1/2027/KQ-TTPVHCC", "2/2027/KQ-TTPVHCC", "3/2027/KQ-TTPVHCC"]


def test_each_agency_has_its_own_sequence_and_kq_until_it_sets_a_suffix(site):
    next_number(site, CENTRE, vn(2027, 3, 1, 10))
    assert next_number(site, COMMUNE, vn(2027, 3, 1, 11)) == "1/2027/KQ"


def test_the_sequence_starts_again_on_1_january_in_vietnam(site):
    last_of_2026 = vn(2026, 12, 31, 23, 50)
    first_of_2027 = datetime(2026, 12, 31, 17, 5, tzinfo=timezone.utc)   # 00:05 on 1/1/2027 in Vietnam
    assert next_number(site, CENTRE, vn(2026, 12, 30, 9)) == "1/2026/KQ-TTPVHCC"
    assert next_number(site, CENTRE, last_of_2026) == "2/2026/KQ-TTPVHCC"
    assert next_number(site, CENTRE, first_of_2027) == "1/2027/KQ-TTPVHCC"
    assert next_number(site, CENTRE, vn(2027, 1, 4, 8)) == "2/2027/KQ-TTPVHCC"
    assert site["dossiers"].result_numbers.last(CENTRE, 2026) == 2


THREADS, PER_THREAD = 4, 10


def test_concurrent_draws_on_filestorage_neither_share_nor_skip_a_number(tmp_path):
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    conn = db.open()
    conn.root()["numbers"], conn.root()["issued"] = ResultNumbers(), OOBTree()
    transaction.commit()
    conn.close()
    failures = []

    def worker(n):
        tm = transaction.TransactionManager()
        conn = db.open(transaction_manager=tm)
        root = conn.root()

        def draw():
            seq = root["numbers"].draw(CENTRE, 2027)
            assert seq not in root["issued"], f"duplicate {seq}"
            root["issued"][seq] = n

        try:
            for _ in range(PER_THREAD):
                codes.run_with_retries(draw, attempts=200, manager=tm)
        except Exception as exc:  # reported to the main thread
            failures.append(exc)
        finally:
            conn.close()

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=120)
    conn = db.open()
    issued = sorted(conn.root()["issued"].keys())
    conn.close()
    db.close()
    assert failures == [] and issued == list(range(1, THREADS * PER_THREAD + 1))
