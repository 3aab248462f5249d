"""The one place that fires an action on a dossier: :func:`fire`.

Every route that changes a dossier (the JSON and HTML ``@@transition``, the
leader's ``@@sign`` page, ``@@rate``) parses its request and calls ``fire``;
what an action needs besides the workflow's rule table is decided here, so
that no route can skip it:

- ``assign``/``forward``: the person named must be one who may carry a step
  (:func:`may_be_assigned`);
- ``supplement``: the attachments sent with it replace the old ones and are
  granted to the handling agency;
- ``sign``: the leader's one-time code, always (the design's "every
  signature needs the leader's own confirmation, whatever page or API starts
  it"); then the result is issued through ``services.issuer`` and granted to
  the agency that issued it;
- ``rate``: the owner's alone, once the result was returned;
- every action: the papers its event issues (Mẫu 01-05), through
  ``services.press`` (``dossiers.press``), in the same transaction.

No web imports: ``services`` carries the site, the calendar, the issuer and
the throttle of failed codes, so unit tests pass real parts and a fake
issuer.
"""
from dataclasses import dataclass

from tthc_docs import errors, roles
from tthc_docs.dossiers import filing, grants, press, workflow
from tthc_docs.people import totp

RATE = 'rate'
#: Every action ``fire`` knows: the workflow's, and the owner's rating.
ACTIONS = workflow.ACTIONS + (RATE,)
#: The actions whose ``assignee`` names who carries the next step.
ASSIGNING = frozenset({'assign', 'forward'})


@dataclass
class Services:
    """What firing may need besides the dossier: the site's parts and the seams.

    ``issuer``: the ``workflow.Issuer`` that signs (``signing.service.ResultIssuer``);
    ``throttle``: the process-wide counter of failed one-time codes;
    ``press``: the ``dossiers.press.Press`` that issues the papers (None: none issued).
    """
    site: object
    calendar: object = None
    issuer: object = None
    throttle: object = None
    press: object = None


def fire(dossier, action, actor, params, now, services):
    """Fire ``action`` on ``dossier`` as ``actor`` (an account) at ``now``.

    ``params``: ``note``, ``assignee``, ``new_due``, ``attachments``, ``otp``
    (sign), ``score`` and ``comment`` (rate). Returns the workflow's
    ``Transition``, or the rating. Raises ``errors.*`` (403, 409, 422, 429)
    before anything is written, or from an effect inside the caller's
    transaction (which then aborts).
    """
    params = dict(params or {})
    if action == RATE:
        return _rate(dossier, actor, params, now)
    ctx = _context(dossier, actor, params, now, services)
    workflow.fire(dossier.status, action, ctx.roles, dossier, actor.login)
    _check_assignee(services.site, dossier, params.get('assignee'))
    if action == 'supplement' and params.get('attachments'):
        vault = services.site['vaults'][dossier.vault_id]
        filing.supplement_attachments(dossier, vault, params['attachments'])
    if action == 'sign':
        _confirm(actor, dossier, params, services)
    transition = dossier.transition(action, ctx)
    if action == 'sign':
        _grant_result(services.site, dossier)
    vault = services.site['vaults'][dossier.vault_id]
    grants.release(vault, dossier)  # when it has ended
    grants.release_desk(vault, dossier)  # when intake is over
    issue_papers(dossier, services)
    return transition


def check(dossier, action, actor, now, services):
    """What ``fire`` refuses before anything is written (403, 409), without firing.

    For a route that must store something first (the supplement page stores
    its uploads in the vault) and should not store it for an action that
    would be refused anyway.
    """
    ctx = _context(dossier, actor, {}, now, services)
    workflow.fire(dossier.status, action, ctx.roles, dossier, actor.login)


def issue_papers(dossier, services):
    """The papers the dossier's new history entries call for (``dossiers.press``)."""
    if services.press is not None:
        press.issue_pending(services.site, dossier, services.press, services.calendar)


def _context(dossier, actor, params, now, services):
    return workflow.Context(
        login=actor.login, roles=dossier.roles_for(actor), now=now,
        calendar=services.calendar, note=params.get('note') or '', name=actor.full_name,
        params={'assignee': params.get('assignee'), 'new_due': params.get('new_due')},
        issuer=services.issuer)


