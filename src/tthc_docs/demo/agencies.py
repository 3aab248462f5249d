"""Demo agencies of Khánh Hòa province (unit codes in the Circular 01/2018 shape)."""
from tthc_docs.people.agencies import Agency

DEMO_AGENCY = "000.00.20.H56"

TREE = [
    ("000.00.00.H56", "Ủy ban nhân dân tỉnh Khánh Hòa", "province", [
        (DEMO_AGENCY, "Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa", "province", []),
        ("000.00.11.H56", "Sở Tư pháp tỉnh Khánh Hòa", "province", []),
        ("000.00.31.H56", "Ủy ban nhân dân thành phố Nha Trang", "district", [
            ("000.31.01.H56", "Ủy ban nhân dân phường Lộc Thọ", "commune", []),
            ("000.31.02.H56", "Ủy ban nhân dân phường Vĩnh Hải", "commune", []),
        ]),
        ("000.00.32.H56", "Ủy ban nhân dân thành phố Cam Ranh", "district", [
            ("000.32.01.H56", "Ủy ban nhân dân phường Cam Nghĩa", "commune", []),
        ]),
    ]),
]


def _add(tree, parent, nodes):
    for code, name, level, children in nodes:
        agency = tree.by_code(code) or tree.add_agency(parent, Agency(code, name, level))
        _add(tree, agency, children)


def load(site, settings):
    _add(site["agencies"], site["agencies"], TREE)
