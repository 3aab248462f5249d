"""Journey: location-independent filing. Any desk of the province receives; the procedure's rules pick the handler.

Decree 61/2018/NĐ-CP (as amended by Decree 107/2021/NĐ-CP): dossiers are
received regardless of the administrative boundary where a procedure allows
it; the receiving desk and the handling agency are both on the record.
"""
from dossier_support import AGENCY, application, clock, counter_find, docs, publish_procedure  # noqa: F401

from conftest import logged_in
from tthc_docs.demo.agencies import PHAN_DINH_PHUNG

ANYWHERE, DESK_ONLY, COMMUNE = '9.990101', '9.990102', '9.990103'
JSON = {'Accept': 'application/json'}


def _setup(edit_site):
    with edit_site() as site:
        publish_procedure(site, ANYWHERE, methods=['counter', 'online'])
        publish_procedure(site, DESK_ONLY, methods=['counter'])
        publish_procedure(site, COMMUNE, level='commune', methods=['counter', 'online'],
                          agencies=[AGENCY, PHAN_DINH_PHUNG])
        site['people'].create('motcua.pdp', 'demo-password', 'Cán bộ một cửa phường Phan Đình Phùng',
                              ['reception'], agency=PHAN_DINH_PHUNG)


def _file(client, docs, code, status=201):
    counter_find(client)
    return client.post_json(f'/procedures/{code}/@@apply', application(docs, citizen='citizen1'),
                            headers=JSON, status=status)


def _dossier(edit_site, code):
    with edit_site() as site:
        dossier = site['dossiers'][code]
        return dossier.agency, dossier.receiving_agency


def test_a_commune_desk_files_a_dossier_the_province_centre_handles(app, edit_site, clock, docs):
    _setup(edit_site)
    res = _file(logged_in(app, 'motcua.pdp'), docs, ANYWHERE)
    assert _dossier(edit_site, res.json['code']) == (AGENCY, PHAN_DINH_PHUNG)


def test_a_procedure_that_does_not_allow_it_is_refused_at_another_desk(app, edit_site, clock, docs):
    _setup(edit_site)
    res = _file(logged_in(app, 'motcua.pdp'), docs, DESK_ONLY, status=422)
    assert 'agency' in res.json['error']['fields']


def test_a_commune_procedure_goes_to_the_applicants_commune(app, edit_site, clock, docs):
    """citizen1 lives in phường Phan Đình Phùng; the centre's desk receives."""
    _setup(edit_site)
    res = _file(logged_in(app, 'reception1'), docs, COMMUNE)
    assert _dossier(edit_site, res.json['code']) == (PHAN_DINH_PHUNG, AGENCY)
