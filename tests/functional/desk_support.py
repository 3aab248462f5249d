"""Shared by the journeys of location-independent filing: procedures, the commune desk's officers.

Decree 118/2025/NĐ-CP: any desk of the province may receive a dossier of a
procedure that allows it; the commune ward Phan Đình Phùng's desk
(``motcua.pdp``) receives what the province centre (``AGENCY``) settles.
"""
from dossier_support import AGENCY, application, counter_find, publish_procedure

from conftest import logged_in
from tthc_docs.demo.agencies import PHAN_DINH_PHUNG

CENTRE_NAME = 'Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên'
DESK_NAME = 'Ủy ban nhân dân phường Phan Đình Phùng'

ANYWHERE, DESK_ONLY, COMMUNE, NOT_ANYWHERE = '9.990101', '9.990102', '9.990103', '9.990104'
WITH_FEE = '9.990105'
JSON = {'Accept': 'application/json'}


def setup_desk(edit_site):
    """The procedures of these journeys, and the commune desk's reception and specialist."""
    with edit_site() as site:
        publish_procedure(site, ANYWHERE, methods=['counter', 'online'])
        publish_procedure(site, DESK_ONLY, methods=['counter'])
        publish_procedure(site, NOT_ANYWHERE, methods=['counter', 'online'], receivable_anywhere=False)
        publish_procedure(site, WITH_FEE, fee=20000, methods=['counter', 'online'])
        publish_procedure(site, COMMUNE, level='commune', methods=['counter', 'online'],
                          agencies=[AGENCY, PHAN_DINH_PHUNG])
        site['people'].create('motcua.pdp', 'demo-password', 'Cán bộ một cửa phường Phan Đình Phùng',
                              ['reception'], agency=PHAN_DINH_PHUNG)
        site['people'].create('chuyenvien.pdp', 'demo-password', 'Chuyên viên phường Phan Đình Phùng',
                              ['specialist'], agency=PHAN_DINH_PHUNG)


def file_at(client, docs, code, status=201):
    """``client`` (a reception officer) files citizen1's dossier of ``code`` at its counter."""
    counter_find(client)
    return client.post_json(f'/procedures/{code}/@@apply', application(docs, citizen='citizen1'),
                            headers=JSON, status=status)


def filed_at_the_commune_desk(app, edit_site, docs):
    """motcua.pdp files, at its counter, a dossier the province centre handles: (client, code)."""
    setup_desk(edit_site)
    desk = logged_in(app, 'motcua.pdp')
    return desk, file_at(desk, docs, ANYWHERE).json['code']
