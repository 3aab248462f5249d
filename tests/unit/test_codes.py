"""Dossier codes: format, parsing and uniqueness under concurrent filings.

Concurrency runs for real: threads with their own connections against a
FileStorage, then several ZEO clients against a ZEO server started here on
127.0.0.1 (in its own process) and stopped at the end.
"""
import threading
from datetime import date

import pytest
import transaction
import ZODB
from BTrees.OOBTree import OOBTree
from ZODB.FileStorage import FileStorage

from tthc_docs.dossiers import codes
from tthc_docs import errors

AGENCY = '000.00.20.H55'
DAY = date(2027, 2, 3)
THREADS, PER_THREAD = 6, 15


def test_first_code_of_the_day_is_0001():
    assert codes.CodeCounters().next_code(AGENCY, DAY) == '000.00.20.H55-270203-0001'


def test_codes_of_one_day_follow_each_other():
    counters = codes.CodeCounters()
    counters.next_code(AGENCY, DAY)
    assert counters.next_code(AGENCY, DAY).endswith('-0002')


def test_each_agency_has_its_own_sequence():
    counters = codes.CodeCounters()
    counters.next_code(AGENCY, DAY)
    assert counters.next_code('000.00.01.H55', DAY) == '000.00.01.H55-270203-0001'


def test_each_day_starts_again_at_one():
    counters = codes.CodeCounters()
    counters.next_code(AGENCY, DAY)
    assert counters.next_code(AGENCY, date(2027, 2, 4)) == '000.00.20.H55-270204-0001'


def test_sequence_past_9999_widens_instead_of_wrapping():
    assert codes.format_code(AGENCY, DAY, 10000) == '000.00.20.H55-270203-10000'


def test_a_malformed_agency_code_is_invalid():
    with pytest.raises(errors.Invalid):
        codes.CodeCounters().next_code('bad code/../', DAY)


def test_parse_code_returns_agency_day_and_number():
    assert codes.parse_code('000.00.20.H55-270203-0042') == (AGENCY, DAY, 42)


@pytest.mark.parametrize('text', ['', 'abc', '000.00.20.H55-271303-0001',
                                  '000.00.20.H55-270203-1', '../x-270203-0001'])
def test_parse_code_refuses_malformed_codes(text):
    assert codes.parse_code(text) is None


def _prepare(db):
    conn = db.open()
    root = conn.root()
    root['counters'] = codes.CodeCounters()
    root['dossiers'] = OOBTree()
    transaction.commit()
    conn.close()


def _file_concurrently(make_db, threads=THREADS, per_thread=PER_THREAD):
    """Each worker has its own DB handle/connection and files ``per_thread`` dossiers."""
    failures = []

    def worker(n):
        db = make_db()
        tm = transaction.TransactionManager()
        conn = db.open(transaction_manager=tm)
        try:
            root = conn.root()

            def file_one():
                code = root['counters'].next_code(AGENCY, DAY)
                if code in root['dossiers']:
                    raise AssertionError(f'duplicate {code}')
                root['dossiers'][code] = f'worker-{n}'
                return code

            for _ in range(per_thread):
                codes.run_with_retries(file_one, attempts=200, manager=tm)
        except Exception as exc:  # reported to the main thread
            failures.append(exc)
        finally:
            conn.close()

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=120)
    return failures


def _filed(db):
    conn = db.open()
    try:
        root = conn.root()
        return list(root['dossiers'].keys()), root['counters'].last_number(AGENCY, DAY)
    finally:
        conn.close()


@pytest.fixture
def file_db(tmp_path):
    db = ZODB.DB(FileStorage(str(tmp_path / 'Data.fs')))
    _prepare(db)
    yield db
    db.close()


def test_concurrent_filings_on_filestorage_never_share_a_code(file_db):
    failures = _file_concurrently(lambda: file_db)
    filed, last = _filed(file_db)
    assert (failures, len(filed), last) == ([], THREADS * PER_THREAD, THREADS * PER_THREAD)


def test_concurrent_filings_on_filestorage_leave_no_gap(file_db):
    _file_concurrently(lambda: file_db)
    filed, _ = _filed(file_db)
    assert sorted(codes.parse_code(c)[2] for c in filed) == list(range(1, THREADS * PER_THREAD + 1))


@pytest.fixture
def zeo_address(tmp_path, monkeypatch):
    """A real ZEO server on 127.0.0.1 (own process) over a FileStorage."""
    import ZEO
    monkeypatch.chdir(tmp_path)   # the forker writes its config file in cwd
    address, stop = ZEO.server(path=str(tmp_path / 'zeo.fs'), threaded=False)
    try:
        yield address
    finally:
        stop()


def test_concurrent_filings_through_zeo_never_share_a_code(zeo_address):
    import ZEO
    handles = []
    lock = threading.Lock()

    def client():
        db = ZEO.DB(zeo_address, wait_timeout=30)
        with lock:
            handles.append(db)
        return db

    _prepare(client())
    failures = _file_concurrently(client, threads=4, per_thread=10)
    filed, last = _filed(client())
    for db in handles:
        db.close()
    assert (failures, len(set(filed)), last) == ([], 40, 40)


def test_the_codes_day_is_vietnams_whatever_the_clocks_zone():
    # 20:00 UTC on 1 March is 03:00 on 2 March in Hà Nội (Circular 01/2018 art. 19).
    from datetime import datetime, timezone
    assert codes.code_day(datetime(2027, 3, 1, 20, 0, tzinfo=timezone.utc)) == date(2027, 3, 2)


def test_an_evening_filing_keeps_the_day_it_came_in():
    # The code is the day the dossier came in, not the next working day of its deadline.
    from datetime import datetime
    from tthc_docs.timeutil import VN_TZ
    assert codes.code_day(datetime(2027, 3, 5, 22, 0, tzinfo=VN_TZ)) == date(2027, 3, 5)
