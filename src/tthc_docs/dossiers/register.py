"""The register of dossiers (sổ theo dõi hồ sơ, Circular 01/2018/TT-VPCP Mẫu 06).

One line per dossier received, per agency, in order of receipt: the book is
the calendar year and the line number is given at receipt (``press``), so
the number printed on the receipt (Mẫu 01) is the line here. The register
is read from ``registry.register_book`` ((agency, day, year, n) -> code), a
range of a BTree, never a scan of every dossier. No web imports: rows, a
CSV and the PDF (through ``tthc_docs.pdf.layout``).
"""
import csv
import datetime
import io

from tthc_docs.dossiers.slips import short
from tthc_docs.lazy import lazy_module

layout = lazy_module("tthc_docs.pdf.layout")   # reportlab: only when the PDF is asked for

HEADER = ("TT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)",
          "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết",
          "Nhận hồ sơ", "Hẹn trả kết quả", "Chuyển hồ sơ đến cơ quan giải quyết",
          "Nhận kết quả từ cơ quan giải quyết", "Trả kết quả cho cá nhân, tổ chức",
          "Ký nhận", "Ghi chú")
WIDTHS = (0.03, 0.15, 0.12, 0.04, 0.08, 0.10, 0.08, 0.06, 0.06, 0.06, 0.06, 0.06, 0.05, 0.05)
TITLE = "Sổ theo dõi hồ sơ"
MAX_DAYS = 366


def lines(site, agency, first, last):
    """``[(book, n, dossier)]`` received by ``agency`` from ``first`` to ``last`` (dates)."""
    book = getattr(site["dossiers"], "register_book", None)
    if book is None:
        return []
    low, high = (agency, first.isoformat()), (agency, last.isoformat(), 10**6, 10**9)
    found = []
    for (_agency, _day, year, n), code in book.items(min=low, max=high):
        dossier = site["dossiers"].get(code)
        if dossier is not None:
            found.append((year, n, dossier))
    return found


def row(site, book, n, dossier):
    """One register line, as the form's columns ask (times as dd/mm/yyyy hh:mm)."""
    history = list(dossier.history)
    first = {}
    for entry in history:
        first.setdefault(entry.get("action"), entry)
    profile = _profile(site, dossier)
    contact = ", ".join(x for x in (profile.get("current_address") or profile.get("permanent_address"),
                                    profile.get("phone")) if x)
    agency = site["agencies"].by_code(dossier.agency)
    receive = first.get("receive") or {}
    appointment = receive.get("appointment_at") or receive.get("due_at") or dossier.due_at
    returned = first.get("return")
    return {
        "book": book, "number": n, "code": dossier.code, "procedure": dossier.procedure_name,
        "sets": 1, "applicant": dossier.applicant_name or "", "contact": contact,
        "agency": getattr(agency, "name", dossier.agency),
        "received": _at(receive), "appointment": short(appointment, with_time=True),
        "forwarded": _at(first.get("forward")), "result_in": _at(first.get("sign")),
        "returned": _at(returned),
        "signed_for": "Nhận trực tuyến" if returned and dossier.channel == "online" else "",
        "note": _note(dossier, history),
    }


def _at(entry):
    return short(entry["at"], with_time=True) if entry and entry.get("at") else ""


def _profile(site, dossier):
    vault = site["vaults"].get(getattr(dossier, "vault_id", None) or "")
    return dict(getattr(vault, "profile", None) or {})


def _note(dossier, history):
    notes = []
    if any(e.get("action") == "apologize" for e in history):
        notes.append("Đã xin lỗi, hẹn lại")
    if dossier.status == "rejected":
        notes.append("Từ chối")
    if dossier.status == "withdrawn":
        notes.append("Rút hồ sơ")
    return "; ".join(notes)


def rows(site, agency, first, last):
    return [row(site, year, n, dossier) for year, n, dossier in lines(site, agency, first, last)]


COLUMNS = ("number", "code", "procedure", "sets", "applicant", "contact", "agency", "received",
           "appointment", "forwarded", "result_in", "returned", "signed_for", "note")


def to_csv(items):
    """UTF-8 CSV with a BOM (so a spreadsheet reads the diacritics), the form's column names."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(("Quyển số",) + HEADER)
    for item in items:
        writer.writerow([item["book"]] + [item[c] for c in COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_pdf(items, agency_name, first, last, issued_on, font_dir=None, place=""):
    """The register as a landscape A4 PDF, dated at ``place`` (``tthc_docs.place_name``)."""
    table = tuple(tuple(str(item[c]) for c in COLUMNS) for item in items)
    doc = layout.AdminDocument(
        agency=agency_name, title=TITLE, date=issued_on, landscape=True, place=place,
        subtitle=f"Từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}",
        body=(layout.Grid(HEADER, table or (("",) * len(HEADER),), WIDTHS, size=7),),
        reserve_signature=False, signer_title="Người lập sổ", subject=f"{TITLE} {agency_name}",
        keywords="Mẫu 06")
    return layout.render_document(doc, font_dir=font_dir).data


def period(first, last):
    """Check a period: ``first <= last``, at most a year long; returns it."""
    if first > last:
        raise ValueError("từ ngày phải trước đến ngày")
    if (last - first) > datetime.timedelta(days=MAX_DAYS):
        raise ValueError(f"tối đa {MAX_DAYS} ngày")
    return first, last
