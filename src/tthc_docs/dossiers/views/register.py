"""The register of dossiers (Mẫu 06) per agency and period: a page, JSON, a PDF and a CSV.

``GET /dossiers/@@register?agency=<code>&from=YYYY-MM-DD&to=YYYY-MM-DD[&format=pdf|csv]``:
officers of that agency (their own by default) and admins; anyone else 403.
A bad date or period is 422 naming the field. Read only: the lines were
written when each dossier was received.
"""
import datetime

from pyramid.response import Response
from pyramid.view import view_config, view_defaults

from tthc_docs import errors, roles, timeutil
from tthc_docs import security as s
from tthc_docs.config import place_name
from tthc_docs.dossiers import register
from tthc_docs.dossiers.content import DossierRegistry
from tthc_docs.pdf.fonts import font_dir_from
from tthc_docs.site.content import find_site
from tthc_docs.web.views import ResourceViews

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
        raise errors.NotFound(errors.Words("Không có cơ quan mã ${code}.", code=code) if code else
                              "Cần chọn cơ quan (agency).")
    officer = account.agency == code and set(account.roles) & set(roles.OFFICER_ROLES)
    if not (officer or roles.ADMIN in account.roles):
        raise errors.NotAllowed("Chỉ cán bộ của cơ quan được xem sổ theo dõi hồ sơ của cơ quan.")
    return agency


@view_defaults(context=DossierRegistry, request_method="GET", permission=s.VIEW)
class RegisterViews(ResourceViews):
    """The register (Mẫu 06) of one agency over one period, in the format asked for."""

    @view_config(name="register")
    def register(self):
        agency = _agency(self.request)
        today = timeutil.now().astimezone(timeutil.VN_TZ).date()
        first, last = self._period(today)
        items = register.rows(find_site(self.context), agency.code, first, last)
        fmt = self.request.params.get("format") or ""
        name = f"so-theo-doi-{agency.code}-{first:%Y%m%d}-{last:%Y%m%d}"
        if fmt == "csv":
            return _file(register.to_csv(items), "text/csv; charset=utf-8", f"{name}.csv")
        if fmt == "pdf":
            settings = self.request.registry.settings
            data = register.to_pdf(items, agency.name, first, last, today,
                                   font_dir_from(settings), place_name(settings))
            return _file(data, "application/pdf", f"{name}.pdf")
        if fmt:
            raise errors.Invalid("Định dạng không hỗ trợ.", {"format": "pdf hoặc csv"})
        return self.respond({"agency": agency.code, "agency_name": agency.name,
                             "from": first.isoformat(), "to": last.isoformat(),
                             "header": list(register.HEADER), "items": items},
                            template="tthc_docs.templates:dossiers/register.pt",
                            page={"first": first.isoformat(), "last": last.isoformat()})

    def _period(self, today):
        """``from``/``to`` (this month so far by default); 422 naming the field when bad."""
        first = _day(self.request, "from", today.replace(day=1))
        last = _day(self.request, "to", today)
        try:
            register.period(first, last)
        except ValueError as exc:
            raise errors.Invalid("Khoảng thời gian không hợp lệ.", {"to": str(exc)}) from None
        return first, last


def _file(data, content_type, filename):
    response = Response(body=data, content_type=content_type.split(";")[0])
    if "charset" in content_type:
        response.charset = "utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
