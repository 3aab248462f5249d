"""Where a dossier is received and who settles it (location-independent filing)."""
from types import SimpleNamespace

from tthc_docs.people.agencies import Agency, AgencyTree
from tthc_docs.people.jurisdiction import handling_agency, may_receive, residence_commune

CENTRE, DEPT, PDP, CHO_RA = "000.00.20.H55", "000.00.11.H55", "000.00.41.H55", "000.00.47.H55"


def _tree():
    tree = AgencyTree()
    tree.add_agency(tree, Agency(CENTRE, "Trung tâm Phục vụ hành chính công", "province"))
    tree.add_agency(tree, Agency(DEPT, "Sở Tư pháp", "province"))
    tree.add_agency(tree, Agency(PDP, "Ủy ban nhân dân phường Phan Đình Phùng", "commune", "05443"))
    tree.add_agency(tree, Agency(CHO_RA, "Ủy ban nhân dân xã Chợ Rã", "commune", "01912"))
    return tree


def _version(level, agencies, methods=("counter", "online")):
    return SimpleNamespace(level=level, agencies=list(agencies), methods=list(methods))


def test_the_residence_is_read_from_an_old_address_too():
    profile = {"permanent_address": "Tổ 5, thị trấn Chợ Rã, huyện Ba Bể, tỉnh Bắc Kạn"}
    assert residence_commune(profile) == "01912"
    assert residence_commune({"permanent_address": "không rõ"}) is None


def test_a_commune_procedure_goes_to_the_applicants_commune_when_listed():
    version = _version("commune", [CENTRE, PDP, CHO_RA])
    assert handling_agency(_tree(), version, "01912", desk=PDP) == CHO_RA


def test_otherwise_the_desk_if_listed_else_the_province_agency():
    tree = _tree()
    assert handling_agency(tree, _version("commune", [CENTRE, PDP]), "01912", desk=PDP) == PDP
    assert handling_agency(tree, _version("province", [PDP, DEPT]), None, desk=CHO_RA) == DEPT


def test_any_desk_may_receive_only_what_allows_it():
    tree = _tree()
    assert may_receive(tree, _version("province", [DEPT]), CHO_RA)
    assert not may_receive(tree, _version("province", [DEPT], methods=["counter"]), CHO_RA)
    assert not may_receive(tree, _version("province", [DEPT]), "000.00.99.H55")


def test_for_commune_is_an_index_kept_by_add_agency():
    tree = _tree()
    assert tree.for_commune("01912").code == CHO_RA
    assert dict(tree.by_commune_index.items()).keys() == {"05443", "01912"}
    assert tree.for_commune("99999") is None and tree.for_commune(None) is None
