"""The standard dossier slips (Thông tư 01/2018/TT-VPCP, Mẫu 01-05) and the payment receipt.

Pure rendering: a ``SlipFacts`` value in, PDF bytes out, through the shared
administrative layout (``tthc_docs.pdf.layout``: national motto, DejaVu
fonts, NFC text, a QR code in the margin).  Every slip carries the dossier
code and a QR code to the public tracking page, so whoever holds the paper
can follow the dossier.  Which slip a dossier has at a given moment is
decided by ``available`` from the dossier's facts, not by the view.
"""
import dataclasses
import datetime

from babel.numbers import format_decimal

from tthc_docs.dossiers.states import REJECTED, SUBMITTED
from tthc_docs.payments.base import COUNTER_PROVIDER
from tthc_docs.pdf.layout import AdminDocument, render_document
from tthc_docs.timeutil import VN_TZ, format_date_long

NAMES = ("receipt", "supplement", "refusal", "apology", "control")
PAYMENT_RECEIPT = "payment-receipt"

TITLES = {
    "receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "refusal": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "apology": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    PAYMENT_RECEIPT: "Biên nhận thanh toán phí, lệ phí",
}
FORM_NUMBERS = {"receipt": "01", "supplement": "02", "refusal": "03", "apology": "04", "control": "05"}
CHANNELS = {"online": "Trực tuyến", "counter": "Trực tiếp tại Bộ phận một cửa"}


@dataclasses.dataclass(frozen=True)
class Step:
    """One row of the process control slip: a hand-over in the dossier's history."""

    at: datetime.datetime
    action: str
    by: str
    note: str = ""


@dataclasses.dataclass(frozen=True)
class SlipFacts:
    """Everything a slip prints, gathered from the dossier and its catalog entries."""

    code: str
    procedure_name: str
    agency_name: str
    track_url: str
    applicant_name: str
    issued_on: datetime.date
    parent_agency: str = ""
    applicant_address: str = ""
    applicant_phone: str = ""
    channel: str = "online"
    status: str = SUBMITTED
    received_at: datetime.datetime | None = None
    due_at: datetime.datetime | None = None
    processing_days: int = 0
    requirements: tuple = ()
    officer_name: str = ""
    fee_amount: int = 0
    paid: bool = False
    supplement_note: str = ""
    supplement_at: datetime.datetime | None = None
    refusal_note: str = ""
    apology_reason: str = ""
    apology_due_at: datetime.datetime | None = None
    leader_name: str = ""
    overdue: bool = False
    steps: tuple = ()
    payment_reference: str = ""
    payment_amount: int = 0
    payment_provider: str = ""
    paid_at: datetime.datetime | None = None


def available(name, facts):
    """True when the dossier's state has produced slip ``name`` (else the view answers 409)."""
    if name in ("receipt", "control"):
        return facts.received_at is not None
    if name == "supplement":
        return bool(facts.supplement_at)
    if name == "refusal":
        return facts.status == REJECTED
    if name == "apology":
        return facts.apology_due_at is not None
    if name == PAYMENT_RECEIPT:
        return facts.paid
    raise KeyError(name)


def render(name, facts, font_dir=None):
    """PDF bytes of slip ``name`` (one of ``NAMES`` or ``PAYMENT_RECEIPT``)."""
    builder = _BUILDERS[name]
    return render_document(builder(facts), font_dir=font_dir).data


def money(amount):
    """'25.000 đồng': the slips' serif font has no ₫ sign, and documents spell it out anyway."""
    return f"{format_decimal(int(amount), locale='vi_VN')} đồng"


def when(dt):
    """'09 giờ 30 phút, ngày 27 tháng 11 năm 2026', as Mẫu 01 writes a time."""
    if dt is None:
        return "chưa xác định"
    dt = dt.astimezone(VN_TZ)
    return f"{dt:%H} giờ {dt:%M} phút, ngày {dt.day:02d} tháng {dt.month:02d} năm {dt.year}"


def day(dt):
    """'ngày 27 tháng 11 năm 2026'."""
    if dt is None:
        return "chưa xác định"
    return format_date_long(dt)


def _document(name, slip, **content):
    """The layout for slip ``name`` with the parts every slip shares."""
    number = FORM_NUMBERS.get(name)
    return AdminDocument(
        agency=slip.agency_name, parent_agency=slip.parent_agency,
        title=TITLES[name], subtitle=f"Mã hồ sơ: {slip.code}", date=slip.issued_on,
        qr_text=slip.track_url, qr_caption=slip.code, reserve_signature=False,
        subject=slip.code, keywords=f"{name} {slip.code}" + (f" Mẫu {number}" if number else ""),
        **content)


def _applicant(facts):
    rows = [("Người nộp hồ sơ", f"Ông/Bà {facts.applicant_name}")]
    if facts.applicant_address:
        rows.append(("Địa chỉ", facts.applicant_address))
    if facts.applicant_phone:
        rows.append(("Số điện thoại", facts.applicant_phone))
    rows.append(("Nội dung yêu cầu giải quyết", facts.procedure_name))
    return rows


def _fee(facts):
    if not facts.fee_amount:
        return "Không thu phí, lệ phí"
    state = "đã thanh toán" if facts.paid else "chưa thanh toán"
    return f"{money(facts.fee_amount)} ({state})"


