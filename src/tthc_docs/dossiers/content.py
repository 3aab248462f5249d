"""Dossiers (hồ sơ): the registry at ``/dossiers`` and one ``Dossier`` per code.

A dossier is a snapshot of what was filed (form data, the form version, the
processing time, references to vault documents, never copies) plus the state
the workflow moves. The procedure's steps and requirements are read from the
immutable ``ProcedureVersion`` filed against, referenced, not copied: a copy
cost about 900 bytes per dossier (issue 14; evolve step 23 slims older ones). Every write goes through a method
here that re-indexes the dossier, so work queues and the citizen's list read
sorted BTree ranges (``dossier_indexes``) instead of scanning.
"""
from BTrees.OOBTree import OOBTree, OOTreeSet
from persistent import Persistent

from tthc_docs.dossiers import codes, deadlines, queue_memo, queues, resubmit, states, walked, workflow
from tthc_docs.dossiers import history as histories
from tthc_docs import errors, roles
from tthc_docs import security as s
from tthc_docs.container import Container
from tthc_docs.dossiers.indexes import DossierIndexes, page
from tthc_docs.indicators import hooks as indicators
from tthc_docs.sync import outbox

ONLINE, COUNTER = 'online', 'counter'
RESUBMIT_WINDOW = resubmit.WINDOW


def applicant_name(site, dossier):
    """The applicant's name as pages and papers print it: one rule for all of them.

    The owner's vault profile first (what the citizen keeps current), then the
    name declared in the form, then the owner's account name, then the login;
    never the ID number. Filing stores it on the dossier for the queues.
    """
    vault = site['vaults'].get(dossier.vault_id or '')
    profile = getattr(vault, 'profile', None) or {}
    account = site['people'].get(dossier.owner)
    for name in (profile.get('full_name'), (dossier.data or {}).get('full_name'),
                 getattr(account, 'full_name', None)):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return dossier.owner


