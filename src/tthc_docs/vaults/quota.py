"""How much a vault may hold, and how fast an account may upload.

The probe stored 150 uploads in half a second, with no end in sight: every
vault's blobs share one disk.  A vault holds at most
``tthc_docs.vault_max_documents`` documents and ``tthc_docs.vault_max_bytes``
bytes (what the owner uploads and reception digitises; a result an agency
issues is always stored, a quota never stands between a citizen and a
signed result); an account may start at most ``tthc_docs.upload_rate``
uploads (``"30 60"``: 30 per 60 seconds), counted in the shared database
before the file is read, so several processes agree.
"""
from dataclasses import dataclass

from tthc_docs import errors
from tthc_docs.people.throttle import FindThrottle, apart

DEFAULTS = {"tthc_docs.vault_max_documents": "500",
            "tthc_docs.vault_max_bytes": str(1024 ** 3),
            "tthc_docs.upload_rate": "30 60"}


@dataclass(frozen=True)
class Quota:
    max_documents: int
    max_bytes: int

    @classmethod
    def from_settings(cls, settings):
        get = lambda key: int(settings.get(key) or DEFAULTS[key])  # noqa: E731
        return cls(get("tthc_docs.vault_max_documents"), get("tthc_docs.vault_max_bytes"))

    def check(self, vault):
        """409 when ``vault`` (with what was just added) is over the quota."""
        storage = vault.storage()
        if storage["documents"] > self.max_documents:
            raise errors.StateConflict(
                f"Kho dữ liệu đã đủ {self.max_documents} giấy tờ: hãy xóa giấy tờ không dùng "
                "nữa trước khi tải thêm.", allowed=())
        if storage["bytes"] > self.max_bytes:
            raise errors.StateConflict(
                f"Kho dữ liệu đã dùng hết dung lượng {self.max_bytes // (1024 * 1024)} MB: "
                "hãy xóa giấy tờ không dùng nữa trước khi tải thêm.", allowed=())


def upload_rate(settings):
    """The per-account upload counter's rules (a ``FindThrottle`` with only a budget of finds)."""
    limit, window = (int(n) for n in
                     (settings.get("tthc_docs.upload_rate") or DEFAULTS["tthc_docs.upload_rate"])
                     .split())
    return FindThrottle(finds=limit, misses=limit, window_seconds=window)


def count_upload(db, rules, login):
    """Count one upload by ``login``; 429 when the rate is used up (not counted then)."""
    def count(site):
        throttle = rules.on(site.login_failures)
        wait = throttle.retry_after(f"upload:{login}")
        if not wait:
            throttle.looked_up(f"upload:{login}", found=True)
        return wait
    wait = apart(db, count)
    if wait:
        raise errors.TooManyAttempts(
            f"Tải lên quá nhanh. Thử lại sau {wait} giây.", wait)
