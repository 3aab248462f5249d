"""A vault's documents on the web: upload, read, download, delete.

Views translate HTTP to the vault's methods (``vaults.content``) and back.
Two rules live here because they depend on the request:
- an upload is refused (413) from its Content-Length, or while a chunked
  body streams, before the body is parsed; the CSRF check, which parses the
  body, runs after that;
- every read by someone other than the owner is written to the vault's
  access log (who may read is ``dossiers.grants``, the one grant rule).
"""
import unicodedata
from urllib.parse import quote

from pyramid.csrf import check_csrf_origin, check_csrf_token
from pyramid.httpexceptions import HTTPNotModified, HTTPSeeOther
from pyramid.response import FileIter
from pyramid.view import view_config, view_defaults
from pyramid_zodbconn import get_connection

from tthc_docs import errors
from tthc_docs import security as s
from tthc_docs.dossiers import grants
from tthc_docs.site.content import find_site
from tthc_docs.vaults import quota, uploads
from tthc_docs.vaults.content import find_vault
from tthc_docs.vaults.documents import KINDS, Document, DocumentFolder, serialize_document
from tthc_docs.web.confirm import confirm_page, needs_confirmation
from tthc_docs.web.respond import show_again, wants_json
from tthc_docs.web.views import ResourceViews

#: Room for the multipart envelope and the small form fields around the file.
MULTIPART_OVERHEAD = 64 * 1024
#: Set on the request once its body was read within the limit (``guard_upload``).
BODY_READ = 'tthc.upload_body_read'
#: What a refused file is: the page shows it beside the file box, a JSON client gets it as is.
REFUSED_FILE = (errors.UnsupportedType, errors.TooLarge, errors.Invalid)
DOCUMENT_PT = 'tthc_docs.templates:vaults/document.pt'

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
}


# -- uploads (the owner's, and the counter's digitisation) ---------------------

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
    request.environ[BODY_READ] = True   # within the limit: the other inputs may be shown again
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


def document_url(request, doc):
    """``/vaults/<id>/documents/<doc>`` without the folder-style slash."""
    return request.resource_url(doc).rstrip('/')


def document_json(request, doc):
    return serialize_document(doc, url=document_url(request, doc))


def fmt_size(n):
    """A file's size as a person reads it: 512 B, 3,4 KB, 1,2 MB."""
    if n < 1024:
        return f'{n} B'
    if n < 1024 * 1024:
        return f'{n / 1024:.1f} KB'.replace('.', ',')
    return uploads._mb(n)


@view_defaults(context=DocumentFolder, permission=s.OWN)
class FolderViews(ResourceViews):
    """``/vaults/<id>/documents``: where uploads go."""

    @view_config(request_method='POST', require_csrf=False)  # guard_upload checks it, after the size
    def upload(self):
        vault = find_vault(self.context)
        try:
            doc, created = store_upload(self.request, vault, kind='uploaded')
        except REFUSED_FILE as exc:
            return self.refused(vault, exc)
        return self.respond(
            document_json(self.request, doc), status=201 if created else 200,
            location=document_url(self.request, doc),
            redirect=self.request.resource_url(vault),
            flash=('Đã lưu giấy tờ vào kho.' if created else
                   'Tệp này đã có trong kho; không lưu thêm bản sao.'))

    def refused(self, vault, exc):
        """A browser gets the vault page again, the reason beside the file box and the
        type and title as chosen, at the refusal's status (413, 415, 422); a JSON
        client gets API.md's error as before. A body refused for its declared size
        was never read, so only the file's reason can be shown then."""
        from tthc_docs.vaults.views.vault import VAULT_PT, vault_page  # it imports this module
        request = self.request
        if wants_json(request):
            raise exc
        posted = ({k: request.POST.get(k) or '' for k in ('doc_type', 'title')}
                  if request.environ.get(BODY_READ) else {})
        fields = dict(exc.fields)
        if not fields or isinstance(exc, (errors.UnsupportedType, errors.TooLarge)):
            fields['file'] = exc.message
        return show_again(request, type(exc)(exc.message, fields=fields), VAULT_PT,
                          vault_page(request, vault, posted), doom=True)

    @view_config(request_method='GET')
    def folder(self):
        return HTTPSeeOther(self.request.resource_url(find_vault(self.context)))


@view_defaults(context=Document, permission=s.VIEW)
class DocumentViews(ResourceViews):
    """One document: its facts, its bytes, and the owner deleting it."""

    @property
    def vault(self):
        return find_vault(self.context)

    def reading_for(self):
        """The dossier an officer reads for (the read is logged); None for the owner.

        Anyone else: 403 (``grants.reading_for``, the one grant rule).
        """
        dossier = grants.reading_for(self.vault, self.context.id, self.request.account,
                                     grants.purpose_in(self.request.params))
        if dossier is not None:
            self.vault.log_access(self.login, self.context.id, dossier)
        return dossier

    @view_config(request_method='GET')
    def show(self):
        dossier = self.reading_for()
        return self.respond(document_json(self.request, self.context), template=DOCUMENT_PT,
                            page=lambda: self.page_extras(dossier))

    def page_extras(self, dossier):
        doc, request = self.context, self.request
        query = {'dossier': dossier} if dossier else {}
        return {'is_owner': dossier is None, 'kinds': KINDS, 'fmt_size': fmt_size,
                'reused_by': self.vault.reused_by(doc.id) if dossier is None else [],
                'preview_url': request.resource_url(doc, '@@download',
                                                    query=dict(query, preview='1')),
                'download_url': request.resource_url(doc, '@@download', query=query),
                'vault_url': request.resource_url(self.vault), 'doc': doc}

    @view_config(name='download', request_method='GET')
    def download(self):
        self.reading_for()
        doc = self.context
        if doc.etag in self.request.if_none_match:
            return _not_modified(doc.etag)
        preview = self.request.params.get('preview') in ('1', 'true')
        return _file_response(self.request.response, doc, preview)

    @view_config(request_method='DELETE', permission=s.OWN)
    def delete(self):
        vault = self.remove()
        return self.respond({'deleted': self.context.id, 'storage': vault.storage()})

    @view_config(name='delete', request_method='POST', permission=s.OWN)
    def delete_form(self):
        """The page's form of DELETE, once confirmed: back to the vault."""
        if needs_confirmation(self.request):
            return confirm_page(
                self.request, 'Xóa giấy tờ khỏi kho?', 'Giấy tờ sẽ bị xóa khỏi kho dữ liệu '
                'và không thể khôi phục.', self.request.resource_url(self.vault),
                'Xóa giấy tờ', [('Giấy tờ', self.context.title)])
        vault = self.remove()
        return self.respond({'deleted': self.context.id, 'storage': vault.storage()},
                            redirect=self.request.resource_url(vault),
                            flash='Đã xóa giấy tờ khỏi kho.')

    def remove(self):
        """Only a document no active dossier needs (``grants.needs_papers``); its vault."""
        vault, dossiers = self.vault, find_site(self.context)['dossiers']
        vault.remove_document(self.context.id, is_active=grants.needs_papers(dossiers))
        return vault


def _file_response(response, doc, preview):
    """The bytes, inline for our own preview frame or as an attachment."""
    response.content_type = doc.content_type
    response.content_length = doc.size
    response.etag = doc.etag
    response.cache_control = 'private, no-cache'
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
    ascii_name = unicodedata.normalize('NFKD', filename).encode('ascii', 'ignore').decode()
    ascii_name = ascii_name.replace('"', '').replace('\\', '') or 'tai-lieu'
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