def _receipt(facts):
    papers = [f"{i}. {name}" for i, name in enumerate(facts.requirements, 1)] or ["(không có)"]
    return _document(
        "receipt", facts,
        paragraphs=(f"{facts.agency_name} tiếp nhận hồ sơ của ông/bà {facts.applicant_name}.",),
        facts=tuple(_applicant(facts)) + (
            ("Kênh nộp hồ sơ", CHANNELS.get(facts.channel, facts.channel)),
            ("Thành phần hồ sơ", "\n".join(papers)),
            ("Thời gian giải quyết theo quy định", f"{facts.processing_days} ngày làm việc"),
            ("Thời gian nhận hồ sơ", when(facts.received_at)),
            ("Thời gian trả kết quả", when(facts.due_at)),
            ("Phí, lệ phí", _fee(facts)),
        ),
        closing=("Khi đến nhận kết quả, ông/bà mang theo Giấy tiếp nhận này. Tra cứu tình trạng "
                 f"hồ sơ bằng mã QR hoặc tại {facts.track_url}.",),
        signer_title="Người tiếp nhận hồ sơ", signer_name=facts.officer_name)


def _supplement(facts):
    return _document(
        "supplement", facts,
        paragraphs=(f"Ngày {_short(facts.received_at)}, {facts.agency_name} tiếp nhận hồ sơ của "
                    f"ông/bà {facts.applicant_name}.",
                    f"Nội dung yêu cầu giải quyết: {facts.procedure_name}.",
                    "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:",
                    facts.supplement_note or "(không ghi rõ)"),
        closing=(f"Thời hạn giải quyết tạm dừng từ {when(facts.supplement_at)} cho đến khi ông/bà "
                 "bổ sung đủ hồ sơ; ông/bà bổ sung trực tuyến theo mã hồ sơ trên.",
                 "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ Bộ phận tiếp "
                 "nhận và trả kết quả để được hướng dẫn."),
        signer_title="Người hướng dẫn", signer_name=facts.officer_name)


def _refusal(facts):
    return _document(
        "refusal", facts,
        paragraphs=(f"{facts.agency_name} tiếp nhận hồ sơ của ông/bà {facts.applicant_name}.",
                    f"Nội dung yêu cầu giải quyết: {facts.procedure_name}.",
                    f"Qua xem xét, {facts.agency_name} thông báo không tiếp nhận, giải quyết hồ sơ "
                    f"này với lý do cụ thể như sau: {facts.refusal_note or '(không ghi rõ)'}"),
        closing=("Xin thông báo để ông/bà được biết và thực hiện./.",),
        signer_title="Người tiếp nhận hồ sơ", signer_name=facts.officer_name)


def _apology(facts):
    agency = facts.agency_name
    return _document(
        "apology", facts,
        paragraphs=(f"Ngày {_short(facts.received_at)}, {agency} tiếp nhận giải quyết hồ sơ của "
                    f"ông/bà {facts.applicant_name}, mã hồ sơ {facts.code}.",
                    f"Nội dung yêu cầu giải quyết: {facts.procedure_name}.",
                    f"Thời hạn trả kết quả theo quy định: {day(facts.due_at)}.",
                    f"Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ của ông/bà, "
                    f"lý do: {facts.apology_reason or '(không ghi rõ)'}",
                    f"Sự chậm trễ này đã gây phiền hà cho ông/bà. {agency} xin lỗi ông/bà và sẽ trả "
                    f"kết quả giải quyết hồ sơ cho ông/bà vào {day(facts.apology_due_at)}."),
        closing=("Kính mong nhận được sự thông cảm của ông/bà./.",),
        signer_title="Thủ trưởng cơ quan", signer_name=facts.leader_name or facts.officer_name)


def _control(facts):
    rows = tuple((_short(s.at, with_time=True), f"{s.action}: {s.by}" + (f" ({s.note})" if s.note else ""))
                 for s in facts.steps)
    outcome = "Quá hạn" if facts.overdue else "Trong hạn"
    return _document(
        "control", facts,
        paragraphs=(f"(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ {facts.code})",),
        facts=(("Người nộp hồ sơ", f"Ông/Bà {facts.applicant_name}"),
               ("Thủ tục", facts.procedure_name),
               ("Nhận hồ sơ", when(facts.received_at)),
               ("Hẹn trả kết quả", when(facts.due_at)),
               ("Tình trạng thời hạn", outcome),
               ("Quá trình giải quyết", "Thời gian giao, nhận - công việc - người thực hiện"))
        + rows,
        signer_title="Người tiếp nhận hồ sơ", signer_name=facts.officer_name)


def _payment_receipt(facts):
    at_counter = facts.payment_provider == COUNTER_PROVIDER
    how = ("Nộp trực tiếp tại Bộ phận tiếp nhận và trả kết quả" if at_counter
           else f"Trực tuyến qua cổng thanh toán ({facts.payment_provider})")
    where = "tại Bộ phận tiếp nhận và trả kết quả" if at_counter else "qua cổng thanh toán trực tuyến"
    return _document(
        PAYMENT_RECEIPT, facts,
        paragraphs=(f"{facts.agency_name} xác nhận đã nhận khoản thanh toán phí, lệ phí của hồ sơ "
                    f"dưới đây {where}.",),
        facts=(("Người nộp hồ sơ", f"Ông/Bà {facts.applicant_name}"),
               ("Thủ tục", facts.procedure_name),
               ("Số tiền", money(facts.payment_amount)),
               ("Hình thức thanh toán", how),
               ("Mã giao dịch", facts.payment_reference),
               ("Thời gian thanh toán", when(facts.paid_at))),
        closing=("Biên nhận này được lập tự động từ hệ thống một cửa điện tử.",))


def _short(dt, with_time=False):
    """'27/11/2026' (or '09:30 27/11/2026'); '...' when unknown."""
    if dt is None:
        return "..."
    dt = dt.astimezone(VN_TZ)
    return dt.strftime("%H:%M %d/%m/%Y" if with_time else "%d/%m/%Y")


_BUILDERS = {
    "receipt": _receipt, "supplement": _supplement, "refusal": _refusal,
    "apology": _apology, "control": _control, PAYMENT_RECEIPT: _payment_receipt,
}
