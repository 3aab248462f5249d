"""The vault profile schema: what a citizen declares once, checked once.

Each field reuses the validators of the forms engineer (`tthc_docs.text.validators`)
so that an ID number or a phone number is judged the same way in a vault and
in an e-form.  The ID number is also checked against the birth year and sex
that the (new or kept) profile declares.  Keys left out are kept; an empty
string or null clears a key.
"""
import re

import colander

from tthc_docs import errors
from tthc_docs.text import validators
from tthc_docs.vaults.content import ID_NUMBER_RULE, PROFILE_KEYS
from tthc_docs.web.fields import invalid

SEXES = ('Nam', 'Nữ')

LABELS = {
    'full_name': 'Họ, chữ đệm và tên',
    'birth_date': 'Ngày, tháng, năm sinh',
    'sex': 'Giới tính',
    'id_number': 'Số định danh cá nhân',
    'origin': 'Quê quán',
    'permanent_address': 'Nơi thường trú',
    'current_address': 'Nơi ở hiện tại',
    'phone': 'Số điện thoại',
    'email': 'Thư điện tử',
    'tax_code': 'Mã số thuế (doanh nghiệp, hộ kinh doanh)',
}


def _text(max_length):
    def check(node, value):
        if len(value) > max_length:
            raise colander.Invalid(node, f'Tối đa {max_length} ký tự.')
    return check


def _one_of_sexes(node, value):
    if value not in SEXES:
        raise colander.Invalid(node, 'Giới tính phải là "Nam" hoặc "Nữ".')


class _Field(colander.SchemaNode):
    schema_type = colander.String
    missing = colander.drop


def _node(name, validator=None, preparer=None, max_length=200):
    return _Field(name=name, title=LABELS[name],
                  validator=validator or _text(max_length),
                  preparer=preparer)


def profile_schema():
    schema = colander.SchemaNode(colander.Mapping(unknown='raise'))
    schema.add(_node('full_name', preparer=lambda v: ' '.join(validators.nfc(v).split())
                     if isinstance(v, str) else v, max_length=100))
    schema.add(_node('birth_date'))
    schema.add(_node('sex', validator=_one_of_sexes))
    schema.add(_node('id_number'))
    for name in ('origin', 'permanent_address', 'current_address'):
        schema.add(_node(name, preparer=lambda v: validators.nfc(v).strip()
                         if isinstance(v, str) else v))
    schema.add(_node('phone'))
    schema.add(_node('email'))
    schema.add(_node('tax_code'))
    return schema


_CHECKS = {
    'birth_date': lambda v: validators.parse_date(v).isoformat(),
    'phone': validators.normalize_phone,
    'email': validators.check_email,
    'tax_code': validators.check_tax_code,
}


def _refuse_new_id_number(sent, kept):
    """The citizen may send the kept number back (forms post every box), nothing else."""
    digits = re.sub(r'[\s.\-]', '', sent) if isinstance(sent, str) else sent
    if (digits or None) != kept:
        raise errors.Invalid(ID_NUMBER_RULE, {'id_number': ID_NUMBER_RULE})


def validate_profile(data, current=None, bind_id_number=False):
    """The cleaned changes of `data`, or `errors.Invalid` naming each field.

    An ID number different from `current`'s is refused first, naming the
    rule (`ID_NUMBER_RULE`), unless an officer binds it (`bind_id_number`),
    so that no answer can tell whether a number is registered.
    `current` is the stored profile: the ID number is checked against the
    birth date and sex that the profile will have after the change.
    """
    if not isinstance(data, dict):
        raise errors.Invalid('Hồ sơ cá nhân phải là một đối tượng.', {})
    if not bind_id_number and 'id_number' in data:
        _refuse_new_id_number(data['id_number'], (current or {}).get('id_number'))
    unknown = sorted(set(data) - set(PROFILE_KEYS))
    if unknown:
        raise errors.Invalid('Có trường không thuộc hồ sơ cá nhân.',
                             {k: 'Trường không được hỗ trợ.' for k in unknown})
    data = {k: ('' if v is None else v) for k, v in data.items()}
    bad_types = {k: 'Phải là một chuỗi ký tự.' for k, v in data.items()
                 if k in PROFILE_KEYS and not isinstance(v, str)}
    if bad_types:
        raise errors.Invalid('Thông tin cá nhân không hợp lệ.', bad_types)
    try:
        values = profile_schema().deserialize(data)
    except colander.Invalid as exc:
        raise invalid(exc, 'Thông tin cá nhân không hợp lệ.', whole='profile',
                      key=lambda path: path.split('.')[-1]) from None
    for key, value in data.items():
        if key not in values and not value.strip():
            values[key] = None   # an empty box clears the key
    fields = {}
    for key, check in _CHECKS.items():
        if values.get(key):
            try:
                values[key] = check(values[key])
            except validators.ValidationError as exc:
                fields[key] = exc.reason
    merged = dict(current or {})
    merged.update(values)
    if values.get('id_number') or ('id_number' in merged and
                                   ({'birth_date', 'sex'} & set(values))):
        _check_id_number(merged, values, fields)
    if fields:
        raise errors.Invalid('Thông tin cá nhân không hợp lệ.', fields)
    return {k: (v or None) for k, v in values.items()}


def _check_id_number(merged, values, fields):
    if 'birth_date' in fields or not merged.get('id_number'):
        return
    try:
        number = validators.check_id_number(
            merged['id_number'], birth_date=merged.get('birth_date') or None,
            sex=merged.get('sex') or None)
    except validators.ValidationError as exc:
        fields['id_number'] = exc.reason
        return
    if 'id_number' in values:
        values['id_number'] = number