# -- assignment -----------------------------------------------------------------

def may_be_assigned(account, dossier):
    """An active officer of the handling agency who carries steps (specialist or leader)."""
    return (account is not None and account.active and account.agency == dossier.agency
            and bool(set(account.roles) & set(roles.ASSIGNABLE_ROLES)))


def assignable(people, dossier):
    """``[(login, name)]`` of those who may be assigned, for the page's select.

    Only the handling agency's accounts are read (``People.of_agency``), never
    every citizen's.
    """
    return [(a.login, a.full_name) for a in people.of_agency(dossier.agency)
            if may_be_assigned(a, dossier)]


def _check_assignee(site, dossier, login):
    if login and not may_be_assigned(site['people'].get(login), dossier):
        raise errors.Invalid('Người được phân công không phải chuyên viên của cơ quan.',
                             {'assignee': f'không hợp lệ: {login}'})


# -- signing ------------------------------------------------------------------------

def _confirm_code(leader, code, services):
    """The leader's one-time code for this signature: 422 naming ``otp`` when missing or wrong.

    A leader who has not enrolled is told to (409); too many wrong codes: 429.
    The matched step is kept so the same code cannot sign twice.
    """
    if services.throttle is None:
        raise errors.StateConflict('Chưa cấu hình kiểm tra mã xác nhận.')
    try:
        step = totp.verify(leader.totp_secret, str(code or ''), login=leader.login,
                           throttle=services.throttle,
                           last_step=getattr(leader, 'totp_last_step', None))
    except errors.Invalid as exc:
        raise errors.Invalid(exc.message, {'otp': exc.fields.get('code', exc.message)}) from None
    leader.totp_last_step = step


def _confirm(actor, dossier, params, services):
    """The leader's confirmation: an approval from two-step signing, else the one-time code.

    ``approval`` (``signing.pending.Approval``) exists only after the code was
    checked when the leader asked and the phone approved; no request body
    can carry one.
    """
    approval = params.get('approval')
    if approval is not None:
        if not approval.confirms(actor, dossier):
            raise errors.NotAllowed('Phê duyệt ký không thuộc lãnh đạo hoặc hồ sơ này.')
        return
    _confirm_code(actor, params.get('otp'), services)


def confirm_signing(dossiers, actor, params, now, services):
    """Step one of two-step signing: what ``sign`` checks (403/409), then the one-time code."""
    for dossier in dossiers:
        ctx = _context(dossier, actor, params, now, services)
        workflow.fire(dossier.status, 'sign', ctx.roles, dossier, actor.login)
    _confirm_code(actor, params.get('otp'), services)


def fire_signing_batch(dossiers, actor, params, now, services):
    """Sign several dossiers with one one-time code and one approval on the phone.

    Each dossier is checked as ``fire`` checks it (403/409) before the code;
    then ``services.issuer`` (a ``signing.service.BatchIssuer``) signs them
    all in one authorisation, and each ``sign`` transition stores its own.
    Any failure raises before a transition, inside the caller's transaction.
    """
    dossiers = list(dossiers)
    for dossier in dossiers:
        ctx = _context(dossier, actor, params, now, services)
        workflow.fire(dossier.status, 'sign', ctx.roles, dossier, actor.login)
    _confirm_code(actor, params.get('otp'), services)
    services.issuer.sign_all(dossiers, actor, now)
    transitions = []
    for dossier in dossiers:
        transitions.append(dossier.transition('sign', _context(dossier, actor, params, now, services)))
        _grant_result(services.site, dossier)
    return transitions


def _grant_result(site, dossier):
    """The agency that signed may read the result it issued, for this dossier."""
    ref = dossier.results[-1]
    grants.issued(site['vaults'][ref['vault']], ref['document'], dossier)


# -- rating ---------------------------------------------------------------------------

def _rate(dossier, actor, params, now):
    """The owner's one rating of a returned dossier."""
    if actor is None or actor.login != dossier.owner:
        raise errors.NotAllowed('Chỉ người nộp hồ sơ được đánh giá.')
    return dossier.rate(params.get('score'), params.get('comment'), actor.login, now)
