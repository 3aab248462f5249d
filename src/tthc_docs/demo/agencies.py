"""Demo agencies of Thái Nguyên province as it stands since 1 July 2025.

Two levels (Law on Organisation of Local Government 2025): the province's
People's Committee with its public-service centre and departments (sở), and
communes and wards, each with its one-stop desk (bộ phận một cửa). Bắc Kạn
was merged into Thái Nguyên (Resolution 202/2025/QH15), so two of the demo
communes are former Bắc Kạn ones.

Codes follow Decision 20/2020/QĐ-TTg under ``H55`` (Thái Nguyên's level-1
code). The departments keep level-2 codes under the province; the communes,
now directly under the province, get level-2 codes from 41. They are
plausible, not the province's official list: the official codes are
published in the province's decisions on its units' electronic
identifiers (under Decision 20/2020/QĐ-TTg), which were not found in the
reference sources searched for issue 12 (national and provincial pages for
"000.00.00.H55", "mã định danh điện tử cơ quan Thái Nguyên"). Only the
level-1 code H55 is taken from a published procedure code
(``2.000815.000.00.00.H55``); replace the rest when the list is at hand. Commune names are looked up in
the official 2025 list, so a misspelt one fails loudly at load time.
"""
from tthc_docs.people.agencies import Agency
from tthc_docs.text import addresses

PROVINCE = "000.00.00.H55"
DEMO_AGENCY = "000.00.20.H55"  # the centre: the demo officers handle every demo procedure here
JUSTICE = "000.00.11.H55"
FINANCE = "000.00.05.H55"
AGRICULTURE_ENVIRONMENT = "000.00.09.H55"
CONSTRUCTION = "000.00.10.H55"
HOME_AFFAIRS = "000.00.07.H55"
PHAN_DINH_PHUNG = "000.00.41.H55"

DEPARTMENTS = [
    (DEMO_AGENCY, "Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên", "province", []),
    (JUSTICE, "Sở Tư pháp tỉnh Thái Nguyên", "province", []),
    (FINANCE, "Sở Tài chính tỉnh Thái Nguyên", "province", []),
    (HOME_AFFAIRS, "Sở Nội vụ tỉnh Thái Nguyên", "province", []),
    (AGRICULTURE_ENVIRONMENT, "Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên", "province", []),
    (CONSTRUCTION, "Sở Xây dựng tỉnh Thái Nguyên", "province", []),
]
#: (agency code, official commune name); the People's Committee of each commune.
COMMUNES = [
    (PHAN_DINH_PHUNG, "Phường Phan Đình Phùng"),
    ("000.00.42.H55", "Phường Phổ Yên"),
    ("000.00.43.H55", "Xã Đại Từ"),
    ("000.00.44.H55", "Phường Bắc Kạn"),
    ("000.00.45.H55", "Xã Chợ Đồn"),
    ("000.00.46.H55", "Xã Ba Bể"),
]
COMMUNE_NAMES = dict((code, commune) for code, commune in COMMUNES)
#: (code, name, level, children): the shape the dev PKI reads agency names from.
TREE = [
    (PROVINCE, "Ủy ban nhân dân tỉnh Thái Nguyên", "province", DEPARTMENTS + [
        (code, f"Ủy ban nhân dân {commune[0].lower()}{commune[1:]}", "commune", [])
        for code, commune in COMMUNES]),
]


def commune_code(commune):
    """The official code of a commune of the home province (fails loudly on a misspelt name)."""
    (found,) = [c for c in addresses.find_communes(commune, addresses.HOME_PROVINCE)
                if c[1] == commune]
    return found[0]


def _add(tree, parent, nodes):
    for code, name, level, children in nodes:
        agency = tree.by_code(code)
        if agency is None:
            commune = COMMUNE_NAMES.get(code)
            agency = tree.add_agency(parent, Agency(
                code, name, level, commune_code=commune_code(commune) if commune else None))
        _add(tree, agency, children)


def load(site, settings):
    _add(site["agencies"], site["agencies"], TREE)
