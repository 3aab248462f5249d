"""The vault access log: append-only, chained by hash, tampering detected."""
import dataclasses
from datetime import datetime, timedelta, timezone

import pytest

from tthc_docs.vaults.accesslog import GENESIS, AccessLog, digest_of, next_entry, verify_chain

ICT = timezone(timedelta(hours=7))
T0 = datetime(2026, 11, 27, 9, 0, tzinfo=ICT)


@pytest.fixture
def log():
    log = AccessLog()
    for n in range(5):
        log.append(at=T0 + timedelta(minutes=n), who='reception1',
                   document=f'd-{n}', dossier='000.00.20.H55-261127-0001')
    return log


def test_first_entry_links_to_genesis():
    entry = next_entry(None, at=T0, who='reception1', document='d-1', dossier=None)
    assert (entry.seq, entry.prev) == (1, GENESIS)


def test_each_entry_links_to_the_previous_digest(log):
    entries = list(log)
    assert all(b.prev == a.digest for a, b in zip(entries, entries[1:]))


def test_digest_covers_every_field():
    base = digest_of(1, T0.isoformat(), 'a', 'd', 'x', GENESIS)
    assert base != digest_of(1, T0.isoformat(), 'a', 'd', 'y', GENESIS)


def test_times_are_iso_with_offset(log):
    assert next(iter(log)).at == '2026-11-27T09:00:00+07:00'


def test_intact_log_verifies(log):
    report = log.verify()
    assert (report.ok, report.checked) == (True, 5)


def test_removed_entry_in_the_middle_is_detected(log):
    del log._entries[3]
    report = log.verify()
    assert (report.ok, report.seq) == (False, 3)


def test_removed_last_entry_is_detected(log):
    del log._entries[5]
    assert not log.verify().ok


def test_altered_entry_is_detected(log):
    row = list(log._entries[2])
    row[1] = 'someone-else'
    log._entries[2] = tuple(row)
    report = log.verify()
    assert (report.ok, report.seq) == (False, 2)
    assert 'sửa đổi' in report.problem


def test_recomputed_digest_still_breaks_the_next_link(log):
    """Rewriting an entry *and* its digest breaks the link of the next entry."""
    entries = list(log)
    forged = dataclasses.replace(entries[1], who='nobody')
    forged = dataclasses.replace(forged, digest=digest_of(
        forged.seq, forged.at, forged.who, forged.document, forged.dossier, forged.prev))
    entries[1] = forged
    report = verify_chain(entries)
    assert (report.ok, report.seq) == (False, 3)


def test_verify_chain_accepts_dicts(log):
    assert verify_chain([e.as_dict() for e in log]).ok


def test_newest_first_with_limit(log):
    assert [e.seq for e in log.newest_first(limit=2)] == [5, 4]


def test_empty_log_verifies():
    assert AccessLog().verify().ok


def test_append_persists_across_a_real_database(tmp_path):
    import transaction
    from ZODB import DB
    from ZODB.FileStorage import FileStorage

    db = DB(FileStorage(str(tmp_path / 'Data.fs')))
    try:
        with db.transaction() as conn:
            conn.root()['log'] = AccessLog()
            conn.root()['log'].append(at=T0, who='leader1', document='d-9', dossier=None)
        with db.transaction() as conn:
            log = conn.root()['log']
            assert (len(log), log.verify().ok) == (1, True)
    finally:
        transaction.abort()
        db.close()
