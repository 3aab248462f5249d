"""Journey: the office refuses a dossier with a reason."""
from dossier_support import (act, clock, docs, filed, get, procedure,  # noqa: F401
                             walk_to)


def test_reception_refuses_a_submitted_dossier_with_a_reason(login, procedure, docs):
    code = filed(login, docs)
    res = act(login('reception1'), code, 'reject', note='Không thuộc thẩm quyền giải quyết')
    assert res.json['status'] == 'rejected'


def test_a_refusal_needs_a_reason(login, procedure, docs):
    code = filed(login, docs)
    res = act(login('reception1'), code, 'reject', status=422)
    assert 'note' in res.json['error']['fields']


def test_the_reason_is_kept_for_the_refusal_slip(login, procedure, docs):
    code = filed(login, docs)
    act(login('reception1'), code, 'reject', note='Hồ sơ giả mạo')
    entry = get(login('citizen1'), code).json['history'][-1]
    assert (entry['action'], entry['note'], entry['by']) == ('reject', 'Hồ sơ giả mạo', 'reception1')


def test_the_leader_refuses_a_dossier_awaiting_signature(login, procedure, docs):
    code = filed(login, docs)
    walk_to(login, code, 'awaiting_signature')
    assert act(login('leader1'), code, 'reject', note='Không đủ điều kiện').json['status'] == \
        'rejected'


def test_a_specialist_may_not_refuse_at_reception(login, procedure, docs):
    code = filed(login, docs)
    act(login('specialist1'), code, 'reject', note='x', status=403)


def test_a_refused_dossier_allows_nothing_more(login, procedure, docs):
    code = filed(login, docs)
    act(login('reception1'), code, 'reject', note='Không thuộc thẩm quyền')
    res = act(login('reception1'), code, 'receive', status=409)
    assert res.json['error']['allowed'] == []


def test_a_refused_dossier_is_no_longer_in_the_queue(login, procedure, docs):
    code = filed(login, docs)
    act(login('reception1'), code, 'reject', note='Không thuộc thẩm quyền')
    res = login('reception1').get('/@@queue', headers={'Accept': 'application/json'})
    assert code not in [i['code'] for i in res.json['items']]


def test_the_owner_sees_no_actions_after_refusal(login, procedure, docs):
    code = filed(login, docs)
    act(login('reception1'), code, 'reject', note='Không thuộc thẩm quyền')
    assert get(login('citizen1'), code).json['actions'] == []