class Dossier(Persistent):
    """One filed dossier; its ``status`` only changes through ``transition``."""

    __name__ = None
    __parent__ = None
    step_index = None
    assignee = None
    #: ``due_at`` is the legal due date, ``appointment_at`` the current
    #: appointment (moved only by an apology): see ``dossiers.deadlines``.
    received_at = due_at = appointment_at = paused_at = finished_at = returned_at = None
    step_started_at = step_due_at = resume_state = None
    payment = None
    rating = None
    applicant_name = None   # dossiers filed before the name was kept show none
    #: The desk that took the dossier in at its counter when it is not the
    #: handling agency's (location-independent filing); None otherwise and in
    #: older dossiers: ``receiving_desk`` reads it.
    receiving_agency = None
    #: The stored ``ProcedureVersion`` filed against; None for dossiers that keep
    #: copies (filed before evolve step 23, or against a bare object in unit tests).
    filed_version = None
    #: The sealed older entries of the history (``dossiers.history``), oldest first.
    history_pages = ()

    def __init__(self, *, owner, vault_id, procedure, agency, channel, data,
                 form_name, form_version, attachments, fee_amount, submitted_at,
                 submitted_by, applicant_name=None):
        self.owner = owner
        #: The applicant's display name at filing, for queues (never the ID number).
        self.applicant_name = applicant_name
        self.vault_id = vault_id
        self.procedure_code = procedure.code
        self.procedure_name = procedure.name
        self.procedure_version = getattr(procedure, 'version', None)
        self.processing_days = int(procedure.processing_days or 0)
        if isinstance(procedure, Persistent):     # a version is immutable: refer to it
            self.filed_version = procedure
        else:
            self.__dict__.update(procedure_steps=[dict(s) for s in (procedure.steps or ())],
                                 requirements=[dict(r) for r in (procedure.requirements or ())])
        self.result_doc_type = getattr(procedure, 'result_doc_type', None)
        self.agency = agency
        self.channel = channel
        self.data = dict(data)
        self.form_name = form_name
        self.form_version = form_version
        self.attachments = [dict(a) for a in attachments]
        self.fee_amount = int(fee_amount)
        self.status = states.SUBMITTED
        self.submitted_at = submitted_at
        self.submitted_by = submitted_by
        self.results = []
        self.apologies = []
        #: The newest entries in a plain list in the dossier's own record (``add_history``
        #: marks the dossier changed): a ``PersistentList`` of its own cost a record, its
        #: header and the time zone again per dossier (issue 14; evolve step 25).
        #: Every event changes the dossier anyway, so conflicts stay where they were.
        #: Older entries are sealed in pages (``dossiers.history``, issue 15).
        self.history = []

    @property
    def code(self):
        return self.__name__

    # -- what was filed against ------------------------------------------------

    @property
    def procedure_steps(self):
        """The procedure's internal process (quy trình nội bộ) as filed."""
        if self.filed_version is not None:
            return self.filed_version.steps
        return list(self.__dict__.get('procedure_steps') or ())

    @property
    def requirements(self):
        """The procedure's required papers (thành phần hồ sơ) as filed."""
        if self.filed_version is not None:
            return self.filed_version.requirements
        return list(self.__dict__.get('requirements') or ())

    @property
    def steps(self):
        """The steps ``processing`` walks (``workflow.working_steps``): fresh copies each time."""
        return walked.steps(self)

    def attachment_name(self, ref):
        """The name of the requirement an attachment ``ref`` answers (thành phần hồ sơ).

        References filed since evolve step 25 do not copy it: the version filed
        against has it (issue 14). Older references that kept a name of their
        own (one their version no longer gives) still show it.
        """
        if ref.get('name'):
            return ref['name']
        wanted = ref.get('requirement')
        return next((r.get('name') for r in self.requirements if r.get('id') == wanted), None)

    @property
    def receiving_desk(self):
        """The code of the desk that received the dossier: its counter, else the handling agency's.

        An online filing, or a counter filing at the handling agency itself,
        is received by the handling agency's own one-stop desk.
        """
        return self.receiving_agency or self.agency

    @property
    def other_desk(self):
        """The receiving desk when it is not the handling agency (else None)."""
        desk = self.receiving_desk
        return desk if desk != self.agency else None

    @property
    def __acl__(self):
        """The owner, the handling agency's officers, and the desk that received it (read only).

        The desk's reception officers may view the dossier they took in (its page, its
        papers) and take its fee at the counter (``RECEIVE``); what they may
        *do* to it is the workflow's ``desk`` role, which only reception gets
        (``roles_for``).
        """
        acl = [(s.Allow, s.user(self.owner), (s.VIEW, s.OWN)),
               (s.Allow, s.agency(self.agency), (s.VIEW, s.HANDLE, s.RECEIVE))]
        if self.other_desk:
            acl.append((s.Allow, s.desk(self.other_desk), (s.VIEW, s.RECEIVE)))
        return acl + [s.DENY_ALL]

    # -- who acts ------------------------------------------------------------

    def roles_for(self, account):
        """The account's roles for this dossier (see ``workflow``'s docstring)."""
        if account is None:
            return frozenset()
        found = set()
        if account.login == self.owner:
            found |= {roles.OWNER} | (set(account.roles) & {roles.CITIZEN})
        if account.agency and account.agency == self.agency:
            found |= set(account.roles) & set(roles.OFFICER_ROLES)
        elif (account.agency and account.agency == self.other_desk
              and roles.RECEPTION in account.roles):
            found.add(roles.DESK)
        return frozenset(found)

    def actions_for(self, account):
        login = account.login if account is not None else None
        return workflow.allowed_actions(self.status, self.roles_for(account), self, login)

    # -- history, state ------------------------------------------------------

    @property
    def history(self):
        """Every entry, oldest first (sealed pages, then the entries in this record)."""
        return histories.entries(self.history_pages, self.__dict__.setdefault('history', []))

    @history.setter
    def history(self, entries):
        """The whole history, kept in this record (the evolve steps that rewrite it)."""
        self.__dict__.pop('history_pages', None)
        self.__dict__['history'] = entries
        self._p_changed = True

    def add_history(self, action, by, note, at=None, **extra):
        """Append who did what, when, with which note (slips render from it).

        Every event of a dossier passes here, so this is where the national
        portal's outbox record is written, in the same transaction (issue 18),
        and the indicators' counters are brought up to date (issue 17).
        """
        entry = {'at': at, 'action': action, 'by': by, 'note': note or ''}
        entry.update(extra)
        pages, self.__dict__['history'] = histories.append(
            self.history_pages, self.__dict__.setdefault('history', []), entry)
        if pages is not self.history_pages:
            self.history_pages = pages
        self._p_changed = True   # a plain list: the dossier's own record holds it
        outbox.record(self, entry)
        indicators.dossier_changed(self)
        return entry

    @property
    def current_step_id(self):
        return workflow.current_step_id(self)

    @property
    def current_step(self):
        i, steps = self.step_index, self.steps
        if self.status == states.PROCESSING and i is not None and i < len(steps):
            return steps[i]
        return None

    @property
    def is_open(self):
        """Still owes its outcome (``states.OPEN``): it can be late, it is in the due index."""
        return self.status in states.OPEN

    def overdue(self, now):
        """Late against the legal due date (never the apology's appointment)."""
        return deadlines.is_overdue(self.status, self.due_at, now,
                                    self.finished_at, self.paused_at)

    def overdue_changes_at(self, now):
        """When :meth:`overdue` changes with the clock alone (None: only by an event)."""
        return deadlines.overdue_changes_at(self.status, self.due_at, now, self.paused_at)

    def transition(self, action, ctx):
        """Fire ``action`` through the workflow, then re-index."""
        t = workflow.apply(self, action, ctx)
        self.reindex()
        return t

    def reindex(self):
        registry = self.__parent__
        if registry is not None:
            registry.reindex(self)

    # -- fees and payment (contract with tthc_docs.payments) -------------

    @property
    def is_paid(self):
        return self.fee_amount <= 0 or self.payment is not None

    def record_payment(self, provider, reference, amount, paid_at):
        """Record a confirmed payment once; the same reference again is a no-op.

        Returns True when this call recorded it. A second, different payment
        or a wrong amount is refused and changes nothing.
        """
        if self.payment is not None:
            if self.payment.get('reference') == reference:
                return False
            raise errors.StateConflict('Hồ sơ đã được nộp phí.')
        if int(amount) != self.fee_amount:
            raise errors.Invalid('Số tiền không khớp với phí của hồ sơ.',
                                 {'amount': f'phải là {self.fee_amount}'})
        if self.status not in states.PAYABLE:
            raise errors.StateConflict('Hồ sơ không còn chờ nộp phí.')
        self.payment = {'provider': provider, 'reference': reference,
                        'amount': int(amount), 'paid_at': paid_at}
        self.add_history('pay', 'system', f'{provider} {reference}', at=paid_at,
                         amount=int(amount))
        return True

    # -- evaluation --------------------------------------------------------

    def rate(self, score, comment, by, now):
        """The owner's one rating, once the result was returned."""
        if self.status != states.RETURNED:
            raise errors.StateConflict('Chỉ đánh giá được khi đã trả kết quả.',
                                       allowed=())
        if self.rating is not None:
            raise errors.StateConflict('Hồ sơ này đã được đánh giá.', allowed=())
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            raise errors.Invalid('Điểm đánh giá phải từ 1 đến 5.', {'score': 'từ 1 đến 5'})
        comment = (comment or '').strip()
        if len(comment) > 2000:
            raise errors.Invalid('Nhận xét quá dài.', {'comment': 'tối đa 2000 ký tự'})
        self.rating = {'score': score, 'comment': comment, 'by': by, 'at': now}
        self.add_history('rate', by, '', at=now, score=score)
        return self.rating


