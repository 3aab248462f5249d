"""The dossier lifecycle as a pure state machine (no web, no database).

A transition is a ``Rule``: the action, the states it starts from, the state
it leads to, the roles that may fire it, a guard (a condition on the dossier,
answered with a reason when it fails), its effects and its history entry.
Views never change ``status`` themselves: they call :func:`apply`.

The order of refusals is fixed so that every caller sees the same answer:
an unknown action is invalid (422); a role that may fire the action in no
state is refused (403); a state that does not allow the action conflicts
(409, naming what the state allows); a role that may not fire it in *this*
state is refused (403); a failed guard conflicts (409, with its reason).

Roles are the account's roles *for this dossier*: officer roles count only
for officers of the handling agency, and the pseudo-role ``owner`` is added
for the dossier's owner (the resource computes them). While ``processing``,
the procedure's internal steps decide who acts: the pseudo-role ``step``
stands for the role of the current step, and a step assigned to a specialist
is that person's alone (a leader may still act on it).

A dossier here is any object with the attributes documented in
:class:`Context` and on ``resources.dossiers.Dossier``; the effects write only
those attributes.
"""
from dataclasses import dataclass, field
from datetime import date

from tthc_docs.dossiers import deadlines
from tthc_docs import errors

# States ------------------------------------------------------------------
SUBMITTED = 'submitted'
RECEIVED = 'received'
PROCESSING = 'processing'
AWAITING_SIGNATURE = 'awaiting_signature'
RESULT_READY = 'result_ready'
RETURNED = 'returned'
SUPPLEMENT_REQUESTED = 'supplement_requested'
REJECTED = 'rejected'
WITHDRAWN = 'withdrawn'
STATES = (SUBMITTED, RECEIVED, PROCESSING, AWAITING_SIGNATURE, RESULT_READY,
          RETURNED, SUPPLEMENT_REQUESTED, REJECTED, WITHDRAWN)
FINAL_STATES = frozenset({RETURNED, REJECTED, WITHDRAWN})
STATE_LABELS = {
    SUBMITTED: 'Đã nộp', RECEIVED: 'Đã tiếp nhận', PROCESSING: 'Đang xử lý',
    AWAITING_SIGNATURE: 'Chờ ký', RESULT_READY: 'Có kết quả',
    RETURNED: 'Đã trả kết quả', SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung',
    REJECTED: 'Từ chối', WITHDRAWN: 'Đã rút',
}

# Roles (the same strings as tthc_docs.security; repeated to stay web-free) --
CITIZEN, EDITOR, RECEPTION = 'citizen', 'editor', 'reception'
SPECIALIST, LEADER, ADMIN = 'specialist', 'leader', 'admin'
OWNER = 'owner'   # pseudo-role: the person whose dossier it is
STEP = 'step'     # pseudo-role: the role of the current processing step
ROLES = (CITIZEN, EDITOR, RECEPTION, SPECIALIST, LEADER, ADMIN)
OFFICER_ROLES = frozenset({RECEPTION, SPECIALIST, LEADER})

# Actions ------------------------------------------------------------------
ACTION_LABELS = {
    'receive': 'Tiếp nhận', 'assign': 'Phân công', 'forward': 'Chuyển bước',
    'request_supplement': 'Yêu cầu bổ sung', 'supplement': 'Bổ sung hồ sơ',
    'approve': 'Trình ký', 'sign': 'Ký kết quả', 'send_back': 'Trả lại để xử lý lại',
    'return': 'Trả kết quả',
    'reject': 'Từ chối', 'withdraw': 'Rút hồ sơ', 'apologize': 'Xin lỗi và hẹn lại',
}
ACTIONS = tuple(ACTION_LABELS)
# What a dossier's history may also hold besides actions (filing, payment, rating).
HISTORY_LABELS = dict(ACTION_LABELS, submit='Nộp hồ sơ', pay='Nộp phí, lệ phí',
                      rate='Đánh giá mức độ hài lòng')
RESUME = object()   # target marker: back to the state before the supplement


@dataclass
class Context:
    """Who fires an action, when, and with which input.

    ``roles`` are the effective roles for this dossier (see module doc);
    ``params`` carries action input (``assignee``, ``new_due``); ``site``,
    ``account`` and ``settings`` are passed through to the signing service.
    """
    login: str
    roles: frozenset
    now: object
    calendar: object = None
    note: str = ''
    name: str = ''
    params: dict = field(default_factory=dict)
    site: object = None
    account: object = None
    settings: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """One transition: ``action`` from ``sources`` to ``target`` by ``roles``."""
    action: str
    sources: frozenset
    target: object
    roles: frozenset
    guard: object = None
    effects: tuple = ()
    needs_note: str = ''   # the Vietnamese reason asked for, when a note is required


