"""TOTP confirmation codes: enrolment URI, drift window, replay refusal, throttling."""
import pytest

from tthc_docs import errors
from tthc_docs.people import totp

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
AT = 1_795_000_000.0


class Clock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


@pytest.fixture
def throttle():
    return totp.TotpThrottle(limit=3, window_seconds=300, clock=Clock())


def test_provisioning_uri_names_login_and_issuer():
    uri = totp.provisioning_uri(SECRET, "leader1")
    assert uri.startswith("otpauth://totp/") and "leader1" in uri and "secret=" + SECRET in uri


def test_qr_data_uri_is_a_png():
    assert totp.qr_data_uri(SECRET, "leader1").startswith("data:image/png;base64,")


def test_current_code_is_accepted(throttle):
    step = totp.verify(SECRET, totp.current_code(SECRET, AT), login="l", throttle=throttle, at=AT)
    assert step == int(AT // 30)


def test_previous_step_is_accepted_for_clock_drift(throttle):
    code = totp.current_code(SECRET, AT - 30)
    assert totp.verify(SECRET, code, login="l", throttle=throttle, at=AT) == int(AT // 30) - 1


def test_old_code_is_refused(throttle):
    with pytest.raises(errors.Invalid):
        totp.verify(SECRET, totp.current_code(SECRET, AT - 300), login="l", throttle=throttle, at=AT)


def test_a_used_code_cannot_be_replayed(throttle):
    code = totp.current_code(SECRET, AT)
    step = totp.verify(SECRET, code, login="l", throttle=throttle, at=AT)
    with pytest.raises(errors.Invalid):
        totp.verify(SECRET, code, login="l", throttle=throttle, at=AT, last_step=step)


def test_malformed_code_names_the_field(throttle):
    with pytest.raises(errors.Invalid) as info:
        totp.verify(SECRET, "12ab", login="l", throttle=throttle, at=AT)
    assert "code" in info.value.fields


def test_not_enrolled_is_a_state_conflict(throttle):
    with pytest.raises(errors.StateConflict):
        totp.verify(None, "123456", login="l", throttle=throttle)


def test_wrong_codes_are_throttled(throttle):
    for _ in range(3):
        with pytest.raises(errors.Invalid):
            totp.verify(SECRET, "000000", login="l", throttle=throttle, at=AT)
    with pytest.raises(errors.TooManyAttempts):
        totp.verify(SECRET, totp.current_code(SECRET, AT), login="l", throttle=throttle, at=AT)


def test_throttle_is_per_leader(throttle):
    for _ in range(3):
        with pytest.raises(errors.Invalid):
            totp.verify(SECRET, "000000", login="a", throttle=throttle, at=AT)
    assert totp.verify(SECRET, totp.current_code(SECRET, AT), login="b", throttle=throttle, at=AT)


def test_throttle_window_expires(throttle):
    for _ in range(3):
        with pytest.raises(errors.Invalid):
            totp.verify(SECRET, "000000", login="l", throttle=throttle, at=AT)
    throttle.clock.t = 301
    assert totp.verify(SECRET, totp.current_code(SECRET, AT), login="l", throttle=throttle, at=AT)
