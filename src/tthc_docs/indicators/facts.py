"""What one dossier, complaint or procedure contributes to the counters (pure rules).

Each function returns ``(units, counts)``: the units the object counts for
(its agency and the whole province) and ``{(metric, day, sub): n}``. The
day is the object's *cohort* day, so numerator and denominator of a share
always describe the same dossiers (API.md's ``from``/``to`` select them):

- the **filing** cohort (``submitted_at``): ``filed``, ``filed_online``,
  ``fee_bearing``, ``paid_online``, ``synced``, ``reused``, ``linked``;
- the **settlement** cohort (``finished_at``, the end date of Decree
  61/2018 art. 19: when the result was signed or the refusal given):
  ``settled``, ``on_time``, ``results``, ``e_result``, ``digitised``,
  ``days_sum``/``days_n``;
- the **hand-over** cohort (``returned_at``): ``returned`` and
  ``returned_satisfied`` (the rating belongs to the dossier it rates);
- a complaint's filing day: ``fb_filed``, ``fb_on_time``, ``fb_satisfied``;
- the operations: ``intake`` per receiving officer on the day of receipt,
  ``supp_wait_hours``/``supp_wait_n`` on the day a supplement came back.

A metric whose name starts with ``@`` is a membership (the object is listed
under it, for the pages that open the dossiers behind a figure). ``day ''``
is the current state (the catalog: what is published now).

The same functions serve the write hook and the rebuild, so the counters
and a recomputation cannot disagree by construction; the rebuild proves it
on the data. Lookups in the site (vault documents' kind, the outbox) come
in as ``site``; nothing here writes.
"""
from datetime import datetime

from tthc_docs.dossiers import deadlines, states
from tthc_docs.timeutil import VN_TZ

PROVINCE = 'province'
#: A rating at or below this is "not satisfied" (the 1-5 scale of ``Dossier.rate``).
UNSATISFIED_AT = 2
#: Vault documents the state holds: reusing one is reusing digitised data.
STATE_HELD_KINDS = frozenset({'issued', 'digitized'})
COUNTER_PAYMENT = 'counter'    # payments.base.COUNTER_PROVIDER (kept import-free here)
ONLINE_LEVELS = ('toan-trinh', 'mot-phan')   # catalog.schema.ONLINE_LEVELS


def day(moment):
    """The Vietnamese calendar day of ``moment`` as ``YYYY-MM-DD``."""
    if isinstance(moment, datetime) and moment.tzinfo is not None:
        moment = moment.astimezone(VN_TZ)
    return moment.strftime('%Y-%m-%d')


def units_for(agency):
    return (agency, PROVINCE) if agency else (PROVINCE,)


# -- dossiers --------------------------------------------------------------------------

def dossier(d, site, calendar=None):
    """``(units, counts)`` of dossier ``d`` as it is now."""
    counts = {}

    def add(metric, when, sub='', n=1):
        key = (metric, when, sub)
        counts[key] = counts.get(key, 0) + n

    filed = day(d.submitted_at)
    add('filed', filed)
    if d.channel == 'online':
        add('filed_online', filed)
        add('filed_online_proc', filed, d.procedure_code)
    if d.fee_amount > 0:
        add('fee_bearing', filed)
        if d.payment is not None and d.payment.get('provider') != COUNTER_PAYMENT:
            add('paid_online', filed)
    if synced(d, site):
        add('synced', filed)
    if reused(d, site):
        add('reused', filed)
    if d.vault_id:
        add('linked', filed)
    _settlement(d, add, calendar)
    _hand_over(d, add)
    _operations(d, add)
    return units_for(d.agency), counts


def settled(d):
    """Settled within the meaning of indicator 2.1: received, then signed or refused."""
    return (d.finished_at is not None and d.received_at is not None
            and d.status in (states.RESULT_READY, states.RETURNED, states.REJECTED))


def supplement_requests(d):
    return sum(1 for e in d.history if e.get('action') == 'request_supplement')


def on_time(d):
    """Finished by the legal due date (supplement time already excluded from it),
    and asked to supplement at most once (Decree 61/2018 art. 9(3))."""
    late = deadlines.is_overdue(d.status, d.due_at, d.finished_at, d.finished_at)
    return not late and supplement_requests(d) <= 1


def working_days_used(d, calendar):
    """Working days the dossier took, the supplement pauses left out.

    The legal due date already moved by every pause, so the days used are
    the processing time, less the working days left when it finished (or
    plus the days it ran over).
    """
    finish = _local_day(d.finished_at)
    due = _local_day(d.due_at)
    if finish <= due:
        used = d.processing_days - deadlines.working_days_in(finish, due, calendar)
    else:
        used = d.processing_days + deadlines.working_days_in(due, finish, calendar)
    return max(used, 0)


