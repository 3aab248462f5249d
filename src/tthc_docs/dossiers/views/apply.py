"""Applying: ``POST /procedures/<code>/@@apply`` online (citizen) or at the counter.

A citizen files for themself (channel ``online``); a reception officer files
for a citizen named by ``citizen`` (channel ``counter``). JSON clients send
references to vault documents; a browser may also upload a file per
requirement, which lands in the owner's vault first (``vault.add_document``)
and is then referenced like any other document.

At the counter the citizen must have been found by ID card in this session
(``POST /vaults/@@find``, see `tthc_docs.vaults.counter`); the page and the filing
are refused otherwise, and each read of the citizen's profile is logged.
"""
from pyramid.view import view_config, view_defaults

from tthc_docs.vaults import counter, uploads
from tthc_docs import errors, timeutil
from tthc_docs.dossiers import filing, terms
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.eforms import render as formrender
from tthc_docs import security as s
from tthc_docs.dossiers.content import COUNTER, ONLINE
from tthc_docs.catalog.content import Procedure
from tthc_docs.site.content import find_site
from tthc_docs.dossiers.schema import ApplySchema, load
from tthc_docs.web.body import read_json
from tthc_docs.web.respond import render, show_again, wants_json
from tthc_docs.web.views import ResourceViews
from tthc_docs.dossiers.serialise import dossier_url, fee_json
from tthc_docs.vaults.views.documents import REFUSED_FILE, upload_limit

OPENAPI_PATHS = {
    '/procedures/{code}/@@apply': {'parameters': [{'name': 'code', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}],
        'get': {'summary': 'The application page (browsers)',
                'responses': {'200': {'description': 'HTML page', 'content': {'text/html': {}}}}},
        'post': {
        'summary': 'File a dossier (citizen online; reception at the counter with `citizen`)',
        'parameters': [{'name': 'Idempotency-Key', 'in': 'header', 'required': False,
                        'schema': {'type': 'string'}}],
        'requestBody': {'content': {'application/json': {'schema': {
            'type': 'object', 'properties': {
                'data': {'type': 'object'},
                'attachments': {'type': 'object',
                                'additionalProperties': {'type': 'string'}},
                'agency': {'type': 'string'}, 'citizen': {'type': 'string'}}}}}},
        'responses': {
            '201': {'description': '{code, url, status, fee: {amount, paid}}'},
            '200': {'description': 'the same application again: the first dossier'},
            '401': {'description': 'not logged in'},
            '403': {'description': 'not allowed; at the counter: citizen not found by ID card '
                                   '(POST /vaults/@@find) in this session'},
            '404': {'description': 'unknown procedure'},
            '409': {'description': 'procedure not published or retired, or not offered '
                                   'through this channel (`allowed`: the channels it offers)'},
            '422': {'description': 'missing requirements or invalid data, with fields'}}}},
}

MAX_KEY = 200


def _served(request):
    """The vault this officer found by ID card in this session, or None."""
    return counter.served_vault(request.session, request.account.login, timeutil.now())


def _idempotency_key(request):
    key = (request.headers.get('Idempotency-Key') or request.POST.get('idempotency_key')
           if request.content_type != 'application/json'
           else request.headers.get('Idempotency-Key'))
    if key and len(key) > MAX_KEY:
        raise errors.BadRequest('Idempotency-Key quá dài.')
    return key or None


def _form_payload(request):
    """A browser's multipart post as the JSON payload shape."""
    post = request.POST
    payload = {'data': formrender.read_post(post), 'attachments': {}}
    for name, value in post.items():
        if name.startswith('attachments.') and isinstance(value, str) and value:
            payload['attachments'][name[12:]] = value
        elif name in ('agency', 'citizen') and value:
            payload[name] = value
    return payload


def _store_uploads(request, site, account, channel, payload):
    """Put each uploaded file in the owner's vault, then reference it."""
    version = filing.published_version(site, request.context.code)
    vault = filing.owner_vault(site, account, channel, payload.get('citizen'),
                               _served(request) if channel == COUNTER else None)
    reqs = {r['id']: r for r in version.requirements or ()}
    limit = upload_limit(request)
    for name, value in request.POST.items():
        if not name.startswith('file.') or not hasattr(value, 'file'):
            continue
        req = reqs.get(name[5:])
        if req is None:
            raise errors.Invalid('Tệp cho thành phần không tồn tại.', {name: 'không hợp lệ'})
        try:
            doc = store_one(request, vault, account, channel, req, value, limit)
        except REFUSED_FILE as exc:   # said beside that file's box, by the page
            raise type(exc)(exc.message, fields={name: exc.message}) from None
        payload['attachments'][req['id']] = doc.id


def store_one(request, vault, account, channel, req, value, limit):
    """One uploaded file for requirement ``req`` into the owner's vault (digitised, at the counter).

    Shared with the supplement (``dossiers.views.supplement``): one set of checks
    (content type by content, size, quota) for every upload a dossier takes.
    """
    data = uploads.read_limited(value.file, limit)
    meta = {}
    if channel == COUNTER:
        meta = {'certified_by': account.login,
                'original': 'Bản chính đối chiếu tại Bộ phận Một cửa'}
    doc, _ = vault.add_document(
        data, title=req['name'], doc_type=req.get('doc_type') or 'other',
        kind='digitized' if channel == COUNTER else 'uploaded', added_by=account.login,
        content_type=value.type, filename=value.filename, limit=limit,
        quota=request.registry.vault_quota, **meta)
    return doc


