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
for the dossier's owner (the resource computes them). ``desk`` is a reception
officer of the desk that took the dossier in for another agency
(location-independent filing, Decree 118/2025/NĐ-CP): it may do what intake
needs (receive, ask for a supplement, refuse at intake, hand a supplement
in) and hand the result back to the applicant where the dossier was handed
in (``return``: Decree 61/2018/NĐ-CP art. 19 on returning results at the
one-stop desk, carried into Decree 118/2025/NĐ-CP), and nothing of the
handling agency's process. While ``processing``,
the procedure's internal steps decide who acts: the pseudo-role ``step``
stands for the role of the current step, and a step assigned to a specialist
is that person's alone (a leader may still act on it).

A dossier here is any object with the attributes documented in
:class:`Context` and on ``dossiers.content.Dossier``; the effects (in
``effects``) write only those attributes. Pure: signing comes in through the
``Issuer`` on the context, never by import. Views do not call this module to
fire an action: ``dossiers.actions.fire`` does, with what each action needs.
"""
from dataclasses import dataclass, field

from tthc_docs import errors
from tthc_docs.dossiers import effects as fx
from tthc_docs.dossiers.effects import Issuer  # noqa: F401  (the interface ``sign`` needs)
# States and roles are defined in ``states`` and ``roles``; re-exported here
# because every reader of the rule table needs them at hand.
from tthc_docs.dossiers.states import (  # noqa: F401
    ACTIVE, AWAITING_SIGNATURE, FINAL, OPEN, PROCESSING, RECEIVED, REJECTED, RESULT_READY,
    RETURNED, STATE_LABELS, STATES, SUBMITTED, SUPPLEMENT_REQUESTED, WITHDRAWABLE, WITHDRAWN)
from tthc_docs.roles import (  # noqa: F401
    ADMIN, CITIZEN, DESK, EDITOR, LEADER, OFFICER_ROLES, OWNER, RECEPTION, ROLES, SPECIALIST, STEP)

# Actions ------------------------------------------------------------------
ACTION_LABELS = {
    'receive': 'Tiếp nhận', 'assign': 'Phân công', 'forward': 'Chuyển bước',
    'request_supplement': 'Yêu cầu bổ sung', 'supplement': 'Bổ sung hồ sơ',
    'approve': 'Trình ký', 'sign': 'Ký kết quả', 'send_back': 'Trả lại để xử lý lại',
    'return': 'Trả kết quả',
    'reject': 'Từ chối', 'withdraw': 'Rút hồ sơ', 'apologize': 'Xin lỗi và hẹn lại',
}
ACTIONS = tuple(ACTION_LABELS)
#: The catalog's msgctxt of an action's label (a label may also be a state's: "Yêu cầu bổ sung").
ACTION_CONTEXT = {'action': 'action'}
# What a person reads once an action is done (the page's message after the redirect).
ACTION_DONE = {
    'receive': 'Đã tiếp nhận hồ sơ.', 'assign': 'Đã phân công xử lý hồ sơ.',
    'forward': 'Đã chuyển hồ sơ sang bước tiếp theo.',
    'request_supplement': 'Đã yêu cầu bổ sung hồ sơ.', 'supplement': 'Đã gửi hồ sơ bổ sung.',
    'approve': 'Đã trình ký.', 'sign': 'Đã ký số và phát hành kết quả.',
    'send_back': 'Đã trả lại hồ sơ để xử lý lại.', 'return': 'Đã trả kết quả cho người nộp.',
    'reject': 'Đã từ chối hồ sơ.', 'withdraw': 'Đã rút hồ sơ.',
    'apologize': 'Đã gửi thư xin lỗi và hẹn lại ngày trả kết quả.',
}
# Actions that cannot be undone: a browser asks first (title, what happens, button).
ACTION_CONFIRM = {
    'withdraw': ('Rút hồ sơ?', 'Hồ sơ sẽ được rút và không được xử lý tiếp. Muốn giải quyết '
                 'thủ tục này, bạn sẽ phải nộp hồ sơ mới.', 'Rút hồ sơ'),
    'reject': ('Từ chối giải quyết hồ sơ?', 'Hồ sơ sẽ bị từ chối; người nộp được báo lý do '
               'ghi trong ô ghi chú. Không thể hoàn tác.', 'Từ chối hồ sơ'),
    'sign': ('Ký số và phát hành kết quả?', 'Kết quả sẽ được ký số bằng chứng thư của bạn và '
             'gửi vào kho dữ liệu của người nộp. Chữ ký đã ký không thể thu hồi.',
             'Ký số và phát hành'),
}
# What a dossier's history may also hold besides actions (filing, payment, rating).
HISTORY_LABELS = dict(ACTION_LABELS, submit='Nộp hồ sơ', pay='Nộp phí, lệ phí',
                      rate='Đánh giá mức độ hài lòng')
RESUME = object()   # target marker: back to the state before the supplement


@dataclass
class Context:
    """Who fires an action, when, and with which input.

    ``roles`` are the effective roles for this dossier (see module doc);
    ``params`` carries action input (``assignee``, ``new_due``); ``issuer``
    (an :class:`Issuer`) is what ``sign`` calls to produce the result: the
    caller (``dossiers.actions``) passes the real one, unit tests a fake.
    """
    login: str
    roles: frozenset
    now: object
    calendar: object = None
    note: str = ''
    name: str = ''
    params: dict = field(default_factory=dict)
    issuer: object = None


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


RULES = (
    Rule('receive', frozenset({SUBMITTED}), RECEIVED, frozenset({RECEPTION, DESK}),
         guard=fx.fee_settled, effects=(fx.start_clock,)),
    Rule('assign', frozenset({RECEIVED, PROCESSING}), None, frozenset({LEADER}),
         effects=(fx.assign,)),
    Rule('forward', frozenset({RECEIVED}), PROCESSING, frozenset({RECEPTION}),
         effects=(fx.enter_step,)),
    Rule('forward', frozenset({PROCESSING}), PROCESSING, frozenset({STEP}),
         guard=fx.has_next_step, effects=(fx.enter_step,)),
    Rule('request_supplement', frozenset({SUBMITTED}), SUPPLEMENT_REQUESTED,
         frozenset({RECEPTION, DESK}), effects=(fx.pause_clock,),
         needs_note='Cần ghi rõ giấy tờ phải bổ sung.'),
    Rule('request_supplement', frozenset({RECEIVED}), SUPPLEMENT_REQUESTED,
         frozenset({RECEPTION, SPECIALIST}), effects=(fx.pause_clock,),
         needs_note='Cần ghi rõ giấy tờ phải bổ sung.'),
    Rule('request_supplement', frozenset({PROCESSING}), SUPPLEMENT_REQUESTED,
         frozenset({STEP, SPECIALIST}), effects=(fx.pause_clock,),
         needs_note='Cần ghi rõ giấy tờ phải bổ sung.'),
    Rule('supplement', frozenset({SUPPLEMENT_REQUESTED}), RESUME,
         frozenset({OWNER, RECEPTION, DESK}), effects=(fx.resume_clock,)),
    Rule('approve', frozenset({PROCESSING}), AWAITING_SIGNATURE, frozenset({STEP}),
         guard=fx.at_last_step),
    Rule('sign', frozenset({AWAITING_SIGNATURE}), RESULT_READY, frozenset({LEADER}),
         effects=(fx.issue_result, fx.finish)),
    Rule('send_back', frozenset({AWAITING_SIGNATURE}), PROCESSING, frozenset({LEADER}),
         effects=(fx.rework,), needs_note='Cần ghi rõ nội dung phải xử lý lại.'),
    Rule('return', frozenset({RESULT_READY}), RETURNED, frozenset({RECEPTION, DESK}),
         effects=(fx.returned,)),
    Rule('reject', frozenset({SUBMITTED}), REJECTED, frozenset({RECEPTION, DESK}),
         effects=(fx.finish,), needs_note='Cần ghi rõ lý do từ chối.'),
    Rule('reject', frozenset({RECEIVED}), REJECTED, frozenset({RECEPTION}),
         effects=(fx.finish,), needs_note='Cần ghi rõ lý do từ chối.'),
    Rule('reject', frozenset({PROCESSING}), REJECTED, frozenset({STEP, LEADER}),
         effects=(fx.finish,), needs_note='Cần ghi rõ lý do từ chối.'),
    Rule('reject', frozenset({AWAITING_SIGNATURE}), REJECTED, frozenset({LEADER}),
         effects=(fx.finish,), needs_note='Cần ghi rõ lý do từ chối.'),
    Rule('withdraw', WITHDRAWABLE, WITHDRAWN, frozenset({OWNER}), effects=(fx.finish,)),
    Rule('apologize', frozenset({RECEIVED, PROCESSING, AWAITING_SIGNATURE}), None,
         frozenset({RECEPTION, SPECIALIST, LEADER}), effects=(fx.apologize,),
         needs_note='Cần ghi rõ lý do chậm trả kết quả.'),
)

#: The states in which the desk that received a dossier for another agency has
#: something to do: read from the table, so that the desk's queue
#: (``DossierRegistry.queue``) follows the desk's rights.
DESK_STATES = frozenset(state for rule in RULES if DESK in rule.roles for state in rule.sources)


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


def _actions_in(state):
    seen = []
    for rule in RULES:
        if state in rule.sources and rule.action not in seen:
            seen.append(rule.action)
    return tuple(seen)


#: The table read by action and by state, made once: every answer about a
#: dossier asks it for each action its state allows (issue 15).
RULES_OF = {action: tuple(r for r in RULES if r.action == action) for action in ACTIONS}
ACTIONS_IN = {state: _actions_in(state) for state in STATES}


def actions_in(state):
    """The actions a state allows to somebody, in the table's order."""
    return ACTIONS_IN.get(state, ())


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
    msg = errors.Words('Hồ sơ đang ở trạng thái «${state}»: không thể «${action}». '
                       'Trạng thái này cho phép: ${allowed}.',
                       state=STATE_LABELS[state], action=ACTION_LABELS[action], allowed=names,
                       contexts=ACTION_CONTEXT)
    return errors.StateConflict(msg, allowed=allowed)


