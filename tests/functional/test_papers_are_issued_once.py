"""Journey: each paper is issued when its event happens and never changes afterwards.

Circular 01/2018/TT-VPCP makes each paper the record of one event: the
receipt says what was due at receipt; an apology is a new paper (Mẫu 04),
not a rewritten receipt. Downloads return the stored bytes (ETag = SHA-256)
whatever the day; the QR code, decoded from the PDF's image, leads to the
tracking page at the configured public address.
"""
import hashlib
import io
from datetime import timedelta
from urllib.parse import urlsplit

import pypdf
import zxingcpp
from PIL import Image
from samples import pdf_text

from dossier_support import (MONDAY, act, clock, docs, filed, get,  # noqa: F401
                             procedure, render_papers, walk_to)
from tthc_docs import config

JSON = {'Accept': 'application/json'}


def slip(client, code, name, status=200):
    return client.get(f'/dossiers/{code}/@@slip/{name}', headers=JSON, status=status)


def received(login, docs):
    code = filed(login, docs)
    act(login('reception1'), code, 'receive')
    return code


def test_two_downloads_a_day_apart_give_identical_bytes(login, procedure, docs, clock):
    code = received(login, docs)
    first = slip(login('citizen1'), code, 'receipt')
    clock.set(MONDAY + timedelta(days=1, hours=3))
    second = slip(login('reception1'), code, 'receipt')
    assert first.body == second.body
    assert second.etag == hashlib.sha256(second.body).hexdigest()


def test_the_receipt_prints_the_day_of_receipt_not_the_download_day(login, procedure, docs,
                                                                      clock):
    code = received(login, docs)
    clock.set(MONDAY + timedelta(days=2))
    text = pdf_text(slip(login('citizen1'), code, 'receipt').body)
    assert 'ngày 01 tháng 03 năm 2027' in text and 'ngày 03 tháng 3 năm 2027' not in text


def test_after_an_apology_the_old_receipt_is_unchanged_and_a_form_04_exists(login, procedure,
                                                                             docs, clock):
    code = filed(login, docs)
    walk_to(login, code, 'processing')
    before = slip(login('citizen1'), code, 'receipt').body
    clock.set(MONDAY + timedelta(days=3))
    act(login('specialist1'), code, 'apologize', note='Cần xác minh thêm',
        new_due='2027-03-12')
    assert slip(login('citizen1'), code, 'receipt').body == before
    apology = pdf_text(slip(login('citizen1'), code, 'apology').body)
    assert 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' in apology
    assert 'vào ngày 12 tháng 03 năm 2027' in apology


def test_the_apology_is_signed_for_the_head_not_by_the_officer_who_recorded_it(
        login, procedure, docs):
    code = filed(login, docs)
    walk_to(login, code, 'processing')
    act(login('specialist1'), code, 'apologize', note='Chờ xác minh', new_due='2027-03-12')
    text = pdf_text(slip(login('citizen1'), code, 'apology').body)
    assert 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC' in text and 'Đặng Quốc Bảo' in text
    assert 'Số: 1/PXL' in text and 'Kính gửi: Ông/Bà' in text


def test_the_history_links_each_event_to_the_papers_it_issued(login, procedure, docs,
                                                              render_papers):
    code = filed(login, docs)
    walk_to(login, code, 'processing')
    body = get(login('citizen1'), code).json
    receive = next(h for h in body['history'] if h['action'] == 'receive')
    assert receive['papers'] == ['receipt-1', 'control-1']
    listed = {p['id']: p for p in body['papers']}
    assert listed['receipt-1']['url'].endswith(f'/dossiers/{code}/@@paper/receipt-1')
    paper = login('citizen1').get(listed['receipt-1']['url'], headers=JSON)
    render_papers()
    listed = {p['id']: p for p in get(login('citizen1'), code).json['papers']}
    assert listed['receipt-1']['ready'] is True
    assert hashlib.sha256(paper.body).hexdigest() == listed['receipt-1']['sha256']


def test_a_later_hand_over_issues_a_new_control_edition_and_keeps_the_old(login, procedure,
                                                                           docs):
    code = received(login, docs)
    client = login('reception1')
    old = client.get(f'/dossiers/{code}/@@paper/control-1').body
    act(client, code, 'forward')
    assert client.get(f'/dossiers/{code}/@@paper/control-1').body == old
    text = pdf_text(slip(client, code, 'control').body)
    assert '2. Giao:' in text and 'Giao: Tổ chức, cá nhân' in text


