"""The login throttle: per account+address, per address, per account."""
from tthc_docs.people.throttle import LoginThrottle


class Clock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


def test_allows_until_the_pair_limit():
    throttle = LoginThrottle(per_account_address=3, clock=Clock())
    for _ in range(2):
        throttle.failed("citizen1", "1.1.1.1")
    assert throttle.retry_after("citizen1", "1.1.1.1") == 0
    throttle.failed("citizen1", "1.1.1.1")
    assert throttle.retry_after("citizen1", "1.1.1.1") > 0


def test_an_attacker_does_not_lock_the_owner_out_from_elsewhere():
    throttle = LoginThrottle(per_account_address=3, clock=Clock())
    for _ in range(3):
        throttle.failed("citizen1", "6.6.6.6")
    assert throttle.retry_after("citizen1", "10.0.0.9") == 0


def test_address_spraying_many_accounts_is_stopped():
    throttle = LoginThrottle(per_account_address=5, per_address=4, clock=Clock())
    for n in range(4):
        throttle.failed(f"user{n}", "6.6.6.6")
    assert throttle.retry_after("someone-else", "6.6.6.6") > 0
    assert throttle.retry_after("someone-else", "7.7.7.7") == 0


def test_failures_expire_after_the_window():
    clock = Clock()
    throttle = LoginThrottle(per_account_address=1, window_seconds=60, clock=clock)
    throttle.failed("a", "1.1.1.1")
    assert throttle.retry_after("a", "1.1.1.1") > 0
    clock.t += 61
    assert throttle.retry_after("a", "1.1.1.1") == 0


def test_success_clears_the_pair_count():
    throttle = LoginThrottle(per_account_address=2, clock=Clock())
    throttle.failed("a", "1.1.1.1")
    throttle.succeeded("a", "1.1.1.1")
    throttle.failed("a", "1.1.1.1")
    assert throttle.retry_after("a", "1.1.1.1") == 0


def test_login_case_does_not_dodge_the_count():
    throttle = LoginThrottle(per_account_address=2, clock=Clock())
    throttle.failed("Citizen1", "1.1.1.1")
    throttle.failed("citizen1", "1.1.1.1")
    assert throttle.retry_after("CITIZEN1", "1.1.1.1") > 0


def test_an_address_is_slowed_down_not_locked():
    clock = Clock()
    throttle = LoginThrottle(per_address=20, clock=clock)
    for n in range(20):
        throttle.failed(f"made-up-{n}", "6.6.6.6")
    waits = []
    for _ in range(8):
        throttle.failed("made-up", "6.6.6.6")
        waits.append(throttle.retry_after("citizen1", "6.6.6.6"))
    assert waits == [2, 4, 8, 16, 32, 60, 60, 60]   # doubling, at most a minute
    clock.t += 60
    assert throttle.retry_after("citizen1", "6.6.6.6") == 0


def test_the_account_limit_holds_across_addresses():
    throttle = LoginThrottle(per_account_address=50, per_account=3, clock=Clock())
    for n in range(3):
        throttle.failed("leader1", f"10.0.0.{n}")
    assert throttle.retry_after("leader1", "10.9.9.9") > 0


def test_stale_records_are_pruned_a_few_per_write():
    clock = Clock()
    throttle = LoginThrottle(window_seconds=60, clock=clock)
    for n in range(30):
        throttle.failed(f"user{n:02d}", "6.6.6.6")
    clock.t += 61
    for _ in range(12):
        throttle.failed("again", "7.7.7.7")
    assert len(throttle.store.records) < 30 * 3


def test_processes_sharing_the_database_share_the_counts(db):
    from tthc_docs.people.throttle import SharedLoginThrottle
    rules = LoginThrottle(per_account_address=4, clock=Clock())
    one, two = SharedLoginThrottle(rules, db), SharedLoginThrottle(rules, db)
    for _ in range(2):
        one.failed("citizen1", "6.6.6.6")
        two.failed("citizen1", "6.6.6.6")
    assert one.retry_after("citizen1", "6.6.6.6") > 0
    assert two.retry_after("citizen1", "6.6.6.6") > 0
