"""Form templates over HTTP: the public JSON of API.md and the editors' JSON.

``GET /forms/<name>`` answers the published version (``?version=N`` an
older one; editors also ``?version=draft``).  Editors create with
``POST /forms/``, replace the draft with ``PUT /forms/<name>``, publish with
``POST /forms/<name>/@@publish`` and compare with ``GET
/forms/<name>/@@diff?from=1&to=2``.  The editors' browser pages live in
``edit.py``.
"""
import colander
from pyramid.view import view_config, view_defaults

from tthc_docs import errors, timeutil
from tthc_docs import security as s
from tthc_docs.dossiers.content import Dossier
from tthc_docs.eforms import render as formrender
from tthc_docs.eforms.content import FormLibrary, FormTemplate, diff_versions
from tthc_docs.eforms.fieldtypes import FIELD_TYPES, PREFILL_KEYS
from tthc_docs.eforms.formschema import translate
from tthc_docs.eforms.schema import clean_template, template_schema
from tthc_docs.site.content import find_site
from tthc_docs.web.body import read_json, reject_unknown
from tthc_docs.web.fields import invalid_fields
from tthc_docs.web.confirm import confirm_page, needs_confirmation
from tthc_docs.web.respond import respond
from tthc_docs.web.views import ResourceViews

#: Read-only keys of the GET answer a client may send back unchanged.
ECHOED = {'version', 'prefill_share', 'state', 'url', 'draft'}

_FIELD = {'type': 'object', 'required': ['name', 'title', 'type'], 'properties': {
    'name': {'type': 'string', 'pattern': '^[a-z][a-z0-9_]{0,39}$'},
    'title': {'type': 'string'}, 'help': {'type': 'string'},
    'type': {'type': 'string', 'enum': list(FIELD_TYPES)},
    'required': {'type': 'boolean'},
    'prefill': {'type': 'string', 'nullable': True, 'enum': list(PREFILL_KEYS) + [None]},
    'options': {'type': 'array', 'nullable': True, 'items': {'type': 'object', 'properties': {
        'value': {'type': 'string'}, 'title': {'type': 'string'}}}},
    'editable': {'type': 'boolean', 'description': 'may the citizen correct a prefilled value'},
    'min_length': {'type': 'integer'}, 'max_length': {'type': 'integer'},
    'min': {'type': 'integer'}, 'max': {'type': 'integer'},
    'pattern': {'type': 'string'}, 'pattern_hint': {'type': 'string'},
    'doc_type': {'type': 'string', 'description': 'for type document: an id of /@@doc-types'},
    'birth_date_field': {'type': 'string'}}}
_VERSION = {'type': 'object', 'properties': {
    'name': {'type': 'string'}, 'title': {'type': 'string'}, 'version': {'type': 'integer'},
    'fields': {'type': 'array', 'items': _FIELD}, 'prefill_share': {'type': 'number'},
    'state': {'type': 'string', 'enum': ['draft', 'published', 'published-with-draft']}}}
_TEMPLATE_BODY = {'type': 'object', 'required': ['title', 'fields'], 'properties': {
    'name': {'type': 'string', 'description': 'only on POST /forms/'},
    'title': {'type': 'string'}, 'fields': {'type': 'array', 'items': _FIELD}}}
_JSON = {'application/json': {'schema': _VERSION}}
_ERRORS = {'401': {'description': 'not logged in'}, '403': {'description': 'not an editor'},
           '422': {'description': 'broken template, `fields` says where and why'}}

