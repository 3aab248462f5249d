"""The editors' browser pages for form templates: add, edit, preview.

The template's fields are a deform sequence built from the editor's schema
(``schemas.forms``).  Each page shows one blank field at the end, so an
editor can add a field without JavaScript; a fully blank field (no name, no
label) is ignored on saving, as is a blank choice option.  The preview
renders the draft exactly as a citizen sees it (``formrender``), prefilled
from a sample complete profile, and checks a test submission with the same
validator that ``@@apply`` uses, without filing anything.
"""
import colander
import deform
import peppercorn
from pyramid.csrf import get_csrf_token
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config

from tthc_docs import errors, timeutil
from tthc_docs.eforms import render as formrender
from tthc_docs import security as s
from tthc_docs.eforms.content import FormLibrary, FormTemplate
from tthc_docs.eforms.schema import clean_template, template_schema

_NAME = [{'name': 'name', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}]
_HTML = {'200': {'description': 'HTML page', 'content': {'text/html': {}}}}
_SAVED = {'303': {'description': 'to the template'},
          '200': {'description': 'the form again with the problems',
                  'content': {'text/html': {}}}}
OPENAPI_PATHS = {
    '/forms/@@add': {
        'get': {'summary': 'The add form (editors, browsers)', 'responses': _HTML},
        'post': {'summary': 'Create a template from the form fields', 'responses': _SAVED}},
    '/forms/{name}/@@edit': {
        'parameters': _NAME,
        'get': {'summary': 'The draft edit form (editors, browsers)', 'responses': _HTML},
        'post': {'summary': 'Save the draft from the form fields', 'responses': _SAVED}},
    '/forms/{name}/@@preview': {
        'parameters': _NAME,
        'get': {'summary': 'The draft as a citizen sees it, prefilled from a sample profile',
                'responses': _HTML},
        'post': {'summary': 'Check a test submission as @@apply would; nothing is filed',
                 'responses': _HTML}},
}

# A complete profile, for previews: what a citizen's vault may hold.
SAMPLE_PROFILE = {
    'full_name': 'Nguyễn Thị Mẫu', 'birth_date': '1990-05-01', 'sex': 'Nữ',
    'id_number': '056190001234', 'origin': 'Xã Diên An, Huyện Diên Khánh, Tỉnh Khánh Hòa',
    'permanent_address': '12 Trần Phú, Phường Lộc Thọ, Thành phố Nha Trang, Tỉnh Khánh Hòa',
    'current_address': '12 Trần Phú, Phường Lộc Thọ, Thành phố Nha Trang, Tỉnh Khánh Hòa',
    'phone': '0912345678', 'email': 'mau@example.vn', 'tax_code': '4201234567',
}
BLANK_FIELD = {'name': '', 'title': '', 'type': 'text', 'options': [{'value': '', 'title': ''}]}


def editor_form(request, with_name):
    schema = template_schema(with_name).clone()
    schema.add(colander.SchemaNode(colander.String(), name='csrf_token', missing='',
                                   default=get_csrf_token(request),
                                   widget=deform.widget.HiddenWidget()))
    schema['fields'].widget = deform.widget.SequenceWidget(
        orderable=True, add_subitem_text_template='Thêm ${subitem_title}')
    schema['fields'].children[0]['options'].widget = deform.widget.SequenceWidget(
        add_subitem_text_template='Thêm phương án')
    return deform.Form(schema, buttons=(deform.Button('save', 'Lưu bản nháp'),),
                       renderer=formrender.RENDERER)


def _with_blanks(working):
    fields = []
    for field in working['fields']:
        field = dict(field)
        field['options'] = list(field.get('options') or []) + [{'value': '', 'title': ''}]
        fields.append({k: v for k, v in field.items() if v is not None})
    return dict(working, fields=fields + [dict(BLANK_FIELD)])


def _blank(item, *keys):
    return isinstance(item, dict) and not any(str(item.get(k) or '').strip() for k in keys)


