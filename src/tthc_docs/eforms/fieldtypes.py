"""The field types an editor may use, each as colander type + widget + rules.

A :class:`Kind` knows how to build the colander node of a field (with its
deform widget), how to read a vault profile value into that field, and how
to show a stored value.  ``formschema`` assembles these nodes into a form.
Every parser is a function of ``tthc_docs.text.validators``.
"""
import colander
import deform.widget

from tthc_docs.text import addresses, validators as v
from tthc_docs.text.messages import Message
from tthc_docs.text.validators import ValidationError, nfc

FIELD_TYPES = {
    'text': 'Văn bản ngắn',
    'textarea': 'Văn bản dài',
    'integer': 'Số nguyên',
    'money': 'Số tiền (đồng)',
    'date': 'Ngày',
    'choice': 'Lựa chọn',
    'yesno': 'Có/Không',
    'email': 'Thư điện tử',
    'phone': 'Số điện thoại',
    'id_number': 'Số định danh cá nhân',
    'address': 'Địa chỉ (số nhà, đường; xã/phường; tỉnh)',  # two levels since 1 July 2025
    'document': 'Giấy tờ trong kho dữ liệu',
}

_TEXTS = {'text', 'textarea'}
# Vault profile keys (issue 5) and the field types each can honestly fill.
PREFILL_KEYS = {
    'profile.full_name': ('Họ, chữ đệm và tên', _TEXTS),
    'profile.birth_date': ('Ngày sinh', {'date', 'text'}),
    'profile.sex': ('Giới tính', {'choice', 'text'}),
    'profile.id_number': ('Số định danh cá nhân', {'id_number', 'text'}),
    'profile.origin': ('Quê quán', _TEXTS | {'address'}),
    'profile.permanent_address': ('Nơi thường trú', _TEXTS | {'address'}),
    'profile.current_address': ('Nơi ở hiện tại', _TEXTS | {'address'}),
    'profile.phone': ('Số điện thoại', {'phone', 'text'}),
    'profile.email': ('Thư điện tử', {'email', 'text'}),
    'profile.tax_code': ('Mã số thuế', {'text'}),
}


class Parsed(colander.SchemaType):
    """A colander type around a ``validators`` parser.

    Accepts what browsers post (strings) and what JSON clients send (numbers,
    booleans); an empty string counts as not given.
    """

    def __init__(self, parse, show=str):
        self.parse = parse
        self.show = show

    def serialize(self, node, appstruct):
        if appstruct is colander.null or appstruct is None:
            return colander.null
        if isinstance(appstruct, str):  # re-showing what was typed, even if wrong
            return appstruct
        return self.show(appstruct)

    def deserialize(self, node, cstruct):
        if cstruct is colander.null or cstruct is None:
            return colander.null
        if isinstance(cstruct, str) and not cstruct.strip():
            return colander.null
        try:
            return self.parse(cstruct)
        except ValidationError as exc:
            raise colander.Invalid(node, exc.reason, cstruct) from None


def parse_text(value):
    """Text as NFC with outer blanks removed; numbers are not text."""
    if not isinstance(value, str):
        raise ValidationError('Phải là chữ.')
    return nfc(value).strip()


def _grouped(amount):
    return f'{amount:,}'.replace(',', '.')


class Kind:
    """Plain text; the base of every field type."""
    missing_msg = 'Bắt buộc nhập.'
    empty = None

    def typ(self, field):
        return Parsed(parse_text)

    def widget(self, field, documents):
        return deform.widget.TextInputWidget()

    def checks(self, field):
        """Validation functions value -> value, raising ValidationError."""
        checks = []
        if field['min_length'] is not None or field['max_length'] is not None:
            checks.append(lambda s: v.check_length(s, field['min_length'], field['max_length']))
        if field['pattern']:
            checks.append(lambda s: v.check_pattern(s, field['pattern'], field['pattern_hint']))
        return checks

    def node(self, field, documents):
        checks = self.checks(field)

        def validator(node, value):
            for check in checks:
                try:
                    check(value)
                except ValidationError as exc:
                    raise colander.Invalid(node, exc.reason, value) from None
        return colander.SchemaNode(self.typ(field), widget=self.widget(field, documents),
                                   validator=validator if checks else None)

    def profile_cstruct(self, raw):
        return raw

    def display(self, field, value):
        return str(value)


class TextKind(Kind):
    def profile_cstruct(self, raw):
        return addresses.format_address(raw) if isinstance(raw, dict) else str(raw)


class TextAreaKind(TextKind):
    def widget(self, field, documents):
        return deform.widget.TextAreaWidget(rows=4)


class NumberKind(Kind):
    def checks(self, field):
        if field['min'] is None and field['max'] is None:
            return []
        return [lambda n: v.check_range(n, field['min'], field['max'])]


class IntegerKind(NumberKind):
    def typ(self, field):
        return Parsed(v.parse_integer)

    def widget(self, field, documents):
        return deform.widget.TextInputWidget(attributes={'inputmode': 'numeric'})


class MoneyKind(NumberKind):
    def typ(self, field):
        return Parsed(v.parse_money, _grouped)

    def widget(self, field, documents):
        return deform.widget.TextInputWidget(
            attributes={'inputmode': 'numeric', 'placeholder': '1.500.000'})

    def display(self, field, value):
        return f'{_grouped(value)} đồng'


class DateKind(Kind):
    def typ(self, field):
        return Parsed(lambda s: v.parse_date(s).isoformat())

    def checks(self, field):
        return []

    def widget(self, field, documents):
        return deform.widget.TextInputWidget(attributes={'type': 'date'})

    def display(self, field, value):
        return v.parse_date(value).strftime('%d/%m/%Y')


