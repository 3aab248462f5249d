"""Logged-in pages kept per viewer (web/pagecache.private, issue 15).

The vault page, the dossier page (owner and officers, HTML and JSON), the
officer queue and the citizen's list are rendered once per viewer and
version of what they show; every change shows at once, the clock turns a
dossier overdue without a commit, and nothing of one person or session
reaches another.
"""
from datetime import datetime, timedelta

import pytest
from samples import make_pdf

from dossier_support import (AGENCY, FREE, act, apply, clock, docs, enrol_leader,  # noqa: F401
                             filed, get, pay, pki_dir, procedure, received, signing, walk_to)
from tthc_docs.dossiers import states, workflow
from tthc_docs.web import respond

JSON = {'Accept': 'application/json'}


@pytest.fixture
def renders(monkeypatch):
    """The templates rendered by views, in order (``respond.render`` counted)."""
    seen, real = [], respond.render

    def counted(request, renderer, values, status=None):
        seen.append(renderer)
        return real(request, renderer, values, status)
    monkeypatch.setattr(respond, 'render', counted)
    return seen


def vault_of(client):
    return client.session_info['vault'].rstrip('/')


def pages(client, code):
    """The dossier's page and its JSON as ``client`` sees them."""
    return client.get(f'/dossiers/{code}'), get(client, code).json


# -- kept, and said so ----------------------------------------------------------

@pytest.mark.parametrize('as_json', [False, True], ids=['html', 'json'])
@pytest.mark.parametrize('who, path', [('citizen1', 'vault'), ('citizen1', 'dossier'),
                                       ('reception1', 'dossier'), ('reception1', '/@@queue'),
                                       ('citizen1', '/@@my-dossiers')])
def test_a_second_view_is_not_rendered_again(login, procedure, docs, renders, who, path,
                                             as_json):
    code = filed(login, docs)
    client, headers = login(who), JSON if as_json else {}
    path = {'vault': vault_of(login('citizen1')), 'dossier': f'/dossiers/{code}'}.get(path, path)
    first = client.get(path, headers=headers)
    count = len(renders)
    assert count >= 1 and first.content_type == ('application/json' if as_json else 'text/html')
    again = client.get(path, headers=headers)
    assert len(renders) == count and again.body == first.body
    assert again.headers['Cache-Control'] == 'private, no-cache'
    assert 'Cookie' in again.headers['Vary'] and 'Last-Modified' not in again.headers


def test_a_verification_asked_for_is_made_anew_every_time(login, procedure, docs, renders):
    code = filed(login, docs)
    officer = login('reception1')
    for _ in range(2):
        res = officer.get(f'/dossiers/{code}?verify=1')
        assert 'ETag' not in res.headers and res.headers['Cache-Control'] == 'no-store'
    assert renders.count('tthc_docs.templates:dossiers/view.pt') == 2


def test_same_viewer_gets_304_and_json_and_html_are_kept_apart(login, procedure, docs):
    code = filed(login, docs)
    client = login('citizen1')
    page, data = client.get(f'/dossiers/{code}'), get(client, code)
    assert page.content_type == 'text/html' and data.content_type == 'application/json'
    assert page.headers['ETag'] != data.headers['ETag']
    client.get(f'/dossiers/{code}', headers={'If-None-Match': page.headers['ETag']}, status=304)
    other = login('citizen1')          # another session: its own token, so its own ETag
    assert other.get(f'/dossiers/{code}').headers['ETag'] != page.headers['ETag']


def test_development_settings_keep_nothing(app, login, procedure, docs, renders, monkeypatch):
    monkeypatch.delattr(app.registry, 'tthc_pages')
    client = login('citizen1')
    client.get(vault_of(client))
    client.get(vault_of(client))
    assert renders.count('tthc_docs.templates:vaults/vault.pt') == 2
    assert 'ETag' not in client.get(vault_of(client)).headers


# -- nothing of one person or session reaches another ----------------------------------------

def test_each_session_gets_its_own_token_and_none_is_stored(app, login, procedure, docs):
    code = filed(login, docs)
    one, two = login('citizen1'), login('citizen1')
    for client in (one, two, one):
        page = client.get(f'/dossiers/{code}')
        tokens = {f.fields['csrf_token'][0].value for f in page.forms.values()
                  if 'csrf_token' in f.fields}
        assert tokens == {client.session_info['csrf_token']}
    stored = b''.join(entry.body for entry in app.registry.tthc_pages._items.values())
    for client in (one, two):
        assert client.session_info['csrf_token'].encode() not in stored


def test_two_citizens_never_see_each_others_pages(login, procedure, docs):
    lan, other = login('citizen1'), login('citizen2')
    mine = lan.get('/@@my-dossiers')
    theirs = other.get('/@@my-dossiers')
    assert lan.session_info['csrf_token'] not in theirs.text
    assert other.session_info['csrf_token'] not in mine.text
    assert mine.body != theirs.body
    lan.get(vault_of(lan))
    other.get(vault_of(lan), status=403)
    code = filed(login, docs)
    lan.get(f'/dossiers/{code}')
    other.get(f'/dossiers/{code}', status=403)