def _posted(request):
    """The post as a pstruct, with the blank trailing field and options dropped."""
    pstruct = peppercorn.parse(request.POST.items())
    fields = [f for f in pstruct.get('fields') or [] if not _blank(f, 'name', 'title')]
    for field in fields:
        if isinstance(field, dict) and isinstance(field.get('options'), list):
            field['options'] = [o for o in field['options'] if not _blank(o, 'value', 'title')]
    pstruct['fields'] = fields
    return pstruct


def _page(form, template=None, html=None, title='Biểu mẫu'):
    return {'form_html': html or form.render(), 'template': template, 'page_title': title}


@view_config(context=FormLibrary, name='add', request_method='GET', permission=s.EDIT,
             renderer='tthc_docs.templates:forms/edit.pt')
def add_form(context, request):
    form = editor_form(request, with_name=True)
    html = form.render(_with_blanks({'name': '', 'title': '', 'fields': []}))
    return _page(form, html=html, title='Biểu mẫu mới')


@view_config(context=FormLibrary, name='add', request_method='POST', permission=s.EDIT,
             renderer='tthc_docs.templates:forms/edit.pt')
def add_post(context, request):
    form = editor_form(request, with_name=True)
    try:
        clean = clean_template(form.validate_pstruct(_posted(request)))
    except deform.ValidationFailure as failure:
        request.response.status_int = 422
        return _page(form, html=failure.render(), title='Biểu mẫu mới')
    try:
        template = context.create(clean['name'], clean['title'], clean['fields'],
                                  request.account.login, timeutil.now())
    except errors.StateConflict as exc:
        form['name'].error = colander.Invalid(form['name'].schema, exc.message)
        request.response.status_int = 409
        return _page(form, html=form.render(clean), title='Biểu mẫu mới')
    return HTTPSeeOther(request.resource_url(template, '@@preview'))


@view_config(context=FormTemplate, name='edit', request_method='GET', permission=s.EDIT,
             renderer='tthc_docs.templates:forms/edit.pt')
def edit_form(context, request):
    form = editor_form(request, with_name=False)
    html = form.render(_with_blanks(context.working_copy()))
    return _page(form, context, html, f'Sửa biểu mẫu (bản nháp phiên bản {context.latest + 1})')


@view_config(context=FormTemplate, name='edit', request_method='POST', permission=s.EDIT,
             renderer='tthc_docs.templates:forms/edit.pt')
def edit_post(context, request):
    form = editor_form(request, with_name=False)
    try:
        clean = clean_template(form.validate_pstruct(_posted(request)))
    except deform.ValidationFailure as failure:
        request.response.status_int = 422
        return _page(form, context, failure.render(), 'Sửa biểu mẫu')
    context.save_draft(clean['title'], clean['fields'], request.account.login, timeutil.now())
    return HTTPSeeOther(request.resource_url(context, '@@preview'))


def _preview(context, request, data=None, problems=None, clean=None):
    version = context.resolve(request.params.get('version') or
                              ('draft' if context.draft is not None else None))
    return {'template': context, 'version': version,
            'is_draft': version.version > context.latest,
            'fields_html': formrender.render_form(request, version, SAMPLE_PROFILE, data,
                                                  problems, legend=version.title),
            'share_pct': round(100 * version.prefill_share()),
            'problems': problems, 'rows': version.display(clean) if clean else None,
            'profile': SAMPLE_PROFILE}


@view_config(context=FormTemplate, name='preview', request_method='GET', permission=s.EDIT,
             renderer='tthc_docs.templates:forms/preview.pt')
def preview(context, request):
    return _preview(context, request)


@view_config(context=FormTemplate, name='preview', request_method='POST', permission=s.EDIT,
             renderer='tthc_docs.templates:forms/preview.pt')
def preview_check(context, request):
    """Check a test submission as ``@@apply`` would; nothing is filed."""
    version = context.resolve(request.params.get('version') or
                              ('draft' if context.draft is not None else None))
    data = formrender.read_post(request.POST)
    try:
        clean = version.validate(data, SAMPLE_PROFILE)
    except errors.Invalid as exc:
        request.response.status_int = 422
        return _preview(context, request, data, exc.fields)
    return _preview(context, request, data, None, clean)
