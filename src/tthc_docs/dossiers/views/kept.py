"""What each logged-in dossier answer is made of, for the render cache (``web/pagecache.private``).

A stored page is served as long as every part named here is unchanged, so
each function lists everything its page and JSON read, beside the views
that use it; a part left out would show a stale page of the system of
record, which is worse than a slow one:

- the dossier (its history, payment, rating, apologies, results and
  attachment references, assignee: every event writes it), the procedure
  version filed against and the dossier's papers (Mẫu 01-05, Circular
  01/2018/TT-VPCP: issued with their event, kept in their own folder);
- the documents it references, in whichever vault (their titles, the
  verdicts stored when they were issued; a renewed timestamp rewrites one),
  and the owner's vault's documents folder (the supplement form offers them);
- the agencies named (handling agency, receiving desk), the people named
  (each history entry's actor, the assignee, the officers an assigning
  action may name), the form template, the working-day calendar;
- today's date (``due_soon`` counts working days from today) and the first
  moment the page turns by the clock alone: the dossier turning overdue on
  its legal due date (Decree 61/2018/NĐ-CP art. 19; ``deadlines``) or a
  current stage of its timeline passing its own due date.

The viewer (login, roles, agency) is added by ``pagecache.private`` itself.
"""
import threading

from tthc_docs import timeutil
from tthc_docs.dossiers import papers, timeline
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.dossiers.serialise import is_officer
from tthc_docs.signing.verdicts import holds, trust_basis
from tthc_docs.site.content import find_site
from tthc_docs.web.pagecache import Until, serial

#: dossier oid -> ((its serial, the calendar's version), the due moments of its current stages).
_MOMENTS = {}
_MOMENTS_LOCK = threading.Lock()
_MAX_MOMENTS = 4096


def dossier_parts(request, dossier):
    """Everything ``GET /dossiers/<code>`` shows (page and JSON), or None when it may not be kept.

    None when an officer's page shows a signature verdict judged now rather
    than the one stored at issuance (the trust roots or CRLs changed since):
    that answer depends on the moment it was made.
    """
    site = find_site(dossier)
    account, now = request.account, timeutil.now()
    calendars = getattr(site['procedures'], 'calendar', None)
    folder = papers.folder_of(dossier)
    parts = [dossier, dossier.filed_version, folder, calendars, timeutil.today(),
             Until(_turns_at(request, site, dossier, calendars, now))]
    if folder is not None:    # a paper added, or one of them rendered (``ready`` in its JSON)
        parts += [folder._num_objects, folder.rendered]
    docs = _documents(site, list(dossier.attachments) + list(dossier.results))
    if is_officer(account, dossier) and any(d.signed for d in docs):
        basis = trust_basis(request.registry.settings)
        if not all(holds(d, basis) for d in docs if d.signed):
            return None
        parts.append(basis)
    parts += docs
    owner_vault = site['vaults'].get(dossier.vault_id or '')
    if owner_vault is not None:
        parts += [owner_vault.documents._num_objects, owner_vault.documents.total_bytes]
    agencies = site['agencies']
    parts += [agencies.by_code(dossier.agency), agencies.by_code(dossier.receiving_desk),
              site['forms'].get(dossier.form_name) if dossier.form_name else None]
    parts += _people(site['people'], dossier, account)
    return parts


def _documents(site, refs):
    """The vault documents ``refs`` name (those that still exist)."""
    vaults, found = site['vaults'], []
    for ref in refs:
        vault = vaults.get(ref.get('vault') or '')
        doc = vault.documents.get(ref.get('document')) if vault is not None else None
        if doc is not None:
            found.append(doc)
    return found


def _people(people, dossier, account):
    """Each person the page names, as (login, account) pairs flattened into parts."""
    logins = {entry.get('by') for entry in dossier.history}
    logins.add(dossier.assignee)
    if is_officer(account, dossier):     # whom an assigning action may name
        logins.update(a.login for a in people.of_agency(dossier.agency))
    parts = []
    for login in sorted(x for x in logins if x):
        parts += [login, people.get(login)]
    return parts


def _turns_at(request, site, dossier, calendars, now):
    """The first moment after ``now`` when the dossier page changes by the clock alone."""
    moments = [m for m in _stage_moments(request, site, dossier, calendars) if m >= now]
    overdue = dossier.overdue_changes_at(now)
    if overdue is not None:
        moments.append(overdue)
    return min(moments) if moments else None


def _stage_moments(request, site, dossier, calendars):
    """The due moments of the timeline's current stages (``timeline.turns_late``), kept per version."""
    # One entry per dossier, its versions checked (not keyed): a newer one replaces the older.
    calendar = None if calendars is None else (calendars._p_oid, serial(calendars))
    versions = (serial(dossier), calendar)
    stored = dossier._p_oid is not None and not dossier._p_changed
    kept = _MOMENTS.get(dossier._p_oid) if stored else None
    if kept is not None and kept[0] == versions:
        return kept[1]
    plan = timeline.stages(dossier, timeutil.now(), calendar_for(site, request.registry.settings))
    found = timeline.turns_late(plan)
    if not stored:
        return found
    with _MOMENTS_LOCK:
        if len(_MOMENTS) >= _MAX_MOMENTS:
            _MOMENTS.clear()
        _MOMENTS[dossier._p_oid] = (versions, found)
    return found


def listing_parts(request, dossiers, *values):
    """A list of dossiers (a queue page, the citizen's list): each row's dossier, today,
    when the first of them turns by the clock, and ``values`` (what else the list shows)."""
    now = timeutil.now()
    moments = [m for m in (d.overdue_changes_at(now) for d in dossiers) if m is not None]
    calendars = getattr(find_site(request.context)['procedures'], 'calendar', None)
    return [d.code for d in dossiers] + list(dossiers) + [
        calendars, timeutil.today(), Until(min(moments) if moments else None)] + list(values)
