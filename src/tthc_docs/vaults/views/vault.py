"""The citizen's vault on the web: its page, the profile, the access log.

Owner only (``tthc.own``).  The documents' views (upload, download, delete,
officers' logged reads) are in ``documents.py``, the counter's in ``counter.py``.
"""
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.traversal import quote_path_segment
from pyramid.view import view_config, view_defaults

from tthc_docs import errors, timeutil
from tthc_docs import security as s
from tthc_docs.catalog import doctypes
from tthc_docs.site.content import Site, find_site
from tthc_docs.vaults import uploads
from tthc_docs.vaults.content import PROFILE_KEYS, Vault
from tthc_docs.vaults.documents import KINDS, serialize_document
from tthc_docs.vaults.schema import LABELS, SEXES, validate_profile
from tthc_docs.vaults.views.documents import _ERR, _json, fmt_size, upload_limit
from tthc_docs.web.body import read_json
from tthc_docs.web.i18n import translated
from tthc_docs.web.options import fixed_options
from tthc_docs.web.respond import show_again
from tthc_docs.web.views import ResourceViews

VAULT_PT = 'tthc_docs.templates:vaults/vault.pt'
PROFILE_PT = 'tthc_docs.templates:vaults/profile.pt'
ACCESS_LOG_PT = 'tthc_docs.templates:vaults/access_log.pt'
#: The newest reads the vault page shows (the access-log page has them all).
SHOWN_READS = 20
#: The document types' titles by id: the page shows them in its language from one kept table.
DOC_TYPE_TITLES = dict(doctypes.DOC_TYPES)

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
    '/vaults/{id}/@@access-log': {'parameters': [{'name': 'id', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'get': {
        'summary': 'Who read which document, for which dossier (owner)',
        'responses': {'200': _json('{items: [{at, who, document, dossier}], intact}')}}},
}


def vault_json(request, vault):
    folder = request.resource_url(vault.documents)    # each document's address built on it
    docs = [serialize_document(d, url=folder + quote_path_segment(d.__name__))
            for d in vault.documents.values()]
    docs.sort(key=lambda d: d['added_at'] or '', reverse=True)
    return {'id': vault.id, 'owner': vault.owner,
            'profile': dict(vault.profile), 'documents': docs,
            'storage': vault.storage()}


def _vn_date(iso_text):
    """'1988-05-12' or an ISO datetime -> '12/05/1988'; other text unchanged."""
    text = str(iso_text or '')
    if len(text) >= 10 and text[4] == '-' and text[7] == '-':
        return f'{text[8:10]}/{text[5:7]}/{text[:4]}'
    return text


def _log_item(entry):
    return {'at': entry.at, 'who': entry.who, 'document': entry.document,
            'dossier': entry.dossier}


def page_extras(request, vault, posted=None):
    """What the vault page shows besides its JSON; ``posted``: a refused upload's other inputs.

    The upload view shows this page again when it refuses a file (``documents.py``),
    from the documents' folder: the page's links are built on the vault's address
    (``vault_url``), never on the request's context.
    """
    log, posted = vault.access_log, posted or {}
    return {'vault_url': request.resource_url(vault),
            'access_log': [_log_item(e) for e in log.newest_first(limit=SHOWN_READS)],
            'log_intact': log.verdict().ok,
            'doc_type_options': fixed_options(request, doctypes.DOC_TYPES,
                                              posted.get('doc_type')),
            'kind_words': translated(request, KINDS), 'label_words': translated(request, LABELS),
            'type_words': translated(request, DOC_TYPE_TITLES),
            'profile_keys': PROFILE_KEYS, 'messages': request.session.pop_flash(),
            'max_upload': uploads._mb(upload_limit(request)),
            'max_upload_bytes': upload_limit(request), 'posted': posted,
            'error': None, 'field_errors': {},
            'fmt_size': fmt_size, 'vn_date': _vn_date}


def vault_parts(vault, people):
    """Everything the vault page and its JSON read: the vault, its profile, its documents
    (each one, and the folder's counters, which every upload and deletion moves), the
    access log (any read appends to it) and the people named in the entries shown."""
    docs, log = vault.documents, vault.access_log
    parts = [vault, vault.profile, docs, docs._num_objects, docs.total_bytes, log]
    parts += docs.values()
    for login in sorted({entry.who for entry in log.newest_first(limit=SHOWN_READS)}):
        parts += [login, people.get(login)]
    return parts


def vault_page(request, vault, posted=None):
    """Every value of the vault page: its JSON and its extras."""
    return dict(vault_json(request, vault), **page_extras(request, vault, posted))


@view_config(context=Site, name='my-vault', request_method='GET')
def my_vault(request):
    """The logged-in citizen's own vault (a redirect)."""
    account = request.account
    if account is None:
        raise errors.NotLoggedIn('Bạn cần đăng nhập.')
    vault = find_site(request.context)['vaults'].get(account.vault_id or '')
    if vault is None:
        raise errors.NotFound('Tài khoản này không có kho dữ liệu cá nhân.')
    return HTTPSeeOther(request.resource_url(vault))


@view_defaults(context=Vault, permission=s.OWN)
class VaultViews(ResourceViews):
    """The owner's pages: the vault, the profile, the access log."""

    @view_config(request_method='GET')
    def show(self):
        """Kept per viewer and version of everything it shows (web/pagecache.private)."""
        return self.private(vault_parts(self.context, find_site(self.context)['people']),
                            lambda: self.respond(vault_json(self.request, self.context),
                                                 template=VAULT_PT,
                                                 page=lambda: page_extras(self.request,
                                                                          self.context)))

    @view_config(name='access-log', request_method='GET')
    def access_log(self):
        log = self.context.access_log
        report = log.verify()
        return self.respond({'items': [_log_item(e) for e in log.newest_first()],
                             'intact': report.ok, 'problem': report.problem},
                            template=ACCESS_LOG_PT)

    # -- profile -----------------------------------------------------------
    @view_config(name='profile', request_method='GET')
    def profile(self):
        vault = self.context
        history = [{'at': timeutil.iso(h['at']), 'by': h['by'],
                    'fields': sorted(h['changes'])} for h in vault.history()]
        return self.respond({'profile': dict(vault.profile), 'history': history},
                            template=PROFILE_PT, page=lambda: self.profile_page(
                                values=dict(vault.profile),
                                messages=self.request.session.pop_flash()))

    def profile_page(self, **values):
        return dict(labels=LABELS, keys=PROFILE_KEYS, sexes=SEXES, field_errors={}, **values)

    @view_config(name='profile', request_method=('PUT', 'PATCH'))
    def profile_put(self):
        values = validate_profile(read_json(self.request), current=self.context.profile)
        changed = self.context.update_profile(values, by=self.login)
        return self.respond({'profile': dict(self.context.profile), 'changed': sorted(changed)})

    @view_config(name='profile', request_method='POST')
    def profile_post(self):
        """The HTML form: only the keys posted may change; an empty box clears its key.

        A key missing from the POST is kept, so a partial or empty form (a script,
        a trimmed page) cannot wipe the profile by accident.
        """
        vault, post = self.context, self.request.POST
        submitted = {k: post[k] for k in PROFILE_KEYS if k in post}
        try:
            values = validate_profile(submitted, current=vault.profile)
        except errors.Invalid as exc:
            return show_again(self.request, exc, PROFILE_PT, self.profile_page(
                profile=dict(vault.profile), history=[],
                values=dict(vault.profile, **submitted), messages=[]))
        changed = vault.update_profile(values, by=self.login)
        return self.respond({'profile': dict(vault.profile), 'changed': sorted(changed)},
                            redirect=self.request.resource_url(vault, 'profile'),
                            flash='Đã lưu thông tin cá nhân.' if changed
                            else 'Không có thay đổi nào.')
