"""Journey: officers of the handling agency open the signed result they issued.

The result lives in the citizen's vault; the signing grants it to the dossier's
agency for that dossier, so their reads work and land in the owner's access log,
while officers of another agency are still refused.
"""
from dossier_support import clock, docs, pki_dir, procedure, signing  # noqa: F401
from signing_support import awaiting, enrol, fresh_throttle, sign  # noqa: F401
from tthc_docs.people import totp

JSON = {'Accept': 'application/json'}


def signed_result(login, edit_site, docs):
    """Sign a dossier; returns (code, vault id, download URL of its result)."""
    code = awaiting(login, edit_site, docs)
    sign(login('leader1'), code, totp.current_code(enrol(edit_site)))
    with edit_site() as site:
        ref = site['dossiers'][code].results[-1]
    url = f"/vaults/{ref['vault']}/documents/{ref['document']}/@@download?dossier={code}"
    return code, ref['vault'], url


def test_an_officer_of_the_agency_downloads_the_result(login, edit_site, procedure, docs, signing,
                                                       fresh_throttle):
    _code, _vault, url = signed_result(login, edit_site, docs)
    assert login('reception1').get(url).content_type == 'application/pdf'


def test_the_officers_download_is_in_the_owners_access_log(login, edit_site, procedure, docs,
                                                           signing, fresh_throttle):
    code, vault, url = signed_result(login, edit_site, docs)
    login('specialist1').get(url)
    items = login('citizen1').get(f'/vaults/{vault}/@@access-log', headers=JSON).json['items']
    assert (items[0]['who'], items[0]['dossier']) == ('specialist1', code)


def test_an_officer_of_another_agency_is_refused_the_result(app, login, edit_site, procedure, docs,
                                                            signing, fresh_throttle):
    from conftest import logged_in
    _code, _vault, url = signed_result(login, edit_site, docs)
    with edit_site() as site:
        site['people'].create('tuphap1', 'demo-password', 'Cán bộ Sở Tư pháp',
                              ['reception'], agency='000.00.11.H55')
    logged_in(app, 'tuphap1').get(url, status=403)
