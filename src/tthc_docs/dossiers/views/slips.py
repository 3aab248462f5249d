"""The dossier's PDF slips (Mẫu 01-05) and its payment receipt.

``/dossiers/<code>/@@slip/<name>``: the owner and the handling agency's
officers (the dossier's ACL grants them ``tthc.view``); an unknown name is
404, a slip the dossier's state has not produced yet is 409.
"""
from urllib.parse import urlencode

from pyramid.response import Response
from pyramid.view import view_config, view_defaults

from tthc_docs import security as s
from tthc_docs import timeutil
from tthc_docs.errors import NotFound, StateConflict
from tthc_docs.dossiers import slips
from tthc_docs.pdf.fonts import font_dir_from
from tthc_docs.dossiers.slip_facts import facts_for
from tthc_docs.dossiers.content import Dossier
from tthc_docs.site.content import find_site
from tthc_docs.web.views import ResourceViews

_CODE = {"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}
_PDF = {"description": "the slip", "content": {"application/pdf": {}}}

OPENAPI_PATHS = {
    "/dossiers/{code}/@@slip/{name}": {"get": {
        "summary": "A standard slip as PDF: receipt (Mẫu 01), supplement (02), refusal (03), "
                   "apology (04), control (05)",
        "parameters": [_CODE, {"name": "name", "in": "path", "required": True, "schema": {
            "type": "string", "enum": list(slips.NAMES)}}],
        "responses": {"200": _PDF, "403": {"description": "not the owner nor the handling agency"},
                      "404": {"description": "no such dossier or slip name"},
                      "409": {"description": "the dossier's state has no such slip yet"}}}},
    "/dossiers/{code}/@@payment-receipt": {"get": {
        "summary": "The receipt of the online payment, as PDF",
        "parameters": [_CODE],
        "responses": {"200": _PDF, "403": {"description": "not allowed"},
                      "409": {"description": "the fee has not been paid online"}}}},
}

STATE_HINTS = {
    "receipt": "Hồ sơ chưa được tiếp nhận: chưa có giấy tiếp nhận và hẹn trả kết quả.",
    "control": "Hồ sơ chưa được tiếp nhận: chưa có phiếu kiểm soát quá trình giải quyết.",
    "supplement": "Hồ sơ chưa có yêu cầu bổ sung nào.",
    "refusal": "Hồ sơ không bị từ chối.",
    "apology": "Hồ sơ chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả.",
    slips.PAYMENT_RECEIPT: "Hồ sơ chưa được thanh toán trực tuyến.",
}


@view_defaults(context=Dossier, request_method="GET", permission=s.VIEW)
class SlipViews(ResourceViews):
    """The PDFs: a slip by name, and the payment receipt."""

    @view_config(name="slip")
    def slip(self):
        subpath = self.request.subpath
        if len(subpath) != 1 or subpath[0] not in slips.NAMES:
            raise NotFound("Không có phiếu này. Các phiếu: " + ", ".join(slips.NAMES) + ".")
        return render(self.request, subpath[0])

    @view_config(name="payment-receipt")
    def payment_receipt(self):
        return render(self.request, slips.PAYMENT_RECEIPT)


def render(request, name):
    """The slip as an inline PDF, or 409 naming what is missing."""
    dossier = request.context
    track = request.application_url + "/@@track?" + urlencode({"code": dossier.code})
    facts = facts_for(find_site(dossier), dossier, track, timeutil.now())
    if not slips.available(name, facts):
        raise StateConflict(STATE_HINTS[name])
    data = slips.render(name, facts, font_dir=font_dir_from(request.registry.settings))
    filename = f"{name}-{dossier.code}.pdf"
    response = Response(body=data, content_type="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
