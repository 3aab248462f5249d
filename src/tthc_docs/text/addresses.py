"""Addresses in the two-level form: house and street, commune/ward, province.

Since 1 July 2025 Vietnam's local government has two levels, province and
commune (Law on Organisation of Local Government 2025, no. 72/2025/QH15),
and 34 provinces (Resolution 202/2025/QH15 on the arrangement of provinces;
Thái Nguyên absorbed Bắc Kạn). Units are chosen from the official list and
its codes (Decision 19/2025/QĐ-TTg), as the package ``vietnam-provinces``
(2025 data) ships it, never from a hand-kept list that would drift.

Form fields of type ``address`` hold ``{"street", "commune", "province",
"commune_code"}`` with the official names and the commune's 5-digit code.
Input in the old three-level form (a ``district`` part, or a one-line
address naming a district) goes through :mod:`old_addresses`, which maps
the old ward, district and province to the new commune and province.

Pure module: no web imports.  Place names are compared folded (no marks,
đ->d, any case, prefixes such as "P." or "TP" ignored), so "phan dinh phung,
thai nguyen" finds "Phường Phan Đình Phùng, Tỉnh Thái Nguyên".
"""
import functools
import re

from vietnam_provinces import Province, VietNamDivisionType, Ward

from tthc_docs.text import folding
from tthc_docs.text.validators import ValidationError, nfc

HOME_PROVINCE = 'Tỉnh Thái Nguyên'  # the province this system serves (its code H55)

PARTS = ('street', 'commune', 'province')
EXTRA_PARTS = ('commune_code', 'district')  # a commune by code; an old district, converted
PART_TITLES = {'street': 'Số nhà, đường, thôn/xóm/tổ dân phố',
               'commune': 'Xã/phường/đặc khu', 'province': 'Tỉnh/thành phố'}

_PREFIXES = ('thanh pho', 'tinh', 'tp.', 'tp', 'phuong', 'xa', 'dac khu', 'p.', 'x.')


def fold(text):
    """How place names are compared: the catalog's own folding (no marks, đ->d, case)."""
    return folding.fold(text)


def _bare(text):
    """'phường Phan Đình Phùng' and 'P. Phan Dinh Phung' both give 'phan dinh phung'."""
    folded = fold(text)
    for prefix in sorted(_PREFIXES, key=len, reverse=True):
        if folded.startswith(prefix + ' ') or (prefix.endswith('.') and folded.startswith(prefix)):
            return folded[len(prefix):].strip()
    return folded


def _province_title(province):
    """'Thái Nguyên' -> 'Tỉnh Thái Nguyên'; the five cities already say 'Thành phố'."""
    if province.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG:
        return province.name
    return 'Tỉnh ' + province.name


def ward_code(ward):
    """The official 5-digit code of a commune, as the list writes it ('05443')."""
    return f'{int(ward.code.value):05d}'


@functools.lru_cache(maxsize=None)
def _provinces():
    """{official title: Province}, built once from the package's data."""
    return {_province_title(p): p for p in Province.iter_all()}


@functools.lru_cache(maxsize=None)
def _wards():
    """{province title: [Ward]} and {code: (Ward, province title)}, built once."""
    by_province, by_code = {}, {}
    titles = {p.code: t for t, p in _provinces().items()}
    for ward in Ward.iter_all():
        title = titles[ward.province_code]
        by_province.setdefault(title, []).append(ward)
        by_code[ward_code(ward)] = (ward, title)
    return by_province, by_code


PROVINCES = sorted(_provinces())


def communes_of(province):
    """The official names of a province's communes, wards and special zones."""
    return [w.name for w in _wards()[0].get(province, ())]


def commune_by_code(code):
    """``(name, province)`` of an official commune code; ValidationError if there is none."""
    text = str(code or '').strip()
    found = _wards()[1].get(text.zfill(5)) if text.isdigit() and len(text) <= 5 else None
    if found is None:
        raise ValidationError(
            f'Không có xã/phường mã "{text}" trong danh mục đơn vị hành chính 2025.')
    ward, province = found
    return ward.name, province


@functools.lru_cache(maxsize=None)
def _official(name):
    """(folded, bare) of an official name, worked out once: every address check
    compares the typed text with a province's or the country's names."""
    return fold(name), _bare(name)


def _match(text, names):
    """The official name in ``names`` that ``text`` designates, or None."""
    folded, bare = fold(text), _bare(text)
    hits = ([n for n in names if _official(n)[0] == folded]
            or [n for n in names if _official(n)[1] == bare])
    return hits[0] if len(hits) == 1 else None


