"""Journey: the applicant collects the result at the desk where the dossier was handed in.

Location-independent filing (Decree 118/2025/NĐ-CP): a commune desk received
a dossier the province centre settled. The result is returned at the one-stop
desk (Decree 61/2018/NĐ-CP art. 19, "Trả hồ sơ, kết quả giải quyết thủ tục hành
chính"): the desk's reception may hand it back once it is ready, and reads the
result until it has; the paper of that hand-over (Mẫu 05, issued at ``return``)
names the desk. The receipt says where the result is collected: that desk.
"""
import pytest
from desk_support import (  # noqa: F401
    CENTRE_NAME, DESK_NAME, JSON, filed_at_the_commune_desk)
from dossier_support import (  # noqa: F401
    act, clock, docs, enrol_leader, get, pki_dir, signing)
from samples import pdf_text

from conftest import logged_in
from tthc_docs.people import totp

DESK_OFFICE = 'Bộ phận tiếp nhận và trả kết quả'


def _ready(app, edit_site, docs):
    """A dossier the commune desk received and the centre settled and signed: (desk, code)."""
    desk, code = filed_at_the_commune_desk(app, edit_site, docs)
    act(desk, code, 'receive')
    act(logged_in(app, 'reception1'), code, 'forward')
    act(logged_in(app, 'specialist1'), code, 'forward')
    leader = logged_in(app, 'leader1')
    act(leader, code, 'approve')
    act(leader, code, 'sign', otp=totp.current_code(enrol_leader(edit_site)))
    assert get(desk, code).json['status'] == 'result_ready'
    return desk, code


def _codes(client, query=''):
    return [i['code'] for i in client.get(f'/@@queue{query}', headers=JSON).json['items']]


def test_the_desk_hands_the_result_back_and_the_control_paper_names_it(
        app, edit_site, clock, docs, signing):
    desk, code = _ready(app, edit_site, docs)
    assert 'return' in get(desk, code).json['actions']
    assert act(desk, code, 'return').json['status'] == 'returned'
    control = pdf_text(desk.get(f'/dossiers/{code}/@@slip/control').body)
    assert f'Nơi trả kết quả: {DESK_OFFICE} {DESK_NAME}' in ' '.join(control.split())


def test_the_centre_may_still_hand_it_back_at_its_own_desk(app, edit_site, clock, docs, signing):
    _, code = _ready(app, edit_site, docs)
    centre = logged_in(app, 'reception1')
    act(centre, code, 'return')
    control = pdf_text(centre.get(f'/dossiers/{code}/@@slip/control').body)
    assert f'Nơi trả kết quả: {DESK_OFFICE} {CENTRE_NAME}' in ' '.join(control.split())


def test_the_receipt_says_the_result_is_collected_at_the_desk(app, edit_site, clock, docs):
    desk, code = filed_at_the_commune_desk(app, edit_site, docs)
    act(desk, code, 'receive')
    receipt = ' '.join(pdf_text(desk.get(f'/dossiers/{code}/@@slip/receipt').body).split())
    assert f'Đăng ký nhận kết quả tại: {DESK_OFFICE} {DESK_NAME}' in receipt


def test_a_ready_result_is_back_in_the_desks_queue_until_handed_back(
        app, edit_site, clock, docs, signing):
    desk, code = _ready(app, edit_site, docs)
    assert code in _codes(desk)
    act(desk, code, 'return')
    assert code not in _codes(desk) and code not in _codes(desk, '?status=returned')


def test_the_desk_reads_the_result_until_it_has_handed_it_back(
        app, edit_site, clock, docs, signing):
    desk, code = _ready(app, edit_site, docs)
    ref = get(desk, code).json['results'][0]
    url = f"/vaults/{ref['vault']}/documents/{ref['document']}/@@download?dossier={code}"
    assert desk.get(url).status_int == 200
    logged_in(app, 'chuyenvien.pdp').get(url, status=403)
    act(desk, code, 'return')
    desk.get(url, status=403)
    assert logged_in(app, 'reception1').get(url).status_int == 200


@pytest.mark.parametrize('login', ['chuyenvien.pdp', 'citizen2'])
def test_nobody_else_of_the_desks_unit_or_outside_hands_it_back(
        app, edit_site, clock, docs, signing, login):
    _, code = _ready(app, edit_site, docs)
    act(logged_in(app, login), code, 'return', status=403)