@dataclass(frozen=True)
class Transition:
    """What :func:`fire` allowed: the rule and the concrete states."""
    action: str
    source: str
    target: str
    rule: Rule


# Guards: return a reason (str) when the dossier may not move, else None ----

def _fee_settled(d):
    if getattr(d, 'fee_amount', 0) and not getattr(d, 'is_paid', False):
        return 'chưa nộp phí'
    return None


def _has_next_step(d):
    steps, i = list(d.steps or ()), d.step_index
    if i is None or i + 1 >= len(steps):
        return 'Hồ sơ đang ở bước cuối của quy trình: hãy trình ký.'
    return None


def _at_last_step(d):
    steps, i = list(d.steps or ()), d.step_index
    if steps and (i is None or i + 1 < len(steps)):
        return 'Chưa xong các bước của quy trình nội bộ.'
    return None


# Effects: write the dossier's attributes ----------------------------------

def _start_clock(d, ctx):
    d.received_at = ctx.now
    d.due_at = deadlines.due_at(ctx.now, d.processing_days, ctx.calendar)


def _enter_step(d, ctx):
    d.step_index = 0 if d.step_index is None else d.step_index + 1
    if not d.steps:
        d.step_index = None
    d.assignee = ctx.params.get('assignee') or None
    d.step_started_at = ctx.now
    if d.step_index is not None and ctx.calendar is not None:
        days = int(d.steps[d.step_index].get('days') or 0)
        d.step_due_at = deadlines.due_at(ctx.now, days, ctx.calendar)


def _assign(d, ctx):
    assignee = ctx.params.get('assignee')
    if not assignee:
        raise errors.Invalid('Cần chọn người được phân công.', {'assignee': 'bắt buộc'})
    d.assignee = assignee


def _pause_clock(d, ctx):
    d.resume_state = d.status
    d.paused_at = ctx.now


def _resume_clock(d, ctx):
    d.due_at = deadlines.resume(d.due_at, d.paused_at or ctx.now, ctx.now, ctx.calendar)
    d.paused_at = None


def _issue_result(d, ctx):
    # Lazy: signing (issue 7) pulls in pyHanko; its errors are 4xx and propagate.
    from tthc_docs.signing.service import issue_result
    doc = issue_result(ctx.site, d, ctx.account, ctx.settings)
    ref = {'vault': d.vault_id, 'document': doc.id, 'sha256': doc.sha256}
    if ref not in list(d.results):
        d.results = list(d.results) + [ref]


def _rework(d, ctx):
    """Back to the last step that is not the leader's own (where the work is redone).

    The leader's signing step is left out: sending back means somebody else
    must correct the draft. The step's clock restarts; nobody is assigned.
    """
    steps = list(d.steps or ())
    i = len(steps) - 1
    while i > 0 and steps[i].get('role') == LEADER:
        i -= 1
    d.step_index = i if steps else None
    d.assignee = None
    d.step_started_at = ctx.now
    d.step_due_at = None
    if steps and ctx.calendar is not None:
        days = int(steps[i].get('days') or 0)
        d.step_due_at = deadlines.due_at(ctx.now, days, ctx.calendar)


def _finish(d, ctx):
    d.finished_at = ctx.now


def _returned(d, ctx):
    d.returned_at = ctx.now


def _apologize(d, ctx):
    raw = ctx.params.get('new_due')
    try:
        new_day = date.fromisoformat(raw) if isinstance(raw, str) else raw
    except ValueError:
        raise errors.Invalid('Ngày hẹn mới không hợp lệ.', {'new_due': 'dạng YYYY-MM-DD'})
    deadlines.check_new_appointment(d.due_at, new_day, ctx.now.date())
    new_due = deadlines.appointment(new_day, ctx.now.tzinfo)
    d.apologies = list(d.apologies) + [{
        'at': ctx.now, 'by': ctx.login, 'by_name': ctx.name, 'reason': ctx.note,
        'old_due': d.due_at, 'new_due': new_due}]
    d.due_at = new_due


_OPEN = frozenset({SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED})

