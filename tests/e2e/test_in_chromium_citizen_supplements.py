"""Journey in Chromium on a 360-pixel phone: the office asks for a supplement, the citizen
hands it in on the dossier page.

The request (Circular 01/2018/TT-VPCP Mẫu 02) is the officer's, over the JSON API
(tested in tests/functional); the citizen reads what was asked and that the clock
stands still (Decree 61/2018/NĐ-CP art. 16(2)(c)), sees a refused upload come back
beside its box, then hands in a real PDF with a note and finds the supplement in the
history. Each page: a screenshot, no wider than the phone, no serious or critical
axe violation.
"""
from playwright.sync_api import expect

from live_server import Client
from samples import make_pdf

NOTE = 'Tờ khai chưa có chữ ký của người yêu cầu'
ZIP = {'name': 'to-khai.pdf', 'mimeType': 'application/pdf', 'buffer': b'PK\x03\x04' + b'\0' * 300}
PDF = {'name': 'to-khai.pdf', 'mimeType': 'application/pdf',
       'buffer': make_pdf('Tờ khai đã ký')}


def fits(person_):
    assert person_.width() <= 360
    assert person_.axe() == []


def ask(live_server, code):
    officer = Client(live_server)
    officer.login('reception1')
    res = officer.post_json(f'/dossiers/{code}/@@transition',
                            {'action': 'request_supplement', 'note': NOTE})
    assert res.status == 200, res.body


def test_the_citizen_supplements_on_a_phone(person, walk, paid_dossier, live_server):
    walk(paid_dossier, 'received')
    ask(live_server, paid_dossier)
    citizen = person('citizen', phone=True).login('citizen1')
    page = citizen.go(f'/dossiers/{paid_dossier}')
    section = page.locator('section.supplement')
    expect(section.get_by_role('heading', level=2)).to_have_text('Cơ quan yêu cầu bổ sung hồ sơ')
    expect(section.locator('.asked-note')).to_have_text(NOTE)
    expect(section).to_contain_text('Tạm dừng từ')
    citizen.shot('asked')
    fits(citizen)

    page.locator('#sup-file-to-khai').set_input_files(ZIP)
    page.get_by_label('Ghi chú gửi cơ quan giải quyết (không bắt buộc)').fill('Đã ký tờ khai')
    page.get_by_role('button', name='Nộp bổ sung').click()
    expect(page.locator('#sup-file-error-to-khai')).to_contain_text('Không nhận loại tệp này')
    expect(page.get_by_label('Ghi chú gửi cơ quan giải quyết (không bắt buộc)')).to_have_value(
        'Đã ký tờ khai')
    citizen.shot('refused')
    fits(citizen)

    page.locator('#sup-file-to-khai').set_input_files(PDF)
    page.get_by_role('button', name='Nộp bổ sung').click()
    expect(page.locator('main [role=status]').first).to_have_text('Đã gửi hồ sơ bổ sung.')
    expect(page.locator('section.supplement')).to_have_count(0)
    expect(page.locator('table.history')).to_contain_text('Bổ sung hồ sơ')
    expect(page.locator('table.history')).to_contain_text('Đã ký tờ khai')
    expect(page.locator('section.progress li[aria-current=step]')).to_contain_text(
        '(Đang thực hiện)')
    citizen.shot('handed-in')
    fits(citizen)