class DossierRegistry(Container):
    """``/dossiers``: every dossier by code, the code counters and the indexes."""

    __acl__ = [(s.Allow, s.Authenticated, s.VIEW)]
    #: ``(slice, owner, fingerprint) -> (code, filed at)``, ordered by time
    #: (``dossiers.resubmit``); None before evolve step 26 built it from ``recent``.
    recent_filings = None
    #: papers issued but not yet rendered (``dossiers.pending``); None before evolve step 28
    pending_papers = None

    def __init__(self):
        super().__init__()
        self.counters = codes.CodeCounters()
        self.indexes = DossierIndexes()
        # (owner, key) -> (code, fingerprint); a bare code in entries made before
        # the fingerprint was kept (those replay without the body check)
        self.idempotency = OOBTree()
        self.recent_filings = OOBTree()
        self.pending_papers = OOTreeSet()

    def file(self, dossier, now, idempotency_key=None, fingerprint=None):
        """Give ``dossier`` its code, store and index it; returns the dossier."""
        # the receiving desk's code (Circular 01/2018/TT-VPCP art. 19): a desk
        # receiving for another agency numbers the dossier in its own series
        code = self.counters.next_code(dossier.receiving_desk, codes.code_day(now))
        self.add(code, dossier)
        self.reindex(dossier)
        if idempotency_key:
            self.idempotency[(dossier.owner, idempotency_key)] = (code, fingerprint)
        if fingerprint:
            resubmit.remember(self.recent_filings, dossier.owner, fingerprint, code, now)
        return dossier

    def replay(self, owner, now, idempotency_key=None, fingerprint=None):
        """The dossier an earlier identical request made, if any.

        An ``Idempotency-Key`` already used for another application is a 422
        naming the key: answering with the first dossier would tell the
        client its different application was filed when it was not.
        """
        if idempotency_key:
            hit = self.idempotency.get((owner, idempotency_key))
            if hit is not None:
                code, earlier = (hit, None) if isinstance(hit, str) else hit
                if earlier and fingerprint and earlier != fingerprint:
                    message = errors.Words('Idempotency-Key "${key}" đã dùng cho một hồ sơ '
                                           'khác (${code}); hãy dùng khóa mới cho hồ sơ mới.',
                                           key=idempotency_key, code=code)
                    raise errors.Invalid(message, {'Idempotency-Key': message})
                return self.get(code)
        code = resubmit.find(self.recent_filings, owner, fingerprint, now) if fingerprint else None
        return self.get(code) if code is not None else None

    def reindex(self, dossier):
        self.indexes.reindex(dossier, dossier.is_open)

    # -- listings -----------------------------------------------------------

    def queue(self, agency, statuses=None, step=None, offset=0, limit=20, desk_statuses=()):
        """An agency's work queue: earliest due first; ``(dossiers, total)``.

        ``desk_statuses``: also the dossiers the agency's desk received for
        another agency, in those states (its reception's intake and hand-back).
        """
        ix = self.indexes
        found = page(ix.work_codes(agency, statuses, step, desk_statuses), offset, limit)
        return [self[c] for c in found], ix.work_count(agency, statuses, step, desk_statuses)

    def search_queue(self, agency, query, now, soon_before, offset=0, limit=20,
                     desk_statuses=()):
        """An agency's queue narrowed by a ``queues.QueueQuery``; ``(dossiers, total)``.

        ``desk_statuses``: as for :meth:`queue`, the desk's rows join in those states.
        """
        def search():     # a list never changed: the kept answer is shared
            return queues.search(self.indexes, agency, query, now, soon_before, offset, limit,
                                 desk_statuses, lambda code: self[code].overdue(now))
        # an urgency filter's answer moves with the clock: searched every time
        question = None if query.urgency else ('search', query, offset, limit, tuple(desk_statuses))
        found, total = queue_memo.remembered(self.indexes, agency, question, search)
        return [self[c] for c in found], total

    def procedures_in_queue(self, agency, statuses, desk_statuses=()):
        """``{procedure code: dossiers}`` in an agency's queue (what its filter offers)."""
        ix, question = self.indexes, ('procedures', tuple(statuses), tuple(desk_statuses))
        return dict(queue_memo.remembered(ix, agency, question, lambda: queues.procedures_in(
            ix, agency, statuses, desk_statuses)))

    def for_owner(self, login, offset=0, limit=20):
        """A citizen's dossiers, newest first; ``(dossiers, total)``."""
        ix = self.indexes.owner
        found = page(ix.codes(login, reverse=True), offset, limit)
        return [self[c] for c in found], ix.count(login)

    def count_by_status(self, status):
        return self.indexes.status_count(status)
