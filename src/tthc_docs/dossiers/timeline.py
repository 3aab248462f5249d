"""A dossier's progress as its applicant reads it: each step, who has it, its due date (pure).

The stages are the procedure's own internal process (quy trình nội bộ, kept
on the dossier at filing), between the filing and the hand-over of the
result: submit, receive (with the procedure's leading reception steps),
each working step, return (with its trailing reception steps). For each:
whether it is done, under way, still ahead or will not happen; who holds it
(a role and a unit, never a login: under the one-stop mechanism of Decree
61/2018/NĐ-CP the applicant follows the dossier's progress and the unit
handling it, not an officer's account); when it started and ended; its due
date; and whether it is late.

Every date is one the rules already give: a working step's due date is the
one ``effects._start_step`` sets (``deadlines.due_at`` from the step's start
and its share of working days), the return stage's the legal due date
(``due_at``, set at receipt, moved only by a supplement pause: Civil Code
2015 art. 147, Decree 61/2018 art. 16(2)(c), 18-19), with late measured on
it as everywhere (``deadlines.is_overdue``). The moments come from the
dossier's history (each entry's ``target`` state and ``step``); nothing is
stored for the timeline, so it cannot drift from the record.
"""
from dataclasses import dataclass

from tthc_docs.dossiers import deadlines, states
from tthc_docs.roles import OWNER, RECEPTION, ROLE_TITLES

SUBMIT, RECEIVE, RETURN, END = 'submit', 'receive', 'return', 'end'
DONE, CURRENT, PAUSED, NEXT, SKIPPED = 'done', 'current', 'paused', 'next', 'skipped'
#: The words of the stages that are not the procedure's own steps (translated by value).
STAGE_NAMES = {SUBMIT: 'Nộp hồ sơ', RECEIVE: 'Tiếp nhận hồ sơ', RETURN: 'Trả kết quả',
               states.REJECTED: 'Từ chối giải quyết hồ sơ', states.WITHDRAWN: 'Rút hồ sơ'}
#: How each stage stands, in words (shown as text, never as a colour alone).
STATE_WORDS = {DONE: 'Đã xong', CURRENT: 'Đang thực hiện', PAUSED: 'Tạm dừng, chờ bổ sung',
               NEXT: 'Chưa đến', SKIPPED: 'Không thực hiện'}

#: Who holds a stage: the roles' titles, and the applicant for what is theirs to do.
HOLDER_TITLES = dict(ROLE_TITLES, **{OWNER: 'Người nộp hồ sơ'})


@dataclass
class Stage:
    """One line of the timeline; ``name`` is the procedure's words unless ``fixed``."""

    key: str
    name: str
    role: str
    unit: str = ''
    state: str = NEXT
    started_at: object = None
    finished_at: object = None
    due_at: object = None
    days: int = 0
    late: bool = False
    fixed: bool = False


def stages(dossier, now, calendar, unit=''):
    """The timeline of ``dossier`` at ``now`` as a list of ``Stage``; ``unit``: the agency's name."""
    plan = _plan(dossier, unit)
    moments = _moments(dossier)
    order = [s.key for s in plan]
    where = _position(dossier, moments)
    here = order.index(where) if where in order else len(order)
    for index, stage in enumerate(plan):
        stage.started_at, stage.finished_at = moments.get(stage.key, (None, None))
        if stage.key == RECEIVE and dossier.received_at is not None:
            stage.started_at = dossier.received_at   # what the citizen waits for: the receipt
        if index < here:
            stage.state = DONE
        elif index == here and dossier.status not in states.FINAL:
            stage.state = PAUSED if dossier.status == states.SUPPLEMENT_REQUESTED else CURRENT
            stage.finished_at = None
            if stage.state == PAUSED:   # the next move is the applicant's: the supplement
                stage.role, stage.unit = OWNER, ''
        else:
            stage.state = SKIPPED if dossier.status in states.FINAL else NEXT
            stage.started_at = stage.finished_at = None
        _judge(stage, dossier, now, calendar)
    if dossier.status in (states.REJECTED, states.WITHDRAWN):
        plan.append(Stage(dossier.status, STAGE_NAMES[dossier.status],
                          OWNER if dossier.status == states.WITHDRAWN else RECEPTION,
                          unit if dossier.status == states.REJECTED else '', DONE,
                          finished_at=dossier.finished_at, fixed=True))
    return plan


def turns_late(plan):
    """The due moments at which a current stage of ``plan`` turns late by the clock alone.

    A current stage is late once the clock passes its due date (``_judge``);
    every other flag changes only by an event. Sorted; they do not depend on
    the moment the plan was made for, so a kept page (``web/pagecache``)
    knows when it stops being true.
    """
    return tuple(sorted(s.due_at for s in plan if s.state == CURRENT and s.due_at is not None))


