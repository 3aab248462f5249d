"""Journey: the citizen withdraws a dossier before the result."""
from dossier_support import (act, clock, docs, filed, get, pki_dir,  # noqa: F401
                             procedure, signing, walk_to)


def test_the_owner_withdraws_a_submitted_dossier(login, procedure, docs):
    code = filed(login, docs)
    assert act(login('citizen1'), code, 'withdraw').json['status'] == 'withdrawn'


def test_the_owner_withdraws_while_processing(login, procedure, docs):
    code = filed(login, docs)
    walk_to(login, code, 'processing')
    assert act(login('citizen1'), code, 'withdraw', note='Không còn nhu cầu').json['status'] == \
        'withdrawn'


def test_withdraw_is_among_the_owners_actions(login, procedure, docs):
    code = filed(login, docs)
    assert get(login('citizen1'), code).json['actions'] == ['withdraw']


def test_an_officer_may_not_withdraw_for_the_citizen(login, procedure, docs):
    code = filed(login, docs)
    act(login('reception1'), code, 'withdraw', status=403)


def test_withdrawing_after_the_result_is_ready_is_409(login, edit_site, procedure, docs, signing):
    code = filed(login, docs)
    walk_to(login, code, 'result_ready', edit_site)
    act(login('citizen1'), code, 'withdraw', status=409)


def test_withdrawing_twice_is_409(login, procedure, docs):
    code = filed(login, docs)
    client = login('citizen1')
    act(client, code, 'withdraw')
    act(client, code, 'withdraw', status=409)


def test_a_withdrawn_dossier_is_tracked_as_withdrawn(login, anon, procedure, docs):
    code = filed(login, docs)
    act(login('citizen1'), code, 'withdraw')
    res = anon.get('/@@track', params={'code': code}, headers={'Accept': 'application/json'})
    assert res.json['status'] == 'withdrawn'
