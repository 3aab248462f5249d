"""Journey in Chromium, on a phone: a citizen finds a procedure, applies, pays, follows, rates."""
import re

from playwright.sync_api import expect


def code_of(page):
    return re.search(r'/dossiers/([^/?#]+)', page.url).group(1)


def test_citizen_from_search_to_rated_result(person, walk):
    citizen = person('citizen', phone=True).login('citizen1')
    page = citizen.go('/')
    page.get_by_label('Tìm thủ tục').fill('trích lục')
    page.get_by_role('button', name='Tìm').click()
    citizen.shot('1-search')
    assert citizen.width() <= 360
    page.get_by_role('link', name='Cấp bản sao Trích lục hộ tịch').first.click()
    expect(page.locator('main')).to_contain_text('4.000 ₫')
    citizen.shot('2-procedure')
    assert citizen.width() <= 360
    page.get_by_role('link', name='Nộp hồ sơ trực tuyến').first.click()
    # Before anything is typed: what it costs online and at the counter, and when it is due.
    expect(page.locator('section.terms')).to_contain_text('4.000 ₫ (giảm 50% so với nộp trực tiếp)')
    expect(page.locator('section.terms')).to_contain_text('hạn trả kết quả theo quy định là')
    citizen.shot('3-apply')
    assert citizen.width() <= 360
    page.get_by_label('Quan hệ với người được cấp bản sao').fill('Bản thân')
    page.get_by_label('Loại việc hộ tịch').select_option(label='Khai sinh')
    page.get_by_label('Họ, chữ đệm, tên người có thông tin hộ tịch').fill('Nguyễn Thị Lan')
    page.get_by_label('Ngày sinh người có thông tin hộ tịch').fill('1988-05-12')
    page.get_by_label('Cơ quan đã đăng ký').fill('UBND phường Phan Đình Phùng')
    page.get_by_label('Số bản sao đề nghị cấp').fill('hai')
    page.get_by_label(re.compile('Tôi cam đoan')).check()
    page.get_by_label(re.compile('^Căn cước công dân hoặc giấy tờ')).select_option(index=1)
    page.get_by_role('button', name='Nộp hồ sơ').click()
    page.wait_for_load_state()
    citizen.shot('4-invalid')
    # The page comes back with what was typed and the reason beside the field, by its label.
    expect(page.get_by_label('Quan hệ với người được cấp bản sao')).to_have_value('Bản thân')
    expect(page.get_by_label(re.compile('Tôi cam đoan'))).to_be_checked()
    copies = page.get_by_label('Số bản sao đề nghị cấp')
    expect(copies).to_have_value('hai')
    expect(page.get_by_role('alert')).to_contain_text('Số bản sao đề nghị cấp: "hai" không phải số nguyên')
    expect(copies.locator('xpath=following-sibling::*[1]')).to_contain_text('không phải số nguyên')
    assert citizen.width() <= 360
    copies.fill('2')
    page.get_by_role('button', name='Nộp hồ sơ').click()
    expect(page.locator('h1')).to_contain_text('Hồ sơ')
    code = code_of(page)
    expect(page.locator('main')).to_contain_text('4.000 ₫ · Chưa nộp')
    citizen.shot('5-filed')
    assert citizen.width() <= 360

    page.get_by_role('link', name='Thanh toán trực tuyến').click()
    page.get_by_role('button', name='Thanh toán').click()
    expect(page.locator('main, body').first).to_contain_text('4.000')
    citizen.shot('6-gateway')
    page.get_by_role('button', name='Thanh toán', exact=True).click()
    expect(page.locator('#outcome')).to_have_text(
        'Thanh toán thành công: hồ sơ đã được ghi nhận nộp phí.')
    citizen.shot('7-paid')
    page.get_by_role('link', name='Xem hồ sơ').click()
    expect(page.locator('main')).to_contain_text('4.000 ₫ · Đã nộp')

    walk(code, 'returned')
    page.reload()
    citizen.shot('8-result')
    assert citizen.width() <= 360
    main = page.locator('main')
    expect(main).to_contain_text('Đã trả kết quả')
    stages = page.locator('section.progress ol.timeline > li')
    expect(stages.last).to_contain_text('(Đã xong)')
    expect(page.locator('section.progress')).not_to_contain_text('Đang thực hiện')
    expect(page.get_by_role('link', name=f'Kết quả – hồ sơ {code}')).to_be_visible()
    page.get_by_label('Điểm (1–5)').select_option('5')
    page.get_by_label('Nhận xét').fill('Nhanh, không phải đi lại.')
    page.get_by_role('button', name='Gửi đánh giá').click()
    expect(page.locator('.flash')).to_have_text('Cảm ơn bạn đã đánh giá.')
    expect(main).to_contain_text('Đã đánh giá: 5/5')
    citizen.shot('9-rated')
