"""The dossier state machine: every state x every action x every role, then each rule.

The expected table below is written from the design (who does what when),
independently of ``workflow.RULES``; the exhaustive test compares the two.
"""
from datetime import date, datetime, timedelta, timezone

import pytest

from tthc_docs import errors
from tthc_docs.dossiers import deadlines, workflow as wf
from tthc_docs.dossiers.calendar import WorkingCalendar

TZ = timezone(timedelta(hours=7))
MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=TZ)   # an ordinary working Monday
S = 'specialist'   # the role of the current step in the exhaustive dossier

# (action, state) -> the roles that may fire it there.
ALLOWED = {
    ('receive', 'submitted'): {'reception', 'desk'},
    ('assign', 'received'): {'leader'},
    ('assign', 'processing'): {'leader'},
    ('forward', 'received'): {'reception'},
    ('forward', 'processing'): {S},
    ('request_supplement', 'submitted'): {'reception', 'desk'},
    ('request_supplement', 'received'): {'reception', 'specialist'},
    ('request_supplement', 'processing'): {'specialist', S},
    ('supplement', 'supplement_requested'): {'owner', 'reception', 'desk'},
    ('approve', 'processing'): {S},
    ('sign', 'awaiting_signature'): {'leader'},
    ('send_back', 'awaiting_signature'): {'leader'},
    ('return', 'result_ready'): {'reception', 'desk'},
    ('reject', 'submitted'): {'reception', 'desk'},
    ('reject', 'received'): {'reception'},
    ('reject', 'processing'): {S, 'leader'},
    ('reject', 'awaiting_signature'): {'leader'},
    **{('withdraw', st): {'owner'} for st in
       ('submitted', 'received', 'processing', 'supplement_requested')},
    **{('apologize', st): {'reception', 'specialist', 'leader'} for st in
       ('received', 'processing', 'awaiting_signature')},
}
TARGET = {
    'receive': 'received', 'forward': 'processing', 'request_supplement': 'supplement_requested',
    'supplement': 'received', 'approve': 'awaiting_signature', 'sign': 'result_ready',
    'send_back': 'processing', 'return': 'returned', 'reject': 'rejected', 'withdraw': 'withdrawn',
}
ROLE_SETS = [frozenset(), frozenset({'citizen'}), frozenset({'citizen', 'owner'}),
             frozenset({'editor'}), frozenset({'reception'}), frozenset({'specialist'}),
             frozenset({'leader'}), frozenset({'admin'}), frozenset({'desk'})]


class Paper:
    """A dossier as the workflow sees it: plain attributes and a history."""

    def __init__(self, status='submitted', steps=2, step_index=None, fee=0, paid=False):
        self.status = status
        self.steps = [{'id': f's{i + 1}', 'name': f'Bước {i + 1}', 'role': 'specialist',
                       'days': 1} for i in range(steps)]
        self.step_index = step_index
        self.assignee = None
        self.fee_amount, self.is_paid = fee, paid
        self.processing_days = 3
        self.received_at = self.due_at = self.paused_at = self.finished_at = None
        self.appointment_at = None
        self.returned_at = self.step_started_at = self.resume_state = self.step_due_at = None
        self.vault_id, self.results, self.apologies, self.history = 'v-1', [], [], []

    def add_history(self, action, by, note, **extra):
        self.history.append({'action': action, 'by': by, 'note': note, **extra})


def ctx(login='reception1', roles=('reception',), now=MONDAY, note='', **params):
    return wf.Context(login=login, roles=frozenset(roles), now=now,
                      calendar=WorkingCalendar(), note=note, params=params)


def _expected(state, action, roles):
    if roles & ALLOWED.get((action, state), set()):
        return 'ok'
    anywhere = set().union(*(r for (a, _), r in ALLOWED.items() if a == action))
    if not roles & anywhere:
        return errors.NotAllowed
    if (action, state) not in ALLOWED:
        return errors.StateConflict
    return errors.NotAllowed


CASES = [(st, a, r) for st in wf.STATES for a in wf.ACTIONS for r in ROLE_SETS]


@pytest.mark.parametrize('state,action,roles', CASES,
                         ids=[f'{s}-{a}-{"+".join(sorted(r)) or "anon"}' for s, a, r in CASES])
