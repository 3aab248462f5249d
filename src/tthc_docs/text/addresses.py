"""Addresses: province / district / commune from a small static vocabulary.

Form fields of type ``address`` hold ``{"street", "commune", "district",
"province"}`` with the units' official names.  The province must be one of
the 63 provinces whose codes open a citizen ID; Khánh Hòa's districts, and the
communes of its most populated districts, are listed so that they are chosen,
not typed.  Elsewhere the lower levels are free text, so that a citizen living
in another province can still apply (filing is not tied to residence).

Pure module: no web imports.  ``parse_address`` reads the one-line addresses
that vault profiles keep ("12 Trần Phú, phường Lộc Thọ, thành phố Nha Trang,
tỉnh Khánh Hòa") so that address fields can be prefilled from them.
"""
import functools
import re

from tthc_docs.text import folding

from tthc_docs.text.validators import PROVINCE_CODES, ValidationError, nfc

_CITIES = {'Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ'}


def _province_title(name):
    return ('Thành phố ' if name in _CITIES else 'Tỉnh ') + name


PROVINCES = sorted(_province_title(name) for name in PROVINCE_CODES.values())

# Khánh Hòa before the 2025 reorganisation (the three levels the forms use).
KHANH_HOA = 'Tỉnh Khánh Hòa'
_W, _X, _T = 'Phường ', 'Xã ', 'Thị trấn '
DISTRICTS = {
    KHANH_HOA: {
        'Thành phố Nha Trang': [_W + n for n in (
            'Vĩnh Hòa', 'Vĩnh Hải', 'Vĩnh Phước', 'Ngọc Hiệp', 'Vĩnh Thọ',
            'Xương Huân', 'Vạn Thắng', 'Vạn Thạnh', 'Phương Sài', 'Phương Sơn',
            'Phước Hải', 'Phước Tân', 'Lộc Thọ', 'Phước Tiến', 'Tân Lập',
            'Phước Hòa', 'Vĩnh Nguyên', 'Phước Long', 'Vĩnh Trường')]
        + [_X + n for n in (
            'Vĩnh Lương', 'Vĩnh Phương', 'Vĩnh Ngọc', 'Vĩnh Thạnh',
            'Vĩnh Trung', 'Vĩnh Hiệp', 'Vĩnh Thái', 'Phước Đồng')],
        'Thành phố Cam Ranh': [_W + n for n in (
            'Cam Nghĩa', 'Cam Phúc Bắc', 'Cam Phúc Nam', 'Cam Lộc', 'Cam Phú',
            'Ba Ngòi', 'Cam Thuận', 'Cam Lợi', 'Cam Linh')]
        + [_X + n for n in (
            'Cam Thành Nam', 'Cam Phước Đông', 'Cam Thịnh Tây',
            'Cam Thịnh Đông', 'Cam Lập', 'Cam Bình')],
        'Huyện Cam Lâm': [_T + 'Cam Đức'] + [_X + n for n in (
            'Cam Hải Đông', 'Cam Hải Tây', 'Cam Thành Bắc', 'Suối Cát',
            'Suối Tân', 'Cam Hòa', 'Cam Tân', 'Cam An Bắc', 'Cam An Nam',
            'Cam Phước Tây', 'Cam Hiệp Bắc', 'Cam Hiệp Nam', 'Sơn Tân')],
        'Huyện Diên Khánh': [_T + 'Diên Khánh'] + [_X + n for n in (
            'Diên An', 'Diên Toàn', 'Diên Thạnh', 'Diên Sơn', 'Diên Điền',
            'Diên Phú', 'Diên Lạc', 'Diên Hòa', 'Diên Bình', 'Diên Lâm',
            'Diên Phước', 'Diên Thọ', 'Diên Tân', 'Diên Đồng', 'Diên Xuân',
            'Suối Hiệp', 'Suối Tiên')],
        'Thị xã Ninh Hòa': [], 'Huyện Vạn Ninh': [], 'Huyện Khánh Vĩnh': [],
        'Huyện Khánh Sơn': [], 'Huyện Trường Sa': [],
    },
}

PARTS = ('street', 'commune', 'district', 'province')
PART_TITLES = {'street': 'Số nhà, đường, thôn/xóm', 'commune': 'Xã/phường/thị trấn',
               'district': 'Quận/huyện/thị xã/thành phố thuộc tỉnh',
               'province': 'Tỉnh/thành phố'}