class ChoiceKind(Kind):
    missing_msg = 'Bắt buộc chọn.'

    def typ(self, field):
        options = field['options'] or []

        def parse(value):
            text = nfc(str(value)).strip()
            for option in options:
                if text in (option['value'], option['title']):
                    return option['value']
            wanted = addresses.fold(_SEX_ALIASES.get(addresses.fold(text), text))
            for option in options:
                if wanted in (addresses.fold(option['value']), addresses.fold(option['title'])):
                    return option['value']
            titles = ', '.join(o['title'] for o in options)
            raise ValidationError(Message('Hãy chọn một trong: ${titles}.', titles=titles))
        return Parsed(parse)

    def checks(self, field):
        return []

    def widget(self, field, documents):
        # A select posts under the field's own name (radios post under an
        # oid with peppercorn markers), which keeps the apply post flat.
        values = [(o['value'], o['title']) for o in field['options'] or []]
        return deform.widget.SelectWidget(values=[('', '- Chọn -')] + values)

    def display(self, field, value):
        for option in field['options'] or []:
            if option['value'] == value:
                return option['title']
        return str(value)


_SEX_ALIASES = {'male': 'Nam', 'm': 'Nam', 'female': 'Nữ', 'f': 'Nữ'}


class YesNoKind(Kind):
    missing_msg = 'Hãy chọn "Có" hoặc "Không".'
    empty = False

    def typ(self, field):
        return Parsed(v.parse_bool, lambda b: 'true' if b else 'false')

    def checks(self, field):
        """A required yes/no is a checkbox that must be ticked (as in HTML)."""
        if not field['required']:
            return []

        def ticked(value):
            if value is not True:
                raise ValidationError('Cần đánh dấu ô này để tiếp tục.')
            return value
        return [ticked]

    def widget(self, field, documents):
        return deform.widget.CheckboxWidget()

    def display(self, field, value):
        return 'Có' if value else 'Không'


class EmailKind(Kind):
    def typ(self, field):
        return Parsed(v.check_email)

    def widget(self, field, documents):
        return deform.widget.TextInputWidget(attributes={'type': 'email'})


class PhoneKind(Kind):
    def typ(self, field):
        return Parsed(v.normalize_phone)

    def checks(self, field):
        return []

    def widget(self, field, documents):
        return deform.widget.TextInputWidget(
            attributes={'type': 'tel', 'placeholder': '0912 345 678'})


class IdNumberKind(Kind):
    def typ(self, field):
        return Parsed(v.check_id_number)

    def checks(self, field):
        return []

    def widget(self, field, documents):
        return deform.widget.TextInputWidget(
            attributes={'inputmode': 'numeric', 'maxlength': '15'})


class AddressType(colander.Mapping):
    """A mapping of the address parts (two-level form since 2025), checked against the vocabulary;
    JSON clients may also send the address as one line."""

    def deserialize(self, node, cstruct):
        if cstruct is colander.null or cstruct is None:
            return colander.null
        if isinstance(cstruct, str):
            if not cstruct.strip():
                return colander.null
            try:
                cstruct = addresses.parse_address(cstruct)
            except ValidationError as exc:
                raise colander.Invalid(node, exc.reason, cstruct) from None
        if not isinstance(cstruct, dict):
            raise colander.Invalid(node, 'Địa chỉ phải gồm số nhà/đường, xã/phường và tỉnh/thành phố.')
        parts = super().deserialize(node, cstruct)
        parts.update({k: cstruct[k] for k in addresses.EXTRA_PARTS if isinstance(cstruct.get(k), str)})
        if not any(parts.get(p) for p in addresses.PARTS + addresses.EXTRA_PARTS):
            return colander.null
        try:
            return addresses.check_address(parts)
        except ValidationError as exc:
            raise colander.Invalid(node, exc.reason, cstruct) from None


class AddressKind(Kind):
    def node(self, field, documents):
        node = colander.SchemaNode(AddressType(unknown='ignore'),
                                   widget=deform.widget.MappingWidget())
        for part in addresses.PARTS:
            attributes = {} if part == 'street' else {'list': f'tthc-{part}s'}
            node.add(colander.SchemaNode(
                Parsed(parse_text), name=part, title=addresses.PART_TITLES[part],
                missing='', widget=deform.widget.TextInputWidget(attributes=attributes)))
        return node

    def display(self, field, value):
        return addresses.format_address(value)


class DocumentKind(Kind):
    """A vault document of the field's ``doc_type``, given by its id."""
    missing_msg = 'Bắt buộc chọn giấy tờ.'

    def _mine(self, field, documents):
        return [(d[0], d[1]) for d in documents or () if d[2] == field['doc_type']]

    def node(self, field, documents):
        node = super().node(field, documents)
        if documents is not None:
            ids = [doc_id for doc_id, _title in self._mine(field, documents)]

            def validator(node, value):
                if value not in ids:
                    raise colander.Invalid(
                        node, 'Không có giấy tờ này (đúng loại) trong kho dữ liệu của bạn.')
            node.validator = validator
        return node

    def checks(self, field):
        return []

    def widget(self, field, documents):
        return deform.widget.SelectWidget(
            values=[('', '- Chọn giấy tờ trong kho -')] + self._mine(field, documents))


_KINDS = {
    'text': TextKind(), 'textarea': TextAreaKind(), 'integer': IntegerKind(),
    'money': MoneyKind(), 'date': DateKind(), 'choice': ChoiceKind(),
    'yesno': YesNoKind(), 'email': EmailKind(), 'phone': PhoneKind(),
    'id_number': IdNumberKind(), 'address': AddressKind(), 'document': DocumentKind(),
}
assert set(_KINDS) == set(FIELD_TYPES)


def field_type(name):
    """The :class:`Kind` of a type id (KeyError for unknown ids)."""
    return _KINDS[name]
