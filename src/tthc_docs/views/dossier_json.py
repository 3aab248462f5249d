"""One representation of a dossier, used by the JSON views and the templates alike."""
from datetime import date, datetime

from .. import deadlines, timeutil, workflow
from ..calendar import calendar_for
from ..resources.site import find_site


def plain(value):
    """JSON-ready copy: datetimes and dates as ISO 8601, containers recursively."""
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


def summary_json(request, dossier, now=None, calendar=None):
    """The short form used by queues and the citizen's list."""
    now = now or timeutil.now()
    calendar = calendar or calendar_for(find_site(dossier))
    return {
        'code': dossier.code, 'url': dossier_url(request, dossier),
        'procedure': dossier.procedure_code, 'procedure_name': dossier.procedure_name,
        'status': dossier.status, 'status_label': workflow.STATE_LABELS[dossier.status],
        'channel': dossier.channel, 'agency': dossier.agency,
        'applicant_name': dossier.applicant_name,
        'step': dossier.current_step_id, 'assignee': dossier.assignee,
        'submitted_at': timeutil.iso(dossier.submitted_at),
        'received_at': timeutil.iso(dossier.received_at),
        'due_at': timeutil.iso(dossier.due_at),
        'overdue': dossier.overdue(now),
        'due_soon': deadlines.is_due_soon(dossier.status, dossier.due_at, now, calendar),
        'fee': fee_json(dossier),
    }


def fee_json(dossier):
    return {'amount': dossier.fee_amount, 'paid': dossier.is_paid}


def attachment_json(request, dossier, ref):
    doc_url = '/'.join([request.application_url, 'vaults', ref['vault'], 'documents',
                        ref['document'], '@@download'])
    return {'requirement': ref['requirement'], 'name': ref.get('name'),
            'vault': ref['vault'], 'document': ref['document'], 'sha256': ref['sha256'],
            'doc_type': ref.get('doc_type'), 'title': ref.get('title'),
            'url': f'{doc_url}?dossier={dossier.code}'}


def dossier_json(request, dossier):
    """``GET /dossiers/<code>`` as API.md fixes it, plus what the pages need."""
    now = timeutil.now()
    account = request.account
    body = summary_json(request, dossier, now)
    body.update({
        'procedure_version': dossier.procedure_version,
        'returned_at': timeutil.iso(dossier.returned_at),
        'finished_at': timeutil.iso(dossier.finished_at),
        'paused_at': timeutil.iso(dossier.paused_at),
        'current_step': step_json(dossier),
        'steps': plain(dossier.steps),
        'payment': plain(dossier.payment),
        'form': {'name': dossier.form_name, 'version': dossier.form_version},
        'data': plain(dossier.data),
        'attachments': [attachment_json(request, dossier, a) for a in dossier.attachments],
        'results': plain(list(dossier.results)),
        'apologies': plain(list(dossier.apologies)),
        'history': plain(list(dossier.history)),
        'rating': plain(dossier.rating),
        'actions': dossier.actions_for(account),
        'can_rate': bool(account and account.login == dossier.owner
                         and dossier.status == workflow.RETURNED and dossier.rating is None),
    })
    return body


def track_json(request, dossier):
    """What anyone may know of a dossier by its code: nothing personal."""
    return {
        'code': dossier.code, 'procedure': dossier.procedure_code,
        'procedure_name': dossier.procedure_name, 'status': dossier.status,
        'status_label': workflow.STATE_LABELS[dossier.status],
        'agency': dossier.agency,
        'received_at': timeutil.iso(dossier.received_at),
        'due_at': timeutil.iso(dossier.due_at),
        'returned_at': timeutil.iso(dossier.returned_at),
        'overdue': dossier.overdue(timeutil.now()),
    }
