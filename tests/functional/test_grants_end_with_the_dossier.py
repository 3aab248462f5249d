"""Grants end with the dossier: the citizen's papers are not the agency's after the decision.

Reception still downloaded the attachments of a returned dossier.  The
retention rule (``dossiers.grants``, README "Retention"): papers the citizen
gave are readable by the handling agency while the dossier is active; the
result the agency issued stays readable by it.
"""
from dossier_support import (act, clock, docs, filed, pki_dir, procedure,  # noqa: F401
                             received, signing, walk_to)

JSON = {'Accept': 'application/json'}


def attachment_url(client, code):
    dossier = client.get(f'/dossiers/{code}', headers=JSON).json
    return dossier['attachments'][0]['url']


def test_reception_reads_the_attachments_while_the_dossier_is_open(login, procedure, docs):
    code = received(login, docs)
    officer = login('reception1')
    officer.get(attachment_url(officer, code), status=200)


def test_a_withdrawn_dossiers_attachments_are_closed_to_the_agency(login, procedure, docs):
    code = received(login, docs)
    officer = login('reception1')
    url = attachment_url(officer, code)
    act(login('citizen1'), code, 'withdraw', note='Không cần nữa')
    officer.get(url, status=403)
    login('citizen1').get(url.split('?')[0], status=200)   # still the owner's


def test_a_returned_dossier_keeps_its_result_and_closes_its_papers(login, procedure, docs,
                                                                  edit_site, signing):
    code = filed(login, docs)
    officer = login('reception1')
    url = attachment_url(officer, code)
    walk_to(login, code, 'returned', edit_site)
    officer.get(url, status=403)
    ref = officer.get(f'/dossiers/{code}', headers=JSON).json['results'][0]
    officer.get(f"/vaults/{ref['vault']}/documents/{ref['document']}/@@download?dossier={code}",
                status=200)