def test_every_state_action_and_role(state, action, roles):
    paper = Paper(state, step_index=1 if action == 'approve' else 0, fee=0)
    paper.resume_state = 'received'
    expected = _expected(state, action, roles)
    if expected == 'ok':
        t = wf.fire(state, action, roles, paper, login='x')
        assert t.target == TARGET.get(action, state)
    else:
        with pytest.raises(expected):
            wf.fire(state, action, roles, paper, login='x')


def test_the_table_has_exactly_the_expected_pairs():
    pairs = {(r.action, s) for r in wf.RULES for s in r.sources}
    assert pairs == set(ALLOWED)


def test_a_wrong_state_names_the_actions_it_allows():
    with pytest.raises(errors.StateConflict) as exc:
        wf.fire('returned', 'receive', {'reception'})
    assert exc.value.allowed == []


def test_a_wrong_state_lists_allowed_actions_in_order():
    with pytest.raises(errors.StateConflict) as exc:
        wf.fire('submitted', 'return', {'reception'})
    assert exc.value.allowed == ['receive', 'request_supplement', 'reject', 'withdraw']


def test_an_unknown_action_is_invalid():
    with pytest.raises(errors.Invalid):
        wf.fire('submitted', 'teleport', {'reception'})


def test_owner_may_only_withdraw_a_submitted_dossier():
    assert wf.allowed_actions('submitted', {'citizen', 'owner'}, Paper()) == ['withdraw']


def test_reception_actions_on_an_unpaid_dossier_leave_out_receive():
    paper = Paper(fee=50000, paid=False)
    assert wf.allowed_actions('submitted', {'reception'}, paper) == ['request_supplement', 'reject']


def test_receive_refuses_while_the_fee_is_unpaid():
    with pytest.raises(errors.StateConflict, match='chưa nộp phí'):
        wf.apply(Paper(fee=50000), 'receive', ctx())


def test_receive_after_payment_sets_received_at():
    paper = Paper(fee=50000, paid=True)
    wf.apply(paper, 'receive', ctx())
    assert paper.received_at == MONDAY


def test_receive_counts_the_due_date_in_working_days():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())   # Mon: days 1-3 are Tue, Wed, Thu (art. 147)
    assert paper.due_at == paper.appointment_at == datetime(2027, 3, 4, 17, 0, tzinfo=TZ)


def test_receive_writes_who_when_and_the_due_date_in_history():
    paper = Paper()
    wf.apply(paper, 'receive', ctx(note='Đủ giấy tờ'))
    entry = paper.history[-1]
    assert (entry['action'], entry['by'], entry['note'], entry['at'], entry['target']) == \
        ('receive', 'reception1', 'Đủ giấy tờ', MONDAY, 'received')


def test_forward_from_received_enters_the_first_step():
    paper = Paper('received')
    wf.apply(paper, 'forward', ctx())
    assert (paper.status, paper.step_index) == ('processing', 0)


def test_forward_in_processing_moves_to_the_next_step():
    paper = Paper('processing', step_index=0)
    wf.apply(paper, 'forward', ctx('specialist1', ['specialist']))
    assert paper.step_index == 1


def test_forward_at_the_last_step_conflicts():
    with pytest.raises(errors.StateConflict, match='bước cuối'):
        wf.apply(Paper('processing', step_index=1), 'forward', ctx('specialist1', ['specialist']))


def test_approve_before_the_last_step_conflicts():
    with pytest.raises(errors.StateConflict, match='Chưa xong'):
        wf.apply(Paper('processing', step_index=0), 'approve', ctx('specialist1', ['specialist']))


def test_approve_at_the_last_step_awaits_signature():
    paper = Paper('processing', step_index=1)
    wf.apply(paper, 'approve', ctx('specialist1', ['specialist']))
    assert paper.status == 'awaiting_signature'


def test_a_procedure_without_steps_can_be_approved_at_once():
    paper = Paper('received', steps=0)
    wf.apply(paper, 'forward', ctx())
    wf.apply(paper, 'approve', ctx('specialist1', ['specialist']))
    assert paper.status == 'awaiting_signature'


def test_a_leader_step_is_not_the_specialists_to_move():
    paper = Paper('processing', step_index=0)
    paper.steps[0]['role'] = 'leader'
    with pytest.raises(errors.NotAllowed):
        wf.fire('processing', 'forward', {'specialist'}, paper)


