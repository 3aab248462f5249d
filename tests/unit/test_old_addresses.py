"""Old three-level addresses of Thái Nguyên and Bắc Kạn converted to the 2025 communes.

Expected communes: the Standing Committee of the National Assembly's 2025
resolution on the arrangement of Thái Nguyên's commune-level units (after
Resolution 202/2025/QH15 merged Bắc Kạn into Thái Nguyên): each old
district seat went to the new commune or ward that took its name.
"""
import pytest

from tthc_docs.text.addresses import check_address, communes_of, parse_address
from tthc_docs.text.validators import ValidationError

TN = 'Tỉnh Thái Nguyên'
REAL_OLD_ADDRESSES = [
    ('Phường Hoàng Văn Thụ, Thành phố Thái Nguyên, Tỉnh Thái Nguyên', 'Phường Phan Đình Phùng'),
    ('Xã Tân Cương, Thành phố Thái Nguyên, Tỉnh Thái Nguyên', 'Xã Tân Cương'),
    ('Phường Ba Hàng, Thành phố Phổ Yên, Tỉnh Thái Nguyên', 'Phường Phổ Yên'),
    ('Phường Thắng Lợi, Thành phố Sông Công, Tỉnh Thái Nguyên', 'Phường Sông Công'),
    ('Thị trấn Đu, Huyện Phú Lương, Tỉnh Thái Nguyên', 'Xã Phú Lương'),
    ('Thị trấn Chợ Chu, Huyện Định Hóa, Tỉnh Thái Nguyên', 'Xã Định Hóa'),
    ('Thị trấn Đình Cả, Huyện Võ Nhai, Tỉnh Thái Nguyên', 'Xã Võ Nhai'),
    ('Thị trấn Hương Sơn, Huyện Phú Bình, Tỉnh Thái Nguyên', 'Xã Phú Bình'),
    ('Phường Đức Xuân, Thành phố Bắc Kạn, Tỉnh Bắc Kạn', 'Phường Đức Xuân'),
    ('Thị trấn Chợ Rã, Huyện Ba Bể, Tỉnh Bắc Kạn', 'Xã Chợ Rã'),
    ('Thị trấn Bằng Lũng, Huyện Chợ Đồn, Tỉnh Bắc Kạn', 'Xã Chợ Đồn'),
    ('Thị trấn Yến Lạc, Huyện Na Rì, Tỉnh Bắc Kạn', 'Xã Na Rì'),
    ('Thị trấn Đồng Tâm, Huyện Chợ Mới, Tỉnh Bắc Kạn', 'Xã Chợ Mới'),
    ('Thị trấn Phủ Thông, Huyện Bạch Thông, Tỉnh Bắc Kạn', 'Xã Phủ Thông'),
]


@pytest.mark.parametrize("old, commune", REAL_OLD_ADDRESSES, ids=[a for a, _ in REAL_OLD_ADDRESSES])
def test_old_address_goes_to_its_new_commune(old, commune):
    parts = parse_address('Tổ 5, ' + old)
    assert (parts['street'], parts['commune'], parts['province']) == ('Tổ 5', commune, TN)
    assert parts['commune'] in communes_of(TN)


def test_old_parts_from_a_form_are_converted():
    parts = check_address({'street': '12 Hoàng Văn Thụ', 'commune': 'phường Hoàng Văn Thụ',
                           'district': 'TP Thái Nguyên', 'province': 'Thái Nguyên'})
    assert parts['commune'] == 'Phường Phan Đình Phùng' and parts['commune_code'] == '05443'


def test_old_address_without_diacritics():
    assert parse_address('thi tran cho ra, huyen ba be, bac kan')['commune'] == 'Xã Chợ Rã'


def test_an_old_ward_that_never_existed_is_refused():
    with pytest.raises(ValidationError, match='Không chuyển được địa chỉ cũ'):
        parse_address('Thị trấn Giang Sơn, Huyện Định Hóa, Tỉnh Thái Nguyên')