APPLY_PT = 'tthc_docs.templates:dossiers/apply.pt'


@view_defaults(context=Procedure, name='apply', permission=s.VIEW)
class ApplyViews(ResourceViews):
    """The application page and the filing, online or at the counter."""

    @view_config(request_method='GET')
    def page(self):
        """The browser's application page (HTML only: it is made of the form's markup)."""
        return render(self.request, APPLY_PT, self.page_values())

    @view_config(request_method='POST')
    def apply(self):
        """File from JSON (references) or from the page (references and uploads)."""
        request = self.request
        account, site = request.account, find_site(self.context)
        channel = filing.channel_for(account)
        key = _idempotency_key(request)
        payload = None
        try:
            if request.content_type == 'application/json':
                payload = load(ApplySchema, read_json(request), 'Hồ sơ')
            else:
                payload = _form_payload(request)
                _store_uploads(request, site, account, channel, payload)
            dossier, created = _file(request, site, account, channel, payload, key)
        except REFUSED_FILE as exc:  # the page again, as typed, nothing of this attempt kept
            if wants_json(request):
                raise
            return show_again(request, exc, APPLY_PT, self.page_values(payload, exc.fields),
                              doom=True)
        url = dossier_url(request, dossier)
        return self.respond({'code': dossier.code, 'url': url, 'status': dossier.status,
                             'channel': dossier.channel, 'fee': fee_json(dossier)},
                            status=201 if created else 200, location=url, redirect=url)

    def page_values(self, posted=None, problems=None):
        """Form fields, agencies, and the documents offered for each requirement.

        After a refused post, ``posted`` (the payload read from it) fills the
        page again as the person typed it and chose, and ``problems`` ({field:
        why}) sit beside their fields, named by label in the list on top.
        """
        request = self.request
        account, site = request.account, find_site(self.context)
        channel = filing.channel_for(account)
        version = filing.published_version(site, self.context.code)
        vault = (site['vaults'].for_owner(account.login) if channel == ONLINE
                 else _counter_vault(request, site))
        documents = filing.offered_documents(
            list(vault.documents.values()) if vault is not None else [], {})
        posted, problems = posted or {}, problems or {}
        form = _published_form(site, version)
        return {'procedure': version, 'channel': channel,
                'max_upload_bytes': upload_limit(request),
                'terms': terms.terms(version, channel, timeutil.now(),
                                     calendar_for(site, request.registry.settings)),
                'form_html': _form_html(request, form, vault, documents, posted.get('data'),
                                        problems),
                'chosen': dict(posted.get('attachments') or {}, agency=posted.get('agency')),
                'was_posted': bool(posted),
                'files_refused': any(name.startswith('file.') for name in problems),
                'problem_list': _problem_list(form, version, problems),
                'agencies': [a for a in map(site['agencies'].by_code, version.agencies or ())
                             if a is not None],
                'requirements': [dict(r, documents=filing.offered_documents(documents, r),
                                      by_e_form=filing.met_by_the_e_form(version, r))
                                 for r in version.requirements or ()],
                'citizen': vault.owner if channel == COUNTER and vault is not None else '',
                'error': None, 'field_errors': {},
                'action': request.resource_url(self.context, '@@apply')}


def _file(request, site, account, channel, payload, key):
    if channel == COUNTER and not payload.get('citizen'):
        raise errors.Invalid('Cần chọn công dân nộp hồ sơ.', {'citizen': 'bắt buộc'})
    served = _served(request) if channel == COUNTER else None
    dossier, created = filing.file_application(
        site, account, request.context.code, payload, timeutil.now(), channel, key, served)
    if channel == COUNTER:  # the profile went into the dossier's data
        counter.log_read(site['vaults'][dossier.vault_id], account.login, 'profile', dossier.code)
    return dossier, created


def _counter_vault(request, site):
    """The citizen named by ``citizen``, only if found by ID card in this session; logged.

    Without ``citizen`` the page is for the citizen found in this session, if any.
    """
    citizen, served = request.params.get('citizen'), _served(request)
    if not citizen and not served:
        return None  # an empty form: nothing of anyone's is shown
    vault = site['vaults'].for_owner(citizen) if citizen else site['vaults'].get(served)
    vault = counter.check_served(vault, served)
    counter.log_read(vault, request.account.login, 'profile, documents')
    return vault


def _published_form(site, version):
    """The published form version of the procedure's e-form, or None."""
    template = site['forms'].get(version.form) if version.form else None
    return template.published_version() if template is not None else None


def _form_html(request, form, vault, documents, data=None, problems=None):
    """The published form prefilled from the vault, or as posted with its problems."""
    if form is None:
        return None
    profile = dict(vault.profile) if vault is not None else {}
    return formrender.render_form(request, form, profile, data=data, errors=problems,
                                  documents=[(d.id, d.title, d.doc_type) for d in documents])


def _problem_list(form, version, problems):
    """[(label, why)] of a refused post: each field and document named as the page names it."""
    if not problems:
        return []       # the page as first shown: no labels to gather (issue 15)
    labels = {f['name']: f['title'] for f in (form.fields if form is not None else ())}
    labels.update({f'attachments.{r["id"]}': r['name'] for r in version.requirements or ()})
    labels.update({f'file.{r["id"]}': r['name'] for r in version.requirements or ()})
    return [(labels.get(name, name), why) for name, why in problems.items()]
