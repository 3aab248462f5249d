"""The admin's working-day calendar: `/procedures/@@calendar`.

An admin enters each year's announced days off and make-up working days
with the decision that announced them; the page shows them beside the
public holidays the `holidays` package knows, and the audit trail.
"""
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config

from tthc_docs import security as s
from tthc_docs.dossiers.calendar import holiday_names
from tthc_docs.errors import Invalid
from tthc_docs.dossiers.daysoff import KIND_TITLES
from tthc_docs.catalog.content import ProcedureCatalog
from tthc_docs.timeutil import iso, today
from tthc_docs.web.base import read_json, reject_unknown, resource_view, wants_json

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
    raw = request.params.get("year") or str(today().year)
    if not (raw.isascii() and raw.isdigit()) or not 2000 <= int(raw) <= 2100:
        raise Invalid("Năm không hợp lệ.", {"year": "Phải là năm từ 2000 đến 2100."})
    return int(raw)


def _entry_json(entry):
    return dict(entry, at=iso(entry["at"]))


@resource_view(template="tthc_docs.templates:procedures/calendar.pt", context=ProcedureCatalog,
               name="calendar", request_method="GET", permission=s.MANAGE)
def calendar_page(context, request):
    year = _year(request)
    registry = context.days_off_registry()
    holidays = sorted(holiday_names(year).items())
    return {"year": year,
            "entries": [_entry_json(e) for e in registry.for_year(year)],
            "public_holidays": [{"date": d.isoformat(), "name": n} for d, n in holidays],
            "trail": [_entry_json(e) for e in registry.trail(year)],
            "kind_titles": KIND_TITLES}


def _data(request, known):
    if request.content_type == "application/json":
        data = read_json(request)
        reject_unknown(data, known)
        wrong = {k: "Phải là chuỗi ký tự." for k, v in data.items()
                 if v is not None and not isinstance(v, str)}
        if wrong:
            raise Invalid("Dữ liệu ngày nghỉ không hợp lệ.", wrong)
        return data
    return {k: request.POST.get(k) for k in known}


@view_config(context=ProcedureCatalog, name="calendar", request_method="POST",
             permission=s.MANAGE, renderer="json")
def set_day(context, request):
    data = _data(request, {"date", "kind", "decision", "note"})
    entry = context.days_off_registry().set_day(data.get("date"), data.get("kind"),
                                                data.get("decision"), request.account.login,
                                                data.get("note") or "")
    if not wants_json(request):
        return HTTPSeeOther(request.resource_url(context, "@@calendar",
                                                 query={"year": entry["date"][:4]}))
    request.response.status_int = 201
    return _entry_json(entry)


@view_config(context=ProcedureCatalog, name="calendar-remove", request_method="POST",
             permission=s.MANAGE, renderer="json")
def remove_day(context, request):
    data = _data(request, {"date", "decision"})
    entry = context.days_off_registry().remove_day(data.get("date"), request.account.login,
                                                   data.get("decision") or "")
    if not wants_json(request):
        return HTTPSeeOther(request.resource_url(context, "@@calendar",
                                                 query={"year": entry["date"][:4]}))
    return _entry_json(entry)
