"""What is kept in process memory (issue 15): page bytes, translations, log verdicts."""
from datetime import datetime, timedelta, timezone

import transaction
import ZODB
from ZODB.MappingStorage import MappingStorage

from tthc_docs.vaults.accesslog import AccessLog
from tthc_docs.web.i18n import Translate
from tthc_docs.web.pagecache import PageStore

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=timezone(timedelta(hours=7)))


class FakeResponse:
    status = "200 OK"

    def __init__(self, body):
        self.body, self.headers = body, {"Content-Type": "text/html"}


def test_page_store_keeps_within_its_bytes_and_drops_the_oldest():
    from tthc_docs.web.pagecache import Entry
    store = PageStore(max_bytes=800)
    for n in range(10):
        store.put(n, Entry(FakeResponse(bytes(100)), None))
    assert store.size <= 800 and store.get(0) is None and store.get(9) is not None


def test_page_store_refuses_a_page_that_would_push_out_everything():
    from tthc_docs.web.pagecache import Entry
    store = PageStore(max_bytes=800)
    store.put("big", Entry(FakeResponse(bytes(400)), None))
    assert store.get("big") is None


def test_fixed_messages_are_translated_once_per_language(monkeypatch):
    calls = []

    def inner(msgid, **kw):
        calls.append((msgid, kw.get("target_language")))
        return {"en": "Log in"}.get(kw.get("target_language"), msgid)
    translate = Translate(inner)
    for _ in range(3):
        assert translate("Đăng nhập", default="Đăng nhập", target_language="en") == "Log in"
        assert translate("Đăng nhập", default="Đăng nhập", target_language="vi") == "Đăng nhập"
    assert len(calls) == 2


def test_messages_with_values_are_translated_each_time():
    calls = []
    translate = Translate(lambda msgid, **kw: calls.append(msgid) or msgid)
    translate("${n} ngày", mapping={"n": 3}, target_language="en")
    translate("${n} ngày", mapping={"n": 4}, target_language="en")
    assert len(calls) == 2


def _stored_log():
    db = ZODB.DB(MappingStorage())
    conn = db.open()
    conn.root()["log"] = log = AccessLog()
    for n in range(3):
        log.append(at=T0 + timedelta(minutes=n), who="reception1", document=f"d-{n}")
    transaction.commit()
    return db, conn, log


def test_verdict_is_kept_until_the_log_changes():
    db, conn, log = _stored_log()
    assert log.verdict().ok
    del log._entries[2]              # tampering with a small tree changes its serial
    transaction.commit()
    assert not log.verdict().ok and not log.verify().ok
    conn.close()
    db.close()


def test_verdict_follows_an_append():
    db, conn, log = _stored_log()
    first = log.verdict()
    log.append(at=T0 + timedelta(hours=1), who="reception1", document="d-9")
    transaction.commit()
    assert log.verdict().checked == first.checked + 1
    conn.close()
    db.close()
