"""Complaints and suggestions (phản ánh, kiến nghị): one ``Feedback`` each, in ``/feedback``.

Legal basis: Decree 20/2008/NĐ-CP on receiving and handling feedback and
recommendations of individuals and organisations on administrative
regulations, as amended by Decree 92/2017/NĐ-CP: the agency that receives
one handles it within 10 working days (``PROCESSING_DAYS``; art. 14); the
one-stop office (Decree 61/2018/NĐ-CP) and the national portal (Decree
107/2021/NĐ-CP) take them for the procedures they settle.

Lifecycle: received (routed to the responsible agency, due date set) ->
acknowledged (the agency took it up) -> answered; the filer may then rate
it once. Late is derived from the clock and the due date, never stored:
an unanswered item past its due date is escalated to the agency's leader
(it heads the leader's queue). Published (anyone may read it) when the
filer agreed and it is answered, without the filer's personal data.
"""
import secrets

from BTrees.OOBTree import OOTreeSet
from persistent import Persistent
from persistent.list import PersistentList

from tthc_docs import errors, timeutil
from tthc_docs import security as s
from tthc_docs.container import Container
from tthc_docs.indicators import hooks as indicators

RECEIVED, ACKNOWLEDGED, ANSWERED = 'received', 'acknowledged', 'answered'
STATES = (RECEIVED, ACKNOWLEDGED, ANSWERED)
STATE_LABELS = {RECEIVED: 'Đã tiếp nhận', ACKNOWLEDGED: 'Đang xử lý', ANSWERED: 'Đã trả lời'}
SUBJECTS = ('dossier', 'procedure', 'agency')
SUBJECT_LABELS = {'dossier': 'Hồ sơ', 'procedure': 'Thủ tục hành chính', 'agency': 'Cơ quan'}
#: Decree 20/2008/NĐ-CP art. 14 (amended by Decree 92/2017/NĐ-CP): 10 working days.
PROCESSING_DAYS = 10
MAX_TEXT = 5000


class Feedback(Persistent):
    """One complaint or suggestion and what the agency made of it."""

    __name__ = None
    __parent__ = None
    status = RECEIVED
    acknowledged_at = acknowledged_by = None
    answer = answered_at = answered_by = None
    rating = None

    def __init__(self, *, subject, ref, agency, text, attachments, public, filer, contact,
                 filed_at, due_at, procedure=None):
        self.subject, self.ref, self.agency = subject, ref, agency
        self.procedure = procedure   # the procedure's code, for what is published
        self.text = text
        self.attachments = [dict(a) for a in attachments]
        self.public = bool(public)
        self.filer = filer            # login, or None for someone without an account
        self.contact = dict(contact or {})
        self.filed_at, self.due_at = filed_at, due_at
        self.history = PersistentList()

    @property
    def id(self):
        return self.__name__

    @property
    def published(self):
        return self.public and self.status == ANSWERED

    @property
    def __acl__(self):
        """The filer, the responsible agency's officers, and anyone once published."""
        acl = [(s.Allow, s.agency(self.agency), (s.VIEW, s.HANDLE))]
        if self.filer:
            acl.append((s.Allow, s.user(self.filer), (s.VIEW, s.OWN)))
        if self.published:
            acl.append((s.Allow, s.Everyone, s.VIEW))
        return acl + [s.DENY_ALL]

    def overdue(self, now):
        """Not answered by the end of the due day (derived, never stored)."""
        return self.status != ANSWERED and now > self.due_at

    @property
    def answered_on_time(self):
        return None if self.answered_at is None else self.answered_at <= self.due_at

    def _log(self, action, by, now, **extra):
        self.history.append(dict({'at': now, 'action': action, 'by': by}, **extra))

    def acknowledge(self, officer, now):
        if self.status != RECEIVED:
            raise errors.StateConflict('Phản ánh, kiến nghị đã được tiếp nhận xử lý.',
                                       allowed=self.actions())
        self.status, self.acknowledged_at, self.acknowledged_by = ACKNOWLEDGED, now, officer
        self._log('acknowledge', officer, now)

    def reply(self, text, officer, now):
        """The agency's answer, once; it ends the clock."""
        if self.status == ANSWERED:
            raise errors.StateConflict('Phản ánh, kiến nghị đã được trả lời.', allowed=self.actions())
        text = _text(text, 'text')
        if self.acknowledged_at is None:
            self.acknowledged_at, self.acknowledged_by = now, officer
        self.status, self.answer, self.answered_at, self.answered_by = ANSWERED, text, now, officer
        self._log('answer', officer, now, on_time=self.answered_on_time)
        self.__parent__.reindex(self)

    def rate(self, score, comment, by, now):
        if self.status != ANSWERED:
            raise errors.StateConflict('Chỉ đánh giá được khi đã có câu trả lời.', allowed=self.actions())
        if self.rating is not None:
            raise errors.StateConflict('Phản ánh, kiến nghị này đã được đánh giá.', allowed=())
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            raise errors.Invalid('Điểm đánh giá phải từ 1 đến 5.', {'score': 'từ 1 đến 5'})
        comment = (comment or '').strip() if isinstance(comment, str) else ''
        self.rating = {'score': score, 'comment': comment[:2000], 'by': by, 'at': now}
        self._log('rate', by, now, score=score)
        indicators.feedback_changed(self)
        return self.rating

    def actions(self):
        """What the state allows (to somebody)."""
        return {RECEIVED: ['acknowledge', 'answer'], ACKNOWLEDGED: ['answer'],
                ANSWERED: [] if self.rating else ['rate']}[self.status]


