"""One schema per form version: building, prefill, validation, editor refusals."""
import re

import colander
import deform
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from tthc_docs.errors import Invalid
from tthc_docs.eforms.fieldtypes import FIELD_TYPES, PREFILL_KEYS
from tthc_docs.eforms.formschema import (
    build_schema,
    display_rows,
    prefill_share,
    prefill_values,
    translate,
    validate_data,
)
from tthc_docs.eforms.schema import clean_template, template_schema

PROFILE = {
    'full_name': 'Nguyễn Văn An', 'birth_date': '1990-05-01', 'sex': 'Nam',
    'id_number': '056090001234', 'origin': 'xã Tân Cương, tỉnh Thái Nguyên',
    'permanent_address': '12 Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên',
    'current_address': '12 Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên',
    'phone': '+84 912 345 678', 'email': 'an@example.vn', 'tax_code': '4201234567',
}
SEX = {'name': 'gioi_tinh', 'title': 'Giới tính', 'type': 'choice', 'required': True,
       'options': ['Nam', 'Nữ'], 'prefill': 'profile.sex'}
FIELDS = [
    {'name': 'ho_ten', 'title': 'Họ, chữ đệm, tên', 'type': 'text', 'required': True,
     'prefill': 'profile.full_name'},
    {'name': 'ngay_sinh', 'title': 'Ngày sinh', 'type': 'date', 'required': True,
     'prefill': 'profile.birth_date'},
    SEX,
    {'name': 'so_dinh_danh', 'title': 'Số định danh cá nhân', 'type': 'id_number',
     'required': True, 'prefill': 'profile.id_number', 'editable': False,
     'birth_date_field': 'ngay_sinh'},
    {'name': 'noi_cu_tru', 'title': 'Nơi cư trú', 'type': 'address', 'required': True,
     'prefill': 'profile.current_address'},
    {'name': 'dien_thoai', 'title': 'Điện thoại', 'type': 'phone', 'prefill': 'profile.phone'},
    {'name': 'so_ban_sao', 'title': 'Số bản sao', 'type': 'integer', 'required': True,
     'min': 1, 'max': 10},
    {'name': 'von', 'title': 'Vốn kinh doanh', 'type': 'money'},
    {'name': 'cam_doan', 'title': 'Tôi cam đoan', 'type': 'yesno', 'required': True},
    {'name': 'giay_to', 'title': 'Căn cước', 'type': 'document', 'doc_type': 'cccd'},
]
DOCS = [('d-1', 'Căn cước công dân', 'cccd'), ('d-2', 'Sổ hộ khẩu', 'ho_khau')]


def _errors(fields, data, profile=PROFILE, documents=None):
    with pytest.raises(Invalid) as info:
        validate_data(fields, data, profile, documents)
    return info.value.fields


def test_schema_has_one_node_per_field():
    assert [n.name for n in build_schema(FIELDS).children] == [f['name'] for f in FIELDS]


def test_prefill_normalises_profile_values():
    values = prefill_values(FIELDS, PROFILE)
    assert values['dien_thoai'] == '0912345678'


def test_prefill_reads_one_line_address_into_parts():
    assert prefill_values(FIELDS, PROFILE)['noi_cu_tru']['commune'] == 'Phường Phan Đình Phùng'


def test_prefill_maps_english_sex_to_option():
    assert prefill_values([SEX], {'sex': 'female'}) == {'gioi_tinh': 'Nữ'}


def test_prefill_skips_profile_value_that_does_not_fit():
    assert prefill_values(FIELDS, {'id_number': '225123456'}) == {}


def test_prefill_share_of_complete_profile():
    assert prefill_share(FIELDS) == pytest.approx(6 / 10)


def test_prefill_share_of_partial_profile():
    assert prefill_share(FIELDS, {'full_name': 'An'}) == pytest.approx(1 / 10)


def test_prefilled_fields_may_be_omitted():
    data = validate_data(FIELDS, {'so_ban_sao': '2', 'cam_doan': True}, PROFILE)
    assert data['ho_ten'] == 'Nguyễn Văn An'


def test_validated_values_are_canonical():
    data = validate_data(FIELDS, {'so_ban_sao': '2', 'cam_doan': 'true',
                                  'von': '1.500.000', 'ngay_sinh': '01/05/1990'}, PROFILE)
    assert (data['von'], data['ngay_sinh'], data['so_ban_sao']) == (1500000, '1990-05-01', 2)


def test_citizen_may_correct_editable_prefilled_field():
    data = validate_data(FIELDS, {'so_ban_sao': 1, 'cam_doan': True,
                                  'dien_thoai': '0987 654 321'}, PROFILE)
    assert data['dien_thoai'] == '0987654321'


