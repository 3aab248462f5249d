"""Journey in Chromium, at a desk: reception finds the citizen by ID card, files, prints the receipt."""
import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader


def test_reception_files_at_the_counter_and_prints_the_receipt(person):
    desk = person('reception').login('reception1')
    page = desk.go('/')
    page.get_by_role('link', name='Quầy tiếp nhận').click()
    page.get_by_label('Số định danh cá nhân').fill('019188012345')
    page.get_by_role('button', name='Tìm').click()
    expect(page.locator('main')).to_contain_text('Nguyễn Thị Lan')
    assert '019188012345' not in page.url
    desk.shot('1-found')
    page.get_by_role('link', name='Nộp hồ sơ thay công dân: chọn thủ tục').click()
    page.get_by_role('searchbox').or_(page.get_by_label(re.compile('Tìm'))).first.fill('trích lục')
    page.keyboard.press('Enter')
    page.get_by_role('link', name='Cấp bản sao Trích lục hộ tịch').first.click()
    page.get_by_role('link', name='Tiếp nhận hồ sơ tại quầy').click()
    expect(page.get_by_label('Họ, chữ đệm, tên người yêu cầu')).to_have_value('Nguyễn Thị Lan')
    page.get_by_label('Quan hệ với người được cấp bản sao').fill('Bản thân')
    page.get_by_label('Loại việc hộ tịch').select_option(label='Khai sinh')
    page.get_by_label('Họ, chữ đệm, tên người có thông tin hộ tịch').fill('Nguyễn Thị Lan')
    page.get_by_label('Ngày sinh người có thông tin hộ tịch').fill('1988-05-12')
    page.get_by_label('Cơ quan đã đăng ký').fill('UBND phường Phan Đình Phùng')
    page.get_by_label('Số bản sao đề nghị cấp').fill('1')
    page.get_by_label(re.compile('Tôi cam đoan')).check()
    desk.shot('2-apply')
    page.get_by_role('button', name='Nộp hồ sơ').click()
    main = page.locator('main')
    expect(main).to_contain_text('Trực tiếp tại Bộ phận Một cửa')
    expect(main).to_contain_text('8.000 ₫ · Chưa nộp')
    page.get_by_label('Số biên lai thu phí').fill('BL-0001')
    page.get_by_role('button', name='Đã thu phí tại quầy').click()
    expect(main).to_contain_text('8.000 ₫ · Đã nộp')
    page.get_by_label('Thao tác', exact=True).select_option(label='Tiếp nhận')
    page.get_by_role('button', name='Thực hiện').click()
    expect(page.locator('.flash')).to_have_text('Đã tiếp nhận hồ sơ.')
    desk.shot('3-received')
    code = re.search(r'/dossiers/([^/?#]+)', page.url).group(1)
    slip = page.get_by_role('link', name='Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)')
    res = page.request.get(slip.get_attribute('href'))
    assert res.headers['content-type'].startswith('application/pdf')
    text = ''.join(p.extract_text() for p in PdfReader(io.BytesIO(res.body())).pages)
    assert code in text and 'Nguyễn Thị Lan' in text
