"""The citizen's vault on the web: page, profile, uploads, downloads, log.

Views translate HTTP to the vault's methods (`resources/vaults.py`) and
back.  Two rules live here because they depend on the request:
- an upload is refused (413) from its Content-Length, or while a chunked
  body streams, before the body is parsed; the CSRF check, which parses the
  body, runs after that;
- every read by someone other than the owner is written to the vault's
  access log (who may read is ``dossiers.grants``, the one grant rule).
"""
from urllib.parse import quote

from pyramid.csrf import check_csrf_origin, check_csrf_token
from pyramid.httpexceptions import HTTPNotModified, HTTPSeeOther
from pyramid.response import FileIter
from pyramid.view import view_config
from pyramid_zodbconn import get_connection

from tthc_docs.catalog import doctypes
from tthc_docs import errors, timeutil
from tthc_docs.vaults import quota, uploads
from tthc_docs import security as s
from tthc_docs.dossiers import grants
from tthc_docs.site.content import Site, find_site
from tthc_docs.vaults.documents import KINDS, Document, DocumentFolder, serialize_document
from tthc_docs.vaults.content import PROFILE_KEYS, Vault, find_vault
from tthc_docs.vaults.schema import LABELS, SEXES, validate_profile
from tthc_docs.web.base import read_json, resource_view, wants_json

#: Room for the multipart envelope and the small form fields around the file.
MULTIPART_OVERHEAD = 64 * 1024

_DOC = {'type': 'object', 'properties': {
    **{k: {'type': 'string'} for k in ('id', 'title', 'doc_type', 'sha256', 'kind',
                                        'content_type', 'issued_by', 'issued_at',
                                        'added_by', 'added_at', 'certified_by',
                                        'original', 'filename', 'url')},
    'size': {'type': 'integer'}, 'signed': {'type': 'boolean'}}}
_ERR = {'$ref': '#/components/schemas/Error'}


def _json(description, schema=None):
    body = {'description': description}
    if schema:
        body['content'] = {'application/json': {'schema': schema}}
    return body