def fire(state, action, roles, dossier=None, login=None):
    """Check that ``roles`` may fire ``action`` in ``state``; return the Transition.

    ``dossier`` (optional) supplies the step, assignment and guard facts;
    without it guards are not checked. Raises ``Invalid``, ``NotAllowed`` or
    ``StateConflict`` in the order given in the module docstring.
    """
    rule, refusal = _check(state, action, frozenset(roles), dossier, login)
    if refusal is not None:
        raise refusal()
    return Transition(action, state, _target(rule, state, dossier), rule)


def _check(state, action, roles, dossier, login):
    """``(rule, None)`` when allowed, else ``(None, a function making the refusal)``.

    The refusal is only made when someone raises it: ``allowed_actions``
    asks of every action a state allows on each dossier answer and needs the
    verdict alone, not the translated message of each refusal (issue 15).
    """
    if action not in ACTION_LABELS:
        return None, lambda: errors.Invalid(
            errors.Words('Thao tác không tồn tại: ${action}.', action=repr(action)),
            {'action': errors.Words('một trong: ${choices}', choices=', '.join(ACTIONS))})
    if state not in STATE_LABELS:
        return None, lambda: errors.Invalid(
            errors.Words('Trạng thái không tồn tại: ${state}.', state=repr(state)),
            {'status': 'không hợp lệ'})
    candidates = RULES_OF[action]
    if not any(roles & _rule_roles(r, dossier) for r in candidates):
        return None, lambda: errors.NotAllowed(errors.Words(
            'Bạn không có quyền «${action}» hồ sơ này.',
            action=ACTION_LABELS[action], contexts=ACTION_CONTEXT))
    rule = next((r for r in candidates if state in r.sources), None)
    if rule is None:
        return None, lambda: _conflict(state, action)
    if not roles & _rule_roles(rule, dossier):
        return None, lambda: errors.NotAllowed(errors.Words(
            'Ở trạng thái «${state}», bạn không có quyền «${action}».',
            state=STATE_LABELS[state], action=ACTION_LABELS[action], contexts=ACTION_CONTEXT))
    refusal = _assignment_refusal(rule, dossier, roles, login)
    if refusal:
        return None, lambda: errors.NotAllowed(refusal)
    reason = rule.guard(dossier) if (rule.guard and dossier is not None) else None
    if reason:
        return None, lambda: errors.StateConflict(reason, allowed=actions_in(state))
    return rule, None


