"""The editor's schema of a form template: what an editor may save.

A template that passes this schema always yields a working citizen form
(the property tests in ``tests/unit/test_formschema.py`` hold it to that):
field names are unique identifiers, types and prefill keys are known and fit
each other, choice fields have options, patterns compile, ranges are ordered.
Every refusal names the field (``fields.<n>.<key>``) and says why in Vietnamese.
Pure colander + deform widgets; the editor views and the JSON endpoints both
deserialize with it.
"""
import re

import colander
import deform.widget

from tthc_docs.eforms.fieldtypes import FIELD_TYPES, PREFILL_KEYS, Parsed, parse_text
from tthc_docs.eforms.formschema import normalize_field
from tthc_docs.text.validators import ValidationError, compile_pattern, parse_bool, parse_integer

NAME_RE = re.compile(r'[a-z][a-z0-9_]{0,39}')
TEMPLATE_NAME_RE = re.compile(r'[a-z0-9][a-z0-9-]{1,79}')
PATTERN_TYPES = {'text', 'textarea'}
LENGTH_TYPES = {'text', 'textarea'}
RANGE_TYPES = {'integer', 'money'}
# Which field types each optional setting applies to (the rest apply to every type):
# the editor shows a setting only for these types, and ``_problems_of`` refuses it elsewhere.
SETTING_TYPES = {
    'options': {'choice'}, 'min_length': LENGTH_TYPES, 'max_length': LENGTH_TYPES,
    'min': RANGE_TYPES, 'max': RANGE_TYPES, 'pattern': PATTERN_TYPES,
    'pattern_hint': PATTERN_TYPES, 'doc_type': {'document'}, 'birth_date_field': {'id_number'},
}


def _text_node(name, title, required=True, widget=None, **kw):
    return colander.SchemaNode(
        Parsed(parse_text), name=name, title=title,
        missing=colander.required if required else None,
        missing_msg='Bắt buộc nhập.', widget=widget, **kw)


def _int_node(name, title):
    return colander.SchemaNode(Parsed(parse_integer), name=name, title=title, missing=None)


def _bool_node(name, title, default):
    return colander.SchemaNode(
        Parsed(parse_bool, lambda b: 'true' if b else 'false'), name=name, title=title,
        missing=default, default=default, widget=deform.widget.CheckboxWidget())


def _one_of(choices, what):
    def validator(node, value):
        if value not in choices:
            raise colander.Invalid(
                node, f'{what} "{value}" không có; hãy chọn một trong: {", ".join(choices)}.')
    return validator


def _match(regex, message):
    def validator(node, value):
        if not regex.fullmatch(value):
            raise colander.Invalid(node, message)
    return validator


def _doc_type_ids():
    try:
        from tthc_docs.catalog.doctypes import DOC_TYPES
    except ImportError:  # foundation not there yet: any id is taken
        return None
    return [doc_id for doc_id, _title in DOC_TYPES]


class OptionType(colander.Mapping):
    """A choice option: ``{"value", "title"}``, or a bare string for both."""

    def deserialize(self, node, cstruct):
        if isinstance(cstruct, str):
            cstruct = {'value': cstruct, 'title': cstruct}
        return super().deserialize(node, cstruct)


class OptionalSequence(colander.Sequence):
    """A sequence where JSON ``null`` means "none" (GET answers null options)."""

    def deserialize(self, node, cstruct):
        return super().deserialize(node, colander.null if cstruct is None else cstruct)


def option_schema():
    node = colander.SchemaNode(OptionType(unknown='ignore'), name='option',
                               title='Phương án')
    node.add(_text_node('value', 'Giá trị'))
    node.add(_text_node('title', 'Nhãn hiển thị', required=False))
    return node


def field_schema():
    """One field of a template, as an editor declares it."""
    node = colander.SchemaNode(colander.Mapping(unknown='ignore'), name='field',
                               title='Trường')
    node.add(_text_node('name', 'Tên kỹ thuật', validator=_match(
        NAME_RE, 'Tên trường chỉ gồm chữ thường không dấu, chữ số và dấu gạch '
                 'dưới, bắt đầu bằng chữ, tối đa 40 ký tự (ví dụ: ho_ten).')))
    node.add(_text_node('title', 'Nhãn'))
    node.add(_text_node('help', 'Hướng dẫn', required=False,
                        widget=deform.widget.TextAreaWidget(rows=2)))
    node.add(_text_node('type', 'Kiểu', validator=_one_of(list(FIELD_TYPES), 'Kiểu trường'),
                        widget=deform.widget.SelectWidget(values=list(FIELD_TYPES.items()))))
    node.add(_bool_node('required', 'Bắt buộc', False))
    prefill_values = [('', '- Không điền sẵn -')] + [
        (key, f'{title} ({key})') for key, (title, _types) in PREFILL_KEYS.items()]
    node.add(_text_node('prefill', 'Điền sẵn từ kho dữ liệu', required=False,
                        validator=_one_of(list(PREFILL_KEYS), 'Khóa điền sẵn'),
                        widget=deform.widget.SelectWidget(values=prefill_values)))
    node.add(_bool_node('editable', 'Công dân được sửa giá trị điền sẵn', True))
    node.add(colander.SchemaNode(OptionalSequence(), option_schema(), name='options',
                                 title='Các phương án (kiểu lựa chọn)', missing=None))
    for name, title in (('min_length', 'Độ dài tối thiểu'), ('max_length', 'Độ dài tối đa'),
                        ('min', 'Giá trị nhỏ nhất'), ('max', 'Giá trị lớn nhất')):
        node.add(_int_node(name, title))
    node.add(_text_node('pattern', 'Mẫu kiểm tra (biểu thức chính quy)', required=False))
    node.add(_text_node('pattern_hint', 'Thông báo khi sai mẫu', required=False))
    node.add(_text_node('doc_type', 'Loại giấy tờ (kiểu giấy tờ trong kho)', required=False))
    node.add(_text_node('birth_date_field', 'Đối chiếu năm sinh với trường ngày',
                        required=False))
    return node