def as_json(plan, iso):
    """The stages as JSON-ready dicts, dates through ``iso``.

    A shallow copy of each stage's fields: they are strings, numbers and
    datetimes, which ``dataclasses.asdict``'s deep copy only made slower.
    """
    out = []
    for stage in plan:
        item = dict(vars(stage))
        for key in ('started_at', 'finished_at', 'due_at'):
            item[key] = iso(item[key])
        out.append(item)
    return out


def _plan(dossier, unit):
    """The stages in order, from the steps the dossier was filed with."""
    working = list(dossier.steps or ())
    ids = {step.get('id') for step in working}
    all_steps = list(getattr(dossier, 'procedure_steps', None) or working)
    first = next((i for i, s in enumerate(all_steps) if s.get('id') in ids), len(all_steps))
    leading, trailing = all_steps[:first], all_steps[first + len(working):]
    plan = [Stage(SUBMIT, STAGE_NAMES[SUBMIT], OWNER, fixed=True),
            Stage(RECEIVE, _joined(leading) or STAGE_NAMES[RECEIVE], RECEPTION, unit,
                  days=_days(leading), fixed=not leading)]
    plan += [Stage(s.get('id'), s.get('name') or '', s.get('role') or '', unit,
                   days=int(s.get('days') or 0)) for s in working]
    plan.append(Stage(RETURN, _joined(trailing) or STAGE_NAMES[RETURN], RECEPTION, unit,
                      days=_days(trailing), fixed=not trailing))
    return plan


def _joined(steps):
    return '; '.join(s.get('name') or '' for s in steps if s.get('name'))


def _days(steps):
    return sum(int(s.get('days') or 0) for s in steps)


def _place(entry, before):
    """Where the dossier stood after one history entry (``before``: where it stood until then)."""
    target = entry.get('target')
    if target in (states.SUBMITTED, states.RECEIVED):
        return RECEIVE
    if target == states.PROCESSING:
        return entry.get('step') or before
    if target == states.RESULT_READY:
        return RETURN
    if target in states.FINAL:
        return END
    return before   # awaiting signature, a supplement pause, a payment, a rating: no move


def _moments(dossier):
    """{stage key: (started, finished)} from the history; a stage entered again starts again."""
    found = {SUBMIT: (dossier.submitted_at, dossier.submitted_at)}
    where = None
    for entry in dossier.history:
        place = _place(entry, where)
        if place == where:
            continue
        if where is not None and where in found:
            found[where] = (found[where][0], entry.get('at'))
        found[place] = (entry.get('at'), None)
        where = place
    return found


def _position(dossier, moments):
    """The key of the stage the dossier is at now (``END`` once finished)."""
    status = dossier.status
    if status == states.SUPPLEMENT_REQUESTED:
        status = getattr(dossier, 'resume_state', None) or states.SUBMITTED
    if status in (states.SUBMITTED, states.RECEIVED):
        return RECEIVE
    if status in (states.PROCESSING, states.AWAITING_SIGNATURE):
        steps, i = list(dossier.steps or ()), dossier.step_index
        return steps[i].get('id') if steps and i is not None and i < len(steps) else RETURN
    if status == states.RESULT_READY:
        return RETURN
    if status == states.RETURNED:
        return END
    # Rejected or withdrawn: the stage it was at when it ended.
    last = [key for key, (start, _end) in moments.items()
            if start is not None and key not in (END, SUBMIT)]
    return max(last, key=lambda key: moments[key][0]) if last else RECEIVE


def _judge(stage, dossier, now, calendar):
    """The stage's due date and whether it is (or was) late."""
    if stage.key == SUBMIT:
        return
    if stage.key == RETURN:
        stage.due_at = getattr(dossier, 'appointment_at', None) or dossier.due_at
        if stage.state in (DONE, CURRENT, PAUSED, NEXT):
            stage.late = deadlines.is_overdue(dossier.status, dossier.due_at, now,
                                              dossier.finished_at, dossier.paused_at)
        return
    if stage.state == CURRENT and stage.key not in (RECEIVE,) and dossier.step_due_at:
        stage.due_at = dossier.step_due_at
    elif stage.started_at is not None and calendar is not None and (
            stage.key != RECEIVE or dossier.received_at is not None):
        start = dossier.received_at if stage.key == RECEIVE else stage.started_at
        stage.due_at = deadlines.due_at(start, stage.days, calendar)
    if stage.due_at is None:
        return
    if stage.state == DONE:
        stage.late = stage.finished_at is not None and stage.finished_at > stage.due_at
    elif stage.state == CURRENT:
        stage.late = now > stage.due_at
