"""Journeys in Chromium, on a phone and at a desk: the citizen's uploads, the fee before
filing, and the dossier's progress.

- The vault's upload shows its progress (static/upload.js) and, refused, comes back
  with the reason beside the file box and the other inputs kept: with JavaScript
  (the answer shown in place) and without it (the form's own post).
- A file over the limit is refused before it travels.
- The apply page says the fee online and at the counter and when the result is due.
- The dossier page shows each stage, who holds it, its due date, late in words.
Each page: a screenshot, no wider than the phone, no serious or critical axe violation.
"""
import re

import pytest
from playwright.sync_api import expect

from samples import make_image

ZIP = {'name': 'giay-to.pdf', 'mimeType': 'application/pdf', 'buffer': b'PK\x03\x04' + b'\0' * 300}
SIZES = pytest.mark.parametrize('phone', [True, False], ids=['phone', 'desk'])


def png(name='anh-the.png', size=(200, 200)):
    return {'name': name, 'mimeType': 'image/png', 'buffer': make_image(size=size)}


def fits(person_, phone):
    if phone:
        assert person_.width() <= 360
    assert person_.axe() == []


def open_vault(person, phone):
    citizen = person('citizen', phone=phone).login('citizen1')
    page = citizen.go('/@@my-vault')
    expect(page.locator('h1')).to_have_text('Kho dữ liệu cá nhân')
    return citizen, page


def fill_upload(page, file, title):
    page.get_by_label('Tệp', exact=True).set_input_files(file)
    page.get_by_label('Loại giấy tờ').select_option(label='Ảnh thẻ')
    page.get_by_label('Tên giấy tờ (không bắt buộc)').fill(title)


@SIZES
def test_a_refused_file_comes_back_beside_its_box(person, phone):
    citizen, page = open_vault(person, phone)
    fill_upload(page, ZIP, 'Ảnh thẻ 4x6')
    page.get_by_role('button', name='Lưu vào kho').click()
    expect(page.locator('#file-error')).to_contain_text(
        'Không nhận loại tệp này (tệp nén ZIP (hoặc tài liệu Office))')
    expect(page.get_by_label('Tên giấy tờ (không bắt buộc)')).to_have_value('Ảnh thẻ 4x6')
    expect(page.get_by_label('Loại giấy tờ')).to_have_value('anh-the')
    expect(page.get_by_role('alert').first).to_contain_text('Chưa lưu được giấy tờ.')
    citizen.shot('refused')
    fits(citizen, phone)


def test_without_javascript_the_refusal_comes_back_the_same(browser, base):
    context = browser.new_context(viewport={'width': 360, 'height': 740}, locale='vi-VN',
                                  java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + '/@@login')
        page.get_by_label(re.compile('Tên đăng nhập')).fill('citizen1')
        page.get_by_label(re.compile('Mật khẩu')).fill('demo-password')
        page.locator('#login-form button[type=submit]').click()
        page.goto(base + '/@@my-vault')
        fill_upload(page, ZIP, 'Ảnh thẻ')
        page.get_by_role('button', name='Lưu vào kho').click()
        expect(page.locator('#file-error')).to_contain_text('Chỉ nhận tệp PDF, JPEG hoặc PNG')
        expect(page.get_by_label('Tên giấy tờ (không bắt buộc)')).to_have_value('Ảnh thẻ')
    finally:
        context.close()


@SIZES
def test_an_upload_shows_its_progress_then_the_message(person, phone):
    citizen, page = open_vault(person, phone)
    held = []
    page.route(re.compile(r'.*/documents$'), lambda route: held.append(route))
    fill_upload(page, png(), 'Ảnh thẻ mới')
    page.get_by_role('button', name='Lưu vào kho').click()
    progress = page.locator('.upload-progress')
    expect(progress).to_be_visible()
    expect(progress).to_contain_text('Đang tải lên')
    expect(page.get_by_role('button', name='Lưu vào kho')).to_be_disabled()
    citizen.shot('uploading')
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()
    expect(page.locator('main [role=status]').first).to_have_text('Đã lưu giấy tờ vào kho.')
    expect(page.locator('main')).to_contain_text('Ảnh thẻ mới')
    assert '/vaults/' in page.url and not page.url.endswith('/documents')   # the vault's address
    fits(citizen, phone)


def test_a_file_over_the_limit_is_refused_before_it_travels(person, app, monkeypatch):
    monkeypatch.setitem(app.registry.settings, 'tthc_docs.max_upload_bytes', 5000)
    citizen, page = open_vault(person, True)
    posted = []
    page.on('request', lambda r: posted.append(r.url) if r.method == 'POST' else None)
    big = dict(png('lon.png'), buffer=make_image() + b'\0' * 8000)   # over 5.000 bytes
    fill_upload(page, big, 'Ảnh lớn')
    page.get_by_role('button', name='Lưu vào kho').click()
    expect(page.locator('#file-size-error')).to_have_text(
        'Tệp quá lớn: vượt dung lượng tối đa cho phép.')
    assert posted == []
    expect(page.get_by_label('Tên giấy tờ (không bắt buộc)')).to_have_value('Ảnh lớn')
    citizen.shot('too-large')


@SIZES
def test_the_apply_page_says_the_fee_and_the_due_date_first(person, phone):
    citizen = person('citizen', phone=phone).login('citizen1')
    page = citizen.go('/procedures/2.000635/@@apply')
    terms = page.locator('section.terms')
    expect(terms).to_contain_text('Nộp trực tuyến')
    expect(terms).to_contain_text('4.000 ₫ (giảm 50% so với nộp trực tiếp)')
    expect(terms).to_contain_text('8.000 ₫')
    expect(terms).to_contain_text(re.compile(
        r'hạn trả kết quả theo quy định là \d\d/\d\d/\d{4} 17:00 \(\d+ ngày làm việc'))
    citizen.shot('fee-and-due-date')
    fits(citizen, phone)


@SIZES
def test_the_citizen_follows_each_stage(person, walk, paid_dossier, phone):
    walk(paid_dossier, 'awaiting_signature')
    citizen = person('citizen', phone=phone).login('citizen1')
    page = citizen.go(f'/dossiers/{paid_dossier}')
    progress = page.locator('section.progress')
    expect(progress.get_by_role('heading')).to_have_text('Tiến độ giải quyết')
    stages = progress.locator('ol.timeline > li')
    expect(stages.first).to_contain_text('Nộp hồ sơ (Đã xong)')
    current = progress.locator('li[aria-current=step]')
    expect(current).to_contain_text('(Đang thực hiện)')
    expect(current).to_contain_text('Người thực hiện: Lãnh đạo · Trung tâm Phục vụ hành chính công')
    expect(current).to_contain_text('Hạn hoàn thành:')
    expect(stages.last).to_contain_text('Hẹn trả kết quả:')
    expect(progress).not_to_contain_text('leader1')
    citizen.shot('progress')
    fits(citizen, phone)


def test_the_progress_reads_in_english(browser, base, walk, paid_dossier):
    walk(paid_dossier, 'processing')
    context = browser.new_context(viewport={'width': 360, 'height': 740}, locale='en-US')
    try:
        page = context.new_page()
        page.goto(base + '/@@login')
        page.locator('#login').fill('citizen1')
        page.locator('#password').fill('demo-password')
        page.locator('#login-form button[type=submit]').click()
        page.goto(f'{base}/dossiers/{paid_dossier}')
        progress = page.locator('section.progress')
        expect(progress.get_by_role('heading')).to_have_text('Progress')
        expect(progress).to_contain_text('(Under way)')
        expect(progress).to_contain_text('Specialist')
    finally:
        context.close()