def test_officers_of_other_roles_and_agencies_get_their_own(login, edit_site, procedure, docs):
    code = filed(login, docs)
    with edit_site() as site:
        elsewhere = next(c for c in site['agencies'].by_code_index.keys() if c != AGENCY)
        site['people'].create('reception9', 'demo-password', 'Cán bộ xã khác', ['reception'],
                              agency=elsewhere)
    reception, specialist, stranger = login('reception1'), login('specialist1'), login('reception9')
    assert 'receive' in get(reception, code).json['actions']
    assert 'receive' not in get(specialist, code).json['actions']
    assert code in reception.get('/@@queue').text
    assert code not in stranger.get('/@@queue').text
    stranger.get(f'/dossiers/{code}', status=403)


def test_a_change_of_roles_or_a_logout_never_gets_a_stored_page(login, edit_site, procedure, docs):
    filed(login, docs)
    officer = login('reception1')
    assert '/vaults/@@find' in officer.get('/@@queue').text
    with edit_site() as site:
        site['people']['reception1'].roles = frozenset({'specialist'})
    page = officer.get('/@@queue')
    assert '/vaults/@@find' not in page.text
    with edit_site() as site:
        site['people']['reception1'].roles = frozenset()
    officer.get('/@@queue', headers=JSON, status=403)
    citizen = login('citizen1')
    vault = vault_of(citizen)
    citizen.get(vault)
    citizen.post('/@@logout', status='*')
    res = citizen.get(vault, headers=JSON, status=(401, 403))
    assert 'documents' not in res.text


# -- every change shows at once --------------------------------------------------

JOURNEYS = {
    'happy': [('receive', 'reception1', {}), ('assign', 'leader1', {'assignee': 'specialist1'}),
              ('apologize', 'reception1', {'note': 'Chậm do thẩm tra', 'new_due': '2027-03-31'}),
              ('forward', 'reception1', {}),
              ('request_supplement', 'specialist1', {'note': 'Bổ sung giấy cư trú'}),
              ('supplement', 'citizen1', {}), ('forward', 'specialist1', {}),
              ('approve', 'leader1', {}), ('sign', 'leader1', {}), ('return', 'reception1', {})],
    'sent_back': [('receive', 'reception1', {}), ('forward', 'reception1', {}),
                  ('forward', 'specialist1', {}), ('approve', 'leader1', {}),
                  ('send_back', 'leader1', {'note': 'Thẩm định lại'})],
    'rejected': [('reject', 'reception1', {'note': 'Không thuộc thẩm quyền'})],
    'withdrawn': [('withdraw', 'citizen1', {})],
}


def test_the_journeys_fire_every_action():
    fired = {action for steps in JOURNEYS.values() for action, _, _ in steps}
    assert fired == set(workflow.ACTIONS)


@pytest.mark.parametrize('journey', sorted(JOURNEYS))
def test_both_pages_change_at_once_after_each_action(login, edit_site, procedure, docs,
                                                     signing, journey):
    code = filed(login, docs)
    clients = {who: login(who) for who in ('citizen1', 'reception1', 'specialist1', 'leader1')}
    viewers = (clients['citizen1'], clients['reception1'])
    for action, who, extra in JOURNEYS[journey]:
        before = [pages(v, code) for v in viewers]
        if action == 'sign':
            from tthc_docs.people import totp
            extra = {'otp': totp.current_code(enrol_leader(edit_site))}
        status = act(clients[who], code, action, **extra).json['status']
        for viewer, (old_page, old_json) in zip(viewers, before):
            page, data = pages(viewer, code)
            assert data['status'] == status, action
            assert len(data['history']) == len(old_json['history']) + 1, action
            assert page.body != old_page.body, action
            assert states.STATE_LABELS[status] in page.text, action
    if journey == 'happy':
        results = {r['document'] for r in get(clients['citizen1'], code).json['results']}
        vault = clients['citizen1'].get(vault_of(clients['citizen1']), headers=JSON).json
        assert results and results <= {d['id'] for d in vault['documents']}


def test_a_payment_shows_at_once(login, edit_site, procedure, docs):
    client = login('citizen1')
    code = apply(client, docs).json['code']
    assert get(client, code).json['fee']['paid'] is False
    page = client.get(f'/dossiers/{code}')
    pay(edit_site, code)
    assert get(client, code).json['fee']['paid'] is True
    assert client.get(f'/dossiers/{code}').body != page.body
    assert get(login('reception1'), code).json['fee']['paid'] is True


def test_a_changed_page_takes_the_place_of_its_older_version(app, login, edit_site, procedure,
                                                             docs):
    """One answer per viewer and address: re-reading a dossier after each change does
    not pile its superseded versions up in the store (mem15: 11 MB in the HTTP bench)."""
    client = login('citizen1')
    code = apply(client, docs).json['code']
    path = f'/dossiers/{code}'

    def kept():
        return [e for k, e in app.registry.tthc_pages._items.items()
                if k[:2] == ('mine', 'citizen1') and path in k]
    client.get(path)
    before = kept()
    pay(edit_site, code)
    client.get(path)
    after = kept()
    assert len(before) == 1 and len(after) == 1 and after[0].etag != before[0].etag