def test_a_leader_step_is_the_leaders_to_move():
    paper = Paper('processing', step_index=0)
    paper.steps[0]['role'] = 'leader'
    assert wf.fire('processing', 'forward', {'leader'}, paper).target == 'processing'


def test_an_assigned_step_is_refused_to_another_specialist():
    paper = Paper('processing', step_index=0)
    paper.assignee = 'specialist2'
    with pytest.raises(errors.NotAllowed, match='phân công'):
        wf.apply(paper, 'forward', ctx('specialist1', ['specialist']))


def test_an_assigned_step_is_moved_by_its_assignee():
    paper = Paper('processing', step_index=0)
    paper.assignee = 'specialist1'
    wf.apply(paper, 'forward', ctx('specialist1', ['specialist']))
    assert paper.step_index == 1


def test_assign_needs_an_assignee():
    with pytest.raises(errors.Invalid):
        wf.apply(Paper('processing', step_index=0), 'assign', ctx('leader1', ['leader']))


def test_assign_records_the_assignee_in_history():
    paper = Paper('processing', step_index=0)
    wf.apply(paper, 'assign', ctx('leader1', ['leader'], assignee='specialist1'))
    assert paper.history[-1]['assignee'] == 'specialist1'


def test_request_supplement_needs_a_note():
    with pytest.raises(errors.Invalid) as exc:
        wf.apply(Paper('received'), 'request_supplement', ctx())
    assert 'note' in exc.value.fields


def test_request_supplement_stops_the_clock():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())
    wf.apply(paper, 'request_supplement', ctx(note='Thiếu bản sao CCCD', now=MONDAY + timedelta(days=1)))
    assert paper.paused_at == MONDAY + timedelta(days=1)


def test_supplement_returns_to_the_state_before_the_request():
    paper = Paper('received', step_index=None)
    wf.apply(paper, 'forward', ctx())
    wf.apply(paper, 'request_supplement', ctx('specialist1', ['specialist'], note='Thiếu'))
    wf.apply(paper, 'supplement', ctx('citizen1', ['citizen', 'owner']))
    assert (paper.status, paper.step_index) == ('processing', 0)


def test_supplement_pushes_the_due_date_by_the_working_days_paused():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())                           # due Thu 4/3
    wf.apply(paper, 'request_supplement', ctx(note='Thiếu', now=MONDAY + timedelta(days=1)))
    wf.apply(paper, 'supplement', ctx('citizen1', ['citizen', 'owner'],
                                      now=MONDAY + timedelta(days=3)))   # Tue -> Thu: 2 days
    assert paper.due_at == paper.appointment_at == datetime(2027, 3, 8, 17, 0, tzinfo=TZ)


def test_a_paused_dossier_is_not_overdue_while_waiting():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())
    wf.apply(paper, 'request_supplement', ctx(note='Thiếu', now=MONDAY + timedelta(days=1)))
    assert not deadlines.is_overdue(paper.status, paper.due_at, MONDAY + timedelta(days=30),
                                    paused_at=paper.paused_at)


def test_reject_needs_a_reason():
    with pytest.raises(errors.Invalid):
        wf.apply(Paper(), 'reject', ctx())


def test_reject_finishes_the_dossier():
    paper = Paper()
    wf.apply(paper, 'reject', ctx(note='Không thuộc thẩm quyền'))
    assert (paper.status, paper.finished_at) == ('rejected', MONDAY)


def test_withdraw_by_the_owner_finishes_the_dossier():
    paper = Paper()
    wf.apply(paper, 'withdraw', ctx('citizen1', ['citizen', 'owner']))
    assert paper.status == 'withdrawn'


def test_return_records_when_the_result_was_handed_over():
    paper = Paper('result_ready')
    wf.apply(paper, 'return', ctx())
    assert paper.returned_at == MONDAY


def test_the_return_records_the_desk_that_handed_the_result_back():
    """Decree 61/2018/NĐ-CP art. 19: returned at the one-stop desk, the receiving one may."""
    paper = Paper('result_ready')
    paper.agency, paper.other_desk = '000.00.20.H55', '000.00.41.H55'
    wf.apply(paper, 'return', ctx(roles=('desk',)))
    assert paper.history[-1]['desk'] == '000.00.41.H55'


