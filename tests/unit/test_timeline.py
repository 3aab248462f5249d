"""The dossier's progress, stage by stage (pure: any object with a dossier's attributes)."""
from datetime import datetime
from types import SimpleNamespace

from tthc_docs.dossiers import timeline
from tthc_docs.dossiers.calendar import WorkingCalendar
from tthc_docs.timeutil import VN_TZ

STEPS = [{'id': 'tiep-nhan', 'name': 'Tiếp nhận', 'role': 'reception', 'days': 1},
         {'id': 'xu-ly', 'name': 'Thẩm định', 'role': 'specialist', 'days': 2},
         {'id': 'phe-duyet', 'name': 'Ký duyệt', 'role': 'leader', 'days': 1},
         {'id': 'tra', 'name': 'Trả kết quả', 'role': 'reception', 'days': 0}]


def at(day, hour=9):
    return datetime(2027, 3, day, hour, 0, tzinfo=VN_TZ)


def dossier(status, history, **extra):
    values = dict(status=status, history=history, procedure_steps=STEPS, steps=STEPS[1:3],
                  step_index=None, step_due_at=None, submitted_at=at(1), received_at=None,
                  finished_at=None, paused_at=None, due_at=None, appointment_at=None,
                  resume_state=None)
    values.update(extra)
    return SimpleNamespace(**values)


def entry(day, target, step=None, hour=9):
    return {'at': at(day, hour), 'target': target, 'step': step}


def by_key(d, now=at(2)):
    return {s.key: s for s in timeline.stages(d, now, WorkingCalendar(), 'Trung tâm')}


def test_the_leading_and_trailing_reception_steps_frame_the_working_ones():
    d = dossier('submitted', [entry(1, 'submitted')])
    assert list(by_key(d)) == ['submit', 'receive', 'xu-ly', 'phe-duyet', 'return']


def test_a_past_step_is_due_its_share_after_it_started_and_late_if_it_ended_after():
    d = dossier('processing', [entry(1, 'submitted'), entry(1, 'received', hour=10),
                               entry(1, 'processing', 'xu-ly', hour=11),
                               entry(4, 'processing', 'phe-duyet')],
                received_at=at(1, 10), step_index=1, step_due_at=at(5, 17),
                due_at=at(8, 17))
    shown = by_key(d, now=at(4, 10))
    assert shown['xu-ly'].state == timeline.DONE
    assert shown['xu-ly'].due_at == at(3, 17) and shown['xu-ly'].late
    assert shown['phe-duyet'].state == timeline.CURRENT and not shown['phe-duyet'].late
    assert shown['return'].due_at == at(8, 17) and not shown['return'].late


def test_a_step_sent_back_starts_again():
    d = dossier('processing', [entry(1, 'submitted'), entry(1, 'received'),
                               entry(1, 'processing', 'xu-ly'), entry(2, 'processing', 'phe-duyet'),
                               entry(3, 'awaiting_signature', 'phe-duyet'),
                               entry(3, 'processing', 'xu-ly', hour=15)],
                received_at=at(1), step_index=0, step_due_at=at(5, 17), due_at=at(8, 17))
    shown = by_key(d, now=at(3, 16))
    assert shown['xu-ly'].state == timeline.CURRENT and shown['xu-ly'].started_at == at(3, 15)
    assert shown['phe-duyet'].state == timeline.NEXT and shown['phe-duyet'].finished_at is None


def test_the_result_is_late_on_the_legal_due_date_not_on_the_appointment():
    d = dossier('processing', [entry(1, 'submitted'), entry(1, 'received'),
                               entry(1, 'processing', 'xu-ly')],
                received_at=at(1), step_index=0, step_due_at=at(3, 17), due_at=at(4, 17),
                appointment_at=at(10, 17))
    shown = by_key(d, now=at(5))
    assert shown['return'].due_at == at(10, 17)   # what the applicant was promised
    assert shown['return'].late                    # measured on the legal due date


def test_while_a_supplement_is_awaited_the_applicant_holds_the_stage():
    d = dossier('supplement_requested', [entry(1, 'submitted'), entry(1, 'received'),
                                         entry(1, 'processing', 'xu-ly'),
                                         entry(2, 'supplement_requested', 'xu-ly')],
                received_at=at(1), step_index=0, step_due_at=at(3, 17), due_at=at(8, 17),
                paused_at=at(2), resume_state='processing')
    shown = by_key(d, now=at(9))
    assert (shown['xu-ly'].state, shown['xu-ly'].role) == (timeline.PAUSED, 'owner')
    assert not shown['return'].late   # the clock stopped when the supplement was asked


def test_nobody_s_login_is_in_a_stage():
    d = dossier('processing', [dict(entry(1, 'submitted'), by='citizen1'),
                               dict(entry(1, 'processing', 'xu-ly'), by='reception1')],
                received_at=at(1), step_index=0, step_due_at=at(3, 17), due_at=at(8, 17))
    flat = str(timeline.as_json(timeline.stages(d, at(2), WorkingCalendar(), 'Trung tâm'), str))
    assert 'citizen1' not in flat and 'reception1' not in flat
