"""The citizen a reception officer is serving at the counter, and the log of what they read.

At a one-stop office the citizen stands at the counter and shows the ID
card; the officer finds the vault by that number (``POST /vaults/@@find``).
Only that find lets the officer file for the citizen or see their profile
and document list: knowing a login is not enough.  The find is remembered in
the officer's session for a while, and is replaced when another citizen is
looked up.  Every such read goes to the vault's access log, so the citizen
sees who looked and when.  The log names the read, never the ID number.

No web imports: ``session`` is any mapping (the Pyramid session in the app).
"""
from datetime import datetime, timedelta

from tthc_docs import errors

#: The session key: ``{'vault': id, 'by': officer login, 'at': ISO time}``.
KEY = 'counter_vault'
#: How long a find stays valid: about one visit to the counter.
TTL = timedelta(hours=2)
FIND_FIRST = ('Hãy tra cứu công dân bằng số định danh cá nhân trên căn cước '
              '(Tìm kho dữ liệu của công dân) trước khi xem hoặc nộp hồ sơ thay công dân.')


def remember(session, vault_id, officer, now):
    """Record that `officer` is now serving the owner of `vault_id` (replaces any earlier)."""
    session[KEY] = {'vault': vault_id, 'by': officer, 'at': now.isoformat()}


def forget(session):
    session.pop(KEY, None)


def served_vault(session, officer, now):
    """The id of the vault `officer` found in this session, or None (none, or expired)."""
    found = session.get(KEY)
    if not isinstance(found, dict) or found.get('by') != officer:
        return None
    try:
        at = datetime.fromisoformat(found.get('at') or '')
    except (TypeError, ValueError):
        return None
    if now - at > TTL:
        return None
    return found.get('vault') or None


def check_served(vault, served):
    """Refuse (403) unless `vault` is the one found in this session."""
    if vault is None or not served or vault.id != served:
        raise errors.NotAllowed(FIND_FIRST)
    return vault


def log_read(vault, officer, what, dossier_code=None):
    """Write a counter read ('find', 'profile', ...) to the vault's access log."""
    return vault.log_access(officer, f'counter: {what}', dossier_code)