def test_the_handling_agencys_reception_returns_at_its_own_desk():
    paper = Paper('result_ready')
    paper.agency, paper.other_desk = '000.00.20.H55', '000.00.41.H55'
    wf.apply(paper, 'return', ctx())
    assert paper.history[-1]['desk'] == '000.00.20.H55'


def test_the_desk_states_are_where_the_table_gives_the_desk_an_action():
    assert wf.DESK_STATES == {'submitted', 'supplement_requested', 'result_ready'}


def test_apologize_moves_the_appointment_not_the_legal_due_date():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())
    wf.apply(paper, 'apologize', ctx(note='Cần xác minh thêm', new_due='2027-03-10'))
    assert (paper.due_at, paper.appointment_at) == (
        datetime(2027, 3, 4, 17, 0, tzinfo=TZ), datetime(2027, 3, 10, 17, 0, tzinfo=TZ))


def test_an_apology_does_not_make_a_late_dossier_timely():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())
    late = datetime(2027, 3, 5, 9, 0, tzinfo=TZ)                 # the day after Thu 4/3
    before = deadlines.is_overdue(paper.status, paper.due_at, late)
    wf.apply(paper, 'apologize', ctx(note='Chờ xác minh', new_due='2027-03-10', now=late))
    assert before and deadlines.is_overdue(paper.status, paper.due_at, late)


def test_the_apology_is_written_in_history_with_both_appointments():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())
    wf.apply(paper, 'apologize', ctx(note='Chờ xác minh', new_due='2027-03-10'))
    entry = paper.history[-1]
    assert (entry['action'], entry['note'], entry['old_due'].date(), entry['new_due'].date(),
            entry['legal_due_at'].date()) == ('apologize', 'Chờ xác minh', date(2027, 3, 4),
                                              date(2027, 3, 10), date(2027, 3, 4))


def test_a_supplement_after_an_apology_moves_both_dates():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())
    wf.apply(paper, 'apologize', ctx(note='Chờ xác minh', new_due='2027-03-10'))
    wf.apply(paper, 'request_supplement', ctx(note='Thiếu', now=MONDAY + timedelta(days=1)))
    wf.apply(paper, 'supplement', ctx('citizen1', ['citizen', 'owner'],
                                      now=MONDAY + timedelta(days=3)))   # 2 days lost
    assert (paper.due_at.date(), paper.appointment_at.date()) == (date(2027, 3, 8),
                                                                  date(2027, 3, 12))


def test_a_payment_wait_before_receipt_is_not_counted():
    paper = Paper(fee=50000)
    with pytest.raises(errors.StateConflict):
        wf.apply(paper, 'receive', ctx())                        # unpaid: not received
    paper.is_paid = True                                         # paid on Wed 3/3
    wf.apply(paper, 'receive', ctx(now=MONDAY + timedelta(days=2)))
    assert paper.due_at.date() == date(2027, 3, 8)               # Thu, Fri, Mon


def test_apologize_keeps_reason_and_both_dates_for_the_slip():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())
    wf.apply(paper, 'apologize', ctx(note='Cần xác minh thêm', new_due='2027-03-10'))
    apology = paper.apologies[-1]
    assert (apology['reason'], apology['old_due'].date(), apology['new_due'].date()) == \
        ('Cần xác minh thêm', date(2027, 3, 4), date(2027, 3, 10))


def test_apologize_refuses_a_date_before_the_old_appointment():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())
    with pytest.raises(errors.Invalid):
        wf.apply(paper, 'apologize', ctx(note='Chậm', new_due='2027-03-02'))


def test_apologize_refuses_a_malformed_date():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())
    with pytest.raises(errors.Invalid):
        wf.apply(paper, 'apologize', ctx(note='Chậm', new_due='10/03/2027'))


def test_apologize_needs_a_reason():
    paper = Paper()
    wf.apply(paper, 'receive', ctx())
    with pytest.raises(errors.Invalid):
        wf.apply(paper, 'apologize', ctx(new_due='2027-03-10'))


def test_a_refused_action_leaves_the_dossier_unchanged():
    paper = Paper(fee=50000)
    with pytest.raises(errors.StateConflict):
        wf.apply(paper, 'receive', ctx())
    assert (paper.status, paper.history) == ('submitted', [])


def test_role_names_match_the_security_module():
    from tthc_docs import security
    assert set(wf.ROLES) == set(security.ROLES)


