"""One representation of a dossier, used by the JSON views and the templates alike.

``dossier_json`` is ``GET /dossiers/<code>``; ``summary_json`` a queue row;
``track_json`` what anyone may know. Verifying a signature reads and checks
whole PDFs, so it is done once, when a result is issued, and the verdict
is stored with the document: the dossier page (``verify=True``) shows that
verdict, and verifies again only when asked (``verify='fresh'``: the
officer's "verify again", ``?verify=1``), never as a side effect of a POST.
"""
from datetime import date, datetime

from pyramid.traversal import quote_path_segment

from tthc_docs.dossiers import deadlines, papers, slips, states, timeline
from tthc_docs import roles, timeutil
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.site.content import find_site
from tthc_docs.signing.verdicts import verify_references


#: What ``plain`` passes as it is: most leaves of a dossier's JSON, asked about first.
_AS_IS = (str, int, float, type(None))


def plain(value):
    """JSON-ready copy: datetimes and dates as ISO 8601, containers recursively."""
    if isinstance(value, _AS_IS):
        return value
    if isinstance(value, (datetime, date)):
        return timeutil.iso(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def dossier_url(request, dossier):
    return request.resource_url(dossier).rstrip('/')


def step_json(dossier):
    step = dossier.current_step
    if step is None:
        return None
    return {'id': step.get('id'), 'name': step.get('name'), 'role': step.get('role'),
            'days': step.get('days'), 'index': dossier.step_index + 1,
            'of': len(dossier.steps), 'assignee': dossier.assignee,
            'started_at': timeutil.iso(dossier.step_started_at),
            'due_at': timeutil.iso(dossier.step_due_at)}


def summary_json(request, dossier, now=None, calendar=None, folder_url=None):
    """The short form used by queues and the citizen's list.

    ``folder_url``: the registry's address (``resource_url``, with its slash),
    looked up once for a whole list rather than once per row (issue 15).
    """
    now = now or timeutil.now()
    calendar = calendar or calendar_for(find_site(dossier))
    url = (folder_url + quote_path_segment(dossier.__name__) if folder_url is not None
           else dossier_url(request, dossier))
    return {
        'code': dossier.code, 'url': url,
        'procedure': dossier.procedure_code, 'procedure_name': dossier.procedure_name,
        'status': dossier.status, 'status_label': states.STATE_LABELS[dossier.status],
        'channel': dossier.channel, 'agency': dossier.agency,
        'receiving_agency': dossier.receiving_desk,
        'applicant_name': dossier.applicant_name,
        'step': dossier.current_step_id, 'assignee': dossier.assignee,
        'submitted_at': timeutil.iso(dossier.submitted_at),
        'received_at': timeutil.iso(dossier.received_at),
        'due_at': timeutil.iso(dossier.due_at),
        'appointment_at': timeutil.iso(appointment_of(dossier)),
        'overdue': dossier.overdue(now),
        'due_soon': deadlines.is_due_soon(dossier.status, dossier.due_at, now, calendar),
        'fee': fee_json(dossier),
    }


#: How a desk's queue marks a dossier it received for another agency (the words
#: before the handling agency's name; the page translates them).
RECEIVED_FOR = 'Tiếp nhận hộ'


def received_for_json(dossier):
    """The mark of a row the desk received for ``dossier.agency``: ``{agency, agency_name, label}``."""
    name = agency_name(dossier, dossier.agency)
    return {'agency': dossier.agency, 'agency_name': name, 'label': f'{RECEIVED_FOR} {name}'}


def appointment_of(dossier):
    """The current appointment: the legal due date until an apology moved it."""
    return getattr(dossier, 'appointment_at', None) or dossier.due_at


def agency_name(dossier, code):
    """The name of the unit ``code`` in the agency tree (the code itself when unknown)."""
    agency = find_site(dossier)['agencies'].by_code(code)
    return agency.name if agency is not None else code


def fee_json(dossier):
    return {'amount': dossier.fee_amount, 'paid': dossier.is_paid}


def document_url(request, dossier, ref):
    """Where the current user downloads a referenced vault document.

    ``?dossier=`` names the dossier the read is for: the owner's download
    ignores it, an officer's is allowed by the dossier's grant and logged in
    the vault under that dossier (DESIGN.md: every read is logged).
    """
    doc_url = '/'.join([request.application_url, 'vaults', ref['vault'], 'documents',
                        ref['document'], '@@download'])
    return f'{doc_url}?dossier={dossier.code}'


def attachment_json(request, dossier, ref):
    return {'requirement': ref['requirement'], 'name': dossier.attachment_name(ref),
            'vault': ref['vault'], 'document': ref['document'], 'sha256': ref['sha256'],
            'doc_type': ref.get('doc_type'), 'title': ref.get('title'),
            'url': document_url(request, dossier, ref)}


def result_json(request, dossier, ref):
    """An issued result as API.md lists it: the stored reference plus its ``url``."""
    return dict(plain(dict(ref)), url=document_url(request, dossier, ref))


def is_officer(account, dossier):
    """An officer of the handling agency (the owner alone is not)."""
    return bool(dossier.roles_for(account) & set(roles.OFFICER_ROLES))


def verifications(request, dossier, refs, fresh=False):
    """``{document id: report}`` for the signed documents among ``refs`` (stored verdicts)."""
    return verify_references(find_site(dossier), refs, request.registry.settings, fresh)


def with_verification(items, reports):
    """``items`` (attachment or result dicts) with ``verification`` where signed."""
    for item in items:
        if item.get('document') in reports:
            item['verification'] = reports[item['document']]
    return items


def slips_json(dossier, base):
    """The newest issued paper of each kind: ``[{name, title, url, paper}]`` (``@@slip/<name>``).

    ``base``: the dossier's address, with its slash.
    """
    folder = papers.folder_of(dossier)
    if folder is None:
        return []
    return [{'name': kind, 'title': found.title, 'paper': found.id,
             'url': base + '@@slip/' + quote_path_segment(kind)}
            for kind in slips.KINDS for found in [folder.latest(kind)] if found is not None]


def papers_json(dossier, base):
    """Every paper issued, oldest first: what it is, when, its hash and its address.

    ``sha256`` and ``size`` are null until the paper is ``ready`` (rendered
    when the process is idle, ``dossiers.pending``); its address serves the
    same bytes before and after. The dossier's address (``base``, with its
    slash) is looked up once, not once per paper (issue 15).
    """
    folder = papers.folder_of(dossier)
    if folder is None:
        return []
    found = sorted(folder.values(), key=lambda p: (p.event, p.id))
    base += '@@paper/'
    return [{'id': p.id, 'kind': p.kind, 'form': p.form, 'title': p.title, 'number': p.number,
             'event': p.event, 'issued_at': timeutil.iso(p.issued_at), 'ready': p.ready,
             'sha256': p.sha256, 'size': p.size, 'url': base + quote_path_segment(p.id)}
            for p in found]


def history_json(dossier):
    """The history, each entry naming the papers its event issued (``papers``: ids).

    Sealed pages (``dossiers.history``) are formatted once; only the entries
    in the dossier's own record are formatted on each answer.
    """
    folder = papers.folder_of(dossier)
    items = [item for page in getattr(dossier, 'history_pages', ()) for item in page.as_json(plain)]
    items += plain(list(dossier.history[len(items):]))
    if folder is not None:
        for index, item in enumerate(items):
            item['papers'] = list(folder.by_event.get(index, ()))
    return items


def form_json(request, dossier, base):
    """The form the dossier was filled with and its data, labelled by THAT version.

    ``base``: the dossier's address, with its slash.
    """
    library = find_site(dossier)['forms']
    form = library.version_of(dossier.form_name, dossier.form_version) \
        if dossier.form_name and dossier.form_version else None
    rows = library.rows_for(dossier.form_name, dossier.form_version, dossier.data)
    if form is not None:
        _link_documents(request, dossier, form, rows)
    return {'name': dossier.form_name, 'version': dossier.form_version,
            'title': form.title if form is not None else None, 'rows': rows,
            'url': base + '@@form-data'}


def _link_documents(request, dossier, form, rows):
    """A document field's row also gets the document's title and its link."""
    names = {f['name'] for f in form.fields if f.get('type') == 'document'}
    vault = find_site(dossier)['vaults'].get(dossier.vault_id) if names else None
    for row in rows:
        doc_id = dossier.data.get(row['name']) if row['name'] in names else None
        doc = vault.documents.get(doc_id) if vault is not None and doc_id else None
        if doc is not None:
            ref = {'vault': dossier.vault_id, 'document': doc.id, 'sha256': doc.sha256,
                   'requirement': None, 'title': doc.title}
            row.update(document=doc.id, document_title=doc.title,
                       url=attachment_json(request, dossier, ref)['url'])


def timeline_json(request, dossier, now):
    """The dossier's progress, stage by stage (``dossiers.timeline``), dates in ISO 8601."""
    site = find_site(dossier)
    agency = site['agencies'].by_code(dossier.agency)
    plan = timeline.stages(dossier, now, calendar_for(site, request.registry.settings),
                           getattr(agency, 'name', None) or dossier.agency)
    return timeline.as_json(plan, timeutil.iso)


#: The summary's keys the dossier's page does not show, or shows from the dossier itself.
PAGE_READS_THE_DOSSIER = ('agency', 'applicant_name', 'appointment_at', 'assignee', 'due_at',
                          'received_at', 'receiving_agency', 'step', 'submitted_at')


def dossier_json(request, dossier, verify=False, page=False):
    """``GET /dossiers/<code>`` as API.md fixes it, plus what the pages need.

    Extensions: ``applicant_name``, ``agency_name``, ``receiving_agency`` (the desk
    that received it, also in queue rows) and ``receiving_agency_name``, ``form.{title,rows,url}``, ``slips``, ``papers``
    (every paper issued), ``timeline`` (each stage of the procedure: who holds it,
    its dates, ``late``) and ``history[].papers`` (the ids each event issued), and
    with ``verify`` for officers of the handling agency ``verification`` on
    each signed attachment and result (the system's own check of the stored
    bytes, made when it was issued; ``verify='fresh'`` checks them now).

    ``page``: for the dossier's HTML page, which shows neither the papers'
    list, the raw data and steps nor the JSON history, and reads its dates,
    payment and history from the dossier itself: those are left out rather
    than built and thrown away on every view, and so are the summary's keys
    it does not show (``PAGE_READS_THE_DOSSIER``): Chameleon copies every
    name of a page's values at each macro and slot it fills (issue 15).
    """
    now = timeutil.now()
    account = request.account
    # the dossier's address, traversed once for its links (issue 15)
    folder_url = request.resource_url(dossier.__parent__)
    base = folder_url + quote_path_segment(dossier.__name__) + '/'
    body = summary_json(request, dossier, now, folder_url=folder_url)
    attachments = [attachment_json(request, dossier, a) for a in dossier.attachments]
    results = [result_json(request, dossier, r) for r in dossier.results]
    if verify and is_officer(account, dossier):
        fresh = verify == 'fresh'
        with_verification(attachments,
                          verifications(request, dossier, dossier.attachments, fresh))
        with_verification(results, verifications(request, dossier, dossier.results, fresh))
    body.update({
        'agency_name': agency_name(dossier, dossier.agency),
        'receiving_agency_name': agency_name(dossier, dossier.receiving_desk),
        'current_step': step_json(dossier),
        'timeline': timeline_json(request, dossier, now),
        'form': form_json(request, dossier, base),
        'attachments': attachments,
        'results': results,
        'slips': slips_json(dossier, base),
        'apologies': plain(list(dossier.apologies)),
        'rating': plain(dossier.rating),
        'actions': dossier.actions_for(account),
        'can_rate': bool(account and account.login == dossier.owner
                         and dossier.status == states.RETURNED and dossier.rating is None),
    })
    if page:
        for key in PAGE_READS_THE_DOSSIER:
            del body[key]
        return body
    body.update({'procedure_version': dossier.procedure_version,
                 'returned_at': timeutil.iso(dossier.returned_at),
                 'finished_at': timeutil.iso(dossier.finished_at),
                 'paused_at': timeutil.iso(dossier.paused_at),
                 'payment': plain(dossier.payment),
                 'steps': plain(dossier.steps), 'data': plain(dossier.data),
                 'papers': papers_json(dossier, base),
                 'history': history_json(dossier)})
    return body


def track_json(request, dossier):
    """What anyone may know of a dossier by its code: nothing personal."""
    return {
        'code': dossier.code, 'procedure': dossier.procedure_code,
        'procedure_name': dossier.procedure_name, 'status': dossier.status,
        'status_label': states.STATE_LABELS[dossier.status],
        'agency': dossier.agency,
        'received_at': timeutil.iso(dossier.received_at),
        'due_at': timeutil.iso(dossier.due_at),
        'appointment_at': timeutil.iso(appointment_of(dossier)),
        'returned_at': timeutil.iso(dossier.returned_at),
        'overdue': dossier.overdue(timeutil.now()),
    }
