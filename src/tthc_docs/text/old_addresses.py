"""Old three-level addresses (ward, district, province of before July 2025) -> the new ones.

Vault profiles, old papers and imported files still say "phường Hoàng Văn
Thụ, thành phố Thái Nguyên, tỉnh Thái Nguyên" or "thị trấn Chợ Rã, huyện Ba
Bể, tỉnh Bắc Kạn". The arrangement of communes (the Standing Committee's
resolutions of June 2025, under Resolution 202/2025/QH15 for the provinces)
says which new commune each old one went to; the package
``vietnamadminunits`` holds that table. This module is its only seam.

Only the ward, district and province are handed to the converter, never the
street: for an old ward split between several new ones the converter would
otherwise geocode the street over the network. Without it, it takes the new
commune that the resolution names as the old ward's main successor, and
the citizen may correct it. The result is checked against the official
2025 list (:mod:`addresses`), so the two packages cannot silently disagree.
Pure: no web imports; the converter's tables are loaded on first use.
"""
import functools

from tthc_docs.text import addresses
from tthc_docs.text.validators import ValidationError


@functools.lru_cache(maxsize=1)
def _converter():
    from vietnamadminunits import convert_address  # loads its tables once
    return convert_address


def convert(parts):
    """``{"street", "commune", "district", "province"}`` of old units -> the canonical new address."""
    old = ', '.join(parts[p] for p in ('commune', 'district', 'province') if parts.get(p))
    return _checked(parts.get('street') or '', old, _converter()(old))


def convert_line(pieces):
    """A one-line old address already split on commas: the last three are the units."""
    old = ', '.join(pieces[-3:])
    return _checked(', '.join(pieces[:-3]), old, _converter()(old))


def _checked(street, old, unit):
    """The converter's answer as the official 2025 names; ValidationError when it found none."""
    if unit is None or not unit.ward or not unit.ward_code:
        raise ValidationError(f'Không chuyển được địa chỉ cũ "{old}" sang đơn vị hành chính mới: '
                              'hãy chọn xã/phường và tỉnh/thành phố theo danh mục 2025.')
    name, province = addresses.commune_by_code(unit.ward_code)
    return addresses.canonical(street, name, province)
