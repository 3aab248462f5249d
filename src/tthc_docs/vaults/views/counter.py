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
from pyramid.view import view_config, view_defaults

from tthc_docs.vaults import counter, uploads
from tthc_docs.catalog import doctypes
from tthc_docs import errors, timeutil
from tthc_docs.text import validators
from tthc_docs import security as s
from tthc_docs.vaults.content import Vault, VaultRegistry
from tthc_docs.vaults.views.documents import document_json, store_upload, upload_limit
from tthc_docs.web.body import read_data
from tthc_docs.web.respond import render, show_again
from tthc_docs.web.views import ResourceViews

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
                      '422': {'description': 'not a valid ID number'}}}},
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


FIND_PT = 'tthc_docs.templates:vaults/find.pt'
DIGITIZE_PT = 'tthc_docs.templates:vaults/digitize.pt'


def _found(request, vault):
    return {'vault': request.resource_path(vault), 'id': vault.id,
            'full_name': vault.profile.get('full_name') or '',
            'citizen': vault.owner,  # the login counter filing names, after this find
            'digitize_url': request.resource_url(vault, '@@digitize')}


@view_defaults(context=VaultRegistry, name='find', permission=s.DIGITIZE)
class FindViews(ResourceViews):
    """Find a citizen's vault by the ID number the citizen shows."""

    @view_config(request_method='GET')
    def form(self):
        return render(self.request, FIND_PT, {'found': None, 'error': None, 'field_errors': {}})

    @view_config(request_method='POST')
    def find(self):
        """The number in the body; a new look-up ends serving the previous citizen."""
        raw = read_data(self.request, {'id_number'}).get('id_number')
        counter.forget(self.request.session)
        try:
            vault = self.context.for_id_number(_id_number(raw))
            if vault is None:
                raise errors.NotFound('Không có kho dữ liệu nào gắn với số định danh này.')
        except (errors.Invalid, errors.NotFound) as exc:
            return show_again(self.request, exc, FIND_PT, {'found': None})
        counter.remember(self.request.session, vault.id, self.login, timeutil.now())
        counter.log_read(vault, self.login, 'find')
        found = _found(self.request, vault)
        return self.respond(found, template=FIND_PT, page={'found': found, 'error': None,
                                                            'field_errors': {}})


def _id_number(raw):
    """The checked number, or 422 saying what is wrong with it."""
    try:
        return validators.check_id_number(raw if isinstance(raw, str) else '')
    except validators.ValidationError as exc:
        raise errors.Invalid('Số định danh cá nhân không hợp lệ.', {'id_number': str(exc)}) \
            from None


@view_defaults(context=Vault, name='digitize', permission=s.DIGITIZE)
class DigitizeViews(ResourceViews):
    """Scan a paper original into the citizen's vault (never to open the vault)."""

    @view_config(request_method='GET')
    def form(self):
        return render(self.request, DIGITIZE_PT, self.page(None))

    @view_config(request_method='POST', require_csrf=False)  # checked after the size
    def digitize(self):
        doc, created = store_upload(self.request, self.context, kind='digitized',
                                    certified_by=self.login, original=None)
        body = document_json(self.request, doc)
        body.pop('url')  # the officer may not open the vault's documents
        return self.respond(body, status=201 if created else 200, template=DIGITIZE_PT,
                            page=lambda: self.page({'title': doc.title, 'created': created}))

    def page(self, done):
        return {'full_name': self.context.profile.get('full_name') or '',
                'doc_types': doctypes.DOC_TYPES,
                'max_upload': uploads._mb(upload_limit(self.request)), 'done': done}