def fold(text):
    """How place names are compared: the catalog's own folding (no marks, đ->d, case)."""
    return folding.fold(text)


_PREFIXES = ('thanh pho', 'tinh', 'tp.', 'tp', 'quan', 'huyen', 'thi xa', 'tx.',
             'tx', 'phuong', 'xa', 'thi tran', 'tt.', 'tt', 'p.', 'q.')


def _bare(text):
    """'thành phố Nha Trang' and 'TP. Nha Trang' both give 'nha trang'."""
    folded = fold(text)
    for prefix in sorted(_PREFIXES, key=len, reverse=True):
        if folded.startswith(prefix + ' ') or (prefix.endswith('.') and folded.startswith(prefix)):
            return folded[len(prefix):].strip()
    return folded


@functools.lru_cache(maxsize=None)
def _official(name):
    """(folded, bare) of an official name: the vocabulary is fixed, fold it once."""
    return fold(name), _bare(name)


def _match(text, names):
    """The official name in ``names`` that ``text`` designates, or None."""
    folded, bare = fold(text), _bare(text)
    for name in names:
        if _official(name)[0] == folded:
            return name
    hits = [name for name in names if _official(name)[1] == bare]
    return hits[0] if len(hits) == 1 else None


def districts_of(province):
    """Listed districts of a province ([] when they are free text)."""
    return sorted(DISTRICTS.get(province, {}))


def communes_of(province, district):
    """Listed communes of a district ([] when they are free text)."""
    return list(DISTRICTS.get(province, {}).get(district, ()))


def check_address(value):
    """Return the canonical address dict or raise ValidationError.

    Accepts the dict (names may be typed without diacritics or prefixes) or
    a one-line address, which is parsed.  Unit names are checked against the
    vocabulary where one is listed.
    """
    if isinstance(value, str):
        value = parse_address(value)
    if not isinstance(value, dict):
        raise ValidationError('Địa chỉ phải gồm tỉnh, huyện, xã và số nhà/đường.')
    parts = {}
    for part in PARTS:
        item = value.get(part) or ''
        if not isinstance(item, str):
            raise ValidationError(f'{PART_TITLES[part]}: phải là chữ.')
        parts[part] = ' '.join(nfc(item).split())
    province = _match(parts['province'], PROVINCES) if parts['province'] else None
    if province is None:
        raise ValidationError(
            'Chưa chọn tỉnh/thành phố.' if not parts['province'] else
            f'"{parts["province"]}" không phải tỉnh/thành phố nào.')
    parts['province'] = province
    parts['district'] = _checked(parts['district'], districts_of(province),
                                 'quận/huyện', province)
    parts['commune'] = _checked(parts['commune'],
                                communes_of(province, parts['district']),
                                'xã/phường/thị trấn', parts['district'])
    return parts


def _checked(text, listed, what, parent):
    if not text:
        raise ValidationError(f'Chưa chọn {what}.')
    if not listed:
        return text
    name = _match(text, listed)
    if name is None:
        raise ValidationError(f'{parent} không có {what} "{text}".')
    return name


def parse_address(text):
    """Split a one-line address into the four parts, reading from the right.

    Units found in the vocabulary get their official names; what is left on
    the left is the street part.  Raises ValidationError when no province
    is recognised.
    """
    pieces = [p.strip() for p in re.split(r'[,;]', nfc(text)) if p.strip()]
    if not pieces:
        raise ValidationError('Chưa nhập địa chỉ.')
    province = _match(pieces[-1], PROVINCES)
    if province is None:
        raise ValidationError(
            f'Không nhận ra tỉnh/thành phố trong địa chỉ "{text}".')
    rest = pieces[:-1]
    district = commune = ''
    if rest:
        district = _match(rest[-1], districts_of(province)) or rest[-1]
        rest = rest[:-1]
    if rest:
        commune = _match(rest[-1], communes_of(province, district)) or rest[-1]
        rest = rest[:-1]
    return {'street': ', '.join(rest), 'commune': commune,
            'district': district, 'province': province}


def format_address(value):
    """One line, most specific part first, as Vietnamese papers write it."""
    if isinstance(value, str):
        return value
    return ', '.join(value[p] for p in PARTS if value.get(p))