OPENAPI_PATHS = {
    '/forms/': {
        'get': {'summary': 'Form templates (published only for non-editors)',
                'responses': {'200': {'description': '{items: [{name, title, version, state, '
                                                     'prefill_share, url}], total}'}}},
        'post': {'summary': 'Create a template (its draft of version 1); editors',
                 'requestBody': {'content': {'application/json': {'schema': _TEMPLATE_BODY}}},
                 'responses': dict(_ERRORS, **{'201': {'description': 'the draft',
                                                       'content': _JSON},
                                               '409': {'description': 'name taken'}})}},
    '/forms/@@field-types': {'get': {
        'summary': 'The field types and prefill keys an editor may use',
        'responses': {'200': {'description': '{types: [{id, title}], prefill_keys: '
                                             '[{key, title, types}]}'}}}},
    '/forms/{name}': {'parameters': [{'name': 'name', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}],
        'get': {'summary': 'A published version (latest by default)',
                'parameters': [{'name': 'version', 'in': 'query', 'schema': {'type': 'string'},
                                'description': 'a number, or `draft` (editors)'}],
                'responses': {'200': {'description': 'the version', 'content': _JSON},
                              '404': {'description': 'no such template or version'}}},
        'put': {'summary': 'Replace the draft of the next version; editors',
                'requestBody': {'content': {'application/json': {'schema': _TEMPLATE_BODY}}},
                'responses': dict(_ERRORS, **{'200': {'description': 'the draft',
                                                      'content': _JSON}})}},
    '/forms/{name}/@@publish': {'parameters': [{'name': 'name', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'post': {
        'summary': 'Publish the draft as the next immutable version; editors',
        'responses': dict(_ERRORS, **{'200': {'description': 'the new version', 'content': _JSON},
                                      '409': {'description': 'no draft, or nothing changed'}})}},
    '/dossiers/{code}/@@form-data': {'parameters': [{'name': 'code', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'get': {
        'summary': "A dossier's form data, labelled with the form version it was filled with",
        'responses': {'200': {'description': '{form, version, title, rows: [{name, title, '
                                             'value}]}'},
                      '403': {'description': 'not the owner or the handling agency'}}}},
    '/forms/{name}/@@diff': {'parameters': [{'name': 'name', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'get': {
        'summary': 'What changed between two versions (`draft` allowed); editors',
        'parameters': [{'name': 'from', 'in': 'query', 'schema': {'type': 'string'}},
                       {'name': 'to', 'in': 'query', 'schema': {'type': 'string'}}],
        'responses': dict(_ERRORS, **{'200': {'description': '{from, to, title, added, removed, '
                                                            'changed, reordered, same}'},
                                      '404': {'description': 'a version the template never had'},
                                      '409': {'description': 'no previous version to compare '
                                                             'with (first version); '
                                                             '`allowed` says what to do'}})}},
}


LIBRARY_PT = 'tthc_docs.templates:forms/library.pt'
TEMPLATE_PT = 'tthc_docs.templates:forms/template.pt'
DIFF_PT = 'tthc_docs.templates:forms/diff.pt'
DOSSIER_DATA_PT = 'tthc_docs.templates:forms/dossier_data.pt'


def is_editor(request, context):
    return request.has_permission(s.EDIT, context)


def version_json(request, template, version):
    out = version.as_json()
    out['state'] = template.state
    out['url'] = request.resource_url(template)
    if version.version > template.latest:
        out['draft'] = True
    return out


def load_template(data, with_name):
    """The editor's JSON through the editor's schema; 422 naming each problem.

    The message lists the problems too, for clients that show one line.
    """
    reject_unknown(data, {'name', 'title', 'fields'} | ECHOED)
    try:
        return clean_template(template_schema(with_name).deserialize(data))
    except colander.Invalid as exc:
        fields = invalid_fields(exc, translate=translate)
        raise errors.Invalid('Biểu mẫu chưa lưu được: ' + '; '.join(
            f'{k}: {v}' for k, v in sorted(fields.items())), fields) from None


@view_defaults(context=FormLibrary, permission=s.VIEW)
class LibraryViews(ResourceViews):
    """``/forms/``: the library, its vocabulary, and new templates."""

    @view_config(request_method='GET')
    def library(self):
        editor = is_editor(self.request, self.context)
        items = [self.summary(t) for t in self.context.values() if editor or t.latest]
        return self.respond({'items': items, 'total': len(items), 'editor': editor},
                            template=LIBRARY_PT)

    def summary(self, template):
        version = template.published_version() or template.draft_version()
        return {'name': template.__name__, 'title': template.title,
                'version': template.latest or None, 'state': template.state,
                'prefill_share': round(version.prefill_share(), 4),
                'url': self.request.resource_url(template)}

    @view_config(name='field-types', request_method='GET')
    def field_types(self):
        """The vocabulary of the editor's schema, for editing clients."""
        return self.respond({
            'types': [{'id': k, 'title': t} for k, t in FIELD_TYPES.items()],
            'prefill_keys': [{'key': k, 'title': t, 'types': sorted(kinds)}
                             for k, (t, kinds) in PREFILL_KEYS.items()]})

    @view_config(request_method='POST', permission=s.EDIT)
    def create(self):
        clean = load_template(read_json(self.request), with_name=True)
        template = self.context.create(clean['name'], clean['title'], clean['fields'],
                                       self.login, timeutil.now())
        return self.respond(version_json(self.request, template, template.draft_version()),
                            status=201, location=self.request.resource_url(template))


@view_defaults(context=FormTemplate, permission=s.VIEW)
class TemplateViews(ResourceViews):
    """``/forms/<name>``: a version, the draft, publishing, comparing."""

    @property
    def editor(self):
        return is_editor(self.request, self.context)

    @view_config(request_method='GET')
    def show(self):
        wanted = self.request.params.get('version')
        version = self.context.visible_version(wanted, self.editor)
        return self.public((self.context, version), lambda: self.respond(
            version_json(self.request, self.context, version),
            template=TEMPLATE_PT, page=lambda: self.page(version)))

    def page(self, version):
        """What the HTML page adds: the citizen's rendering and, for editors, the versions."""
        editor = self.editor
        return {'editor': editor, 'template': self.context,
                'versions': self.context.versions(), 'shown': version,
                'fields_html': formrender.render_form(self.request, version,
                                                      self.viewer_profile(editor),
                                                      legend=version.title),
                'share_pct': round(100 * version.prefill_share())}

    def viewer_profile(self, editor):
        """Whose values prefill the page: the citizen's own vault, a sample for editors."""
        from tthc_docs.eforms.views.edit import SAMPLE_PROFILE
        account = self.request.account
        vault_id = getattr(account, 'vault_id', None) if account is not None else None
        if vault_id:
            vault = find_site(self.context)['vaults'].get(vault_id)
            if vault is not None:
                return dict(vault.profile)
        return SAMPLE_PROFILE if editor else {}

    @view_config(request_method='PUT', permission=s.EDIT)
    def replace_draft(self):
        clean = load_template(read_json(self.request), with_name=False)
        self.context.save_draft(clean['title'], clean['fields'], self.login, timeutil.now())
        return self.respond(version_json(self.request, self.context,
                                         self.context.draft_version()))

    @view_config(name='publish', request_method='POST', permission=s.PUBLISH)
    def publish(self):
        if needs_confirmation(self.request):
            return confirm_page(
                self.request, 'Công bố bản nháp?', 'Bản nháp sẽ thành phiên bản mới của biểu '
                'mẫu: hồ sơ nộp từ nay dùng phiên bản này; hồ sơ đã nộp giữ phiên bản cũ.',
                self.request.resource_url(self.context), 'Công bố bản nháp',
                [('Biểu mẫu', self.context.title)])
        version = self.context.publish(self.login, timeutil.now())
        return self.respond(version_json(self.request, self.context, version),
                            redirect=self.request.resource_url(
                                self.context, query={'version': version.version}),
                            flash='Đã công bố phiên bản mới của biểu mẫu.')

    @view_config(name='diff', request_method='GET', permission=s.EDIT)
    def diff(self):
        params = self.request.params
        old, new = self.context.diff_pair(params.get('from'), params.get('to'))
        return self.respond(diff_versions(old, new), template=DIFF_PT, page=lambda: {
            'template': self.context, 'old': old, 'new': new,
            'titles': {f['name']: f['title'] for f in old.fields + new.fields}})


@view_config(context=Dossier, name='form-data', request_method='GET', permission=s.VIEW)
def dossier_form_data(context, request):
    """The dossier's declaration as it was filled: its own form version's labels."""
    library = find_site(context)['forms']
    form = library.version_of(context.form_name, context.form_version)
    return respond(request, {
        'form': context.form_name, 'version': context.form_version,
        'title': form.title if form is not None else None,
        'rows': library.rows_for(context.form_name, context.form_version, context.data),
        'dossier': request.resource_url(context)}, template=DOSSIER_DATA_PT)
