"""The reception counter and the vaults: find a citizen's vault, digitise paper.

The officer finds the vault from the personal ID number the citizen shows;
the number travels in a POST body, never in a URL (URLs end up in logs and
browser history).  The officer may then add a ``digitized`` document, which
records who certified the copy and from which original, but may not open
the vault or its other documents.

A successful find also records, in the officer's session, which citizen is
being served (`tthc_docs.vaults.counter`): only then may the officer file at the
counter for that citizen.  The find is written to the vault's access log.
"""
from pyramid.view import view_config
from pyramid_zodbconn import get_connection

from tthc_docs.vaults import counter, lookups, uploads
from tthc_docs.catalog import doctypes
from tthc_docs import errors, timeutil
from tthc_docs.text import validators
from tthc_docs import security as s
from tthc_docs.vaults.content import Vault, VaultRegistry
from tthc_docs.web.base import read_json, reject_unknown, wants_json
from tthc_docs.vaults.views.vault import document_json, store_upload, upload_limit

OPENAPI_PATHS = {
    '/vaults/@@find': {'get': {'summary': 'Reception: the search form (browsers)',
                               'responses': {'200': {'description': 'HTML page',
                                                     'content': {'text/html': {}}}}}, 'post': {
        'summary': "Reception: find a citizen's vault by personal ID number (in the body)",
        'requestBody': {'content': {'application/json': {'schema': {
            'type': 'object', 'required': ['id_number'],
            'properties': {'id_number': {'type': 'string'}}}}}},
        'responses': {'200': {'description': '{vault, id, full_name, citizen, digitize_url}; '
                                             'the officer now serves this citizen (session)'},
                      '404': {'description': 'no vault with that number'},
                      '422': {'description': 'not a valid ID number'},
                      '429': {'description': 'too many look-ups by this officer; Retry-After'}}}},
    '/vaults/{id}/@@digitize': {'parameters': [{'name': 'id', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}],
        'get': {'summary': 'Reception: the digitising form (browsers)',
                'responses': {'200': {'description': 'HTML page', 'content': {'text/html': {}}}}},
        'post': {
        'summary': "Reception: scan a paper original into the citizen's vault",
        'requestBody': {'content': {'multipart/form-data': {'schema': {
            'type': 'object', 'required': ['file', 'doc_type', 'original'],
            'properties': {'file': {'type': 'string', 'format': 'binary'},
                           'doc_type': {'type': 'string'}, 'title': {'type': 'string'},
                           'original': {'type': 'string',
                                        'description': 'the original shown at the counter'}}}}}},
        'responses': {'201': {'description': 'the digitised document'},
                      '200': {'description': 'the same bytes were already stored'},
                      '413': {'description': 'too large'}, '415': {'description': 'not PDF/JPEG/PNG'},
                      '422': {'description': 'missing original or broken file'}}}},
}


def _found(request, vault):
    return {'vault': request.resource_path(vault), 'id': vault.id,
            'full_name': vault.profile.get('full_name') or '',
            'citizen': vault.owner,  # the login counter filing names, after this find
            'digitize_url': request.resource_url(vault, '@@digitize')}


@view_config(context=VaultRegistry, name='find', request_method='GET', permission=s.DIGITIZE,
             renderer='tthc_docs.templates:vaults/find.pt')
def find_form(request):
    return {'found': None, 'error': None}


@view_config(context=VaultRegistry, name='find', request_method='POST', permission=s.DIGITIZE,
             renderer='tthc_docs.templates:vaults/find.pt')
def find_vault_by_id_number(request):
    from_json = request.content_type == 'application/json'
    as_json = from_json or wants_json(request)  # a JSON client posting a form gets JSON
    data = read_json(request) if from_json else request.POST
    if from_json:
        reject_unknown(data, {'id_number'})
    raw = data.get('id_number')
    counter.forget(request.session)  # a new look-up ends serving the previous citizen
    try:
        number = validators.check_id_number(raw if isinstance(raw, str) else '')
    except validators.ValidationError as exc:
        if not as_json:
            request.response.status_int = 422
            return {'found': None, 'error': str(exc)}
        raise errors.Invalid('Số định danh cá nhân không hợp lệ.', {'id_number': str(exc)})
    db, officer = get_connection(request).db(), request.account.login
    lookups.check_allowed(db, request.registry.find_throttle, officer)
    vault = request.context.for_id_number(number)
    lookups.record(db, request.registry.find_throttle,
                   request.registry.settings['tthc_docs.session_secret'], officer, number,
                   vault.id if vault is not None else None)
    if vault is None:  # answered, not raised: the session must keep the ``forget`` above
        miss = errors.NotFound('Không có kho dữ liệu nào gắn với số định danh này.')
        request.response.status_int = 404
        if not as_json:
            return {'found': None, 'error': miss.message}
        request.override_renderer = 'json'
        return miss.as_json()
    counter.remember(request.session, vault.id, request.account.login, timeutil.now())
    counter.log_read(vault, request.account.login, 'find')
    if as_json:
        request.override_renderer = 'json'
        return _found(request, vault)
    return {'found': _found(request, vault), 'error': None}


def _served(request):
    """The vault, only if this officer found its owner by ID card in this session (else 403)."""
    served = counter.served_vault(request.session, request.account.login, timeutil.now())
    return counter.check_served(request.context, served)


@view_config(context=Vault, name='digitize', request_method='GET', permission=s.DIGITIZE,
             renderer='tthc_docs.templates:vaults/digitize.pt')
def digitize_form(request):
    vault = _served(request)
    return {'full_name': vault.profile.get('full_name') or '', 'doc_types': doctypes.DOC_TYPES,
            'max_upload': uploads._mb(upload_limit(request)), 'done': None}


@view_config(context=Vault, name='digitize', request_method='POST', permission=s.DIGITIZE,
             require_csrf=False)
def digitize(request):
    vault = _served(request)
    doc, created = store_upload(request, vault, kind='digitized',
                                certified_by=request.account.login, original=None)
    counter.log_read(vault, request.account.login, f'digitize {doc.id}')
    if not wants_json(request):
        from pyramid.renderers import render_to_response
        response = render_to_response(
            'tthc_docs.templates:vaults/digitize.pt',
            {'full_name': vault.profile.get('full_name') or '',
             'doc_types': doctypes.DOC_TYPES,
             'max_upload': uploads._mb(upload_limit(request)),
             'done': {'title': doc.title, 'created': created}},
            request=request)
        response.status_int = 201 if created else 200
        return response
    request.response.status_int = 201 if created else 200
    body = document_json(request, doc)
    body.pop('url')  # the officer may not open the vault's documents
    request.response.content_type = 'application/json'
    request.response.json_body = body
    return request.response

