"""Move district-level procedures and agencies to the levels of the two-level government.

Since 1 July 2025 local government has two levels, province and commune
(Law on Organisation of Local Government 2025, no. 72/2025/QH15; Resolution
202/2025/QH15 on the arrangement of provinces). A database written before
holds district agencies and procedures settled at district level. In one
transaction (the step's), each district agency becomes a commune-level unit
(its tasks went to the communes) and its communes move up under its parent;
each procedure in use at district level gets a new version at the level
that succeeded it (`catalog.levels.successor`), so versions stay immutable
and dossiers filed under the old one keep meaning it. Returns the report.
"""
import logging

from tthc_docs.catalog import levels

log = logging.getLogger(__name__)
BY = "evolve-6"


def evolve(site):
    lines = _agencies(site["agencies"]) + _procedures(site["procedures"])
    lines.append(f"Tổng cộng: {len(lines)} thay đổi. Căn cứ: {levels.RULE}.")
    return lines


def _agencies(tree):
    """Re-level each district agency and lift its sub-units to its parent."""
    lines = []
    for agency in [a for a in tree.all() if a.level == levels.DISTRICT]:
        agency.level = levels.successor(levels.DISTRICT)
        for name in list(agency.keys()):
            agency.__parent__.add(name, agency.remove(name))
        lines.append(f"Cơ quan {agency.code} ({agency.name}): cấp huyện -> {agency.level}.")
    return lines


def _procedures(catalog):
    """A new version at the successor level for each procedure in use at district level."""
    lines = []
    new = levels.successor(levels.DISTRICT)
    for procedure in catalog.values():
        written = procedure.relevel(levels.DISTRICT, new, BY, levels.RULE)
        if written:
            catalog.reindex(procedure)
            lines.append(f"Thủ tục {procedure.code}: cấp huyện -> {new} "
                         f"(phiên bản {', '.join(map(str, written))}).")
    return lines