def test_working_steps_leave_out_receiving_and_returning():
    steps = [{'id': 'tiep-nhan', 'role': 'reception'}, {'id': 'xu-ly', 'role': 'specialist'},
             {'id': 'phe-duyet', 'role': 'leader'}, {'id': 'tra', 'role': 'reception'}]
    assert [s['id'] for s in wf.working_steps(steps)] == ['xu-ly', 'phe-duyet']


def test_entering_a_step_sets_its_own_due_date():
    paper = Paper('received')
    wf.apply(paper, 'forward', ctx())
    assert paper.step_due_at == datetime(2027, 3, 2, 17, 0, tzinfo=TZ)


def _leader_steps():
    return [{'id': 'xu-ly', 'name': 'Thẩm định', 'role': 'specialist', 'days': 2},
            {'id': 'ky', 'name': 'Lãnh đạo duyệt', 'role': 'leader', 'days': 1}]


def test_send_back_needs_a_note():
    paper = Paper('awaiting_signature', step_index=1)
    with pytest.raises(errors.Invalid) as exc:
        wf.apply(paper, 'send_back', ctx('leader1', ('leader',)))
    assert 'note' in exc.value.fields and paper.status == 'awaiting_signature'


def test_send_back_returns_to_the_specialists_step_for_rework():
    paper = Paper('awaiting_signature', step_index=1)
    paper.steps, paper.assignee = _leader_steps(), 'leader1'
    wf.apply(paper, 'send_back', ctx('leader1', ('leader',), note='Sửa lại họ tên'))
    assert (paper.status, paper.step_index, paper.assignee) == ('processing', 0, None)
    assert paper.step_due_at.date() == date(2027, 3, 3)


def test_send_back_writes_the_note_and_the_step_in_history():
    paper = Paper('awaiting_signature', step_index=1)
    paper.steps = _leader_steps()
    wf.apply(paper, 'send_back', ctx('leader1', ('leader',), note='Sửa lại họ tên'))
    last = paper.history[-1]
    assert (last['action'], last['by'], last['note']) == ('send_back', 'leader1', 'Sửa lại họ tên')
    assert (last['source'], last['target'], last['step']) == (
        'awaiting_signature', 'processing', 'xu-ly')


def test_after_send_back_the_specialist_can_move_the_step_again():
    paper = Paper('awaiting_signature', step_index=1)
    paper.steps = _leader_steps()
    wf.apply(paper, 'send_back', ctx('leader1', ('leader',), note='Sửa lại'))
    assert 'forward' in wf.allowed_actions('processing', {'specialist'}, paper, 'specialist1')


def test_the_leader_may_send_back_or_sign_while_awaiting_signature():
    actions = wf.allowed_actions('awaiting_signature', {'leader'}, Paper('awaiting_signature'))
    assert actions == ['sign', 'send_back', 'reject', 'apologize']


class FakeIssuer:
    """Stands in for ``signing.service.ResultIssuer``: no pyHanko in the rule table's tests."""

    def __init__(self):
        self.calls = []

    def issue(self, dossier, signer, now):
        self.calls.append((signer, now))
        return {'vault': 'v-1', 'document': f'doc-{len(self.calls)}', 'sha256': 'ab' * 32}


def test_sign_lists_what_the_issuer_returns_once():
    paper, issuer = Paper('awaiting_signature', step_index=1), FakeIssuer()
    wf.apply(paper, 'sign', wf.Context(login='leader1', roles=frozenset({'leader'}), now=MONDAY,
                                       issuer=issuer))
    assert (paper.status, paper.results, issuer.calls) == (
        'result_ready', [{'vault': 'v-1', 'document': 'doc-1', 'sha256': 'ab' * 32}],
        [('leader1', MONDAY)])


def test_sign_without_an_issuer_conflicts_and_changes_nothing():
    paper = Paper('awaiting_signature', step_index=1)
    with pytest.raises(errors.StateConflict):
        wf.apply(paper, 'sign', ctx('leader1', ['leader']))
    assert (paper.status, paper.results) == ('awaiting_signature', [])


def test_withdrawable_states_are_the_open_ones_but_awaiting_signature():
    from tthc_docs.dossiers import states
    assert states.WITHDRAWABLE == states.OPEN - {'awaiting_signature'}
    assert 'result_ready' in states.ACTIVE - states.OPEN
