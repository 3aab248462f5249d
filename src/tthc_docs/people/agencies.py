"""Agencies: province > district > commune, each with its unit code.

The unit code (mã định danh đơn vị, e.g. ``000.00.20.H56``) is the first
block of every dossier code, and the principal ``agency:<code>`` is how
officers are matched with the dossiers their agency handles.  The tree
keeps an index code -> path so that look-ups by code never walk the tree.
"""
from BTrees.OOBTree import OOBTree

from tthc_docs import security as s
from tthc_docs.container import Container
from tthc_docs.errors import Invalid, StateConflict

LEVELS = ("province", "district", "commune")
LEVEL_TITLES = {"province": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã"}


class Agency(Container):
    """An administrative unit; sub-units are its children."""

    def __init__(self, code, name, level):
        super().__init__()
        if level not in LEVELS:
            raise ValueError(f"cấp không hợp lệ: {level}")
        self.code = code
        self.name = name
        self.level = level

    def as_json(self):
        return {"code": self.code, "name": self.name, "level": self.level,
                "children": [c.as_json() for c in self.values()]}


class AgencyTree(Container):
    """``/agencies``: the province's tree of units, public to read."""

    __acl__ = [(s.Allow, s.Everyone, s.VIEW), (s.Allow, s.role(s.ADMIN), s.MANAGE)]

    def __init__(self):
        super().__init__()
        self.by_code_index = OOBTree()

    def add_agency(self, parent, agency):
        """Add ``agency`` under ``parent`` (self or an Agency) and index its code."""
        if agency.code in self.by_code_index:
            raise KeyError(f"mã đơn vị đã tồn tại: {agency.code}")
        parent.add(agency.code, agency)
        self.by_code_index[agency.code] = agency
        return agency

    def create(self, data):
        """A new agency from the admin's ``{code, name, level, parent}``; 422/409 say why not.

        ``parent`` is a unit code (the tree's root when absent); a code
        already in the tree is a 409, as the state of the tree forbids it.
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
        try:
            return self.add_agency(parent, Agency(data["code"].strip(), data["name"].strip(),
                                                  data["level"]))
        except ValueError as exc:
            raise Invalid("Mã đơn vị không hợp lệ.", {"code": str(exc)}) from None

    def by_code(self, code):
        """The Agency with this unit code, or None."""
        return self.by_code_index.get(code)

    def all(self):
        """Every agency, ordered by code."""
        return list(self.by_code_index.values())
