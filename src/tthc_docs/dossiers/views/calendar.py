"""The admin's working-day calendar: `/procedures/@@calendar`.

An admin enters each year's announced days off and make-up working days
with the decision that announced them; the page shows them beside the
public holidays the `holidays` package knows, and the audit trail.
"""
from pyramid.view import view_config, view_defaults

from tthc_docs import security as s
from tthc_docs.dossiers.calendar import holiday_names
from tthc_docs.errors import Invalid
from tthc_docs.dossiers.daysoff import KIND_TITLES
from tthc_docs.catalog.content import ProcedureCatalog
from tthc_docs.text.numbers import parse_bounded_int
from tthc_docs.timeutil import iso, today
from tthc_docs.web.body import read_data
from tthc_docs.web.views import ResourceViews

OPENAPI_PATHS = {
    "/procedures/@@calendar": {
        "get": {"summary": "Days off and make-up days of a year, with the audit trail (admin)",
                "parameters": [{"name": "year", "in": "query", "schema": {"type": "integer"}}],
                "responses": {"200": {"description": "{year, entries, public_holidays, trail}"}}},
        "post": {"summary": "Enter a day off or make-up day (admin): {date, kind: off|makeup, decision, note}",
                 "requestBody": {"content": {"application/json": {"schema": {
                     "type": "object", "additionalProperties": False, "properties": {
                         "date": {"type": "string", "format": "date"},
                         "kind": {"type": "string", "enum": ["off", "makeup"]},
                         "decision": {"type": "string"}, "note": {"type": "string"}}}}}},
                 "responses": {"201": {"description": "the entry"},
                               "422": {"description": "bad date, kind or missing decision"}}}},
    "/procedures/@@calendar-remove": {
        "post": {"summary": "Remove an entry (admin): {date, decision}",
                 "requestBody": {"content": {"application/json": {"schema": {
                     "type": "object", "additionalProperties": False, "properties": {
                         "date": {"type": "string", "format": "date"},
                         "decision": {"type": "string"}}}}}},
                 "responses": {"200": {"description": "the removed entry"},
                               "404": {"description": "no entry that day"}}}},
}


def _year(request):
    """``?year=`` (this year when absent) in 2000..2100, or 422 naming it."""
    return parse_bounded_int(request.params.get("year"), "year", 2000, 2100,
                             default=today().year)


def _entry_json(entry):
    return dict(entry, at=iso(entry["at"]))


CALENDAR_PT = "tthc_docs.templates:procedures/calendar.pt"


def _data(request, known):
    """The JSON body or the page's form; every value given must be text."""
    data = read_data(request, known)
    wrong = {k: "Phải là chuỗi ký tự." for k in known
             if data.get(k) is not None and not isinstance(data.get(k), str)}
    if wrong:
        raise Invalid("Dữ liệu ngày nghỉ không hợp lệ.", wrong)
    return {k: data.get(k) for k in known}


@view_defaults(context=ProcedureCatalog, permission=s.MANAGE)
class CalendarViews(ResourceViews):
    """The year's page, and entering or removing a day."""

    @property
    def registry(self):
        return self.context.days_off_registry()

    @view_config(name="calendar", request_method="GET")
    def page(self):
        year = _year(self.request)
        holidays = sorted(holiday_names(year).items())
        return self.respond({
            "year": year, "entries": [_entry_json(e) for e in self.registry.for_year(year)],
            "public_holidays": [{"date": d.isoformat(), "name": n} for d, n in holidays],
            "trail": [_entry_json(e) for e in self.registry.trail(year)],
            "kind_titles": KIND_TITLES}, template=CALENDAR_PT)

    @view_config(name="calendar", request_method="POST")
    def set_day(self):
        data = _data(self.request, ("date", "kind", "decision", "note"))
        entry = self.registry.set_day(data["date"], data["kind"], data["decision"], self.login,
                                      data["note"] or "")
        return self.changed(entry, status=201)

    @view_config(name="calendar-remove", request_method="POST")
    def remove_day(self):
        data = _data(self.request, ("date", "decision"))
        entry = self.registry.remove_day(data["date"], self.login, data["decision"] or "")
        return self.changed(entry)

    def changed(self, entry, status=None):
        """The entry as JSON, or back to the page of its year."""
        year = {"year": entry["date"][:4]}
        return self.respond(_entry_json(entry), status=status,
                            redirect=self.request.resource_url(self.context, "@@calendar",
                                                               query=year))
