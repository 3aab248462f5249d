"""Journey: a paper is fixed at its event and rendered later, when the process is idle.

Circular 01/2018/TT-VPCP makes each paper (Mẫu 01-05) the record of one
event: its content is fixed then and never changes. The transition stores
the paper's facts and lists it with ``ready`` false; its download already
serves the bytes that the renderer stores later, byte for byte, whatever
changed in between (an agency or a person renamed, a later event).
"""
import hashlib

from tthc_docs.dossiers import pending
from tthc_docs.dossiers.press import Press

JSON = {'Accept': 'application/json'}
SUBMITTED_DEMO = '1.001193'    # the demo dossier still waiting for receipt


def submitted_code(edit_site):
    with edit_site() as site:
        return next(d.code for d in site['dossiers'].values()
                    if d.procedure_code == SUBMITTED_DEMO and d.status == 'submitted')


def receive(client, code):
    return client.post_json(f'/dossiers/{code}/@@transition', {'action': 'receive'},
                            headers=JSON).json


def pending_keys(edit_site):
    with edit_site() as site:
        return list(pending.pending_list(site))


def drain(edit_site, settings):
    with edit_site() as site:
        return pending.render_pending(site, Press.from_settings(settings))


def stored(edit_site, code, paper_id):
    with edit_site() as site:
        paper = site['dossiers'][code].papers[paper_id]
        return paper.read(), paper.sha256, paper.size


def test_the_transition_lists_its_papers_not_yet_ready(login, edit_site):
    code = submitted_code(edit_site)
    body = receive(login('reception1'), code)
    listed = {p['id']: p for p in body['papers']}
    assert listed['receipt-1']['ready'] is False and listed['control-1']['ready'] is False
    assert listed['receipt-1']['sha256'] is None and listed['receipt-1']['size'] is None
    assert {key[1:] for key in pending_keys(edit_site)} == {(code, 'receipt-1'),
                                                             (code, 'control-1')}


def test_the_download_before_rendering_is_the_stored_bytes(login, edit_site, settings):
    code = submitted_code(edit_site)
    client = login('reception1')
    receive(client, code)
    early = client.get(f'/dossiers/{code}/@@slip/receipt')
    assert early.content_type == 'application/pdf'
    assert drain(edit_site, settings) == 2
    data, sha256, size = stored(edit_site, code, 'receipt-1')
    assert data == early.body
    assert sha256 == hashlib.sha256(early.body).hexdigest() == early.etag
    assert size == len(early.body)
    assert pending_keys(edit_site) == []
    listed = {p['id']: p for p in client.get(f'/dossiers/{code}', headers=JSON).json['papers']}
    assert listed['receipt-1'] == dict(listed['receipt-1'], ready=True, sha256=sha256, size=size)


def test_a_conditional_download_of_a_pending_paper_is_304(login, edit_site):
    code = submitted_code(edit_site)
    client = login('reception1')
    receive(client, code)
    first = client.get(f'/dossiers/{code}/@@slip/receipt')
    client.get(f'/dossiers/{code}/@@slip/receipt', headers={'If-None-Match': first.etag},
               status=304)


def test_facts_changed_after_the_event_do_not_change_the_paper(login, edit_site, settings):
    code = submitted_code(edit_site)
    client = login('reception1')
    receive(client, code)
    before = client.get(f'/dossiers/{code}/@@paper/receipt-1').body
    with edit_site() as site:
        dossier = site['dossiers'][code]
        site['agencies'].by_code(dossier.agency).name = 'Sở Thử Nghiệm Đổi Tên'
        site['people']['reception1'].full_name = 'Người Đã Đổi Tên'
    assert client.get(f'/dossiers/{code}/@@paper/receipt-1').body == before
    drain(edit_site, settings)
    assert stored(edit_site, code, 'receipt-1')[0] == before


def test_a_later_event_leaves_the_paper_as_it_was(login, edit_site, settings):
    code = submitted_code(edit_site)
    client = login('reception1')
    receive(client, code)
    drain(edit_site, settings)
    first = stored(edit_site, code, 'control-1')
    client.post_json(f'/dossiers/{code}/@@transition', {'action': 'forward'}, headers=JSON)
    drain(edit_site, settings)
    assert stored(edit_site, code, 'control-1') == first
    assert stored(edit_site, code, 'control-2')[0] != first[0]


def test_a_second_run_renders_nothing_twice(login, edit_site, settings):
    code = submitted_code(edit_site)
    receive(login('reception1'), code)
    assert drain(edit_site, settings) == 2
    with edit_site() as site:
        blob = site['dossiers'][code].papers['receipt-1'].blob
        serial = blob._p_serial
    assert drain(edit_site, settings) == 0
    with edit_site() as site:
        assert site['dossiers'][code].papers['receipt-1'].blob._p_serial == serial


def test_a_paper_that_fails_to_render_stays_pending_and_the_others_are_rendered(
        login, edit_site, settings, caplog):
    code = submitted_code(edit_site)
    receive(login('reception1'), code)
    broken = Press(public_url='http://x', font_dir='/nonexistent-fonts')
    with edit_site() as site:
        assert pending.render_pending(site, broken) == 0
    assert len(pending_keys(edit_site)) == 2
    assert code in caplog.text and 'stays pending' in caplog.text
    assert drain(edit_site, settings) == 2
