"""The dossier's issued papers (Mẫu 01-05) and its payment receipt, as stored.

``/dossiers/<code>/@@slip/<name>``: the newest paper of that kind;
``/dossiers/<code>/@@paper/<id>``: one paper (``receipt-1``, ``control-3``).
The owner and the handling agency's officers (the dossier's ACL grants them
``tthc.view``). Papers are issued when their events happen
(``dossiers.press``); these views read the stored bytes, or for a paper
not yet rendered the same bytes made in memory from its frozen facts (a
GET never writes), so a download returns the same bytes for ever. An
unknown name or a paper never issued is 404; a paper the dossier's history
cannot have (a receipt before receipt) is 409 naming why.
"""
import hashlib

from pyramid.response import Response
from pyramid.view import view_config, view_defaults

from tthc_docs import security as s
from tthc_docs.dossiers import papers, slips
from tthc_docs.dossiers.content import Dossier
from tthc_docs.errors import NotFound, StateConflict, Words
from tthc_docs.pdf.fonts import font_dir_from
from tthc_docs.web.views import ResourceViews

_CODE = {"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}
_PDF = {"description": "the paper as issued", "content": {"application/pdf": {}}}
_NEVER = {"description": "no such paper, or it was never issued"}

OPENAPI_PATHS = {
    "/dossiers/{code}/@@slip/{name}": {"get": {
        "summary": "The newest issued paper of a kind, as PDF: receipt (Mẫu 01), supplement (02), "
                   "refusal (03), apology (04), control (05), payment-receipt",
        "parameters": [_CODE, {"name": "name", "in": "path", "required": True, "schema": {
            "type": "string", "enum": list(slips.KINDS)}}],
        "responses": {"200": _PDF, "403": {"description": "not the owner nor the handling agency"},
                      "404": _NEVER,
                      "409": {"description": "the dossier's history cannot have this paper"}}}},
    "/dossiers/{code}/@@paper/{id}": {"get": {
        "summary": "One issued paper by its id (listed in the dossier's `papers`), as PDF",
        "parameters": [_CODE, {"name": "id", "in": "path", "required": True,
                               "schema": {"type": "string"}}],
        "responses": {"200": _PDF, "403": {"description": "not allowed"}, "404": _NEVER}}},
    "/dossiers/{code}/@@payment-receipt": {"get": {
        "summary": "The receipt of the payment, as PDF (the same as @@slip/payment-receipt)",
        "parameters": [_CODE],
        "responses": {"200": _PDF, "403": {"description": "not allowed"}, "404": _NEVER,
                      "409": {"description": "the fee has not been paid"}}}},
}

#: What the 409 says when the dossier's history lacks the paper's event (``slips.EVENTS``).
WHY_NOT = {
    "receipt": "Hồ sơ chưa được tiếp nhận: chưa có giấy tiếp nhận và hẹn trả kết quả.",
    "control": "Hồ sơ chưa được tiếp nhận: chưa có phiếu kiểm soát quá trình giải quyết.",
    "supplement": "Hồ sơ chưa có yêu cầu bổ sung nào.",
    "refusal": "Hồ sơ không bị từ chối.",
    "apology": "Hồ sơ chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả.",
    slips.PAYMENT_RECEIPT: "Hồ sơ chưa được nộp phí, lệ phí.",
}


@view_defaults(context=Dossier, request_method="GET", permission=s.VIEW)
class SlipViews(ResourceViews):
    """The stored PDFs: the newest paper of a kind, one paper by id, the payment receipt."""

    @view_config(name="slip")
    def slip(self):
        subpath = self.request.subpath
        if len(subpath) != 1 or subpath[0] not in slips.KINDS:
            raise NotFound("Không có phiếu này. Các phiếu: " + ", ".join(slips.KINDS)
                           + ". Sổ theo dõi hồ sơ (Mẫu 06) ở /dossiers/@@register.")
        return pdf_response(self.request, latest(self.context, subpath[0]))

    @view_config(name="payment-receipt")
    def payment_receipt(self):
        return pdf_response(self.request, latest(self.context, slips.PAYMENT_RECEIPT))

    @view_config(name="paper")
    def paper(self):
        folder, subpath = papers.folder_of(self.context), self.request.subpath
        found = folder.get(subpath[0]) if folder is not None and len(subpath) == 1 else None
        if found is None:
            raise NotFound("Hồ sơ không có giấy tờ này.")
        return pdf_response(self.request, found)


def latest(dossier, name):
    """The newest paper of ``name``: 409 when the history cannot have one, 404 if never issued."""
    if not any(entry.get("action") == slips.EVENTS[name] for entry in dossier.history):
        raise StateConflict(WHY_NOT[name], allowed=())
    folder = papers.folder_of(dossier)
    found = folder.latest(name) if folder is not None else None
    if found is None:
        raise NotFound(Words("«${paper}» của hồ sơ này chưa được phát hành.",
                             paper=slips.TITLES[name]))
    return found


def pdf_response(request, found):
    """The paper's bytes, with their SHA-256 as the ETag (a conditional GET gets 304)."""
    body = found.read(font_dir_from(request.registry.settings))
    response = Response(body=body, content_type="application/pdf", conditional_response=True)
    response.etag = found.sha256 or hashlib.sha256(body).hexdigest()
    response.headers["Content-Disposition"] = f'inline; filename="{found.filename}"'
    response.headers["Cache-Control"] = "private, no-cache"
    return response
