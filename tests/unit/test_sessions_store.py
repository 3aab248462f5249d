"""The server-side session store on a real ZODB: expiry, ending, cleaning, no conflicts."""
import pytest
import transaction

from tthc_docs.people.sessions import SessionStore
from tthc_docs.site.content import get_site

HOUR = 3600


@pytest.fixture
def store():
    return SessionStore()


def test_a_session_is_found_until_it_expires(store):
    store.create("a", 1000, HOUR)
    assert store.get("a", 1000 + HOUR - 1) is not None
    assert store.get("a", 1000 + HOUR) is None


def test_renewal_waits_until_half_the_lifetime_is_gone(store):
    record = store.create("a", 0, HOUR)
    store.renew("a", record, HOUR / 2 - 1, HOUR)
    assert record.expires == HOUR
    store.renew("a", record, HOUR / 2 + 1, HOUR)
    assert record.expires == HOUR / 2 + 1 + HOUR
    assert list(store.by_expiry) == [(record.expires, "a")]


def test_ending_an_account_ends_each_of_its_sessions_only(store):
    for sid, login in (("a", "citizen1"), ("b", "citizen1"), ("c", "citizen2")):
        store.bind(sid, store.create(sid, 0, HOUR), login)
    assert store.end_for("citizen1") == 2
    assert store.get("a", 1) is None and store.get("b", 1) is None
    assert store.get("c", 1) is not None
    assert "citizen1" not in store.by_login


def test_clean_removes_expired_sessions_at_most_limit_at_a_time(store):
    for n in range(5):
        store.create(f"s{n}", n, HOUR)
    store.create("long", 4, 100 * HOUR)
    assert store.clean(now=HOUR + 10, limit=3) == 3
    assert store.clean(now=HOUR + 10) == 2
    assert len(store) == 1 and store.get("long", HOUR + 10) is not None


def test_creating_a_session_cleans_a_few_expired_ones(store):
    store.create("old", 0, HOUR)
    store.create("new", 2 * HOUR, HOUR)
    assert store.get("old", 0) is None and "old" not in store.records


def test_two_sessions_change_at_once_without_a_conflict(db):
    def opened():
        tm = transaction.TransactionManager(explicit=True)
        conn = db.open(transaction_manager=tm)
        tm.begin()
        return tm, conn, get_site(conn).sessions
    tm, conn, sessions = opened()
    for sid in ("a", "b"):
        sessions.create(sid, 0, 10 ** 10)
    tm.commit()
    conn.close()
    first, second = opened(), opened()
    first[2].get("a", 1).data["x"] = 1
    second[2].get("b", 1).data["y"] = 2
    first[0].commit()
    second[0].commit()   # a ConflictError here would fail the test
    for tm, conn, _ in (first, second):
        conn.close()