RULES = (
    Rule('receive', frozenset({SUBMITTED}), RECEIVED, frozenset({RECEPTION}),
         guard=_fee_settled, effects=(_start_clock,)),
    Rule('assign', frozenset({RECEIVED, PROCESSING}), None, frozenset({LEADER}),
         effects=(_assign,)),
    Rule('forward', frozenset({RECEIVED}), PROCESSING, frozenset({RECEPTION}),
         effects=(_enter_step,)),
    Rule('forward', frozenset({PROCESSING}), PROCESSING, frozenset({STEP}),
         guard=_has_next_step, effects=(_enter_step,)),
    Rule('request_supplement', frozenset({SUBMITTED}), SUPPLEMENT_REQUESTED,
         frozenset({RECEPTION}), effects=(_pause_clock,),
         needs_note='Cần ghi rõ giấy tờ phải bổ sung.'),
    Rule('request_supplement', frozenset({RECEIVED}), SUPPLEMENT_REQUESTED,
         frozenset({RECEPTION, SPECIALIST}), effects=(_pause_clock,),
         needs_note='Cần ghi rõ giấy tờ phải bổ sung.'),
    Rule('request_supplement', frozenset({PROCESSING}), SUPPLEMENT_REQUESTED,
         frozenset({STEP, SPECIALIST}), effects=(_pause_clock,),
         needs_note='Cần ghi rõ giấy tờ phải bổ sung.'),
    Rule('supplement', frozenset({SUPPLEMENT_REQUESTED}), RESUME,
         frozenset({OWNER, RECEPTION}), effects=(_resume_clock,)),
    Rule('approve', frozenset({PROCESSING}), AWAITING_SIGNATURE, frozenset({STEP}),
         guard=_at_last_step),
    Rule('sign', frozenset({AWAITING_SIGNATURE}), RESULT_READY, frozenset({LEADER}),
         effects=(_issue_result, _finish)),
    Rule('send_back', frozenset({AWAITING_SIGNATURE}), PROCESSING, frozenset({LEADER}),
         effects=(_rework,), needs_note='Cần ghi rõ nội dung phải xử lý lại.'),
    Rule('return', frozenset({RESULT_READY}), RETURNED, frozenset({RECEPTION}),
         effects=(_returned,)),
    Rule('reject', frozenset({SUBMITTED, RECEIVED}), REJECTED, frozenset({RECEPTION}),
         effects=(_finish,), needs_note='Cần ghi rõ lý do từ chối.'),
    Rule('reject', frozenset({PROCESSING}), REJECTED, frozenset({STEP, LEADER}),
         effects=(_finish,), needs_note='Cần ghi rõ lý do từ chối.'),
    Rule('reject', frozenset({AWAITING_SIGNATURE}), REJECTED, frozenset({LEADER}),
         effects=(_finish,), needs_note='Cần ghi rõ lý do từ chối.'),
    Rule('withdraw', _OPEN, WITHDRAWN, frozenset({OWNER}), effects=(_finish,)),
    Rule('apologize', frozenset({RECEIVED, PROCESSING, AWAITING_SIGNATURE}), None,
         frozenset({RECEPTION, SPECIALIST, LEADER}), effects=(_apologize,),
         needs_note='Cần ghi rõ lý do chậm trả kết quả.'),
)


def working_steps(steps):
    """The steps that ``processing`` walks through.

    A procedure's internal process usually begins with reception's check and
    ends with reception handing the result back; those two are the
    ``receive`` and ``return`` transitions themselves, so they are left out.
    """
    steps = [dict(step) for step in steps or ()]
    while steps and steps[0].get('role') == RECEPTION:
        steps.pop(0)
    while steps and steps[-1].get('role') == RECEPTION:
        steps.pop()
    return steps


def actions_in(state):
    """The actions a state allows to somebody, in the table's order."""
    seen = []
    for rule in RULES:
        if state in rule.sources and rule.action not in seen:
            seen.append(rule.action)
    return tuple(seen)


def step_role(dossier):
    """The role of the dossier's current step (specialist when it has none)."""
    if dossier is None:
        return None
    steps, i = list(getattr(dossier, 'steps', None) or ()), getattr(dossier, 'step_index', None)
    if i is not None and 0 <= i < len(steps):
        return steps[i].get('role') or SPECIALIST
    return SPECIALIST


def _rule_roles(rule, dossier):
    """The concrete roles of a rule, the ``step`` placeholder resolved."""
    if STEP not in rule.roles:
        return rule.roles
    current = step_role(dossier)
    extra = {current} if current else set(OFFICER_ROLES)
    return (rule.roles - {STEP}) | extra