def test_locked_prefilled_field_cannot_be_changed():
    fields = _errors(FIELDS, {'so_ban_sao': 1, 'cam_doan': True,
                              'so_dinh_danh': '056090009999'})
    assert fields == {'so_dinh_danh': 'Trường này lấy từ kho dữ liệu, không được sửa.'}


def test_required_field_message_in_vietnamese():
    assert _errors(FIELDS, {'cam_doan': True})['so_ban_sao'] == 'Bắt buộc nhập.'


def test_without_profile_required_prefill_fields_are_asked():
    assert _errors(FIELDS, {'so_ban_sao': 1, 'cam_doan': True}, profile=None)['ho_ten']


def test_range_checked():
    assert 'lớn nhất là 10' in _errors(FIELDS, {'so_ban_sao': 11, 'cam_doan': True})['so_ban_sao']


def test_unknown_key_refused():
    assert _errors(FIELDS, {'so_ban_sao': 1, 'cam_doan': True, 'hack': 1})['hack']


def test_id_number_checked_against_birth_date_field():
    fields = [dict(f, editable=True) for f in FIELDS]
    errors = _errors(fields, {'so_ban_sao': 1, 'cam_doan': True, 'ngay_sinh': '1991-01-01'})
    assert 'năm sinh 1991' in errors['so_dinh_danh'] or '1991' in errors['so_dinh_danh']


def test_address_part_error_names_the_problem():
    errors = _errors(FIELDS, {'so_ban_sao': 1, 'cam_doan': True,
                              'noi_cu_tru': {'province': 'Tỉnh Thái Nguyên',
                                             'commune': 'Xã Không Có'}})
    assert 'Xã Không Có' in errors['noi_cu_tru']


def test_document_must_be_own_and_of_type():
    errors = _errors(FIELDS, {'so_ban_sao': 1, 'cam_doan': True, 'giay_to': 'd-2'},
                     documents=DOCS)
    assert 'kho dữ liệu' in errors['giay_to']


def test_document_of_right_type_accepted():
    data = validate_data(FIELDS, {'so_ban_sao': 1, 'cam_doan': True, 'giay_to': 'd-1'},
                         PROFILE, DOCS)
    assert data['giay_to'] == 'd-1'


def test_data_must_be_an_object():
    with pytest.raises(Invalid):
        validate_data(FIELDS, ['x'], PROFILE)


def test_display_rows_format_values():
    data = validate_data(FIELDS, {'so_ban_sao': 1, 'cam_doan': True, 'von': 2000000}, PROFILE)
    shown = {r['name']: r['value'] for r in display_rows(FIELDS, data)}
    assert (shown['von'], shown['ngay_sinh'], shown['cam_doan']) == (
        '2.000.000 đồng', '01/05/1990', 'Có')


def test_prefilled_nodes_marked_from_vault():
    values = prefill_values(FIELDS, PROFILE)
    marked = [n.name for n in build_schema(FIELDS, values).children
              if n.description.startswith('Từ kho dữ liệu')]
    assert marked == list(values)


def test_deform_render_shows_vault_mark():
    values = prefill_values(FIELDS, PROFILE)
    assert 'Từ kho dữ liệu' in deform.Form(build_schema(FIELDS, values, DOCS)).render(values)


def test_translate_colander_message():
    error = colander.Invalid(colander.SchemaNode(colander.String()), colander._('Required'))
    assert translate(error.msg) == 'Bắt buộc nhập.'


# --- the editor's schema -------------------------------------------------

def _editor_errors(template):
    with pytest.raises(colander.Invalid) as info:
        template_schema(with_name=True).deserialize(template)
    return {k: translate(v) for k, v in info.value.asdict().items()}


def _template(*fields):
    return {'name': 'to-khai', 'title': 'Tờ khai', 'fields': list(fields)}


def test_editor_refuses_duplicate_names():
    field = {'name': 'ho_ten', 'title': 'Họ tên', 'type': 'text'}
    assert 'bị trùng' in _editor_errors(_template(field, field))['fields.1.name']


def test_editor_refuses_unknown_type():
    errors = _editor_errors(_template({'name': 'a', 'title': 'A', 'type': 'colour'}))
    assert 'Kiểu trường "colour" không có' in errors['fields.0.type']


def test_editor_refuses_empty_choice_list():
    errors = _editor_errors(_template({'name': 'a', 'title': 'A', 'type': 'choice',
                                       'options': []}))
    assert errors['fields.0.options'] == 'Trường lựa chọn cần ít nhất một phương án.'


