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
