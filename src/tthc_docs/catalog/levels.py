"""The levels that settle a procedure (cấp thực hiện), and the rule of 1 July 2025.

Since 1 July 2025 local government has two levels, province and commune
(Law on Organisation of Local Government 2025, no. 72/2025/QH15, in force
from that day alongside Resolution 202/2025/QH15 on the arrangement of
provinces): the district level is gone and its tasks went to the commune,
or to the province where a decree says so. A procedure in force after that
day cannot be settled at district level; ``central`` is kept for the few
procedures a ministry settles itself.

Pure module: no web or database imports.
"""
from datetime import date

LEVELS = (("province", "Cấp tỉnh"), ("commune", "Cấp xã"), ("central", "Cấp trung ương"))
DISTRICT = "district"
COMMUNE = "commune"   # the level whose units serve one commune, ward or special zone
#: Titles for every level a stored version may carry, the abolished one included.
LEVEL_TITLES = dict(LEVELS, district="Cấp huyện (trước 01/7/2025)")
TWO_LEVELS_SINCE = date(2025, 7, 1)
RULE = ("Từ ngày 01/7/2025 chính quyền địa phương có hai cấp (tỉnh và xã) theo Luật Tổ chức "
        "chính quyền địa phương năm 2025 và Nghị quyết 202/2025/QH15: không còn cấp huyện")
#: Where a district-level procedure went: the commune, unless a decree gave it to the province.
SUCCESSOR = "commune"


def parse_effective(value):
    """The procedure's effective date from an ISO string (None when not given)."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError("Ngày hiệu lực phải có dạng YYYY-MM-DD.") from None


def district_refusal(level, effective):
    """Why ``level`` is refused for a procedure effective on ``effective``, or None.

    A procedure without an effective date is taken to be in force now, so
    after the change. Only a record dated before 1 July 2025 (history) may
    still say "district"; it is then stored at its successor level.
    """
    if level != DISTRICT:
        return None
    if effective is not None and effective < TWO_LEVELS_SINCE:
        return None
    when = f"có hiệu lực từ {effective:%d/%m/%Y}" if effective else "không ghi ngày hiệu lực"
    return f"Không nhận cấp huyện cho thủ tục {when}. {RULE}."


def successor(level):
    """The level a stored procedure or agency takes after the change."""
    return SUCCESSOR if level == DISTRICT else level