OPENAPI_PATHS = {
    '/@@my-vault': {'get': {'summary': "The logged-in citizen's vault (redirect)",
                            'responses': {'303': _json('to /vaults/<id>')}}},
    '/vaults/{id}': {'parameters': [{'name': 'id', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'get': {
        'summary': 'The vault: profile, documents, storage (owner only)',
        'responses': {'200': _json('{profile, documents, storage}'),
                      '403': _json('not the owner', _ERR), '401': _json('not logged in')}}},
    '/vaults/{id}/profile': {'parameters': [{'name': 'id', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}],
        'get': {'summary': 'The profile and its history (owner)',
                'responses': {'200': _json('{profile, history}')}},
        'put': {'summary': 'Change profile keys (keys left out are kept; "" or null clears)',
                'requestBody': {'content': {'application/json': {'schema': {
                    'type': 'object', 'properties': {k: {'type': 'string'} for k in PROFILE_KEYS}}}}},
                'responses': {'200': _json('{profile, changed}'),
                              '422': _json('invalid fields', _ERR)}},
        'patch': {'summary': 'The same as PUT (keys left out are kept)',
                  'requestBody': {'content': {'application/json': {'schema': {
                      'type': 'object',
                      'properties': {k: {'type': 'string'} for k in PROFILE_KEYS}}}}},
                  'responses': {'200': _json('{profile, changed}'),
                                '422': _json('invalid fields', _ERR)}},
        'post': {'summary': 'The HTML profile form: only keys posted change, an empty box clears its key',
                 'responses': {'303': {'description': 'back to the profile page'},
                               '200': {'description': 'the form again with the problems',
                                       'content': {'text/html': {}}}}}},
    '/vaults/{id}/documents': {'parameters': [{'name': 'id', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}],
        'get': {'summary': 'Redirects to the vault', 'responses': {'303': {'description': 'to /vaults/<id>'}}},
        'post': {
        'summary': 'Upload a PDF, JPEG or PNG (multipart: file, doc_type, title)',
        'requestBody': {'content': {'multipart/form-data': {'schema': {
            'type': 'object', 'required': ['file', 'doc_type'],
            'properties': {'file': {'type': 'string', 'format': 'binary'},
                           'doc_type': {'type': 'string'}, 'title': {'type': 'string'}}}}}},
        'responses': {'201': _json('a new document', _DOC),
                      '200': _json('the same bytes were already stored', _DOC),
                      '413': _json('over tthc_docs.max_upload_bytes', _ERR),
                      '415': _json('not a PDF, JPEG or PNG', _ERR),
                      '422': _json('broken or encrypted file, unknown doc_type', _ERR)}}},
    '/vaults/{id}/documents/{doc}': {'parameters': [{'name': 'id', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}, {'name': 'doc', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}],
        'get': {'summary': "A document's facts (owner; officers with ?dossier= and a grant)",
                'parameters': [{'name': 'dossier', 'in': 'query', 'schema': {'type': 'string'}}],
                'responses': {'200': _json('the document', _DOC), '403': _json('no grant', _ERR)}},
        'delete': {'summary': 'Delete an uploaded document no open dossier uses (owner)',
                   'responses': {'200': _json('{deleted, storage}'),
                                 '409': _json('issued, digitised or in use', _ERR)}}},
    '/vaults/{id}/documents/{doc}/@@download': {'parameters': [{'name': 'id', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}, {'name': 'doc', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'get': {
        'summary': 'The bytes (owner; officers with ?dossier= and a grant; logged)',
        'parameters': [{'name': 'dossier', 'in': 'query', 'schema': {'type': 'string'}},
                       {'name': 'preview', 'in': 'query', 'schema': {'type': 'string'}}],
        'responses': {'200': {'description': 'the file, ETag = SHA-256'},
                      '304': {'description': 'If-None-Match matched'},
                      '403': _json('no grant', _ERR)}}},
    '/vaults/{id}/documents/{doc}/@@delete': {
        'parameters': [{'name': 'id', 'in': 'path', 'required': True, 'schema': {'type': 'string'}},
                       {'name': 'doc', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}],
        'post': {'summary': 'The HTML form of DELETE (owner); redirects to the vault',
                 'responses': {'303': {'description': 'to the vault'},
                               '409': _json('issued, digitised or in use', _ERR)}}},
    '/vaults/{id}/@@access-log': {'parameters': [{'name': 'id', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'get': {
        'summary': 'Who read which document, for which dossier (owner)',
        'responses': {'200': _json('{items: [{at, who, document, dossier}], intact}')}}},
}


# -- helpers -----------------------------------------------------------------

def upload_limit(request):
    return int(request.registry.settings.get('tthc_docs.max_upload_bytes',
                                             uploads.DEFAULT_MAX_UPLOAD_BYTES))


def guard_upload(request):
    """Size first (no body read), then CSRF (which parses the body)."""
    limit = upload_limit(request)
    length = request.content_length
    if length is not None:
        uploads.check_size(length - MULTIPART_OVERHEAD, limit)
    elif request.is_body_readable:
        request.environ['wsgi.input'] = uploads.LimitedStream(
            request.environ['wsgi.input'], limit + MULTIPART_OVERHEAD, shown_limit=limit)
    check_csrf_origin(request)
    check_csrf_token(request)
    quota.count_upload(get_connection(request).db(), request.registry.upload_rate,
                       request.account.login)
    return limit


def read_upload(request, limit):
    """`(bytes, filename, fields)` of a multipart upload, or a 4xx saying why."""
    if not (request.content_type or '').startswith('multipart/form-data'):
        raise errors.UnsupportedType(
            'Hãy gửi tệp bằng multipart/form-data (trường "file").')
    field = request.POST.get('file')
    if field is None or not hasattr(field, 'file'):
        raise errors.Invalid('Chưa chọn tệp.', {'file': 'Chọn một tệp PDF, JPEG hoặc PNG.'})
    data = uploads.read_limited(field.file, limit)
    return data, field.filename, request.POST


def document_url(request, doc):
    """``/vaults/<id>/documents/<doc>`` without the folder-style slash."""
    return request.resource_url(doc).rstrip('/')


def document_json(request, doc):
    return serialize_document(doc, url=document_url(request, doc))


def _flash(request, message):
    request.session.flash(message)


def _redirect(request, resource, *elements, message=None, query=None):
    if message:
        _flash(request, message)
    return HTTPSeeOther(request.resource_url(resource, *elements, query=query))


def store_upload(request, vault, *, kind, **meta):
    """Shared by the owner's upload and the counter's digitisation."""
    limit = guard_upload(request)
    data, filename, fields = read_upload(request, limit)
    doc_type = (fields.get('doc_type') or '').strip()
    if not doc_type:
        raise errors.Invalid('Chưa chọn loại giấy tờ.', {'doc_type': 'Bắt buộc.'})
    for key in ('certified_by', 'original'):
        if key in meta and meta[key] is None:
            meta[key] = (fields.get(key) or '').strip() or None
    doc, created = vault.add_document(
        data, title=fields.get('title') or '', doc_type=doc_type, kind=kind,
        added_by=request.account.login, filename=filename or None, limit=limit,
        quota=request.registry.vault_quota, **meta)
    return doc, created


def vault_json(request, vault):
    docs = [document_json(request, d) for d in vault.documents.values()]
    docs.sort(key=lambda d: d['added_at'] or '', reverse=True)
    return {'id': vault.id, 'owner': vault.owner,
            'profile': dict(vault.profile), 'documents': docs,
            'storage': vault.storage()}


def _owner_or_granted(request, doc):
    """The dossier code an officer reads for; None for the owner; else 403 (``grants``)."""
    return grants.reading_for(find_vault(doc), doc.id, request.account,
                              request.params.get('dossier'))


# -- the vault page ------------------------------------------------------------

@view_config(context=Site, name='my-vault', request_method='GET')
def my_vault(request):
    account = request.account
    if account is None:
        raise errors.NotLoggedIn('Bạn cần đăng nhập.')
    vault = find_site(request.context)['vaults'].get(account.vault_id or '')
    if vault is None:
        raise errors.NotFound('Tài khoản này không có kho dữ liệu cá nhân.')
    return HTTPSeeOther(request.resource_url(vault))


@resource_view(template='tthc_docs.templates:vaults/vault.pt', context=Vault,
               request_method='GET', permission=s.OWN)
def vault_view(request):
    vault = request.context
    body = vault_json(request, vault)
    if wants_json(request):
        return body
    body.update(
        access_log=[_log_item(e) for e in vault.access_log.newest_first(limit=20)],
        log_intact=vault.access_log.verify().ok,
        doc_types=doctypes.DOC_TYPES, kinds=KINDS, labels=LABELS,
        profile_keys=PROFILE_KEYS, messages=request.session.pop_flash(),
        max_upload=uploads._mb(upload_limit(request)),
        fmt_size=_fmt_size, doc_type_title=doctypes.title_of, vn_date=_vn_date)
    return body


def _vn_date(iso_text):
    """'1988-05-12' or an ISO datetime -> '12/05/1988'; other text unchanged."""
    text = str(iso_text or '')
    if len(text) >= 10 and text[4] == '-' and text[7] == '-':
        return f'{text[8:10]}/{text[5:7]}/{text[:4]}'
    return text


def _fmt_size(n):
    if n < 1024:
        return f'{n} B'
    if n < 1024 * 1024:
        return f'{n / 1024:.1f} KB'.replace('.', ',')
    return uploads._mb(n)


def _log_item(entry):
    return {'at': entry.at, 'who': entry.who, 'document': entry.document,
            'dossier': entry.dossier}


@resource_view(template='tthc_docs.templates:vaults/access_log.pt', context=Vault,
               name='access-log', request_method='GET', permission=s.OWN)
def access_log(request):
    log = request.context.access_log
    report = log.verify()
    return {'items': [_log_item(e) for e in log.newest_first()],
            'intact': report.ok, 'problem': report.problem}


# -- profile ---------------------------------------------------------------------

@resource_view(template='tthc_docs.templates:vaults/profile.pt', context=Vault,
               name='profile', request_method='GET', permission=s.OWN)
def profile_view(request):
    vault = request.context
    history = [{'at': timeutil.iso(h['at']), 'by': h['by'],
                'fields': sorted(h['changes'])} for h in vault.history()]
    body = {'profile': dict(vault.profile), 'history': history}
    if not wants_json(request):
        body.update(labels=LABELS, keys=PROFILE_KEYS, sexes=SEXES, errors={},
                    values=dict(vault.profile), messages=request.session.pop_flash())
    return body


@view_config(context=Vault, name='profile', request_method=('PUT', 'PATCH'),
             permission=s.OWN, renderer='json')
def profile_put(request):
    vault = request.context
    values = validate_profile(read_json(request), current=vault.profile)
    changed = vault.update_profile(values, by=request.account.login)
    return {'profile': dict(vault.profile), 'changed': sorted(changed)}


@view_config(context=Vault, name='profile', request_method='POST', permission=s.OWN,
             renderer='tthc_docs.templates:vaults/profile.pt')
def profile_post(request):
    """The HTML form: only the keys posted may change; an empty box clears its key.

    A key missing from the POST is kept, so a partial or empty form (a script,
    a trimmed page) cannot wipe the profile by accident.
    """
    vault = request.context
    submitted = {k: request.POST[k] for k in PROFILE_KEYS if k in request.POST}
    try:
        values = validate_profile(submitted, current=vault.profile)
    except errors.Invalid as exc:
        request.response.status_int = 422
        return {'profile': dict(vault.profile), 'history': [], 'labels': LABELS,
                'keys': PROFILE_KEYS, 'sexes': SEXES, 'errors': exc.fields,
                'values': dict(vault.profile, **submitted), 'messages': []}
    changed = vault.update_profile(values, by=request.account.login)
    message = 'Đã lưu thông tin cá nhân.' if changed else 'Không có thay đổi nào.'
    return _redirect(request, vault, 'profile', message=message)


# -- documents -----------------------------------------------------------------------

@view_config(context=DocumentFolder, request_method='POST', permission=s.OWN,
             require_csrf=False)
def upload(request):
    vault = find_vault(request.context)
    doc, created = store_upload(request, vault, kind='uploaded')
    if not wants_json(request):
        message = ('Đã lưu giấy tờ vào kho.' if created else
                   'Tệp này đã có trong kho; không lưu thêm bản sao.')
        return _redirect(request, vault, message=message)
    request.response.status_int = 201 if created else 200
    request.response.content_type = 'application/json'
    request.response.json_body = document_json(request, doc)
    request.response.location = document_url(request, doc)
    return request.response


@view_config(context=DocumentFolder, request_method='GET', permission=s.OWN)
def documents_folder(request):
    return HTTPSeeOther(request.resource_url(find_vault(request.context)))


@resource_view(template='tthc_docs.templates:vaults/document.pt', context=Document,
               request_method='GET', permission=s.VIEW)
def document_view(request):
    doc = request.context
    dossier = _owner_or_granted(request, doc)
    if dossier is not None:
        find_vault(doc).log_access(request.account.login, doc.id, dossier)
    body = document_json(request, doc)
    if wants_json(request):
        return body
    query = {'dossier': dossier} if dossier else {}
    body.update(
        is_owner=dossier is None, kinds=KINDS, fmt_size=_fmt_size,
        reused_by=find_vault(doc).reused_by(doc.id) if dossier is None else [],
        preview_url=request.resource_url(doc, '@@download', query=dict(query, preview='1')),
        download_url=request.resource_url(doc, '@@download', query=query),
        vault_url=request.resource_url(find_vault(doc)), doc=doc)
    return body


@view_config(context=Document, name='download', request_method='GET', permission=s.VIEW)
def download(request):
    doc = request.context
    dossier = _owner_or_granted(request, doc)
    if dossier is not None:
        find_vault(doc).log_access(request.account.login, doc.id, dossier)
    etag = doc.etag
    if etag in request.if_none_match:
        return _not_modified(etag)
    response = request.response
    response.content_type = doc.content_type
    response.content_length = doc.size
    response.etag = etag
    response.cache_control = 'private, no-cache'
    preview = request.params.get('preview') in ('1', 'true')
    response.content_disposition = _disposition(
        'inline' if preview else 'attachment', doc.download_name)
    if preview:
        # Our own page frames the preview; browsers' PDF viewers need their
        # plugin, so a PDF gets only the framing rule.
        response.headers['X-Frame-Options'] = 'SAMEORIGIN'
        response.headers['Content-Security-Policy'] = (
            "frame-ancestors 'self'; object-src 'self'"
            if doc.content_type == 'application/pdf' else
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
            "frame-ancestors 'self'")
    response.headers['X-Content-Type-Options'] = 'nosniff'
    response.app_iter = FileIter(doc.open())
    return response


def _not_modified(etag):
    response = HTTPNotModified()
    response.etag = etag
    response.headers['X-Content-Type-Options'] = 'nosniff'
    return response


def _disposition(kind, filename):
    """RFC 6266: an ASCII fallback and the UTF-8 name."""
    import unicodedata
    ascii_name = unicodedata.normalize('NFKD', filename).encode('ascii', 'ignore').decode()
    ascii_name = ascii_name.replace('"', '').replace('\\', '') or 'tai-lieu'
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


@view_config(context=Document, request_method='DELETE', permission=s.OWN, renderer='json')
def delete_document(request):
    vault = find_vault(request.context)
    doc_id = request.context.id
    vault.remove_document(doc_id, is_open=_still_needed(request))
    return {'deleted': doc_id, 'storage': vault.storage()}


@view_config(context=Document, name='delete', request_method='POST', permission=s.OWN)
def delete_document_form(request):
    vault = find_vault(request.context)
    vault.remove_document(request.context.id, is_open=_still_needed(request))
    return _redirect(request, vault, message='Đã xóa giấy tờ khỏi kho.')


def _still_needed(request):
    """``code -> bool``: whether that dossier still needs its papers (``grants.needs_papers``)."""
    return grants.needs_papers(find_site(request.context)['dossiers'])
