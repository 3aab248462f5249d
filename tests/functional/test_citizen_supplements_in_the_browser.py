"""Journey: the office asks for a supplement; the citizen hands it in on the dossier page.

Circular 01/2018/TT-VPCP Mẫu 02 names what is missing; while the applicant
supplements, the clock stands still (Decree 61/2018/NĐ-CP art. 16(2)(c) and
19) and the legal due date moves by the working days waited. The dossier of
``dossier_support``: received Monday 01/03/2027 09:00, 5 working days, due
Monday 08/03/2027 17:00; asked on Tuesday 02/03, supplemented on Monday
08/03 (Wed..Mon: 4 working days lost), so due Friday 12/03/2027 17:00.
"""
from datetime import timedelta

from webtest import Upload

from dossier_support import MONDAY, act, clock, docs, get, procedure, received  # noqa: F401
from samples import make_pdf

ZIP = b'PK\x03\x04' + b'\x00' * 200
NOTE = 'Thiếu giấy xác nhận cư trú còn hiệu lực và ảnh thẻ'


def asked(login, docs, clock):
    """A received dossier the reception asked on Tuesday to supplement: its code."""
    code = received(login, docs)
    clock.set(MONDAY + timedelta(days=1))
    act(login('reception1'), code, 'request_supplement', note=NOTE)
    return code


def page(client, code, **kw):
    return client.get(f'/dossiers/{code}', **kw)


def text(node):
    return ' '.join(node.get_text().split())


def vault_size(edit_site, owner='citizen1'):
    with edit_site() as site:
        return len(site['vaults'].for_owner(owner).documents)


def test_the_citizen_sees_what_was_asked_and_the_clock_paused(login, procedure, docs, clock):
    code = asked(login, docs, clock)
    section = page(login('citizen1'), code).html.select_one('section.supplement')
    shown = text(section)
    assert NOTE in text(section.select_one('.asked-note'))
    assert 'Tạm dừng từ 02/03/2027 09:00.' in shown
    assert 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)' in shown
    assert [text(lbl) for lbl in section.select('.requirement > label[for^="sup-att-"]')] == \
        ['Giấy khai sinh', 'Giấy xác nhận cư trú', 'Ảnh thẻ']
    assert 'Giấy tờ đã nộp: Giấy khai sinh' in shown


def test_the_citizen_supplements_with_an_upload_and_a_vault_document(login, procedure, docs,
                                                                     clock):
    code = asked(login, docs, clock)
    citizen = login('citizen1')
    form = page(citizen, code).forms['supplement']
    form['attachments.anh'] = docs['anh-the']
    form['file.cu-tru'] = Upload('cu-tru-moi.pdf', make_pdf('Xác nhận cư trú mới'),
                                 'application/pdf')
    form['note'] = 'Đã bổ sung theo phiếu'
    clock.set(MONDAY + timedelta(days=7))
    after = form.submit(status=303).follow()
    assert 'Đã gửi hồ sơ bổ sung.' in text(after.html.select_one('.flash'))
    assert after.html.select_one('section.supplement') is None    # nothing asked any more
    history = after.html.select('table.history tbody tr')
    assert 'Bổ sung hồ sơ' in text(history[-1]) and 'Đã bổ sung theo phiếu' in text(history[-1])
    stage = text(after.html.select_one('section.progress li[aria-current="step"]'))
    assert '(Đang thực hiện)' in stage and 'Tạm dừng' not in stage

    officer = get(login('reception1'), code).json
    assert (officer['status'], officer['due_at']) == ('received', '2027-03-12T17:00:00+07:00')
    attached = {a['requirement']: a['document'] for a in officer['attachments']}
    assert attached['anh'] == docs['anh-the']
    assert attached['cu-tru'] not in (None, docs['xac-nhan-cu-tru'])
    assert attached['khai-sinh'] == docs['giay-khai-sinh']
    desk_page = page(login('reception1'), code)
    links = [a['href'] for a in desk_page.html.select('section a[href*="/documents/"]')]
    assert any(attached['cu-tru'] in href for href in links)


def test_a_refused_upload_shows_the_form_again_with_the_reason_beside_it(login, procedure, docs,
                                                                        clock, edit_site):
    code = asked(login, docs, clock)
    before = vault_size(edit_site)
    citizen = login('citizen1')
    form = page(citizen, code).forms['supplement']
    form['attachments.anh'] = docs['anh-the']
    form['file.cu-tru'] = Upload('cu-tru.pdf', ZIP, 'application/pdf')
    form['note'] = 'Lần thứ nhất'
    again = form.submit(status=415)
    note = text(again.html.select_one('#sup-file-error-cu-tru'))
    assert 'Không nhận loại tệp này' in note
    assert again.html.select_one('#sup-file-cu-tru')['aria-describedby'] == 'sup-file-error-cu-tru'
    kept = again.forms['supplement']
    assert (kept['attachments.anh'].value, kept['note'].value) == (docs['anh-the'], 'Lần thứ nhất')
    assert get(citizen, code).json['status'] == 'supplement_requested'
    assert vault_size(edit_site) == before


def test_a_document_of_the_wrong_type_is_named_beside_its_box_and_keeps_no_upload(
        login, procedure, docs, clock, edit_site):
    code = asked(login, docs, clock)
    before = vault_size(edit_site)
    citizen = login('citizen1')
    form = page(citizen, code).forms['supplement']
    # the page offers only fitting documents; a hand-made post names another one
    form['attachments.anh'].force_value(docs['giay-khai-sinh'])
    form['file.cu-tru'] = Upload('cu-tru.pdf', make_pdf('Hợp lệ'), 'application/pdf')
    again = form.submit(status=422)
    assert text(again.html.select_one('#sup-att-error-anh'))
    assert get(citizen, code).json['status'] == 'supplement_requested'
    assert vault_size(edit_site) == before   # the good upload went with the refused post


def test_only_the_owner_is_offered_the_form_and_may_post_it(login, procedure, docs, clock):
    code = asked(login, docs, clock)
    assert page(login('reception1'), code).html.select_one('section.supplement') is None
    login('citizen2').post(f'/dossiers/{code}/@@supplement', {'note': 'x'}, status=403)
    assert get(login('citizen1'), code).json['status'] == 'supplement_requested'


def test_supplementing_twice_is_409_and_keeps_no_file(login, procedure, docs, clock, edit_site):
    code = asked(login, docs, clock)
    citizen = login('citizen1')
    form = page(citizen, code).forms['supplement']
    form.submit(status=303)
    before = vault_size(edit_site)
    form['file.cu-tru'] = Upload('cu-tru.pdf', make_pdf('Lần hai'), 'application/pdf')
    form.submit(status=409)
    assert vault_size(edit_site) == before


def test_without_a_csrf_token_nothing_is_handed_in(login, procedure, docs, clock):
    code = asked(login, docs, clock)
    citizen = login('citizen1')
    del citizen.extra_environ['HTTP_X_CSRF_TOKEN']   # the header the test client sends
    citizen.post(f'/dossiers/{code}/@@supplement', {'note': 'x'}, status=400)
    assert get(citizen, code).json['status'] == 'supplement_requested'


def test_the_supplement_form_reads_in_english(login, procedure, docs, clock):
    code = asked(login, docs, clock)
    shown = page(login('citizen1'), code, headers={'Accept-Language': 'en'}).text
    for words in ('The office asks you to supplement the dossier', 'Paused since 02/03/2027 09:00.',
                  'Hand in the supplement', 'keep as handed in'):
        assert words in shown
