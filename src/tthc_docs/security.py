"""Who may do what: permissions, roles, principals and the security policy.

One module, so that a reader sees every permission the system knows.  Roles
are principals (``role:leader``); officers also carry their agency
(``agency:000.00.20.H55``), which is how a dossier's ACL lets the handling
agency in and keeps every other agency out.  Content objects carry the
``__acl__``; views only name a permission.
"""
from pyramid.authorization import ACLHelper, Allow, Authenticated, Deny, Everyone
from pyramid.authentication import SessionAuthenticationHelper

# Roles are defined in the pure ``tthc_docs.roles`` (the workflow needs them
# without Pyramid); re-exported so that views keep saying ``s.LEADER``.
from tthc_docs.roles import (  # noqa: F401
    ADMIN, CITIZEN, EDITOR, LEADER, OFFICER_ROLES, RECEPTION, ROLE_TITLES, ROLES, SPECIALIST)

# -- permissions (namespaced, as Substance D does) ---------------------------
VIEW = "tthc.view"              # read a public or own object
EDIT = "tthc.edit"              # change procedures and form templates
PUBLISH = "tthc.publish"        # publish / retire a version
APPLY = "tthc.apply"            # file a dossier online
OWN = "tthc.own"                # act as the owner (vault, dossier)
HANDLE = "tthc.handle"          # officers of the handling agency read a dossier
RECEIVE = "tthc.receive"        # reception: receive, counter filing, return
DIGITIZE = "tthc.digitize"      # reception: scan paper into a citizen's vault
PROCESS = "tthc.process"        # specialists: internal steps
SIGN = "tthc.sign"              # leaders: approve and sign
MANAGE = "tthc.manage"          # admin: agencies, accounts, roles, calendar

DENY_ALL = (Deny, Everyone, ("tthc.view", "tthc.edit", "tthc.publish", "tthc.apply",
                             "tthc.own", "tthc.handle", "tthc.receive", "tthc.digitize",
                             "tthc.process", "tthc.sign", "tthc.manage"))

__all__ = ["Allow", "Deny", "Everyone", "Authenticated", "DENY_ALL"]


def role(name):
    """The principal of a role."""
    return f"role:{name}"


def user(login):
    """The principal of one account."""
    return f"user:{login}"


def agency(code):
    """The principal shared by the officers of one agency."""
    return f"agency:{code}"


def desk(code):
    """The principal of one agency's reception officers (its one-stop desk)."""
    return f"desk:{code}"


def principals_for(account):
    """Every principal an account acts as (besides Everyone)."""
    if account is None:
        return [Everyone]
    found = [Everyone, Authenticated, user(account.login)]
    found += [role(r) for r in sorted(account.roles)]
    # only officers act for their agency: an editor or admin the admin filed
    # under an agency must not thereby read that agency's dossiers
    if account.agency and set(account.roles) & set(OFFICER_ROLES):
        found.append(agency(account.agency))
    if account.agency and RECEPTION in account.roles:
        found.append(desk(account.agency))
    return found


#: Where the session keeps the login (one helper: it holds nothing but its prefix).
SESSION_LOGIN = SessionAuthenticationHelper(prefix="tthc.")


class SecurityPolicy:
    """Session authentication + ACL authorization (Pyramid 2)."""

    def __init__(self):
        self.session = SESSION_LOGIN
        self.acl = ACLHelper()

    def identity(self, request):
        return request.account

    def authenticated_userid(self, request):
        account = request.account
        return account.login if account is not None else None

    def permits(self, request, context, permission):
        return self.acl.permits(context, principals_for(request.account), permission)

    def remember(self, request, userid, **kw):
        return self.session.remember(request, userid, **kw)

    def forget(self, request, **kw):
        return self.session.forget(request, **kw)


def session_login(request):
    """The login stored in the session, or None (no database access)."""
    return SESSION_LOGIN.authenticated_userid(request)


def get_account(request):
    """``request.account``: the active Account of this session, or None."""
    login = session_login(request)
    if not login:
        return None
    from pyramid_zodbconn import get_connection

    from tthc_docs.site.content import get_site
    account = get_site(get_connection(request))["people"].get(login)
    if account is None or not account.active:
        return None
    return account


def includeme(config):
    config.set_security_policy(SecurityPolicy())
    # ``request.account`` is a property of the request class (web/request.py).
