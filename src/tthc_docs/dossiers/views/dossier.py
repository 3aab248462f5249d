"""One dossier: read it, move it through the workflow, rate it.

Thin: each view parses the request, calls one resource method (which calls
the pure ``workflow``), and answers with ``dossier_json``. Who may fire an
action is the workflow's decision, from ``dossier.roles_for(account)``; the
ACL only lets the owner and the handling agency's officers in at all.
"""
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config

from tthc_docs import errors, timeutil
from tthc_docs.dossiers import filing, workflow
from tthc_docs import security as s
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.dossiers.content import Dossier
from tthc_docs.site.content import find_site
from tthc_docs.dossiers.schema import RateSchema, TransitionSchema, load
from tthc_docs.web.base import read_json, resource_view, wants_json
from tthc_docs.dossiers.views.representation import dossier_json, dossier_url

_ERR = {'description': 'error', 'content': {'application/json': {
    'schema': {'$ref': '#/components/schemas/Error'}}}}
_VERIFIED = {'type': 'array', 'items': {'type': 'object', 'properties': {
    'vault': {'type': 'string'}, 'document': {'type': 'string'}, 'sha256': {'type': 'string'},
    'verification': {'type': 'object', 'description': "officers only, signed documents only: "
                     "the system's check {signed, intact, trusted, signer, signed_at, "
                     "timestamped, dossier, problems}"}}}}
_DOSSIER = {'description': 'the dossier', 'content': {'application/json': {'schema': {
    'type': 'object', 'properties': dict({k: {} for k in (
        'code', 'procedure', 'status', 'channel', 'received_at', 'due_at', 'overdue', 'fee',
        'history', 'actions', 'data')},
        applicant_name={'type': 'string', 'nullable': True},
        attachments=_VERIFIED, results=_VERIFIED,
        form={'type': 'object', 'description': '{name, version, title, rows: [{name, title, '
              'value}] labelled by the version the dossier was filled with, url}'},
        slips={'type': 'array', 'description': 'the slips the state has produced',
               'items': {'type': 'object', 'properties': {
                   'name': {'type': 'string'}, 'url': {'type': 'string'}}}})}}}}
#: The actions whose form offers a choice of specialist (templates/dossiers/view.pt).
ASSIGNING = frozenset({'assign', 'forward'})
OPENAPI_PATHS = {
    '/dossiers/{code}': {'get': {
        'summary': 'A dossier (owner, officers of the handling agency)',
        'parameters': [{'name': 'code', 'in': 'path', 'required': True,
                        'schema': {'type': 'string'}}],
        'responses': {'200': _DOSSIER, '403': _ERR, '404': _ERR}}},
    '/dossiers/{code}/@@transition': {'parameters': [{'name': 'code', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'post': {
        'summary': 'Fire a workflow action',
        'requestBody': {'content': {'application/json': {'schema': {
            'type': 'object', 'required': ['action'], 'properties': {
                'action': {'type': 'string', 'enum': list(workflow.ACTIONS)},
                'note': {'type': 'string'}, 'assignee': {'type': 'string'},
                'new_due': {'type': 'string', 'format': 'date'},
                'attachments': {'type': 'object'}}}}}},
        'responses': {'200': _DOSSIER, '403': _ERR, '409': _ERR, '422': _ERR}}},
    '/dossiers/{code}/@@rate': {'parameters': [{'name': 'code', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'post': {
        'summary': 'The owner rates a returned dossier, once',
        'requestBody': {'content': {'application/json': {'schema': {
            'type': 'object', 'required': ['score'], 'properties': {
                'score': {'type': 'integer', 'minimum': 1, 'maximum': 5},
                'comment': {'type': 'string'}}}}}},
        'responses': {'200': {'description': 'the rating'}, '403': _ERR, '409': _ERR,
                      '422': _ERR}}},
}


@resource_view(template='tthc_docs.templates:dossiers/view.pt', context=Dossier,
               request_method='GET', permission=s.VIEW)
def dossier_view(request):
    body = dossier_json(request, request.context)
    if not wants_json(request):
        body['labels'] = workflow.HISTORY_LABELS
        body['dossier'] = request.context
        body['officers'] = (_specialists(request, request.context)
                            if ASSIGNING & set(body['actions']) else [])
    return body


def _body(request):
    """JSON for JSON clients; the form fields of a browser's POST otherwise."""
    if request.content_type == 'application/json':
        return read_json(request)
    data = {k: v for k, v in request.POST.items() if k != 'csrf_token' and v != ''}
    if 'score' in data:
        data['score'] = data['score'].strip()
    return data


def _check_assignee(site, dossier, login):
    """An assignee is an active officer of the handling agency with a working role."""
    if not login:
        return
    account = site['people'].get(login)
    if (account is None or not account.active or account.agency != dossier.agency
            or not set(account.roles) & {s.SPECIALIST, s.LEADER}):
        raise errors.Invalid('Người được phân công không phải chuyên viên của cơ quan.',
                             {'assignee': f'không hợp lệ: {login}'})


def _specialists(request, dossier):
    """(login, name) of the agency's specialists, for the assign/forward select.

    Walks every account, so the page asks only when it shows the select.
    """
    people = find_site(dossier)['people']
    found = []
    for account in people.values():
        if account.agency == dossier.agency and s.SPECIALIST in account.roles:
            found.append((account.login, account.full_name))
    return found


@view_config(context=Dossier, name='transition', request_method='POST', permission=s.VIEW)
def transition(request):
    dossier, account = request.context, request.account
    body = load(TransitionSchema, _body(request), 'Thao tác')
    site = find_site(dossier)
    _check_assignee(site, dossier, body['assignee'])
    ctx = workflow.Context(
        login=account.login, roles=dossier.roles_for(account), now=timeutil.now(),
        calendar=calendar_for(site), note=body['note'], name=account.full_name,
        params={'assignee': body['assignee'], 'new_due': body['new_due']},
        site=site, account=account, settings=request.registry.settings)
    if body['action'] == 'supplement' and body['attachments']:
        workflow.fire(dossier.status, 'supplement', ctx.roles, dossier, account.login)
        vault = site['vaults'][dossier.vault_id]
        filing.supplement_attachments(dossier, vault, body['attachments'])
    dossier.transition(body['action'], ctx)
    if not wants_json(request):
        return HTTPSeeOther(dossier_url(request, dossier))
    request.response.content_type = 'application/json'
    request.response.json_body = dossier_json(request, dossier)
    return request.response


@view_config(context=Dossier, name='rate', request_method='POST', permission=s.VIEW)
def rate(request):
    dossier, account = request.context, request.account
    if account.login != dossier.owner:
        raise errors.NotAllowed('Chỉ người nộp hồ sơ được đánh giá.')
    body = load(RateSchema, _body(request), 'Đánh giá')
    rating = dossier.rate(body['score'], body['comment'], account.login, timeutil.now())
    if not wants_json(request):
        return HTTPSeeOther(dossier_url(request, dossier))
    request.response.content_type = 'application/json'
    request.response.json_body = {'code': dossier.code, 'score': rating['score'],
                                  'comment': rating['comment'],
                                  'at': timeutil.iso(rating['at'])}
    return request.response