def test_editor_refuses_bad_pattern():
    errors = _editor_errors(_template({'name': 'a', 'title': 'A', 'type': 'text',
                                       'pattern': '([0-9'}))
    assert 'không hợp lệ' in errors['fields.0.pattern']


def test_editor_refuses_prefill_of_wrong_type():
    errors = _editor_errors(_template({'name': 'a', 'title': 'A', 'type': 'date',
                                       'prefill': 'profile.phone'}))
    assert 'kiểu "Ngày"' in errors['fields.0.prefill']


def test_editor_refuses_bad_field_name():
    errors = _editor_errors(_template({'name': 'Họ tên', 'title': 'A', 'type': 'text'}))
    assert 'chữ thường không dấu' in errors['fields.0.name']


def test_editor_refuses_template_without_fields():
    assert _editor_errors(_template())['fields'] == 'Biểu mẫu cần ít nhất một trường.'


def test_editor_refuses_inverted_range():
    errors = _editor_errors(_template({'name': 'a', 'title': 'A', 'type': 'integer',
                                       'min': 5, 'max': 1}))
    assert 'không nhỏ hơn' in errors['fields.0.max']


def test_editor_keeps_field_order():
    saved = clean_template(template_schema().deserialize(
        {'title': 'T', 'fields': [{'name': 'b', 'title': 'B', 'type': 'text'},
                                  {'name': 'a', 'title': 'A', 'type': 'text'}]}))
    assert [f['name'] for f in saved['fields']] == ['b', 'a']


# --- property: any template an editor can save yields a working form -----

NAMES = st.sampled_from(['ho_ten', 'ngay_sinh', 'so_dinh_danh', 'dia_chi', 'a', 'b2'])
GOOD_PATTERNS = [r'\d{10}', r'[A-Z]{2}\d{4}', r'\w+', r'[0-9]{3}-[0-9]{3}']
OPTIONS = ['Nam', 'Nữ', 'Khác', {'value': 'x', 'title': 'X'}]
BREAKAGES = [('type', 'colour'), ('options', []), ('pattern', '([a-'), ('pattern', '*'),
             ('name', 'Họ tên'), ('name', ''), ('title', '  '), ('prefill', 'profile.nothing'),
             ('min', 9), ('max_length', 0), ('doc_type', None), ('birth_date_field', 'ho_ten')]


def _bounds(draw, low_key, high_key, floor):
    low = draw(st.one_of(st.none(), st.integers(floor, 20)))
    high = draw(st.one_of(st.none(), st.integers(max(low or floor, floor, 1), 40)))
    return {k: v for k, v in ((low_key, low), (high_key, high)) if v is not None}


@st.composite
def editor_field(draw):
    """A field as an editor might declare it, sometimes broken on purpose."""
    kind = draw(st.sampled_from(list(FIELD_TYPES)))
    field = {'name': draw(NAMES), 'title': draw(st.sampled_from(['Họ tên', 'Số', 'Ngày'])),
             'type': kind, 'required': draw(st.booleans()), 'editable': draw(st.booleans())}
    fitting = [k for k, (_t, kinds) in PREFILL_KEYS.items() if kind in kinds]
    field['prefill'] = draw(st.sampled_from([None] + fitting))
    if kind == 'choice':
        field['options'] = draw(st.lists(st.sampled_from(OPTIONS), min_size=1, max_size=3,
                                         unique_by=str))
    if kind in ('text', 'textarea'):
        if draw(st.booleans()):
            field['pattern'] = draw(st.sampled_from(GOOD_PATTERNS))
        else:
            field.update(_bounds(draw, 'min_length', 'max_length', 1))
    if kind in ('integer', 'money'):
        field.update(_bounds(draw, 'min', 'max', -5 if kind == 'integer' else 0))
    if kind == 'document':
        field['doc_type'] = draw(st.sampled_from(['cccd', 'other']))
    if kind == 'id_number' and draw(st.booleans()):
        field['birth_date_field'] = 'ngay_sinh'
    if draw(st.integers(0, 7)) == 0:
        key, value = draw(st.sampled_from(BREAKAGES))
        field[key] = value
    return field


TEMPLATE = st.fixed_dictionaries({'title': st.sampled_from(['Tờ khai', 'Tờ khai', '']),
                                  'fields': st.lists(editor_field(), max_size=5,
                                                    unique_by=lambda f: f['name'])})
DOC_IDS = [('doc-cccd', 'Căn cước', 'cccd'), ('doc-other', 'Khác', 'other')]


def _saved(template):
    try:
        return clean_template(template_schema().deserialize(template))
    except colander.Invalid:
        return None


