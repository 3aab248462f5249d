"""Journey: the result is signed and returned; the citizen rates the service once."""
from dossier_support import (clock, docs, filed, get, pki_dir, procedure,  # noqa: F401
                             signing, walk_to)


def rate(client, code, status=200, **body):
    return client.post_json(f'/dossiers/{code}/@@rate', body,
                            headers={'Accept': 'application/json'}, status=status)


def returned(login, docs, edit_site):
    code = filed(login, docs)
    walk_to(login, code, 'returned', edit_site)
    return code


def test_the_owner_rates_a_returned_dossier(login, edit_site, procedure, docs, signing):
    code = returned(login, docs, edit_site)
    assert rate(login('citizen1'), code, score=5, comment='Nhanh, chu đáo').json['score'] == 5


def test_a_second_rating_is_409(login, edit_site, procedure, docs, signing):
    code = returned(login, docs, edit_site)
    client = login('citizen1')
    rate(client, code, score=4)
    rate(client, code, status=409, score=1)


def test_the_rating_is_kept_on_the_dossier(login, edit_site, procedure, docs, signing):
    code = returned(login, docs, edit_site)
    client = login('citizen1')
    rate(client, code, score=3, comment='Tạm được')
    assert get(client, code).json['rating']['comment'] == 'Tạm được'


def test_rating_before_the_result_is_returned_is_409(login, procedure, docs):
    code = filed(login, docs)
    rate(login('citizen1'), code, status=409, score=5)


def test_a_score_outside_one_to_five_is_422(login, edit_site, procedure, docs, signing):
    code = returned(login, docs, edit_site)
    res = rate(login('citizen1'), code, status=422, score=9)
    assert 'score' in res.json['error']['fields']


def test_a_score_that_is_not_a_number_is_422(login, procedure, docs):
    code = filed(login, docs)
    rate(login('citizen1'), code, status=422, score='năm')


def test_an_officer_may_not_rate(login, procedure, docs):
    code = filed(login, docs)
    rate(login('reception1'), code, status=403, score=5)


def test_the_signed_result_is_listed_in_results(login, edit_site, procedure, docs, signing):
    code = returned(login, docs, edit_site)
    assert len(get(login('citizen1'), code).json['results']) == 1
