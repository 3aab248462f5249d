"""Agencies: the province's units and the communes' one-stop desks, each with its code.

Since 1 July 2025 local government has two levels, province and commune
(Law on Organisation of Local Government 2025, no. 72/2025/QH15): there are
no district agencies any more (evolve step 6 re-levels those of older
databases). "central" is kept for the few units of a ministry that settle
a procedure themselves.

The code is the electronic identifier of Decision 20/2020/QĐ-TTg
(mã định danh điện tử của cơ quan, tổ chức): four groups, lowest level
first, ``LLL.33.22.H55``; ``H55`` is the level-1 code of Thái Nguyên's
People's Committee. It is the first block of every dossier code, and the
principal ``agency:<code>`` is how officers are matched with the dossiers
their agency handles. The tree keeps two indexes, code -> agency and
official commune code -> agency, both written by ``add_agency``, so that
look-ups by code or by commune never walk the tree.
"""
import re

from BTrees.OOBTree import OOBTree

from tthc_docs import security as s
from tthc_docs.catalog import levels
from tthc_docs.container import Container
from tthc_docs.errors import Invalid, StateConflict, Words
from tthc_docs.text import addresses
from tthc_docs.text.validators import ValidationError

# The levels are the catalog's (one definition, ``catalog.levels``: the rule of 1 July 2025).
LEVELS = tuple(key for key, _ in levels.LEVELS)
LEGACY_LEVELS = (levels.DISTRICT,)  # before 1 July 2025; only old databases hold it
LEVEL_TITLES = levels.LEVEL_TITLES
#: Decision 20/2020/QĐ-TTg, art. 4: level 4 (3 characters), 3 and 2 (2 each), level 1 (a letter, 2 digits).
CODE_RE = re.compile(r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$")
#: A number line's abbreviation (Decree 30/2020 App. I: "QĐ-UBND", "KQ-TTPVHCC").
SUFFIX_RE = re.compile(r"^[0-9A-ZĐ]+(?:[-.][0-9A-ZĐ]+)*$")


def check_suffix(value):
    """``value`` stripped if it is a number line's abbreviation (≤ 30 capitals, digits, - or .)."""
    text = value.strip() if isinstance(value, str) else None
    if text is None or len(text) > 30 or not SUFFIX_RE.match(text):
        raise Invalid("Ký hiệu số văn bản không hợp lệ.", {
            "result_suffix": "chữ in hoa, chữ số, nối bằng - hoặc . (ví dụ KQ-TTPVHCC), tối đa 30 ký tự"})
    return text


def check_code(code):
    """``code`` if it has the national shape (``000.00.20.H55``); ValueError otherwise."""
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise ValueError(f"mã định danh '{code}' không đúng cấu trúc của Quyết định "
                         "20/2020/QĐ-TTg (ví dụ 000.00.20.H55)")
    return code


def check_commune(value, level):
    """The official code of the commune an agency of ``level`` serves; None clears it.

    The code must be in the official list of 2025 (``text.addresses``, from the
    ``vietnam-provinces`` data) and in the province this system serves; only a
    commune-level agency (a commune's People's Committee) serves one. 422 naming
    ``commune_code`` otherwise.
    """
    if value in (None, ""):
        return None
    if level != levels.COMMUNE:
        raise Invalid("Chỉ cơ quan cấp xã gắn với một xã/phường.", {
            "commune_code": f"{LEVEL_TITLES.get(level, level)}: không gắn với xã/phường"})
    if not isinstance(value, str):
        raise Invalid("Mã xã/phường không hợp lệ.", {"commune_code": "phải là chuỗi 5 chữ số"})
    try:
        name, province = addresses.commune_by_code(value)
    except ValidationError as exc:
        raise Invalid(str(exc), {"commune_code": str(exc)}) from None
    if province != addresses.HOME_PROVINCE:
        why = (f'xã/phường "{name}" (mã {value.strip()}) thuộc {province}, '
               f"không thuộc {addresses.HOME_PROVINCE}")
        raise Invalid(Words("Mã xã/phường ${code} không thuộc tỉnh.", code=value.strip()), {"commune_code": why})
    return value.strip().zfill(5)


class Agency(Container):
    """An administrative unit; sub-units are its children.

    ``commune_code``: for a commune's People's Committee, its code in the
    official list of administrative units, so that the commune of an
    applicant's residence can be matched with the agency that serves it.
    """

    commune_code = None  # older agencies have none
    #: What follows the year in its results' numbers ("KQ-TTPVHCC" in 15/2027/KQ-TTPVHCC);
    #: "" until the admin sets it (``dossiers.result_numbers`` then writes "KQ").
    result_suffix = ""

    def __init__(self, code, name, level, commune_code=None):
        super().__init__()
        if level not in LEVELS:
            raise ValueError(f"cấp không hợp lệ: {level} (một trong: {', '.join(LEVELS)})")
        self.code = check_code(code)
        self.name = name
        self.level = level
        self.commune_code = commune_code

    def as_json(self):
        return {"code": self.code, "name": self.name, "level": self.level,
                "commune_code": self.commune_code, "result_suffix": self.result_suffix,
                "parent": getattr(self.__parent__, "code", None),
                "children": [c.as_json() for c in self.values()]}


def tree_of(agency):
    """The ``AgencyTree`` that holds ``agency``."""
    node = agency
    while node is not None and not isinstance(node, AgencyTree):
        node = node.__parent__
    return node


class AgencyTree(Container):
    """``/agencies``: the province's tree of units, public to read."""

    __acl__ = [(s.Allow, s.Everyone, s.VIEW), (s.Allow, s.role(s.ADMIN), s.MANAGE)]

    def __init__(self):
        super().__init__()
        self.by_code_index = OOBTree()
        self.by_commune_index = OOBTree()   # trees of before evolve step 18 lack it

    def add_agency(self, parent, agency):
        """Add ``agency`` under ``parent`` (self or an Agency) and index its code and commune."""
        if agency.code in self.by_code_index:
            raise KeyError(f"mã đơn vị đã tồn tại: {agency.code}")
        parent.add(agency.code, agency)
        self.by_code_index[agency.code] = agency
        self.index_commune(agency)
        return agency

    def index_commune(self, agency):
        """Record ``agency`` as the one serving its commune (the first one added keeps it)."""
        if agency.commune_code and agency.commune_code not in self.by_commune_index:
            self.by_commune_index[agency.commune_code] = agency

    def create(self, data):
        """A new agency from the admin's ``{code, name, level, parent, commune_code}``; 422/409 say why not.

        ``parent`` is a unit code (the tree's root when absent); a code
        already in the tree, or a commune another unit serves, is a 409, as
        the state of the tree forbids it (``check_commune`` for the commune).
        """
        problems = {name: "Bắt buộc." for name in ("code", "name", "level")
                    if not isinstance(data.get(name), str) or not data[name].strip()}
        if data.get("level") and data.get("level") not in LEVELS:
            problems["level"] = f"Một trong: {', '.join(LEVELS)}."
        parent = self
        if data.get("parent"):
            parent = self.by_code(data["parent"]) if isinstance(data["parent"], str) else None
            if parent is None:
                problems["parent"] = "Không có cơ quan với mã này."
        if problems:
            raise Invalid("Dữ liệu cơ quan không hợp lệ.", problems)
        if self.by_code(data["code"]) is not None:
            raise StateConflict("Mã đơn vị đã tồn tại.", fields={"code": "Đã tồn tại."})
        suffix = check_suffix(data["result_suffix"]) if data.get("result_suffix") else ""
        commune = check_commune(data.get("commune_code"), data["level"])
        try:
            agency = Agency(data["code"].strip(), data["name"].strip(), data["level"])
        except ValueError as exc:
            raise Invalid("Mã đơn vị không hợp lệ.", {"code": str(exc)}) from None
        self._not_served_by_another(commune, agency)
        agency.commune_code = commune
        if suffix:
            agency.result_suffix = suffix
        return self.add_agency(parent, agency)

    def change(self, agency, data):
        """The admin's changes to a unit: ``result_suffix``, ``commune_code``, ``parent``.

        Every value is checked before anything is written (422 naming the
        field, 409 for a commune another unit serves), so a refused change
        leaves the unit as it was.
        """
        suffix = (check_suffix(data["result_suffix"]) if "result_suffix" in data
                  else agency.result_suffix)
        commune = (check_commune(data["commune_code"], agency.level) if "commune_code" in data
                   else agency.commune_code)
        parent = self._parent_for(agency, data["parent"]) if "parent" in data else agency.__parent__
        self._not_served_by_another(commune, agency)
        agency.result_suffix = suffix
        self._set_commune(agency, commune)
        if parent is not agency.__parent__:
            agency.__parent__.remove(agency.code)
            parent.add(agency.code, agency)
        return agency

    def _not_served_by_another(self, commune, agency):
        other = self.by_commune_index.get(commune) if commune else None
        if other is not None and other is not agency:
            raise StateConflict(Words("Xã/phường mã ${commune} đã gắn với ${name} (${code}).",
                                      commune=commune, name=other.name, code=other.code),
                                fields={"commune_code": Words("đã gắn với ${code}", code=other.code)})

    def _set_commune(self, agency, commune):
        """Give ``agency`` its commune and keep ``by_commune_index`` true to it.

        When the agency gives up a commune, another unit of that commune (only
        a tree of before the API refused a second one has it) takes the index
        entry; agencies are a few hundred, and this is an admin's rare write.
        """
        old = agency.commune_code
        if old == commune:
            return
        if old and self.by_commune_index.get(old) is agency:
            del self.by_commune_index[old]
            heir = next((a for a in self.by_code_index.values()
                         if a is not agency and a.commune_code == old), None)
            if heir is not None:
                self.by_commune_index[old] = heir
        agency.commune_code = commune
        self.index_commune(agency)

    def _parent_for(self, agency, code):
        """The unit ``code`` that ``agency`` may move under (the root for null); 422 otherwise."""
        if code in (None, ""):
            return self
        parent = self.by_code(code) if isinstance(code, str) else None
        if parent is None:
            raise Invalid("Không có cơ quan cấp trên này.", {"parent": "Không có cơ quan với mã này."})
        node = parent
        while node is not None and node is not self:
            if node is agency:
                raise Invalid("Không thể đặt một cơ quan dưới chính nó.", {
                    "parent": "là chính cơ quan này hoặc một đơn vị trực thuộc nó"})
            node = node.__parent__
        return parent

    def by_code(self, code):
        """The Agency with this unit code, or None."""
        return self.by_code_index.get(code)

    def all(self):
        """Every agency, ordered by code."""
        return list(self.by_code_index.values())

    def for_commune(self, commune_code):
        """The agency serving the commune with this official code, or None (an index look-up)."""
        if not commune_code:
            return None
        return self.by_commune_index.get(commune_code)
