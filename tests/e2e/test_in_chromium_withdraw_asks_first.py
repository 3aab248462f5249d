"""Journey in Chromium: withdrawing a dossier is never one click (a second page asks first)."""
from playwright.sync_api import expect


def test_the_citizen_confirms_before_a_dossier_is_withdrawn(person, paid_dossier):
    citizen = person('citizen', phone=True).login('citizen1')
    page = citizen.go(f'/dossiers/{paid_dossier}')
    action = page.get_by_label('Thao tác', exact=True)
    expect(action).to_have_value('')            # nothing chosen for the citizen
    page.get_by_role('button', name='Thực hiện').click()
    expect(page).to_have_url(citizen.base + f'/dossiers/{paid_dossier}')   # the browser asked
    action.select_option(label='Rút hồ sơ')
    page.get_by_label('Ghi chú, lý do').fill('Nộp nhầm thủ tục')
    page.get_by_role('button', name='Thực hiện').click()
    expect(page.locator('h1')).to_have_text('Rút hồ sơ?')
    expect(page.locator('main')).to_contain_text('Nộp nhầm thủ tục')
    citizen.shot('1-confirm')
    assert citizen.width() <= 360
    page.get_by_role('link', name='Quay lại, không thực hiện').click()
    expect(page.locator('main')).not_to_contain_text('Đã rút')
    action.select_option(label='Rút hồ sơ')
    page.get_by_role('button', name='Thực hiện').click()
    page.get_by_role('button', name='Rút hồ sơ').click()
    expect(page.locator('.flash')).to_have_text('Đã rút hồ sơ.')
    expect(page.locator('main')).to_contain_text('Đã rút')
    citizen.shot('2-withdrawn')


def test_the_officer_sees_only_the_inputs_of_the_chosen_action(person, paid_dossier):
    desk = person('reception').login('reception1')
    page = desk.go(f'/dossiers/{paid_dossier}')
    page.get_by_label('Thao tác', exact=True).select_option(label='Tiếp nhận')
    page.get_by_role('button', name='Thực hiện').click()
    page.get_by_label('Thao tác', exact=True).select_option(label='Chuyển bước')
    expect(page.get_by_label('Phân công cho')).to_be_visible()
    expect(page.get_by_label('Ngày hẹn mới')).to_be_hidden()
    page.get_by_label('Thao tác', exact=True).select_option(label='Xin lỗi và hẹn lại')
    expect(page.get_by_label('Phân công cho')).to_be_hidden()
    expect(page.get_by_label('Ngày hẹn mới')).to_be_visible()
    desk.shot('apology-inputs')
