"""A lone UTF-16 surrogate (``"\\ud800"``) can neither enter nor break a page.

Stored once through JSON, it made every HTML page that showed it answer 500
for good (UnicodeEncodeError), for the owner and every officer.  The JSON
edge now refuses it (422 naming the field); pages render anything already
stored with U+FFFD in its place; evolve step 12 repairs what is stored.
"""
import pytest

from dossier_support import clock, docs, filed, procedure  # noqa: F401

LONE = "Nguyễn \ud800An"


def test_json_with_a_lone_surrogate_is_422_naming_the_field(login):
    client = login('citizen1')
    vault = client.session_info['vault']
    res = client.patch(f'{vault}/profile', b'{"current_address": "P\\ud800"}',
                       headers={'Content-Type': 'application/json',
                                'Accept': 'application/json'}, status=422)
    assert 'current_address' in res.json['error']['fields']


@pytest.fixture
def stored(edit_site, login, docs, procedure):
    """citizen1's name and a dossier note already hold a lone surrogate."""
    code = filed(login, docs)
    with edit_site() as site:
        vault = site['vaults'].for_owner('citizen1')
        vault.profile['full_name'] = LONE
        vault.profile._p_changed = True
        dossier = site['dossiers'][code]
        dossier.add_history('note', 'reception1', LONE)
        dossier.applicant_name = LONE
        return {'vault': f'/vaults/{vault.id}', 'dossier': f'/dossiers/{code}'}


@pytest.mark.parametrize('who, page', [
    ('citizen1', 'vault'), ('citizen1', 'vault/profile'), ('citizen1', 'dossier'),
    ('reception1', 'dossier'), ('reception1', '/@@queue')])
def test_pages_showing_stored_text_still_render(login, stored, who, page):
    base, _, rest = page.partition('/')
    path = stored[base] + (f'/{rest}' if rest else '') if base else page
    res = login(who).get(path, headers={'Accept': 'text/html'})
    assert res.status_int == 200
    assert 'Nguyễn \ufffdAn' in res.text or page == '/@@queue'


def test_json_answers_escape_it(login, stored):
    res = login('citizen1').get(stored['vault'], headers={'Accept': 'application/json'})
    assert res.status_int == 200
