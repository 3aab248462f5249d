"""The editors' browser pages for form templates: add, edit, preview.

The template's fields are a deform sequence built from the editor's schema
(``schemas.forms``).  Each page shows one blank field at the end, so an
editor can add a field without JavaScript; a fully blank field (no name, no
label) is ignored on saving, as is a blank choice option.  The preview
renders the draft exactly as a citizen sees it (``formrender``), prefilled
from a sample complete profile, and checks a test submission with the same
validator that ``@@apply`` uses, without filing anything.
"""
import json

import deform
import peppercorn
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config, view_defaults

from tthc_docs import errors, timeutil
from tthc_docs import security as s
from tthc_docs.eforms import render as formrender
from tthc_docs.eforms.content import FormLibrary, FormTemplate
from tthc_docs.eforms.schema import SETTING_TYPES, clean_template, template_schema
from tthc_docs.web.forms import FormView
from tthc_docs.web.respond import render
from tthc_docs.web.views import ResourceViews

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

# A complete profile, for previews: what a citizen's vault may hold (a Thái Nguyên
# resident: 019 is the province's code in the ID number, 46 its tax codes' prefix;
# the places are in the official list of 1 July 2025).
SAMPLE_PROFILE = {
    'full_name': 'Nguyễn Thị Mẫu', 'birth_date': '1990-05-01', 'sex': 'Nữ',
    'id_number': '019190001234', 'origin': 'Xã Đại Từ, Tỉnh Thái Nguyên',
    'permanent_address': '12 Hoàng Văn Thụ, Phường Phan Đình Phùng, Tỉnh Thái Nguyên',
    'current_address': '12 Hoàng Văn Thụ, Phường Phan Đình Phùng, Tỉnh Thái Nguyên',
    'phone': '0912345678', 'email': 'mau@example.vn', 'tax_code': '4601234567',
}
BLANK_FIELD = {'name': '', 'title': '', 'type': 'text', 'options': [{'value': '', 'title': ''}]}


EDIT_PT = 'tthc_docs.templates:forms/edit.pt'
PREVIEW_PT = 'tthc_docs.templates:forms/preview.pt'


def with_blanks(working):
    """The template's fields plus one blank field and one blank option each, to add without JS."""
    fields = []
    for field in working['fields']:
        field = dict(field)
        field['options'] = list(field.get('options') or []) + [{'value': '', 'title': ''}]
        fields.append({k: v for k, v in field.items() if v is not None})
    return dict(working, fields=fields + [dict(BLANK_FIELD)])


def _blank(item, *keys):
    return isinstance(item, dict) and not any(str(item.get(k) or '').strip() for k in keys)


class TemplateForm(FormView):
    """The editor's form of a template: its fields as an orderable deform sequence."""

    buttons = (('save', 'Lưu bản nháp'),)
    template = EDIT_PT
    form_options = {'renderer': formrender.RENDERER}
    with_name = False

    def make_schema(self):
        schema = template_schema(self.with_name).clone()
        schema['fields'].widget = deform.widget.SequenceWidget(
            orderable=True, add_subitem_text_template='Thêm ${subitem_title}')
        schema['fields'].children[0]['options'].widget = deform.widget.SequenceWidget(
            add_subitem_text_template='Thêm phương án')
        return schema

    def make_form(self):
        """The form, with the browser's ``required`` check off the blank rows' inputs.

        The blank trailing field and each blank option row are there to add one
        without JavaScript; marked ``required`` they would stop the browser from
        sending the form at all.  The schema still requires a name, a label and
        an option's value of every row that is not wholly blank (``pstruct``).
        """
        form = super().make_form()
        item = form['fields'].children[0]
        for field in (item['name'], item['title'], item['options'].children[0]['value']):
            field.required = False
        return form

    def pstruct(self):
        """The post, with the blank trailing field and blank options dropped."""
        pstruct = peppercorn.parse(self.request.POST.items())
        fields = [f for f in pstruct.get('fields') or [] if not _blank(f, 'name', 'title')]
        for field in fields:
            if isinstance(field, dict) and isinstance(field.get('options'), list):
                field['options'] = [o for o in field['options']
                                    if not _blank(o, 'value', 'title')]
        pstruct['fields'] = fields
        return pstruct

    def page(self):
        """The template, and which settings each field type needs (for editor.js)."""
        return {'template': self.context if isinstance(self.context, FormTemplate) else None,
                'setting_types': json.dumps({k: sorted(v) for k, v in SETTING_TYPES.items()})}


@view_config(context=FormLibrary, name='add', request_method=('GET', 'POST'), permission=s.EDIT)
class AddTemplate(TemplateForm):
    title = 'Biểu mẫu mới'
    with_name = True

    def appstruct(self):
        return with_blanks({'name': '', 'title': '', 'fields': []})

    def save_success(self, appstruct):
        clean = clean_template(appstruct)
        try:
            template = self.context.create(clean['name'], clean['title'], clean['fields'],
                                           self.request.account.login, timeutil.now())
        except errors.StateConflict as exc:  # the name is what conflicts: mark that field
            raise errors.StateConflict(exc.message, fields={'name': exc.message}) from None
        return HTTPSeeOther(self.request.resource_url(template, '@@preview'))


@view_config(context=FormTemplate, name='edit', request_method=('GET', 'POST'),
             permission=s.EDIT)
class EditTemplate(TemplateForm):

    @property
    def title(self):
        return f'Sửa biểu mẫu (bản nháp phiên bản {self.context.latest + 1})'

    def appstruct(self):
        return with_blanks(self.context.working_copy())

    def save_success(self, appstruct):
        clean = clean_template(appstruct)
        self.context.save_draft(clean['title'], clean['fields'], self.request.account.login,
                                timeutil.now())
        return HTTPSeeOther(self.request.resource_url(self.context, '@@preview'))


@view_defaults(context=FormTemplate, name='preview', permission=s.EDIT)
class Preview(ResourceViews):
    """The draft as a citizen sees it, and a test submission checked as ``@@apply`` would."""

    @property
    def version(self):
        wanted = self.request.params.get('version')
        return self.context.resolve(wanted or ('draft' if self.context.draft is not None
                                               else None))

    @view_config(request_method='GET')
    def show(self):
        return render(self.request, PREVIEW_PT, self.values(self.version))

    @view_config(request_method='POST')
    def check(self):
        """Nothing is filed: the answer is the page with the problems or the clean rows."""
        version = self.version
        data = formrender.read_post(self.request.POST)
        try:
            clean = version.validate(data, SAMPLE_PROFILE)
        except errors.Invalid as exc:
            return render(self.request, PREVIEW_PT, self.values(version, data, exc.fields),
                          exc.status)
        return render(self.request, PREVIEW_PT, self.values(version, data, None, clean))

    def values(self, version, data=None, problems=None, clean=None):
        return {'template': self.context, 'version': version,
                'is_draft': version.version > self.context.latest,
                'fields_html': formrender.render_form(self.request, version, SAMPLE_PROFILE,
                                                      data, problems, legend=version.title),
                'share_pct': round(100 * version.prefill_share()),
                'problems': problems, 'rows': version.display(clean) if clean else None,
                'profile': SAMPLE_PROFILE}