def template_schema(with_name=False):
    """A whole template: title and ordered fields (name only when creating)."""
    node = colander.SchemaNode(colander.Mapping(unknown='ignore'), validator=_check_fields)
    if with_name:
        node.add(_text_node('name', 'Tên (đường dẫn)', validator=_match(
            TEMPLATE_NAME_RE, 'Tên biểu mẫu chỉ gồm chữ thường không dấu, chữ số và '
                              'dấu gạch ngang (ví dụ: to-khai-khai-sinh).')))
    node.add(_text_node('title', 'Tiêu đề biểu mẫu'))
    node.add(colander.SchemaNode(
        colander.Sequence(), field_schema(), name='fields', title='Các trường',
        validator=colander.Length(min=1, min_err='Biểu mẫu cần ít nhất một trường.'),
        widget=deform.widget.SequenceWidget(orderable=True)))
    return node


def field_problems(fields):
    """{(index or None, key): message} for what makes a field list unusable."""
    problems = {}
    seen = {}
    names = {f['name']: f for f in fields}
    doc_types = _doc_type_ids()
    for index, field in enumerate(fields):
        for key, message in _problems_of(field, names, doc_types).items():
            problems[(index, key)] = message
        if field['name'] in seen:
            problems[(index, 'name')] = (
                f'Tên trường "{field["name"]}" bị trùng với trường thứ {seen[field["name"]] + 1}.')
        seen.setdefault(field['name'], index)
    return problems


def _problems_of(field, names, doc_types):
    kind, problems = field['type'], {}
    type_title = FIELD_TYPES.get(kind, kind)
    if kind == 'choice':
        values = [o['value'] for o in field['options'] or ()]
        if not values:
            problems['options'] = 'Trường lựa chọn cần ít nhất một phương án.'
        elif len(set(values)) != len(values):
            problems['options'] = 'Các phương án có giá trị bị trùng.'
    if field['prefill'] and kind not in PREFILL_KEYS[field['prefill']][1]:
        problems['prefill'] = (f'Không thể điền "{PREFILL_KEYS[field["prefill"]][0]}" '
                               f'vào trường kiểu "{type_title}".')
    if field['pattern']:
        if kind not in PATTERN_TYPES:
            problems['pattern'] = 'Mẫu kiểm tra chỉ dùng cho trường văn bản.'
        else:
            try:
                compile_pattern(field['pattern'])
            except ValidationError as exc:
                problems['pattern'] = str(exc)
    problems.update(_bounds(field, kind, type_title))
    if kind == 'document':
        if not field['doc_type']:
            problems['doc_type'] = 'Trường giấy tờ cần loại giấy tờ.'
        elif doc_types is not None and field['doc_type'] not in doc_types:
            problems['doc_type'] = f'Loại giấy tờ "{field["doc_type"]}" không có trong danh mục.'
    target = field['birth_date_field']
    if target and (kind != 'id_number' or names.get(target, {}).get('type') != 'date'):
        problems['birth_date_field'] = (
            'Chỉ trường số định danh mới đối chiếu được, và phải với một trường kiểu "Ngày".')
    return problems


def _bounds(field, kind, type_title):
    problems = {}
    for low, high, kinds in (('min_length', 'max_length', LENGTH_TYPES),
                             ('min', 'max', RANGE_TYPES)):
        for key in (low, high):
            if field[key] is not None and kind not in kinds:
                problems[key] = f'Không dùng cho trường kiểu "{type_title}".'
            elif field[key] is not None and key.endswith('length') and field[key] < 1:
                problems[key] = 'Độ dài phải từ 1 trở lên.'
            elif field[key] is not None and kind == 'money' and field[key] < 0:
                problems[key] = 'Số tiền không được âm.'
        if field[low] is not None and field[high] is not None and field[low] > field[high]:
            problems[high] = 'Giá trị tối đa phải không nhỏ hơn giá trị tối thiểu.'
    return problems


def _check_fields(node, value):
    fields = [normalize_field(f) for f in value.get('fields') or ()]
    problems = field_problems(fields)
    if not problems:
        return
    top = colander.Invalid(node)
    seq_node = node['fields']
    seq = colander.Invalid(seq_node)
    items = {}
    for (index, key), message in sorted(problems.items()):
        if index not in items:
            items[index] = colander.Invalid(seq_node.children[0])
            seq.add(items[index], index)
        items[index][key] = message
    top.add(seq, node.children.index(seq_node))
    raise top


def clean_template(appstruct):
    """The deserialized template with normalised fields, ready to store."""
    out = dict(appstruct)
    out['fields'] = [_stored(normalize_field(f)) for f in appstruct['fields']]
    return out


def _stored(field):
    """Drop unset keys so stored definitions stay short and diffs readable."""
    keep = {'name', 'title', 'type', 'required', 'prefill', 'options'}
    out = {}
    for key, value in field.items():
        if key == 'editable':
            if value is False:
                out[key] = False
        elif key in keep or (value is not None and value != ''):
            out[key] = value
    return out
