"""Journey: a reception officer files at the counter for a citizen (channel counter).

The citizen is at the counter: the officer finds them by ID card first
(``counter_find``), then files in the same session.
"""
from dossier_support import (AGENCY, CODE, act, application, clock, counter_find,  # noqa: F401
                             docs, get, procedure)


def counter_apply(client, docs, status=201, **extra):
    body = application(docs, citizen='citizen1', **extra)
    return client.post_json(f'/procedures/{CODE}/@@apply', body,
                            headers={'Accept': 'application/json'}, status=status)


def officer_serving_citizen1(login):
    client = login('reception1')
    counter_find(client)
    return client


def test_reception_files_for_a_citizen_on_the_counter_channel(login, procedure, docs):
    assert counter_apply(officer_serving_citizen1(login), docs).json['channel'] == 'counter'


def test_a_counter_filing_charges_the_counter_fee(login, procedure, docs):
    assert counter_apply(officer_serving_citizen1(login), docs).json['fee']['amount'] == 20000


def test_the_counter_dossier_belongs_to_the_citizen(login, procedure, docs):
    code = counter_apply(officer_serving_citizen1(login), docs).json['code']
    assert get(login('citizen1'), code).json['channel'] == 'counter'


def test_counter_filing_needs_the_citizen(login, procedure, docs):
    res = officer_serving_citizen1(login).post_json(f'/procedures/{CODE}/@@apply',
                                                    application(docs), status=422)
    assert 'citizen' in res.json['error']['fields']


def test_counter_filing_for_an_unknown_citizen_is_403(login, procedure, docs):
    """Refused like any citizen not found by ID card: logins cannot be probed."""
    body = application(docs, citizen='nobody')
    officer_serving_citizen1(login).post_json(f'/procedures/{CODE}/@@apply', body, status=403)


def test_counter_filing_records_who_filed_it(login, procedure, docs):
    code = counter_apply(officer_serving_citizen1(login), docs).json['code']
    assert get(login('citizen1'), code).json['history'][0]['by'] == 'reception1'


def test_a_specialist_may_not_file_at_the_counter(login, procedure, docs):
    counter_apply(login('specialist1'), docs, status=403)


def test_digitised_papers_land_in_the_citizens_vault(login, procedure, docs, edit_site):
    from webtest import Upload
    from tthc_docs.demo.vaults import sample_png
    client = officer_serving_citizen1(login)
    form = client.get(f'/procedures/{CODE}/@@apply?citizen=citizen1').forms['apply']
    form['citizen'] = 'citizen1'
    form['attachments.khai-sinh'] = docs['giay-khai-sinh']
    form['file.cu-tru'] = Upload('cu-tru.png', sample_png('Cư trú', (120, 30, 30)), 'image/png')
    form.submit('submit')
    with edit_site() as site:
        kinds = [d.kind for d in site['vaults'].for_owner('citizen1').documents.values()
                 if d.doc_type == 'xac-nhan-cu-tru']
    assert 'digitized' in kinds
