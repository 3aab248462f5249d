"""Journey: the signed result reads as the procedure's own document, read back with pypdf.

Its title is the procedure's result document (the catalog's ``result_title``),
its values are written the Vietnamese way (a tick box as "Có", a date as
dd/mm/yyyy, money as "7.500 ₫" with the amount in words), it is numbered in
the agency's yearly sequence (Decree 30/2020/NĐ-CP art. 15: from 01 January
to 31 December) with the suffix the agency configures, and its signature is
never alone on a page (Decree 30/2020 App. I: the signature follows the text).
"""
from datetime import datetime

import pytest
from samples import pdf_text

from dossier_support import (AGENCY, clock, docs, get, pki_dir, publish_form,  # noqa: F401
                             publish_procedure, signing, walk_to)
from signing_support import fresh_throttle, result_bytes  # noqa: F401
from tthc_docs import timeutil

JSON = {'Accept': 'application/json'}
PROC, FORM = '9.990021', 'to-khai-xac-nhan-thu'
TITLE = 'Giấy xác nhận tình trạng hôn nhân'
FIELDS = [
    {'name': 'ket_hon', 'title': 'Đã đăng ký kết hôn', 'type': 'yesno', 'required': False},
    {'name': 'ngay_cap', 'title': 'Ngày cấp giấy tờ', 'type': 'date', 'required': True},
    {'name': 'le_phi', 'title': 'Số tiền đã nộp', 'type': 'money', 'required': True},
] + [{'name': f'ghi_chu_{i}', 'title': f'Ghi chú thứ {i}', 'type': 'textarea', 'required': False}
     for i in range(1, 16)]


@pytest.fixture
def titled(edit_site, clock):
    with edit_site() as site:
        publish_form(site, FORM, 'Tờ khai xác nhận (thử)', FIELDS)
        publish_procedure(site, PROC, form=FORM, requirements=[], result_title=TITLE,
                          result_name='Giấy xác nhận (bản chính)')
    return PROC


def signed(login, edit_site, notes=3, tag=''):
    """A dossier of ``PROC`` signed by leader1 (``tag`` makes the application a new one)."""
    data = {'ket_hon': True, 'ngay_cap': '12/05/1988', 'le_phi': '7500', 'ghi_chu_15': f'Lần {tag}'}
    data.update({f'ghi_chu_{i}': f'Nội dung ghi chú số {i} của người nộp hồ sơ, đủ dài để '
                 'chiếm một dòng trên văn bản kết quả.' for i in range(1, notes + 1)})
    code = login('citizen1').post_json(f'/procedures/{PROC}/@@apply',
                                       {'data': data, 'attachments': {}},
                                       headers=JSON, status=201).json['code']
    walk_to(login, code, 'result_ready', edit_site=edit_site)
    return code, result_bytes(edit_site, code)


def test_the_title_is_the_procedures_result_document(login, edit_site, titled, signing,
                                                     fresh_throttle):
    _, data = signed(login, edit_site)
    text = pdf_text(data)
    assert TITLE.upper() in text and 'GIẤY XÁC NHẬN KẾT QUẢ GIẢI QUYẾT' not in text


def test_values_are_written_the_vietnamese_way(login, edit_site, titled, signing, fresh_throttle):
    _, data = signed(login, edit_site)
    text = pdf_text(data)
    assert 'Đã đăng ký kết hôn: Có' in text and 'True' not in text
    assert 'Ngày cấp giấy tờ: 12/05/1988' in text and '1988-05-12' not in text
    assert 'Số tiền đã nộp: 7.500 ₫ (Bằng chữ: Bảy nghìn năm trăm đồng)' in text


def test_results_are_numbered_per_agency_and_year_with_its_suffix(login, edit_site, titled,
                                                                   signing, fresh_throttle,
                                                                   clock):
    with edit_site() as site:
        site['agencies'].by_code(AGENCY).result_suffix = 'KQ-TTPVHCC'
    clock.set(datetime(2027, 12, 30, 9, 0, tzinfo=timeutil.VN_TZ))
    first = pdf_text(signed(login, edit_site, tag='1')[1])
    second = pdf_text(signed(login, edit_site, tag='2')[1])
    clock.set(datetime(2028, 1, 3, 9, 0, tzinfo=timeutil.VN_TZ))
    third = pdf_text(signed(login, edit_site, tag='3')[1])
    with edit_site() as site:
        counted = site['dossiers'].result_numbers.last(AGENCY, 2027)
    assert 'Số: 1/2027/KQ-TTPVHCC' in first and 'Số: 2/2027/KQ-TTPVHCC' in second
    assert 'Số: 1/2028/KQ-TTPVHCC' in third and counted == 2
