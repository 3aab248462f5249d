"""Journey: the applicant follows the dossier stage by stage on its page.

Each stage of the procedure's internal process, who holds it (a role and the
unit, never a login), its due date (the step's share of working days from its
start, as the workflow sets it; the legal due date for the result), and late
said in words. The procedure of ``dossier_support``: reception (0 days), a
specialist (2), a leader (1), reception returns; 5 working days in all. The
clock starts on Monday 01/03/2027 at 09:00.
"""
from datetime import datetime

from dossier_support import (act, apply, clock, docs, get, procedure,  # noqa: F401
                             pki_dir, received, signing, walk_to)
from tthc_docs import timeutil

EN = {'Accept-Language': 'en'}


def at(day, hour=9):
    return datetime(2027, 3, day, hour, 0, tzinfo=timeutil.VN_TZ)


def stages(client, code, headers=None):
    """{stage heading: its text} in order, as the page shows them."""
    page = client.get(f'/dossiers/{code}', headers=headers or {})
    items = page.html.select('section.progress ol.timeline > li')
    return {' '.join(li.select_one('.stage-head strong').get_text().split()):
            ' | '.join(' '.join(p.get_text().split()) for p in li.select('p')) for li in items}


def processing(login, docs):
    code = received(login, docs)
    act(login('reception1'), code, 'forward')
    return code


def test_a_new_dossier_waits_for_reception(login, procedure, docs):
    client = login('citizen1')
    code = apply(client, docs, code='9.990002').json['code']
    shown = stages(client, code)
    assert list(shown) == ['Nộp hồ sơ', 'Tiếp nhận hồ sơ', 'Thẩm định hồ sơ',
                           'Lãnh đạo ký duyệt', 'Trả kết quả']
    assert '(Đã xong)' in shown['Nộp hồ sơ']
    assert '(Đang thực hiện)' in shown['Tiếp nhận hồ sơ']
    assert 'Cán bộ một cửa · Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên' in \
        shown['Tiếp nhận hồ sơ']
    assert '(Chưa đến)' in shown['Thẩm định hồ sơ'] and '2 ngày làm việc' in shown['Thẩm định hồ sơ']


def test_the_step_under_way_names_the_role_and_unit_not_the_login(login, procedure, docs):
    code = processing(login, docs)
    shown = stages(login('citizen1'), code)
    step = shown['Thẩm định hồ sơ']
    assert '(Đang thực hiện)' in step
    assert 'Người thực hiện: Chuyên viên · Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên' in step
    assert 'specialist1' not in ' '.join(shown.values())
    assert '(Đã xong)' in shown['Tiếp nhận hồ sơ']


def test_the_step_is_due_after_its_share_of_working_days(login, procedure, docs):
    code = processing(login, docs)
    shown = stages(login('citizen1'), code)
    assert 'Hạn hoàn thành: 03/03/2027 17:00' in shown['Thẩm định hồ sơ']
    assert 'Hẹn trả kết quả: 08/03/2027 17:00' in shown['Trả kết quả']
    assert 'Quá hạn' not in ' '.join(shown.values())


def test_a_step_past_its_due_date_says_late_in_words(login, procedure, docs, clock):
    code = processing(login, docs)
    clock.set(at(4))
    shown = stages(login('citizen1'), code)
    assert 'Quá hạn' in shown['Thẩm định hồ sơ']
    assert 'Quá hạn' not in shown['Trả kết quả']


def test_a_dossier_past_its_legal_due_date_says_so_first(login, procedure, docs, clock):
    code = processing(login, docs)
    clock.set(at(9))
    page = login('citizen1').get(f'/dossiers/{code}')
    assert 'Hồ sơ đã quá hạn giải quyết theo quy định.' in page.html.select_one(
        'section.progress .late-note').get_text()
    assert 'Quá hạn' in stages(login('citizen1'), code)['Trả kết quả']


def test_a_step_finished_late_stays_marked(login, procedure, docs, clock):
    code = processing(login, docs)
    clock.set(at(4))
    act(login('specialist1'), code, 'forward')
    step = stages(login('citizen1'), code)['Thẩm định hồ sơ']
    assert '(Đã xong)' in step and 'Hoàn thành: 04/03/2027 09:00' in step
    assert 'Hoàn thành chậm so với hạn' in step


def test_a_supplement_request_hands_the_stage_to_the_applicant(login, procedure, docs):
    code = processing(login, docs)
    act(login('specialist1'), code, 'request_supplement', note='Thiếu bản sao giấy khai sinh')
    step = stages(login('citizen1'), code)['Thẩm định hồ sơ']
    assert '(Tạm dừng, chờ bổ sung)' in step and 'Người thực hiện: Người nộp hồ sơ' in step


def test_a_returned_dossier_has_every_stage_done(login, procedure, docs, edit_site, signing):
    code = apply(login('citizen1'), docs, code='9.990002').json['code']
    walk_to(login, code, 'returned', edit_site)
    shown = stages(login('citizen1'), code)
    assert all('(Đã xong)' in text for text in shown.values()), shown


def test_a_refused_dossier_ends_the_remaining_stages(login, procedure, docs):
    code = processing(login, docs)
    act(login('specialist1'), code, 'reject', note='Không đủ điều kiện')
    shown = stages(login('citizen1'), code)
    assert '(Không thực hiện)' in shown['Lãnh đạo ký duyệt']
    assert list(shown)[-1] == 'Từ chối giải quyết hồ sơ'


def test_the_timeline_reads_in_english(login, procedure, docs):
    code = processing(login, docs)
    page = login('citizen1').get(f'/dossiers/{code}', headers=EN).text
    for text in ('Progress', '(Under way)', 'Specialist', '1 working day<', 'Finished</span>: 01/03/2027'):
        assert text in page


def test_json_clients_get_the_same_stages(login, procedure, docs):
    code = processing(login, docs)
    body = get(login('citizen1'), code).json['timeline']
    assert [s['key'] for s in body] == ['submit', 'receive', 'xu-ly', 'phe-duyet', 'return']
    current = body[2]
    assert (current['state'], current['role'], current['due_at'], current['late']) == \
        ('current', 'specialist', '2027-03-03T17:00:00+07:00', False)


def test_a_dossier_withdrawn_at_once_keeps_its_filing_done(login, procedure, docs):
    client = login('citizen1')
    code = apply(client, docs, code='9.990002').json['code']
    act(client, code, 'withdraw')
    shown = stages(client, code)
    assert '(Đã xong)' in shown['Nộp hồ sơ']
    assert '(Không thực hiện)' in shown['Tiếp nhận hồ sơ']
    assert list(shown)[-1] == 'Rút hồ sơ' and 'Người nộp hồ sơ' in shown['Rút hồ sơ']
