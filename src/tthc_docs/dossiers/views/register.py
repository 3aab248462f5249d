"""The register of dossiers (Mẫu 06) per agency and period: a page, JSON, a PDF and a CSV.

``GET /dossiers/@@register?agency=<code>&from=YYYY-MM-DD&to=YYYY-MM-DD[&format=pdf|csv]``:
officers of that agency (their own by default) and admins; anyone else 403.
A bad date or period is 422 naming the field. Read only: the lines were
written when each dossier was received.
"""
import datetime

from pyramid.response import Response
from pyramid.view import view_config

from tthc_docs import errors, roles, timeutil
from tthc_docs import security as s
from tthc_docs.dossiers import register
from tthc_docs.dossiers.content import DossierRegistry
from tthc_docs.pdf.fonts import font_dir_from
from tthc_docs.site.content import find_site
from tthc_docs.web.respond import respond

_Q = {"in": "query", "schema": {"type": "string"}}
OPENAPI_PATHS = {
    "/dossiers/@@register": {"get": {
        "summary": "The register of dossiers (Mẫu 06) of an agency over a period: "
                   "JSON {agency, from, to, items}, or format=pdf|csv",
        "parameters": [dict(_Q, name="agency"), dict(_Q, name="from"), dict(_Q, name="to"),
                       {"name": "format", "in": "query",
                        "schema": {"type": "string", "enum": ["pdf", "csv"]}}],
        "responses": {"200": {"description": "the register"},
                      "403": {"description": "not an officer of that agency"},
                      "404": {"description": "no such agency"},
                      "422": {"description": "bad date, period or format"}}}},
}


def _day(request, name, default):
    raw = (request.params.get(name) or "").strip()
    if not raw:
        return default
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise errors.Invalid("Ngày không hợp lệ.", {name: "dạng YYYY-MM-DD"}) from None


def _agency(request):
    account = request.account
    code = (request.params.get("agency") or "").strip() or getattr(account, "agency", None)
    agency = find_site(request.context)["agencies"].by_code(code) if code else None
    if agency is None:
        raise errors.NotFound(f"Không có cơ quan mã {code}." if code else
                              "Cần chọn cơ quan (agency).")
    officer = account.agency == code and set(account.roles) & set(roles.OFFICER_ROLES)
    if not (officer or roles.ADMIN in account.roles):
        raise errors.NotAllowed("Chỉ cán bộ của cơ quan được xem sổ theo dõi hồ sơ của cơ quan.")
    return agency


@view_config(context=DossierRegistry, name="register", request_method="GET", permission=s.VIEW)
def register_view(request):
    agency = _agency(request)
    today = timeutil.now().astimezone(timeutil.VN_TZ).date()
    first, last = _day(request, "from", today.replace(day=1)), _day(request, "to", today)
    try:
        register.period(first, last)
    except ValueError as exc:
        raise errors.Invalid("Khoảng thời gian không hợp lệ.", {"to": str(exc)}) from None
    items = register.rows(find_site(request.context), agency.code, first, last)
    fmt = request.params.get("format") or ""
    name = f"so-theo-doi-{agency.code}-{first:%Y%m%d}-{last:%Y%m%d}"
    if fmt == "csv":
        return _file(register.to_csv(items), "text/csv; charset=utf-8", f"{name}.csv")
    if fmt == "pdf":
        data = register.to_pdf(items, agency.name, first, last, today,
                               font_dir_from(request.registry.settings))
        return _file(data, "application/pdf", f"{name}.pdf")
    if fmt:
        raise errors.Invalid("Định dạng không hỗ trợ.", {"format": "pdf hoặc csv"})
    return respond(request, {"agency": agency.code, "agency_name": agency.name,
                             "from": first.isoformat(), "to": last.isoformat(),
                             "header": list(register.HEADER), "items": items},
                   template="tthc_docs.templates:dossiers/register.pt",
                   page={"first": first.isoformat(), "last": last.isoformat()})


def _file(data, content_type, filename):
    response = Response(body=data, content_type=content_type.split(";")[0])
    if "charset" in content_type:
        response.charset = "utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
