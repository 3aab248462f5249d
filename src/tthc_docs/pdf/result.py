"""The result document (kết quả giải quyết thủ tục hành chính) rendered from a dossier-like dict.

Kept free of resources so it can be rendered from a test, a bench or the
signing service alike. Expected keys (missing ones are left out of the page):

``code`` (dossier code), ``procedure_code``, ``procedure_name``,
``agency_name``, ``parent_agency``, ``number``, ``issued_at`` (date or
datetime), ``applicant_name``, ``facts`` ([(label, value)]), ``result_title``,
``signer_name``, ``signer_title``, ``signer_authority``, ``verify_url`` (the
public verification address, without query), ``replaces`` (title or id of
the document this one corrects), ``recipients``.
"""
import datetime
import re
from urllib.parse import urlencode

from tthc_docs.pdf.layout import AdminDocument, render_document

DEFAULT_TITLE = "Giấy xác nhận kết quả giải quyết thủ tục hành chính"


def verify_link(verify_url, code, procedure_code):
    """The address a result's QR code carries: verification page + dossier and procedure codes."""
    query = urlencode({"code": code, "procedure": procedure_code or ""})
    return f"{verify_url}?{query}"


def result_number(result):
    """The document number the caller drew (``dossiers.result_numbers``: ``15/2027/KQ-…``), or "".

    The signing service draws it from the agency's yearly sequence; a
    document rendered without one (a test, a bench) has no number line.
    """
    return result.get("number") or ""


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
WORDS = {"True": "Có", "False": "Không", "true": "Có", "false": "Không"}


def vn_value(value):
    """A declared value as a Vietnamese document writes it.

    A tick box is a word ("Có"/"Không"), an ISO day is dd/mm/yyyy (Decree
    30/2020 writes dates that way); anything else is printed as given.
    """
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"{value:%d/%m/%Y}"
    text = str(value)
    match = _ISO_DAY.match(text)
    if match:
        return f"{match.group(3)}/{match.group(2)}/{match.group(1)}"
    return WORDS.get(text, text)


def _issued_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    return value or datetime.date.today()


def result_document(result):
    """Build the ``AdminDocument`` of a result; pure, no rendering."""
    code = result["code"]
    applicant = result.get("applicant_name") or ""
    paragraphs = [
        f"Căn cứ hồ sơ số {code} đề nghị giải quyết thủ tục hành chính "
        f"“{result.get('procedure_name', '')}” (mã thủ tục {result.get('procedure_code', '')});",
        f"{result.get('agency_name', '')} xác nhận đã giải quyết xong hồ sơ"
        + (f" của ông/bà {applicant}" if applicant else "") + " với các thông tin sau:",
    ]
    closing = []
    if result.get("replaces"):
        closing.append(f"Văn bản này thay thế văn bản đã cấp trước đó ({result['replaces']}).")
    closing.append("Văn bản điện tử này được ký số; tính xác thực có thể kiểm tra bằng mã QR "
                   "hoặc tại trang tra cứu của hệ thống.")
    qr = verify_link(result.get("verify_url", "/@@verify"), code, result.get("procedure_code"))
    return AdminDocument(
        agency=result.get("agency_name", ""),
        parent_agency=result.get("parent_agency", ""),
        number=result_number(result),
        place=result.get("place", ""),
        date=_issued_date(result.get("issued_at")),
        title=result.get("result_title") or DEFAULT_TITLE,
        paragraphs=tuple(paragraphs),
        facts=tuple((str(k), vn_value(v)) for k, v in result.get("facts", ())),
        closing=tuple(closing),
        signer_authority=result.get("signer_authority", ""),
        signer_title=result.get("signer_title", ""),
        signer_name=result.get("signer_name", ""),
        recipients=tuple(result.get("recipients") or (applicant or "Người nộp hồ sơ", "Lưu: VT.")),
        qr_text=qr,
        qr_caption=code,
        subject=code,
        keywords=f"tthc-dossier:{code} tthc-procedure:{result.get('procedure_code', '')}",
    )


def render_result(result, font_dir=None):
    """Render the result PDF; returns ``Rendered(data, signature_box)``."""
    return render_document(result_document(result), font_dir=font_dir)
