"""One mechanism from a form version's field list to a colander schema.

The same schema renders the deform form a browser shows, validates what the
browser posts, and validates the JSON ``data`` that ``@@apply`` receives, so a
date, a phone number or an ID number obeys the same rule everywhere and every
error reads in Vietnamese.

Prefill is part of the schema, not a step beside it: a field whose value comes
from the citizen's vault gets that value as its colander ``missing``, so a
JSON client may omit it and a browser shows it filled in.

Pure module (colander and deform widgets, no Pyramid): see ``fieldtypes`` for
the per-type rules.
"""
import colander

from tthc_docs import errors
from tthc_docs.text import addresses
from tthc_docs.eforms.fieldtypes import FIELD_TYPES, PREFILL_KEYS, field_type
from tthc_docs.text.messages import Message
from tthc_docs.text.validators import ValidationError, check_id_number, nfc
from tthc_docs.web.fields import REQUIRED, in_vietnamese, invalid_fields

__all__ = ['normalize_field', 'build_schema',
           'prefill_values', 'prefill_share', 'validate_data', 'display_rows',
           'address_datalists', 'translate', 'FROM_VAULT', 'REQUIRED_MSG', 'FIELD_TYPES',
           'PREFILL_KEYS']

FROM_VAULT = 'từ kho dữ liệu'
REQUIRED_MSG = REQUIRED

# Keys a field definition may carry, with their defaults.
FIELD_DEFAULTS = {
    'name': '', 'title': '', 'help': '', 'type': 'text', 'required': False,
    'prefill': None, 'options': None, 'editable': True,
    'min_length': None, 'max_length': None, 'min': None, 'max': None,
    'pattern': None, 'pattern_hint': None, 'doc_type': None,
    'birth_date_field': None,
}


def normalize_field(field):
    """A field definition with every key present, text NFC and stripped.

    ``options`` is always a list of ``{"value", "title"}`` for choice fields
    (bare strings are accepted) and None for the others.
    """
    out = dict(FIELD_DEFAULTS)
    out.update({k: v for k, v in field.items() if k in FIELD_DEFAULTS})
    for key in ('name', 'title', 'help', 'pattern_hint'):
        if isinstance(out[key], str):
            out[key] = nfc(out[key]).strip()
    out['prefill'] = out['prefill'] or None
    if out['type'] == 'choice':
        out['options'] = [_option(o) for o in (out['options'] or ())]
    else:
        out['options'] = None
    return out


def _option(option):
    if isinstance(option, str):
        return {'value': nfc(option).strip(), 'title': nfc(option).strip()}
    value = nfc(str(option.get('value') or option.get('title') or '')).strip()
    return {'value': value, 'title': nfc(option.get('title') or value).strip()}


def build_schema(fields, prefill=None, documents=None, prefix=''):
    """The colander schema of a form.

    ``prefill``: values from the vault (see :func:`prefill_values`), which
    become the fields' defaults and their ``missing`` values.  ``documents``:
    the citizen's vault documents as ``[(id, title, doc_type)]``; when given,
    document fields accept only those of their type.  ``prefix`` is put
    before every input name (``data.`` in the browser's apply form, whose
    handler reads ``data.<field>``; address parts become ``data.<field>.<part>``).
    """
    return _schema([normalize_field(f) for f in fields], prefill, documents, prefix)


def _schema(fields, prefill=None, documents=None, prefix=''):
    """:func:`build_schema` of fields already through :func:`normalize_field`."""
    prefill = prefill or {}
    schema = colander.SchemaNode(
        colander.Mapping(unknown='ignore'), validator=_cross_checks(fields))
    for field in fields:
        schema.add(_node(field, prefill, documents, prefix))
    return schema


def _node(field, prefill, documents, prefix=''):
    kind = field_type(field['type'])
    node = kind.node(field, documents)
    node.name = prefix + field['name']
    if prefix:
        for child in node.children:
            child.name = f'{node.name}.{child.name}'
    node.title = field['title']
    node.description = field['help']
    node.missing_msg = kind.missing_msg
    if field['name'] in prefill:
        value = prefill[field['name']]
        node.missing = node.default = value
        mark = Message(FROM_VAULT.capitalize())
        node.description = (Message('${mark} · ${help}', mark=mark, help=field['help'])
                             if field['help'] else mark)
        node.widget.item_css_class = 'from-vault'
        if not field['editable']:
            node.widget.readonly = True
    elif field['required']:
        node.missing = colander.required
    else:
        node.missing = kind.empty
    return node