def _settlement(d, add, calendar):
    if not settled(d):
        return
    when = day(d.finished_at)
    add('settled', when)
    if on_time(d):
        add('on_time', when)
    if d.status == states.REJECTED:
        return
    add('results', when)
    if d.results:
        add('e_result', when)
        if all(a.get('sha256') for a in d.attachments):
            add('digitised', when)
    if calendar is not None and d.due_at is not None:
        used = working_days_used(d, calendar)
        for metric, n in (('days_sum', used), ('days_n', 1)):
            add(metric, when, '', n)
            add(metric + '_proc', when, d.procedure_code, n)


def _hand_over(d, add):
    if d.returned_at is None:
        return
    when = day(d.returned_at)
    add('returned', when)
    rating = d.rating or {}
    if not rating or rating.get('score', 5) > UNSATISFIED_AT:
        add('returned_satisfied', when)


def _operations(d, add):
    """Today's intake per officer, and how long applicants took to supplement."""
    asked = None
    for entry in d.history:
        action = entry.get('action')
        if action == 'receive' and entry.get('at') is not None:
            when = day(entry['at'])
            add('intake', when, entry.get('by') or '')
            add('@intake', when, entry.get('by') or '')
        elif action == 'request_supplement':
            asked = entry.get('at')
        elif action == 'supplement' and asked is not None and entry.get('at') is not None:
            hours = int((entry['at'] - asked).total_seconds() // 3600)
            add('supp_wait_hours', day(entry['at']), '', max(hours, 0))
            add('supp_wait_n', day(entry['at']))
            asked = None


def synced(d, site):
    """The national portal has every event of the dossier (the outbox owes it nothing)."""
    outbox = site.get('outbox') if site is not None else None
    if outbox is None:
        return False
    return outbox.last_seq(d.code) > 0 and not outbox.owes(d.code)


def reused(d, site):
    """At least one attachment is a document the state already holds (issued or digitised)."""
    vaults = site.get('vaults') if site is not None else None
    vault = vaults.get(d.vault_id) if vaults is not None and d.vault_id else None
    if vault is None:
        return False
    for ref in d.attachments:
        doc = vault.documents.get(ref.get('document')) if ref.get('document') else None
        if doc is not None and doc.kind in STATE_HELD_KINDS:
            return True
    return False


def _local_day(moment):
    return moment.astimezone(VN_TZ).date() if moment.tzinfo else moment.date()


# -- complaints and suggestions ------------------------------------------------------

def feedback(f):
    """``(units, counts)`` of one complaint: 5.1 and 5.2 on the day it was filed."""
    when = day(f.filed_at)
    counts = {('fb_filed', when, ''): 1}
    late = f.answered_on_time is False
    if f.answered_on_time:
        counts[('fb_on_time', when, '')] = 1
    rating = f.rating or {}
    unhappy = bool(rating) and rating.get('score', 5) <= UNSATISFIED_AT
    if not late and not unhappy:
        counts[('fb_satisfied', when, '')] = 1
    return units_for(f.agency), counts


# -- procedures (the catalog's current state) --------------------------------------------

def complete(version):
    """Published with everything Decree 63/2010 art. 8 asks a procedure to state."""
    return bool(version.name and version.field and version.level and version.requirements
                and version.legal_basis and version.methods and version.agencies
                and version.processing_days is not None)


def offered_online(version):
    """Offered as an online service (full or partial) and open to online filing."""
    methods = set(version.methods or ())
    return version.online_level in ONLINE_LEVELS and (not methods or 'online' in methods)


def procedure(p):
    """``(units, counts)`` of a procedure now: a retired one counts for nothing."""
    if p.state == 'retired':
        return (), {}
    version = p.published_version() or p.latest_version()
    counts = {('procs_total', '', ''): 1}
    if p.state == 'published':
        counts[('procs_published', '', '')] = 1
        if complete(version):
            counts[('procs_complete', '', '')] = 1
        online = offered_online(version)
        if online:
            counts[('procs_online', '', '')] = 1
            counts[('online_proc', '', p.code)] = 1
        if (version.fee or 0) > 0:
            counts[('procs_fee', '', '')] = 1
            if online:
                counts[('procs_fee_online', '', '')] = 1
    return tuple(version.agencies or ()) + (PROVINCE,), counts