def _text(value, name):
    if not isinstance(value, str) or not value.strip():
        raise errors.Invalid('Cần nhập nội dung.', {name: 'bắt buộc'})
    if len(value) > MAX_TEXT:
        raise errors.Invalid('Nội dung quá dài.', {name: f'tối đa {MAX_TEXT} ký tự'})
    return value.strip()


class FeedbackRegistry(Container):
    """``/feedback``: every item by id; indexes for the agencies' queues and what is published."""

    __acl__ = [(s.Allow, s.Everyone, s.VIEW)]

    def __init__(self):
        super().__init__()
        self.open = OOTreeSet()        # (agency, due iso, id): unanswered, earliest due first
        self.published_index = OOTreeSet()   # (answered iso, id)

    def file(self, feedback, now):
        """Give ``feedback`` its id (opaque: no count of filings shows), store and index it."""
        name = f"{now:%y%m%d}-{secrets.token_hex(4)}"
        while name in self:
            name = f"{now:%y%m%d}-{secrets.token_hex(4)}"
        self.add(name, feedback)
        feedback._log('file', feedback.filer, now)
        self.reindex(feedback)
        return feedback

    def reindex(self, feedback):
        key = (feedback.agency, timeutil.iso(feedback.due_at), feedback.id)
        if feedback.status == ANSWERED:
            if key in self.open:
                self.open.remove(key)
            if feedback.published:
                self.published_index.insert((timeutil.iso(feedback.answered_at), feedback.id))
        else:
            self.open.insert(key)
        indicators.feedback_changed(feedback)

    def queue(self, agency):
        """The agency's unanswered items, earliest due first."""
        keys = self.open.keys(min=(agency, '', ''), max=(agency, '\uffff', '\uffff'))
        return [self[k[2]] for k in keys]

    def published(self, limit=50):
        """What anyone may read, newest answer first."""
        keys = list(self.published_index.keys())[-limit:]
        return [self[k[1]] for k in reversed(keys)]

    def on_time_figures(self, answered):
        """``(on time, answered)`` of the given answered items, for the satisfaction indicators."""
        answered = [f for f in answered if f.answered_at is not None]
        return sum(1 for f in answered if f.answered_on_time), len(answered)
