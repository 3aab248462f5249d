"""Journeys in Chromium at the officers' and editors' desks (issue 16), at a desk and on a phone.

- reception finds a late dossier in the queue by the applicant's name typed
  without diacritics and by the "overdue" filter; the row says so in words;
- the editor's pages: no serious axe finding, and no colour contrast axe
  could not decide ("incomplete");
- the leader's phone sign page: sending back looks and sits apart from signing;
- nothing is fetched from outside the site;
- in English, the queue's words and its JSON errors are English.
"""
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tthc_docs import timeutil

PHONE_AND_DESK = pytest.mark.parametrize('phone', [True, False], ids=['phone', 'desk'])


@pytest.fixture
def late_dossier(walk, paid_dossier, edit_site):
    """citizen1's dossier (Nguyễn Thị Lan), received, its legal due date two days past."""
    walk(paid_dossier, 'received')
    with edit_site() as site:
        dossier = site['dossiers'][paid_dossier]
        dossier.applicant_name = 'Nguyễn Thị Lan'
        dossier.due_at = timeutil.now() - timedelta(days=2)
        dossier.reindex()
    return paid_dossier


def _background(locator):
    return locator.evaluate('e => getComputedStyle(e).backgroundColor')


@PHONE_AND_DESK
def test_reception_finds_the_late_dossier_by_name_and_urgency(person, late_dossier, phone):
    desk = person('reception', phone=phone).login('reception1')
    page = desk.go('/@@queue')
    page.get_by_label('Mã hồ sơ hoặc tên người nộp').fill('nguyen thi lan')
    page.get_by_label('Thời hạn').select_option(label='Quá hạn')
    page.get_by_role('button', name='Tìm', exact=True).click()
    row = page.locator('tr', has=page.get_by_role('link', name=late_dossier))
    expect(row).to_contain_text('Nguyễn Thị Lan')
    expect(row.locator('.badge.overdue')).to_have_text('Quá hạn')
    assert _background(row.locator('td').first) != 'rgba(0, 0, 0, 0)'
    expect(page.get_by_label('Thời hạn')).to_have_value('overdue')   # the filter is kept
    desk.shot('queue-overdue')
    if phone:
        assert desk.width() <= 360
    assert desk.axe() == [] and desk.contrast_doubts() == []
    page.get_by_label('Mã hồ sơ hoặc tên người nộp').fill('tran van hung')
    page.get_by_role('button', name='Tìm', exact=True).click()
    expect(page.locator('main')).to_contain_text('Không có hồ sơ nào phù hợp.')


EDITOR_PAGES = ['/forms/to-khai-cap-ban-sao-trich-luc/@@edit', '/procedures/2.000635/@@edit',
                '/forms/to-khai-cap-ban-sao-trich-luc', '/forms/@@add']


@PHONE_AND_DESK
def test_the_editors_pages_leave_axe_no_doubt(person, phone):
    editor = person('editor', phone=phone).login('editor1')
    found = {}
    for path in EDITOR_PAGES:
        editor.go(path)
        editor.shot(path.strip('/').replace('/', '_').replace('@', ''))
        problems = editor.axe() + editor.contrast_doubts()
        if problems:
            found[path] = problems
        if phone and editor.width() > 360:
            found[(path, 'width')] = editor.width()
    assert found == {}


def test_on_the_phone_sending_back_is_apart_from_signing(person, walk, paid_dossier,
                                                         enrolled_leader):
    walk(paid_dossier, 'awaiting_signature')
    leader = person('leader', phone=True).login('leader1')
    page = leader.go(f'/dossiers/{paid_dossier}/@@sign')
    sign = page.get_by_role('button', name='Ký số và phát hành')
    back = page.get_by_role('button', name='Trả lại để xử lý lại')
    expect(page.get_by_role('heading', name='Chưa thể ký?')).to_be_visible()
    assert _background(sign) != _background(back)
    assert _background(back) == 'rgb(255, 255, 255)'          # outlined, not filled
    gap = back.bounding_box()['y'] - (sign.bounding_box()['y'] + sign.bounding_box()['height'])
    assert gap >= 100, gap                                     # the note box and a rule between
    leader.shot('sign-and-send-back')
    assert leader.width() <= 360 and leader.axe() == []


def test_nothing_is_fetched_from_outside_the_site(person, late_dossier):
    desk = person('reception').login('reception1')
    asked = desk.requests()
    for path in ('/@@queue', f'/dossiers/{late_dossier}', '/procedures/2.000635',
                 '/vaults/@@find'):
        desk.go(path)
    desk.page.wait_for_load_state('networkidle')
    assert asked and [url for url in asked if not url.startswith(desk.base)] == []


def test_in_english_the_queue_and_its_errors_are_english(person, late_dossier):
    desk = person('reception-en', locale='en-US')
    page = desk.go('/@@login')
    page.get_by_label('Password').fill('demo-password')
    page.locator('#login').fill('reception1')
    page.locator('#login-form button[type=submit]').click()
    page = desk.go('/@@queue?urgency=overdue')
    expect(page.get_by_label("Dossier code or applicant's name")).to_be_visible()
    row = page.locator('tr', has=page.get_by_role('link', name=late_dossier))
    expect(row.locator('.badge.overdue')).to_have_text('Overdue')
    error = page.evaluate("fetch('/@@queue?urgency=someday', {headers: {Accept: "
                          "'application/json'}}).then(r => r.json())")
    assert error['error']['message'] == 'Unknown urgency.'
    desk.shot('queue-english')