def test_a_new_filing_shows_in_the_queue_and_the_list_at_once(login, procedure, docs):
    officer, citizen = login('reception1'), login('citizen1')
    queue = {i['code'] for i in officer.get('/@@queue', headers=JSON).json['items']}
    mine = citizen.get('/@@my-dossiers', headers=JSON).json['total']
    officer.get('/@@queue')
    code = filed(login, docs)
    assert code not in queue
    assert code in {i['code'] for i in officer.get('/@@queue', headers=JSON).json['items']}
    assert code in officer.get('/@@queue').text
    assert citizen.get('/@@my-dossiers', headers=JSON).json['total'] == mine + 1


def test_an_upload_and_a_deletion_show_on_the_vault_page_at_once(login):
    citizen = login('citizen1')
    vault = vault_of(citizen)
    assert 'Giấy tờ để thử bộ nhớ trang' not in citizen.get(vault).text
    doc = citizen.post(f'{vault}/documents', {'doc_type': 'other',
                                              'title': 'Giấy tờ để thử bộ nhớ trang'},
                       upload_files=[('file', 'thu.pdf', make_pdf('thu'))], headers=JSON).json
    assert 'Giấy tờ để thử bộ nhớ trang' in citizen.get(vault).text
    citizen.delete(doc['url'], headers=JSON)
    assert 'Giấy tờ để thử bộ nhớ trang' not in citizen.get(vault).text
    assert doc['id'] not in {d['id'] for d in citizen.get(vault, headers=JSON).json['documents']}


def test_a_page_with_a_flash_message_is_never_kept(login):
    citizen = login('citizen1')
    vault = vault_of(citizen)
    citizen.get(vault)
    res = citizen.post(f'{vault}/documents', {'doc_type': 'other', 'title': 'Tờ khai thử'},
                       upload_files=[('file', 'thu.pdf', make_pdf('tin nhắn'))], status=303)
    assert 'Đã lưu giấy tờ vào kho.' in res.follow().text
    again = citizen.get(res.location)           # the same address the message was shown at
    assert 'Đã lưu giấy tờ vào kho.' not in again.text and 'Tờ khai thử' in again.text


def test_an_officers_read_shows_in_the_access_log_at_once(login, procedure, docs):
    code = received(login, docs)
    citizen, officer = login('citizen1'), login('reception1')
    before = citizen.get(vault_of(citizen))
    url = get(officer, code).json['attachments'][0]['url'].replace('http://example.com', '')
    officer.get(url)
    after = citizen.get(vault_of(citizen))
    assert code not in before.text and code in after.text


def test_a_new_name_of_the_assignee_shows_at_once(login, edit_site, procedure, docs):
    code = received(login, docs)
    act(login('reception1'), code, 'forward')
    act(login('leader1'), code, 'assign', assignee='specialist1')
    citizen = login('citizen1')
    assert 'Chuyên viên Đổi Tên' not in citizen.get(f'/dossiers/{code}').text
    with edit_site() as site:
        site['people']['specialist1'].full_name = 'Chuyên viên Đổi Tên'
    assert 'Chuyên viên Đổi Tên' in citizen.get(f'/dossiers/{code}').text


# -- the clock alone --------------------------------------------------------------

def test_overdue_shows_at_the_due_moment_without_a_commit(login, procedure, docs, clock):
    code = received(login, docs)
    citizen, officer = login('citizen1'), login('reception1')
    due = datetime.fromisoformat(get(officer, code).json['due_at'])
    clock.set(due - timedelta(minutes=1))
    assert get(citizen, code).json['overdue'] is False
    assert 'class="overdue"' not in citizen.get(f'/dossiers/{code}').text
    row = [i for i in officer.get('/@@queue', headers=JSON).json['items'] if i['code'] == code]
    assert row[0]['overdue'] is False
    clock.set(due + timedelta(minutes=1))
    assert get(citizen, code).json['overdue'] is True
    assert 'class="overdue"' in citizen.get(f'/dossiers/{code}').text
    row = [i for i in officer.get('/@@queue', headers=JSON).json['items'] if i['code'] == code]
    assert row[0]['overdue'] is True


def test_a_dossier_keeps_one_set_of_due_moments(login, edit_site, procedure, docs):
    """The due moments worked out for a dossier page are kept per dossier, not per version:
    a change replaces them instead of adding a set beside the old one."""
    from tthc_docs.dossiers.views import kept
    client = login('citizen1')
    code = apply(client, docs).json['code']
    client.get(f'/dossiers/{code}')
    before = dict(kept._MOMENTS)
    pay(edit_site, code)
    assert get(client, code).json['fee']['paid'] is True
    assert len(kept._MOMENTS) == len(before)
    assert [k for k in kept._MOMENTS if kept._MOMENTS[k] != before.get(k)] != []
