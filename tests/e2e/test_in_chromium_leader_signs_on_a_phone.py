"""Journey in Chromium, on a phone: the leader signs a waiting result with the one-time code."""
from playwright.sync_api import expect


def test_leader_signs_on_a_phone_with_the_one_time_code(person, walk, paid_dossier,
                                                         enrolled_leader):
    walk(paid_dossier, 'awaiting_signature')
    leader = person('leader', phone=True).login('leader1')
    page = leader.go('/@@sign-mobile')
    expect(page.locator('h1')).to_have_text('Hồ sơ chờ ký')
    leader.shot('1-queue')
    assert leader.width() <= 360
    page.get_by_role('link', name=paid_dossier).click()
    expect(page.locator('main')).to_contain_text('Cấp bản sao Trích lục hộ tịch')
    leader.shot('2-sign')
    assert leader.width() <= 360
    page.get_by_label('Mã xác nhận (6 chữ số từ ứng dụng xác thực)').fill(enrolled_leader())
    page.get_by_role('button', name='Ký số và phát hành').click()
    expect(page.locator('main')).to_contain_text(
        'Đã ký và lưu kết quả vào kho dữ liệu của người nộp.')
    leader.shot('3-signed')
    assert leader.width() <= 360


def test_a_wrong_code_signs_nothing(person, walk, paid_dossier, enrolled_leader):
    walk(paid_dossier, 'awaiting_signature')
    leader = person('leader', phone=True).login('leader1')
    page = leader.go(f'/dossiers/{paid_dossier}/@@sign')
    right = enrolled_leader()
    page.get_by_label('Mã xác nhận (6 chữ số từ ứng dụng xác thực)').fill(
        '000000' if right != '000000' else '111111')
    page.get_by_role('button', name='Ký số và phát hành').click()
    expect(page.get_by_role('alert').first).to_be_visible()
    expect(page.locator('main')).not_to_contain_text('Đã ký và lưu kết quả')
    leader.shot('wrong-code')
