"""Repeated failed logins answer 429 without locking out other users."""


def fail(client, login="citizen1"):
    return client.post_json("/@@login", {"login": login, "password": "wrong"}, expect_errors=True)


def test_sixth_failure_from_one_address_is_429_with_retry_after(anon):
    for _ in range(5):
        assert fail(anon).status_int == 401
    res = fail(anon)
    assert res.status_int == 429
    assert int(res.headers["Retry-After"]) > 0
    assert res.json["error"]["message"]


def test_even_the_right_password_waits_while_throttled(anon):
    for _ in range(5):
        fail(anon)
    anon.post_json("/@@login", {"login": "citizen1", "password": "demo-password"}, status=429)


def test_the_owner_still_logs_in_from_another_address(app, anon):
    from webtest import TestApp
    for _ in range(6):
        fail(anon)
    owner = TestApp(app, extra_environ={"HTTP_HOST": "example.com", "REMOTE_ADDR": "10.9.9.9"})
    owner.post_json("/@@login", {"login": "citizen1", "password": "demo-password"}, status=200)


def test_other_accounts_from_the_same_address_are_not_locked(anon):
    for _ in range(6):
        fail(anon)
    anon.post_json("/@@login", {"login": "citizen2", "password": "demo-password"}, status=200)


def test_spraying_made_up_names_slows_the_address_down_for_seconds_not_minutes(
        anon, app, monkeypatch):
    clock = [1_000_000.0]
    monkeypatch.setattr(app.registry.login_throttle, "clock", lambda: clock[0])
    for n in range(20):
        assert fail(anon, f"khong-co-{n}").status_int == 401
    res = anon.post_json("/@@login", {"login": "citizen1", "password": "demo-password"},
                         status=429)
    wait = int(res.headers["Retry-After"])
    assert 0 < wait <= 60
    clock[0] += wait
    anon.post_json("/@@login", {"login": "citizen1", "password": "demo-password"}, status=200)