def _cross_checks(fields):
    """Checks that involve two fields: an ID number against a birth date (normalized fields)."""
    pairs = [(f['name'], f['birth_date_field']) for f in fields
             if f['type'] == 'id_number' and f['birth_date_field']]

    def validator(node, value):
        error = None
        for id_name, date_name in pairs:
            if value.get(id_name) and value.get(date_name):
                try:
                    check_id_number(value[id_name], birth_date=value[date_name])
                except ValidationError as exc:
                    error = error or colander.Invalid(node)
                    error[id_name] = exc.reason
        if error is not None:
            raise error
    return validator


def prefill_values(fields, profile):
    """The vault values this citizen's form starts with: {field name: value}.

    A profile value that does not fit the field (an old 9-digit ID number, an
    address outside the vocabulary) is not offered; the citizen types it.
    """
    return _prefill_values([normalize_field(f) for f in fields], profile)


def _prefill_values(fields, profile):
    """:func:`prefill_values` of fields already through :func:`normalize_field`."""
    values = {}
    for field in fields:
        key = field['prefill']
        if not key or key not in PREFILL_KEYS or not profile:
            continue
        raw = profile.get(key.split('.', 1)[1])
        if raw in (None, '', {}):
            continue
        kind = field_type(field['type'])
        node = kind.node(field, None)
        try:
            value = node.deserialize(kind.profile_cstruct(raw))
        except colander.Invalid:
            continue
        if value not in (colander.null, None):
            values[field['name']] = value
    return values


def prefill_share(fields, profile=None):
    """Share of the fields a citizen does not type, in [0, 1].

    Without ``profile``: for a citizen whose profile is complete, i.e. the
    fields with a prefill key.  With one: the fields this profile fills.
    """
    fields = list(fields)
    if not fields:
        return 0.0
    if profile is None:
        filled = [f for f in fields if f.get('prefill') in PREFILL_KEYS]
    else:
        filled = prefill_values(fields, profile)
    return len(filled) / len(fields)


def validate_data(fields, data, profile=None, documents=None):
    """Validated, JSON-safe form data, or :class:`errors.Invalid` naming each bad field.

    Prefilled fields may be omitted and take the vault's value; a prefilled
    field the editor marked not editable must not be given another value.
    """
    if not isinstance(data, dict):
        raise errors.Invalid('Dữ liệu biểu mẫu phải là một đối tượng JSON.', {})
    fields = [normalize_field(f) for f in fields]
    data = merge_parts(fields, data)
    known = {f['name'] for f in fields}
    problems = {k: 'Biểu mẫu không có trường này.' for k in data if k not in known}
    prefill = _prefill_values(fields, profile)
    schema = _schema(fields, prefill, documents)
    try:
        clean = schema.deserialize({k: v for k, v in data.items() if k in known})
    except colander.Invalid as exc:
        problems.update(invalid_fields(exc, translate=translate))
        clean = {}
    problems.update(_locked_changes(fields, data, prefill, schema))
    if problems:
        raise errors.Invalid(
            Message('Biểu mẫu còn ${n} trường chưa hợp lệ.', n=len(problems)), problems)
    return {k: v for k, v in clean.items() if v is not None}


def merge_parts(fields, data):
    """Browsers post address parts as ``<field>.<part>``: gather them."""
    data = dict(data)
    for field in fields:
        if field['type'] != 'address':
            continue
        parts = {p: data.pop(f"{field['name']}.{p}") for p in addresses.PARTS
                 if f"{field['name']}.{p}" in data}
        if parts and field['name'] not in data:
            data[field['name']] = parts
    return data


def _locked_changes(fields, data, prefill, schema):
    """Prefilled fields the editor locked, given another value than the vault's."""
    problems = {}
    for field in fields:
        name = field['name']
        if field['editable'] or name not in prefill or name not in data:
            continue
        try:
            given = schema[name].deserialize(data[name])
        except colander.Invalid:
            given = None
        if given != prefill[name]:
            problems[name] = 'Trường này lấy từ kho dữ liệu, không được sửa.'
    return problems


#: colander's messages in Vietnamese, for JSON errors and the e-form's renderer (web/fields.py).
translate = in_vietnamese


def display_rows(fields, data):
    """[{name, title, value}] for showing stored data with its own version."""
    rows = []
    for field in map(normalize_field, fields):
        value = data.get(field['name'])
        shown = '' if value in (None, '') else field_type(field['type']).display(field, value)
        rows.append({'name': field['name'], 'title': field['title'], 'value': shown})
    return rows


def address_datalists():
    """{list id: names} the browser offers for address parts (the home province's communes)."""
    return {'tthc-provinces': addresses.PROVINCES,
            'tthc-communes': addresses.communes_of(addresses.HOME_PROVINCE)}

