"""Issue 16: the officer's action form asks only what the chosen action needs; on the
leader's sign page, sending back is set apart from signing.

The browser shows or hides each input by its ``data-for`` (static/actions.js,
checked in Chromium by tests/e2e/test_in_chromium_officer_desk.py); here,
what the server says each input is for.
"""
from dossier_support import clock, docs, enrol_leader, filed, procedure, walk_to  # noqa: F401


def _inputs(page):
    """{input name: the actions it is shown for}."""
    boxes = page.html.select('#transition .action-input')
    return {box.select_one('input, select, textarea')['name']: set(box['data-for'].split())
            for box in boxes}


def test_each_input_is_for_the_actions_that_take_it(login, procedure, docs):
    code = filed(login, docs)
    walk_to(login, code, 'processing')
    inputs = _inputs(login('leader1').get(f'/dossiers/{code}'))
    assert 'assign' in inputs['assignee'] and 'receive' not in inputs['assignee']
    assert inputs['new_due'] == {'apologize'}
    assert 'sign' not in inputs['note'] and 'reject' in inputs['note']


def test_the_sign_page_sets_sending_back_apart_from_signing(login, procedure, docs, edit_site):
    code = filed(login, docs)
    walk_to(login, code, 'awaiting_signature')
    enrol_leader(edit_site)
    page = login('leader1').get(f'/dossiers/{code}/@@sign').html
    sign = page.select_one('#sign-form button[type=submit]')
    back = page.select_one('section.send-back #send-back-form button[type=submit]')
    assert sign.get_text(strip=True) == 'Ký số và phát hành' and 'big' in sign['class']
    assert back.get_text(strip=True) == 'Trả lại để xử lý lại' and 'secondary' in back['class']
    forms = [f.get('id') for f in page.select('main form')]
    assert forms.index('sign-form') < forms.index('send-back-form')