def test_the_control_slip_names_people_not_logins(login, procedure, docs):
    code = received(login, docs)
    act(login('reception1'), code, 'forward')
    text = pdf_text(slip(login('reception1'), code, 'control').body)
    for login_name in ('reception1', 'citizen1', 'system'):
        assert login_name not in text


def test_a_paper_never_issued_is_404(login, procedure, docs):
    code = received(login, docs)
    res = login('citizen1').get(f'/dossiers/{code}/@@paper/apology-1', headers=JSON, status=404)
    assert res.json['error']['status'] == 404


def test_a_receipt_of_a_dossier_not_yet_received_is_409_naming_why(login, procedure, docs):
    code = filed(login, docs)
    res = slip(login('citizen1'), code, 'receipt', status=409)
    assert 'chưa được tiếp nhận' in res.json['error']['message']


def test_the_register_is_not_a_slip(login, procedure, docs):
    code = received(login, docs)
    res = slip(login('reception1'), code, 'register', status=404)
    assert '/dossiers/@@register' in res.json['error']['message']


def test_the_qr_leads_to_the_tracking_page_at_the_public_address(login, procedure, docs,
                                                                  settings, anon):
    code = received(login, docs)
    data = slip(login('citizen1'), code, 'receipt').body
    image = pypdf.PdfReader(io.BytesIO(data)).pages[0].images[0]
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.data)).convert('L'))[0].text
    url = decoded.splitlines()[0]
    assert url.startswith(config.public_url(config.normalize(settings)) + '/@@track?')
    assert f'Mã hồ sơ: {code}' in decoded.splitlines()
    parts = urlsplit(url)
    page = anon.get(f'{parts.path}?{parts.query}', headers=JSON)
    assert page.json['code'] == code


# The dates on the papers: Civil Code art. 147 (the day of receipt is not
# counted), the legal due date never moved by an apology (Decree 61/2018/NĐ-CP
# art. 19, Circular 01/2018/TT-VPCP Mẫu 01 and 04). The journey's procedure
# takes 5 working days; received Monday 1 March 2027 at 09:00 it is due on
# Monday 8 March 2027 (Tue 2 .. Fri 5, Mon 8).

def test_the_receipt_promises_the_legal_due_date_counted_from_the_next_working_day(
        login, procedure, docs):
    code = received(login, docs)
    text = pdf_text(slip(login('citizen1'), code, 'receipt').body)
    assert 'Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 08 tháng 03 năm 2027' \
        in text


def test_a_receipt_after_the_cut_off_promises_one_working_day_later(login, procedure, docs,
                                                                    clock):
    code = filed(login, docs)
    clock.set(MONDAY.replace(hour=17, minute=30))
    act(login('reception1'), code, 'receive')
    text = pdf_text(slip(login('citizen1'), code, 'receipt').body)
    assert 'Thời gian nhận hồ sơ: 17 giờ 30 phút, ngày 01 tháng 03 năm 2027' in text
    assert 'Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 09 tháng 03 năm 2027' \
        in text


def test_each_apology_prints_the_legal_date_and_its_own_new_appointment(login, procedure, docs,
                                                                        clock):
    code = filed(login, docs)
    walk_to(login, code, 'processing')
    clock.set(MONDAY + timedelta(days=3))
    act(login('specialist1'), code, 'apologize', note='Chờ xác minh', new_due='2027-03-12')
    clock.set(MONDAY + timedelta(days=10))
    act(login('specialist1'), code, 'apologize', note='Chờ cơ quan khác', new_due='2027-03-19')
    first = pdf_text(login('citizen1').get(f'/dossiers/{code}/@@paper/apology-1').body)
    second = pdf_text(slip(login('citizen1'), code, 'apology').body)
    legal = 'theo quy định: ngày 08 tháng 03 năm 2027'
    assert legal in first and 'vào ngày 12 tháng 03 năm 2027' in first
    assert legal in second and 'vào ngày 19 tháng 03 năm 2027' in second
    assert 'Số: 2/PXL' in second
    control = pdf_text(slip(login('citizen1'), code, 'control').body)
    assert 'Thời hạn trả kết quả theo quy định: 17 giờ 00 phút, ngày 08 tháng 03 năm 2027' \
        in control
    assert '17 giờ 00 phút, ngày 19 tháng 03 năm 2027' in control


def test_every_paper_is_dated_at_the_configured_place(login, procedure, docs, settings):
    code = received(login, docs)
    text = pdf_text(slip(login('citizen1'), code, 'receipt').body)
    assert f"{config.place_name(settings)}, ngày 01 tháng 3 năm 2027" in text