def _assignment_refusal(rule, dossier, roles, login):
    """A step assigned to one specialist is theirs (or a leader's) to move."""
    assignee = getattr(dossier, 'assignee', None)
    if (dossier is None or STEP not in rule.roles or not assignee
            or login is None or login == assignee or LEADER in roles):
        return None
    return 'Bước này đã được phân công cho người khác.'


def _conflict(state, action):
    allowed = actions_in(state)
    names = ', '.join(allowed) or 'không có'
    msg = (f'Hồ sơ đang ở trạng thái «{STATE_LABELS[state]}»: không thể '
           f'«{ACTION_LABELS[action]}». Trạng thái này cho phép: {names}.')
    return errors.StateConflict(msg, allowed=allowed)


def fire(state, action, roles, dossier=None, login=None):
    """Check that ``roles`` may fire ``action`` in ``state``; return the Transition.

    ``dossier`` (optional) supplies the step, assignment and guard facts;
    without it guards are not checked. Raises ``Invalid``, ``NotAllowed`` or
    ``StateConflict`` in the order given in the module docstring.
    """
    if action not in ACTION_LABELS:
        raise errors.Invalid(f'Thao tác không tồn tại: {action!r}.',
                             {'action': 'một trong: ' + ', '.join(ACTIONS)})
    if state not in STATE_LABELS:
        raise errors.Invalid(f'Trạng thái không tồn tại: {state!r}.', {'status': 'không hợp lệ'})
    roles = frozenset(roles)
    candidates = [r for r in RULES if r.action == action]
    if not any(roles & _rule_roles(r, dossier) for r in candidates):
        raise errors.NotAllowed(f'Bạn không có quyền «{ACTION_LABELS[action]}» hồ sơ này.')
    rule = next((r for r in candidates if state in r.sources), None)
    if rule is None:
        raise _conflict(state, action)
    if not roles & _rule_roles(rule, dossier):
        raise errors.NotAllowed(
            f'Ở trạng thái «{STATE_LABELS[state]}», bạn không có quyền '
            f'«{ACTION_LABELS[action]}».')
    refusal = _assignment_refusal(rule, dossier, roles, login)
    if refusal:
        raise errors.NotAllowed(refusal)
    reason = rule.guard(dossier) if (rule.guard and dossier is not None) else None
    if reason:
        raise errors.StateConflict(reason, allowed=actions_in(state))
    return Transition(action, state, _target(rule, state, dossier), rule)


def _target(rule, state, dossier):
    if rule.target is RESUME:
        return getattr(dossier, 'resume_state', None) or RECEIVED
    return state if rule.target is None else rule.target


def allowed_actions(state, roles, dossier=None, login=None):
    """The actions that ``roles`` (and ``login``) may fire now, guards included."""
    allowed = []
    for action in actions_in(state):
        try:
            fire(state, action, roles, dossier, login)
        except errors.DomainError:
            continue
        allowed.append(action)
    return allowed


def apply(dossier, action, ctx):
    """Fire ``action`` on ``dossier``: check, run effects, move, write history.

    Everything happens in the caller's transaction: an effect that raises
    (bad input, a signing error) leaves nothing half-done once it aborts.
    """
    t = fire(dossier.status, action, ctx.roles, dossier, ctx.login)
    note = (ctx.note or '').strip()
    if t.rule.needs_note and not note:
        raise errors.Invalid(t.rule.needs_note, {'note': 'bắt buộc'})
    ctx.note = note
    for effect in t.rule.effects:
        effect(dossier, ctx)
    if t.rule.target is RESUME:
        dossier.resume_state = None
    dossier.status = t.target
    dossier.add_history(action, ctx.login, note, at=ctx.now, by_name=ctx.name,
                        source=t.source, target=t.target,
                        step=current_step_id(dossier),
                        **_history_extra(action, dossier, ctx))
    return t


def current_step_id(dossier):
    """The id of the current step, or None outside the internal process."""
    steps, i = list(dossier.steps or ()), dossier.step_index
    if dossier.status == PROCESSING and i is not None and i < len(steps):
        return steps[i].get('id')
    return None


def _history_extra(action, dossier, ctx):
    """What a slip needs beyond who/when/note (assignee, new appointment)."""
    if action in ('assign', 'forward') and getattr(dossier, 'assignee', None):
        return {'assignee': dossier.assignee}
    if action == 'apologize':
        last = dossier.apologies[-1]
        return {'old_due': last['old_due'], 'new_due': last['new_due']}
    if action in ('receive', 'supplement'):
        return {'due_at': dossier.due_at}
    return {}
