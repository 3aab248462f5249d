"""Form templates over HTTP: the public JSON of API.md and the editors' JSON.

``GET /forms/<name>`` answers the published version (``?version=N`` an
older one; editors also ``?version=draft``).  Editors create with
``POST /forms/``, replace the draft with ``PUT /forms/<name>``, publish with
``POST /forms/<name>/@@publish`` and compare with ``GET
/forms/<name>/@@diff?from=1&to=2``.  The editors' browser pages live in
``forms_edit.py``.
"""
import colander
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config

from tthc_docs import errors, timeutil
from tthc_docs.eforms import render as formrender
from tthc_docs import security as s
from tthc_docs.eforms.fieldtypes import FIELD_TYPES, PREFILL_KEYS
from tthc_docs.eforms.formschema import translate
from tthc_docs.dossiers.content import Dossier
from tthc_docs.eforms.content import FormLibrary, FormTemplate, diff_versions
from tthc_docs.site.content import find_site
from tthc_docs.eforms.schema import clean_template, template_schema
from tthc_docs.web.base import read_json, reject_unknown, resource_view, wants_json

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


def is_editor(request, context):
    return request.has_permission(s.EDIT, context)


def version_json(request, template, version):
    out = version.as_json()
    out['state'] = template.state
    out['url'] = request.resource_url(template)
    if version.version > template.latest:
        out['draft'] = True
    return out


def shown_version(request, template):
    """The version asked for; the public never sees drafts or unpublished templates."""
    wanted = request.params.get('version')
    editor = is_editor(request, template)
    if wanted == 'draft' and not editor:
        raise errors.NotFound('Không tìm thấy bản nháp của biểu mẫu.')
    if wanted is None and not template.latest:
        if not editor:
            raise errors.NotFound(f'Biểu mẫu {template.__name__} chưa được công bố.')
        wanted = 'draft'
    return template.resolve(wanted)


def _summary(request, template):
    version = template.published_version() or template.draft_version()
    return {'name': template.__name__, 'title': template.title,
            'version': template.latest or None, 'state': template.state,
            'prefill_share': round(version.prefill_share(), 4),
            'url': request.resource_url(template)}


@resource_view(template='tthc_docs.templates:forms/library.pt', context=FormLibrary,
               request_method='GET', permission=s.VIEW)
def library(context, request):
    editor = is_editor(request, context)
    items = [_summary(request, t) for t in context.values() if editor or t.latest]
    return {'items': items, 'total': len(items), 'editor': editor}


@view_config(context=FormLibrary, name='field-types', request_method='GET',
             permission=s.VIEW, renderer='json')
def field_types(context, request):
    """The vocabulary of the editor's schema, for editing clients."""
    return {'types': [{'id': k, 'title': t} for k, t in FIELD_TYPES.items()],
            'prefill_keys': [{'key': k, 'title': t, 'types': sorted(kinds)}
                             for k, (t, kinds) in PREFILL_KEYS.items()]}


def load_template(data, with_name):
    """The editor's JSON through the editor's schema; 422 naming each problem."""
    reject_unknown(data, {'name', 'title', 'fields'} | ECHOED)
    try:
        return clean_template(template_schema(with_name).deserialize(data))
    except colander.Invalid as exc:
        fields = {k or '_form': translate(v) for k, v in exc.asdict(translate=translate).items()}
        raise errors.Invalid('Biểu mẫu chưa lưu được: ' + '; '.join(
            f'{k}: {v}' for k, v in sorted(fields.items())), fields) from None


@view_config(context=FormLibrary, request_method='POST', permission=s.EDIT, renderer='json')
def create(context, request):
    clean = load_template(read_json(request), with_name=True)
    template = context.create(clean['name'], clean['title'], clean['fields'],
                              request.account.login, timeutil.now())
    request.response.status_int = 201
    request.response.location = request.resource_url(template)
    return version_json(request, template, template.draft_version())


@resource_view(template='tthc_docs.templates:forms/template.pt', context=FormTemplate,
               request_method='GET', permission=s.VIEW)
def template_view(context, request):
    version = shown_version(request, context)
    out = version_json(request, context, version)
    if not wants_json(request):
        out.update(_page(request, context, version))
    return out


def _page(request, template, version):
    """What the HTML page adds: the citizen's rendering and, for editors, the versions."""
    editor = is_editor(request, template)
    return {'editor': editor, 'template': template,
            'versions': template.versions(), 'shown': version,
            'fields_html': formrender.render_form(request, version,
                                                  _viewer_profile(request, editor),
                                                  legend=version.title),
            'share_pct': round(100 * version.prefill_share())}


def _viewer_profile(request, editor):
    """Whose values prefill the page: the citizen's own vault, a sample for editors."""
    from tthc_docs.eforms.views.edit import SAMPLE_PROFILE
    account = request.account
    vault_id = getattr(account, 'vault_id', None) if account is not None else None
    if vault_id:
        vault = find_site(request.context)['vaults'].get(vault_id)
        if vault is not None:
            return dict(vault.profile)
    return SAMPLE_PROFILE if editor else {}


@view_config(context=FormTemplate, request_method='PUT', permission=s.EDIT, renderer='json')
def replace_draft(context, request):
    clean = load_template(read_json(request), with_name=False)
    context.save_draft(clean['title'], clean['fields'], request.account.login, timeutil.now())
    return version_json(request, context, context.draft_version())


@view_config(context=FormTemplate, name='publish', request_method='POST',
             permission=s.PUBLISH)
def publish(context, request):
    version = context.publish(request.account.login, timeutil.now())
    if not wants_json(request):
        return HTTPSeeOther(request.resource_url(context, query={'version': version.version}))
    response = request.response
    response.content_type = 'application/json'
    response.json_body = version_json(request, context, version)
    return response


@resource_view(template='tthc_docs.templates:forms/diff.pt', context=FormTemplate, name='diff',
               request_method='GET', permission=s.EDIT)
def diff(context, request):
    old, new = diff_pair(request, context)
    out = diff_versions(old, new)
    if not wants_json(request):
        out.update({'template': context, 'old': old, 'new': new,
                    'titles': {f['name']: f['title'] for f in old.fields + new.fields}})
    return out


def diff_pair(request, template):
    """The two versions to compare: ``from``/``to`` or the natural pair.

    A first version has no previous one: that is the template's state (409,
    saying what would make a comparison possible), not a missing resource;
    a ``from`` the template never had stays a 404.
    """
    default_to = 'draft' if template.draft is not None else template.latest
    to = template.resolve(request.params.get('to') or default_to)
    wanted = request.params.get('from')
    if not wanted:
        wanted = template.latest if to.version > template.latest else to.version - 1
        if not wanted:
            raise errors.StateConflict(
                f'Phiên bản {to.version} của biểu mẫu là phiên bản đầu tiên: chưa có '
                'phiên bản trước để so sánh.', allowed=_diff_allowed(template))
    return template.resolve(wanted), to


def _diff_allowed(template):
    """What makes a comparison possible: publish the draft, else edit a new one."""
    return ['publish'] if template.draft is not None else ['edit']


@resource_view(template='tthc_docs.templates:forms/dossier_data.pt', context=Dossier,
               name='form-data', request_method='GET', permission=s.VIEW)
def dossier_form_data(context, request):
    """The dossier's declaration as it was filled: its own form version's labels."""
    library = find_site(context)['forms']
    form = library.version_of(context.form_name, context.form_version)
    return {'form': context.form_name, 'version': context.form_version,
            'title': form.title if form is not None else None,
            'rows': library.rows_for(context.form_name, context.form_version, context.data),
            'dossier': request.resource_url(context)}
