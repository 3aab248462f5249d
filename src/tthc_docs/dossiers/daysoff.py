"""The days off and make-up working days an admin enters each year.

The `holidays` package knows Vietnam's official day swaps only up to 2026
and guesses later years by rule, while the government announces each
year's extra days off (ngày nghỉ bù, nghỉ liền Tết) and the Saturdays worked
in exchange (ngày làm bù) by a decision or notice. An admin enters them
here, naming that decision; every change is kept in an audit trail, and
`tthc_docs.dossiers.calendar.calendar_for(site)` reads them.
"""
import datetime

from BTrees.IOBTree import IOBTree
from BTrees.OOBTree import OOBTree
from persistent import Persistent

from tthc_docs.errors import Invalid, NotFound, Words
from tthc_docs import timeutil

DAY_OFF, MAKEUP = "off", "makeup"
KIND_TITLES = {DAY_OFF: "Ngày nghỉ", MAKEUP: "Ngày làm bù"}


class DaysOffRegistry(Persistent):
    """Date -> entry {date, kind, decision, note, by, at}, plus the audit trail."""

    #: Counts the changes, so that pages showing a due date are kept by this object's serial.
    changes = 0

    def __init__(self):
        self.entries = OOBTree()   # ISO date -> entry dict
        self.audit = IOBTree()     # sequence number -> event dict

    def set_day(self, day, kind, decision, by, note=""):
        """Enter (or change) one day; `decision` names the announcing document."""
        day = parse_day(day)
        if kind not in KIND_TITLES:
            raise Invalid("Loại ngày không hợp lệ.", {"kind": "Phải là 'off' hoặc 'makeup'."})
        decision = (decision or "").strip()
        if not decision:
            raise Invalid("Thiếu văn bản công bố.",
                          {"decision": "Ghi số, ký hiệu văn bản quyết định ngày nghỉ / làm bù."})
        if kind == MAKEUP and day.weekday() < 5:
            raise Invalid("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.",
                          {"date": f"{day.isoformat()} đã là ngày làm việc."})
        entry = {"date": day.isoformat(), "kind": kind, "decision": decision,
                 "note": (note or "").strip(), "by": by, "at": timeutil.now()}
        previous = self.entries.get(day.isoformat())
        self.entries[day.isoformat()] = entry
        self._record("change" if previous else "add", entry, by)
        return entry

    def remove_day(self, day, by, decision=""):
        """Take a day out again (a mistaken or revoked entry); logged too."""
        day = parse_day(day)
        entry = self.entries.get(day.isoformat())
        if entry is None:
            raise NotFound(Words("Ngày ${day} chưa được khai báo.", day=day.strftime("%d/%m/%Y")))
        del self.entries[day.isoformat()]
        self._record("remove", dict(entry, decision=decision or entry["decision"]), by)
        return entry

    def for_year(self, year):
        """The entries of one year, in date order."""
        return list(self.entries.values(min=f"{year:04d}-01-01", max=f"{year:04d}-12-31"))

    def years(self):
        """The years that have entries."""
        return sorted({int(k[:4]) for k in self.entries.keys()})

    def days_off(self):
        return {parse_day(k) for k, e in self.entries.items() if e["kind"] == DAY_OFF}

    def makeup_days(self):
        return {parse_day(k) for k, e in self.entries.items() if e["kind"] == MAKEUP}

    def trail(self, year=None):
        """The audit trail, newest first, optionally for the days of one year."""
        events = reversed(list(self.audit.values()))
        if year is None:
            return list(events)
        return [e for e in events if e["date"].startswith(f"{year:04d}-")]

    def _record(self, action, entry, by):
        self.changes += 1   # the registry's own serial moves with every change (pagecache)
        number = (self.audit.maxKey() + 1) if len(self.audit) else 1
        self.audit[number] = {"n": number, "action": action, "date": entry["date"],
                              "kind": entry["kind"], "decision": entry["decision"],
                              "note": entry.get("note", ""), "by": by, "at": timeutil.now()}


def parse_day(value):
    """A `date` from a date or an ISO string; 422 naming `date` otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise Invalid("Ngày không hợp lệ.", {"date": f"Không phải ngày dạng YYYY-MM-DD: {value!r}"}) from None
