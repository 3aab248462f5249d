"""A vault has a quota of documents and bytes; an account an upload rate.

The probe stored 150 uploads in half a second.  Small limits are set on the
running app for these tests (``monkeypatch`` on the registry).
"""
import pytest
from samples import make_pdf

from tthc_docs.vaults.quota import Quota, upload_rate

JSON = {'Accept': 'application/json'}


def upload(client, vault, text, status=None, data=None):
    return client.post(f'{vault}/documents', {'doc_type': 'other', 'title': text},
                       upload_files=[('file', 'x.pdf', data or make_pdf(text))], headers=JSON,
                       status=status)


@pytest.fixture
def citizen(login):
    client = login('citizen1')
    return client, client.session_info['vault'].rstrip('/')


def test_a_vault_over_its_document_count_refuses_a_new_one(app, citizen, edit_site,
                                                           monkeypatch):
    client, vault = citizen
    with edit_site() as site:
        held = len(site['vaults'].for_owner('citizen1').documents)
    monkeypatch.setattr(app.registry, 'vault_quota', Quota(held + 1, 10 ** 9))
    last = make_pdf('vừa đủ')
    upload(client, vault, 'vừa đủ', status=201, data=last)
    res = upload(client, vault, 'quá số lượng', status=409)
    assert f'{held + 1} giấy tờ' in res.json['error']['message']
    upload(client, vault, 'vừa đủ', status=200, data=last)   # the same bytes take no room
    with edit_site() as site:
        assert len(site['vaults'].for_owner('citizen1').documents) == held + 1


def test_a_vault_over_its_bytes_refuses_a_new_one(app, citizen, edit_site, monkeypatch):
    client, vault = citizen
    with edit_site() as site:
        used = site['vaults'].for_owner('citizen1').storage()['bytes']
    monkeypatch.setattr(app.registry, 'vault_quota', Quota(10 ** 6, used + 10))
    res = upload(client, vault, 'quá dung lượng', status=409)
    assert 'dung lượng' in res.json['error']['message']


def test_uploads_faster_than_the_rate_are_429(app, citizen, monkeypatch):
    client, vault = citizen
    monkeypatch.setattr(app.registry, 'upload_rate', upload_rate({'tthc_docs.upload_rate': '3 60'}))
    for n in range(3):
        upload(client, vault, f'tệp {n}', status=201)
    res = upload(client, vault, 'tệp thứ tư', status=429)
    assert 0 < int(res.headers['Retry-After']) <= 60