def match_province(text):
    """The official title of the province ``text`` names, or None."""
    return _match(text, PROVINCES) if text else None


def find_communes(query, province=None, limit=20):
    """Communes whose folded name contains the folded ``query``: [(code, name, province)].

    Search by place name works with or without diacritics ("dai tu" finds
    "Xã Đại Từ"); ``province`` (an official title) narrows the search.
    """
    wanted = _bare(query)
    found = []
    for code, (ward, title) in sorted(_wards()[1].items()):
        if (province is None or title == province) and wanted in _official(ward.name)[1]:
            found.append((code, ward.name, title))
            if len(found) >= limit:
                break
    return found


def _clean_parts(value):
    parts = {}
    for part in PARTS + EXTRA_PARTS:
        item = value.get(part) or ''
        if not isinstance(item, str):
            raise ValidationError(f'{PART_TITLES.get(part, part)}: phải là chữ.')
        parts[part] = ' '.join(nfc(item).split())
    return parts


def check_address(value):
    """Return the canonical address dict or raise ValidationError.

    Accepts the dict (names typed with or without diacritics or prefixes,
    or the commune given by its official code) or a one-line address. An
    address in the old three-level form is converted first.
    """
    if isinstance(value, str):
        value = parse_address(value)
    if not isinstance(value, dict):
        raise ValidationError('Địa chỉ phải gồm số nhà/đường, xã/phường và tỉnh/thành phố.')
    parts = _clean_parts(value)
    if parts['district']:
        from tthc_docs.text.old_addresses import convert
        return convert(parts)
    if parts['commune_code'] or parts['commune'].isdigit():
        return _by_code(parts)
    province = match_province(parts['province'])
    if province is None:
        raise ValidationError(
            'Chưa chọn tỉnh/thành phố.' if not parts['province'] else
            f'"{parts["province"]}" không phải tỉnh/thành phố nào (34 tỉnh, thành phố từ 2025).')
    if not parts['commune']:
        raise ValidationError('Chưa chọn xã/phường/đặc khu.')
    commune = _match(parts['commune'], communes_of(province))
    if commune is None:
        raise ValidationError(f'{province} không có xã/phường "{parts["commune"]}".')
    return canonical(parts['street'], commune, province)


def _by_code(parts):
    """The commune named by its code; a province given too must be its own."""
    name, province = commune_by_code(parts['commune_code'] or parts['commune'])
    given = match_province(parts['province']) if parts['province'] else province
    if given != province:
        raise ValidationError(f'{parts["province"]} không có xã/phường "{name}" '
                              f'(thuộc {province}).')
    return canonical(parts['street'], name, province)


def canonical(street, commune, province):
    """The stored shape: official names and the commune's code."""
    code = next(ward_code(w) for w in _wards()[0][province] if w.name == commune)
    return {'street': street, 'commune': commune, 'province': province, 'commune_code': code}


def parse_address(text):
    """Read a one-line address ("12 Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên").

    Reads from the right: the province, then the commune of that province.
    A line whose units are not in the 2025 list (it names a district, or a
    pre-2025 province) is converted from the old form. Raises
    ValidationError when nothing is recognised.
    """
    pieces = [p.strip() for p in re.split(r'[,;]', nfc(text)) if p.strip()]
    if not pieces:
        raise ValidationError('Chưa nhập địa chỉ.')
    province = match_province(pieces[-1])
    commune = None
    if province and len(pieces) > 1 and not any(map(_names_old_unit, pieces[-3:-1])):
        commune = _match(pieces[-2], communes_of(province))
    if commune is not None:
        return canonical(', '.join(pieces[:-2]), commune, province)
    if len(pieces) >= 3:
        from tthc_docs.text.old_addresses import convert_line
        return convert_line(pieces)
    if province is None:
        raise ValidationError(f'Không nhận ra tỉnh/thành phố trong địa chỉ "{text}".')
    raise ValidationError(f'{province} không có xã/phường "{pieces[-2] if len(pieces) > 1 else ""}".')


_OLD_UNITS = ('huyen ', 'quan ', 'thi xa ', 'thi tran ', 'thanh pho ', 'tp ', 'tp.', 'tx ', 'tx.')


def _names_old_unit(piece):
    """True for a district ("huyện Ba Bể", "TP Sông Công") or a town: units gone since 2025."""
    return fold(piece).startswith(_OLD_UNITS)


def format_address(value):
    """One line, most specific part first, as Vietnamese papers write it."""
    if isinstance(value, str):
        return value
    return ', '.join(value[p] for p in ('street', 'commune', 'district', 'province')
                     if value.get(p))