def _example(field, data):
    """A value a citizen could type into this field."""
    kind, low, high = field['type'], field.get('min'), field.get('max')
    if field.get('pattern'):
        alphabet = st.characters(codec='ascii', categories=['L', 'N', 'Pd'])
        return data.draw(st.from_regex(re.compile(field['pattern']), fullmatch=True,
                                       alphabet=alphabet))
    if kind in ('text', 'textarea'):
        size = max(field.get('min_length') or 1, 1)
        return 'Â' * size
    return {
        'integer': low if low is not None else (high if high is not None else 3),
        'money': low if low is not None else (high if high is not None else 1000),
        'date': '01/05/1990', 'yesno': True, 'email': 'an@example.vn',
        'phone': '0912 345 678', 'id_number': '056090001234',
        'address': PROFILE['current_address'],
        'choice': (field.get('options') or [{'value': '?'}])[0]['value'],
        'document': 'doc-' + str(field.get('doc_type')),
    }[kind]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much])
@given(template=TEMPLATE)
def test_any_saved_template_renders(template):
    saved = _saved(template)
    assume(saved is not None)
    values = prefill_values(saved['fields'], PROFILE)
    schema = build_schema(saved['fields'], values, DOC_IDS)
    assert '<form' in deform.Form(schema).render(values)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much])
@given(template=TEMPLATE, data=st.data())
def test_any_saved_template_accepts_what_a_citizen_types(template, data):
    saved = _saved(template)
    assume(saved is not None)
    fields = saved['fields']
    values = prefill_values(fields, PROFILE)
    typed = {f['name']: _example(f, data) for f in fields if f['name'] not in values}
    for field in fields:
        length = len(str(typed.get(field['name'], '')))
        assume(field.get('max_length') is None or field['name'] not in typed
               or length <= field['max_length'])
        assume(field.get('min_length') is None or field['name'] not in typed
               or length >= field['min_length'])
    assert set(validate_data(fields, typed, PROFILE, DOC_IDS)) >= set(typed)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(template=TEMPLATE, junk=st.dictionaries(NAMES, st.one_of(
    st.none(), st.integers(), st.text(max_size=8), st.booleans(), st.lists(st.integers()),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3)))))
def test_junk_data_only_ever_gives_field_errors(template, junk):
    saved = _saved(template)
    assume(saved is not None)
    try:
        validate_data(saved['fields'], junk, PROFILE, DOC_IDS)
    except Invalid as exc:
        assert all(isinstance(m, str) and m for m in exc.fields.values())


# --- property: what the browser shows, posted back, is accepted -----------

ADDRESS = {'street': '12 Hoàng Văn Thụ', 'commune': 'Phường Phan Đình Phùng',
           'province': 'Tỉnh Thái Nguyên'}


def _type_into(form, field, value):
    """Do what a citizen does in the browser for one empty field."""
    key = 'data.' + field['name']
    if field['type'] == 'address':
        for part, text in ADDRESS.items():
            form[f'{key}.{part}'] = text
    elif field['type'] == 'yesno':
        form[key].checked = True
    else:
        form[key] = str(value)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much])
@given(template=TEMPLATE, data=st.data())
def test_rendered_form_posted_back_is_accepted(template, data):
    from webtest.forms import Form

    from tthc_docs.eforms.render import read_post, render_form
    from tthc_docs.eforms.content import FormVersion
    saved = _saved(template)
    assume(saved is not None and saved['fields'])
    fields = saved['fields']
    version = FormVersion('t', 1, 'T', fields)
    html = render_form(None, version, PROFILE, documents=DOC_IDS)
    form = Form(None, f'<form method="post">{html}</form>')
    values = prefill_values(fields, PROFILE)
    typed = [f for f in fields if f['name'] not in values]
    for field in typed:
        value = _example(field, data)
        assume(field.get('max_length') is None or len(str(value)) <= field['max_length'])
        _type_into(form, field, value)
    clean = validate_data(fields, read_post(dict(form.submit_fields())), PROFILE, DOC_IDS)
    assert {f['name'] for f in typed} <= set(clean)


def test_required_checkbox_must_be_ticked():
    oath = [{'name': 'cam_doan', 'title': 'Tôi cam đoan', 'type': 'yesno', 'required': True}]
    assert _errors(oath, {'cam_doan': False}) == {'cam_doan': 'Cần đánh dấu ô này để tiếp tục.'}


def test_optional_checkbox_defaults_to_no():
    optional = [{'name': 'xac_nhan', 'title': 'Xác nhận thêm', 'type': 'yesno'}]
    assert validate_data(optional, {}) == {'xac_nhan': False}
