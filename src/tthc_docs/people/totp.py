"""One-time codes (TOTP, RFC 6238) that confirm a leader's signature from a phone.

A leader enrols once: the secret is shown as a QR code for an authenticator
app and saved on the account only after a first correct code. Verification
accepts the current 30-second step and one step either side (clock drift),
never the same step twice (no replay), and is throttled: failed codes are
counted in process memory (like failed logins: a wrong guess must not write
to the database), five per leader per five minutes, then 429.
"""
import base64
import re
import threading
import time
from collections import defaultdict, deque

import pyotp

from tthc_docs import errors
from tthc_docs.lazy import lazy_module

qr = lazy_module("tthc_docs.pdf.qr")   # qrcode, Pillow, reportlab: only for an enrolment

ISSUER = "Dịch vụ công Thái Nguyên"
DIGITS = 6
STEP_SECONDS = 30
VALID_WINDOW = 1
_CODE_RE = re.compile(r"^\d{6}$")


def new_secret():
    """A fresh random base32 secret (160 bits)."""
    return pyotp.random_base32(32)


def secret_from(raw):
    """The base32 secret made of ``raw`` (20 bytes, e.g. a session's derived secret)."""
    return base64.b32encode(raw[:20]).decode("ascii")


def provisioning_uri(secret, login):
    """The ``otpauth://`` URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=login, issuer_name=ISSUER)


def qr_data_uri(secret, login):
    """The enrolment QR code as a ``data:`` URI for an ``<img>``."""
    png = qr.qr_png(provisioning_uri(secret, login), box_size=6)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def current_code(secret, at=None):
    """The code for ``at`` (tests and the enrolment page's own check)."""
    return pyotp.TOTP(secret).at(at if at is not None else time.time())


class TotpThrottle:
    """Sliding window of failed codes per login; ``check`` raises 429 when over the limit."""

    def __init__(self, limit=5, window_seconds=300, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window_seconds, clock
        self._failures = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, login, now):
        q = self._failures[login]
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def check(self, login):
        now = self.clock()
        with self._lock:
            q = self._recent(login, now)
            if len(q) >= self.limit:
                wait = int(self.window - (now - q[0])) + 1
                raise errors.TooManyAttempts(
                    f"Nhập sai mã xác nhận quá nhiều lần. Thử lại sau {wait} giây.", wait)

    def failed(self, login):
        with self._lock:
            self._failures[login].append(self.clock())

    def succeeded(self, login):
        with self._lock:
            self._failures.pop(login, None)


def matching_step(secret, code, at=None):
    """The time step whose code equals ``code`` within the drift window, or None."""
    at = at if at is not None else time.time()
    totp = pyotp.TOTP(secret)
    now_step = int(at // STEP_SECONDS)
    for step in range(now_step - VALID_WINDOW, now_step + VALID_WINDOW + 1):
        if pyotp.utils.strings_equal(totp.generate_otp(step), code):
            return step
    return None


def verify(secret, code, *, login, throttle, last_step=None, at=None):
    """Check ``code`` for ``login``; returns the matched step (store it to refuse replays).

    Raises ``Invalid`` (422, field ``code``) for a malformed or wrong code,
    ``TooManyAttempts`` (429) once the throttle is exceeded, ``StateConflict``
    when the leader has not enrolled.
    """
    if not secret:
        raise errors.StateConflict("Chưa đăng ký ứng dụng xác thực; hãy đăng ký tại trang Mã xác nhận.")
    throttle.check(login)
    code = (code or "").strip().replace(" ", "")
    if not _CODE_RE.match(code):
        throttle.failed(login)
        raise errors.Invalid("Mã xác nhận gồm 6 chữ số.", {"code": "Nhập 6 chữ số từ ứng dụng xác thực."})
    step = matching_step(secret, code, at)
    if step is None or (last_step is not None and step <= last_step):
        throttle.failed(login)
        raise errors.Invalid("Mã xác nhận không đúng hoặc đã được dùng.",
                             {"code": "Mã không đúng; chờ mã mới rồi nhập lại."})
    throttle.succeeded(login)
    return step