def _target(rule, state, dossier):
    if rule.target is RESUME:
        return getattr(dossier, 'resume_state', None) or RECEIVED
    return state if rule.target is None else rule.target


def allowed_actions(state, roles, dossier=None, login=None):
    """The actions that ``roles`` (and ``login``) may fire now, guards included."""
    roles = frozenset(roles)
    return [action for action in actions_in(state)
            if _check(state, action, roles, dossier, login)[1] is None]


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
    """The id of the current step, or None outside the internal process.

    The state is asked first: the steps are read from the filed version
    (copied each time) only for a dossier that is being processed.
    """
    i = dossier.step_index
    if dossier.status != PROCESSING or i is None:
        return None
    steps = list(dossier.steps or ())
    return steps[i].get('id') if i < len(steps) else None


def _history_extra(action, dossier, ctx):
    """What a slip needs beyond who/when/note (assignee, the dates it set, the desk).

    An apology's entry keeps the appointments before and after and the legal
    due date it left alone; receipt and supplement keep both dates as set;
    a return keeps the unit whose desk handed the result over.
    """
    if action in ('assign', 'forward') and getattr(dossier, 'assignee', None):
        return {'assignee': dossier.assignee}
    if action == 'apologize':
        last = dossier.apologies[-1]
        return {'old_due': last['old_due'], 'new_due': last['new_due'],
                'legal_due_at': last['legal_due_at']}
    if action in ('receive', 'supplement'):
        return {'due_at': dossier.due_at,
                'appointment_at': getattr(dossier, 'appointment_at', None)}
    if action == 'return':
        return {'desk': returning_desk(dossier, ctx.roles)}
    return {}


def returning_desk(dossier, roles):
    """The unit whose desk hands the result back: the receiving desk when its reception acts."""
    desk = getattr(dossier, 'other_desk', None)
    return desk if desk and DESK in roles else getattr(dossier, 'agency', None)
