"""Accounts: principals with roles, an agency, a vault or a signing identity.

Passwords are argon2 hashes (argon2-cffi).  The cost is a setting so that
tests can keep it low; a hash made with older parameters is upgraded at the
next successful login (``check_needs_rehash``).
"""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from BTrees.OOBTree import OOBTree, OOTreeSet
from persistent import Persistent
from pyramid.traversal import find_root

from tthc_docs import security as s
from tthc_docs.container import Container
from tthc_docs.errors import NotAllowed, NotLoggedIn, StateConflict, TooManyAttempts, Words
from tthc_docs.people import audit

_hasher = PasswordHasher()


def configure_hasher(time_cost=3, memory_cost=65536, parallelism=1):
    """Set the argon2 cost for this process (from the .ini at start-up)."""
    global _hasher
    _hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost,
                             parallelism=parallelism)


class Account(Persistent):
    """One person's login to the system."""

    active = True
    title = ""
    signer = None
    #: The leader's credential id at the remote signing service (CSC), found on first use.
    csc_credential = None
    vault_id = None
    totp_secret = None

    def __init__(self, login, full_name, roles, agency=None, title=""):
        unknown = set(roles) - set(s.ROLES)
        if unknown:
            raise ValueError(f"vai trò không hợp lệ: {sorted(unknown)}")
        self.login = login
        self.full_name = full_name
        self.roles = frozenset(roles)
        self.agency = agency
        self.title = title
        self.password_hash = None

    def set_password(self, password):
        self.password_hash = _hasher.hash(password)

    def check_password(self, password):
        """True for the right password; rehashes when the cost has changed."""
        if not self.password_hash or not isinstance(password, str):
            return False
        try:
            _hasher.verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
        if _hasher.check_needs_rehash(self.password_hash):
            self.set_password(password)
        return True

    def update(self, changes, by=None):
        """Apply an admin's (``by``) validated ``changes``; a key absent or empty changes nothing.

        ``active`` is the one flag that may be set to a false value.  An
        admin may not change their own roles (`SELF_ROLES_RULE`); every change
        of roles or of ``active`` goes to the audit log.
        """
        new_roles = changes.get("roles")
        if new_roles is not None and frozenset(new_roles) != self.roles:
            if by == self.login:
                raise NotAllowed(SELF_ROLES_RULE, {"roles": SELF_ROLES_RULE})
            _audit(self, by, audit.ROLES_CHANGED,
                   {"from": sorted(self.roles), "to": sorted(new_roles)})
        if "active" in changes and changes["active"] != self.active:
            _audit(self, by, audit.ACTIVE_CHANGED, {"from": self.active, "to": changes["active"]})
        if changes.get("password"):
            self.set_password(changes["password"])
        old_agency = self.agency
        for name in ("full_name", "title", "agency"):
            if changes.get(name):
                setattr(self, name, changes[name])
        if self.agency != old_agency and isinstance(self.__parent__, People):
            self.__parent__.index_agency(self.login, old_agency, self.agency)
        if changes.get("roles") is not None:
            self.roles = frozenset(changes["roles"])
        if "active" in changes:
            self.active = changes["active"]
        if changes.get("password") or changes.get("active") is False:
            self.end_sessions()

    def end_sessions(self):
        """End every session of this account at once (a new password, a lock)."""
        sessions = getattr(find_root(self), "sessions", None)
        if sessions is not None:
            sessions.end_for(self.login)

    def has_role(self, name):
        return name in self.roles

    @property
    def is_officer(self):
        return bool(self.roles & set(s.OFFICER_ROLES))

    def as_json(self):
        return {"login": self.login, "full_name": self.full_name,
                "roles": sorted(self.roles), "agency": self.agency,
                "title": self.title, "active": self.active}


#: Roles open dossiers and vaults: an admin who could give itself officer roles could
#: read them.  Four eyes: one's own roles are changed by another admin, and every
#: change is in the audit log.
SELF_ROLES_RULE = "Không được tự thay đổi vai trò của chính mình: cần một quản trị viên khác."


def _audit(account, by, what, detail):
    log = getattr(find_root(account), "audit", None)
    if log is not None:
        log.add(by or "(hệ thống)", what, target=account.login, detail=detail)


class People(Container):
    """``/people``: accounts, visible to admins only."""

    __acl__ = [(s.Allow, s.role(s.ADMIN), (s.VIEW, s.MANAGE)), s.DENY_ALL]

    def __init__(self):
        super().__init__()
        # agency code -> logins of the accounts that belong to it (officers): a
        # province has a few thousand officers and millions of citizens, so
        # "who may be assigned here" must not walk every account (evolve step 17).
        self.by_agency = OOBTree()

    def index_agency(self, login, old, new):
        """Move ``login`` from agency ``old``'s set to ``new``'s (either may be None)."""
        if old and old in self.by_agency:
            self.by_agency[old].discard(login)
        if new:
            if new not in self.by_agency:
                self.by_agency[new] = OOTreeSet()
            self.by_agency[new].insert(login)

    def of_agency(self, agency):
        """The accounts of ``agency`` (its officers), without walking the citizens."""
        logins = self.by_agency.get(agency) if agency else None
        return [self[login] for login in logins or () if login in self]

    def create(self, login, password, full_name, roles, agency=None, title="", by=None):
        """Make an account; a citizen also gets an empty vault. 409 for a login in use.

        The roles given are in the audit log, as a change from none, by ``by``.
        """
        if login in self:
            raise StateConflict("Tên đăng nhập đã được dùng.", fields={"login": "Đã tồn tại."})
        account = Account(login, full_name, roles, agency=agency, title=title)
        account.set_password(password)
        self.add(login, account)
        _audit(account, by, audit.ROLES_CHANGED, {"from": [], "to": sorted(account.roles)})
        self.index_agency(login, None, agency)
        if s.CITIZEN in account.roles:
            from tthc_docs.site.content import find_site
            vault = find_site(self)["vaults"].create(login)
            account.vault_id = vault.__name__
        return account

    def authenticate(self, login, password, throttle, address):
        """The active account with this login and password; 401, or 429 after many failures.

        ``throttle`` (a ``LoginThrottle``) counts failures per login and per
        ``address``; while it says wait, not even the right password opens.
        """
        wait = throttle.retry_after(login, address)
        if wait:
            raise TooManyAttempts(Words("Đăng nhập sai quá nhiều lần. Thử lại sau ${wait} giây.", wait=wait), wait)
        account = self.get(login.strip())
        if account is None or not account.active or not account.check_password(password):
            throttle.failed(login, address)
            raise NotLoggedIn("Sai tên đăng nhập hoặc mật khẩu.")
        throttle.succeeded(login, address)
        return account
