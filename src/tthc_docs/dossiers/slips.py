"""The standard dossier papers (Circular 01/2018/TT-VPCP, Mẫu 01-05) and the payment receipt.

Pure. ``slip_forms.render`` turns a ``SlipFacts`` value into PDF bytes
(through ``tthc_docs.pdf.layout``). This module holds
the papers' vocabulary once: their names, titles, form numbers and number
suffixes, which paper a dossier's state can have (``available``), and what
their QR codes carry (``qr_text``, Circular 01/2023/TT-VPCP).
"""
import dataclasses
import datetime

from babel.numbers import format_decimal

from tthc_docs.dossiers.states import SUBMITTED
from tthc_docs.timeutil import VN_TZ, format_date_long

NAMES = ("receipt", "supplement", "refusal", "apology", "control")
PAYMENT_RECEIPT = "payment-receipt"
KINDS = NAMES + (PAYMENT_RECEIPT,)

TITLES = {
    "receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "refusal": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "apology": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    PAYMENT_RECEIPT: "Biên nhận thanh toán phí, lệ phí",
}
FORM_NUMBERS = {"receipt": "01", "supplement": "02", "refusal": "03", "apology": "04",
                "control": "05"}
#: The number line's suffix of the papers that carry one ("12/PXL"); this
#: system's convention, numbered per agency and year (``press``).
NUMBER_SUFFIXES = {"supplement": "PBS", "refusal": "PTC", "apology": "PXL"}
#: The event (history action) that issues each kind of paper; Mẫu 05 is
#: also issued anew at every later hand-over (``press.CONTROL_EVENTS``).
EVENTS = {"receipt": "receive", "control": "receive", "supplement": "request_supplement",
          "refusal": "reject", "apology": "apologize", PAYMENT_RECEIPT: "pay"}
CHANNELS = {"online": "Trực tuyến", "counter": "Trực tiếp tại Bộ phận một cửa"}
SYSTEM_NAME = "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh"
RECEPTION_DESK = "Bộ phận tiếp nhận và trả kết quả"


@dataclasses.dataclass(frozen=True)
class Handover:
    """One row of Mẫu 05: who handed the dossier to whom, when, and whether on time."""

    giver: str
    receiver: str
    at: datetime.datetime
    result: str = ""
    note: str = ""


@dataclasses.dataclass(frozen=True)
class PaperRow:
    """One paper received (Mẫu 01): its name, original or copy, how many."""

    name: str
    form: str
    copies: int = 1


@dataclasses.dataclass(frozen=True)
class SlipFacts:
    """Everything a paper prints, as it was when its event happened."""

    code: str
    procedure_name: str
    agency_name: str
    track_url: str
    applicant_name: str
    issued_at: datetime.datetime
    procedure_code: str = ""
    parent_agency: str = ""
    receiving_name: str = ""      # the desk that received it (the handling agency's by default)
    returned_name: str = ""       # the unit whose desk handed the result back ("" until then)
    place: str = ""
    system_name: str = SYSTEM_NAME
    number: str = ""
    applicant_id: str = ""
    applicant_address: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    channel: str = "online"
    status: str = SUBMITTED
    received_at: datetime.datetime | None = None
    due_at: datetime.datetime | None = None            # the legal due date
    appointment_at: datetime.datetime | None = None    # the appointment then in force
    processing_days: int = 0
    papers: tuple = ()                                 # PaperRow, Mẫu 01
    sets: int = 1
    collect_at: str = ""
    register: tuple = ()                               # (book, number) in Mẫu 06
    officer_name: str = ""                             # who acted at this event
    receiver_name: str = ""                            # who received the dossier
    fee_amount: int = 0
    paid: bool = False
    supplement_note: str = ""
    supplement_reason: str = ""
    refusal_note: str = ""
    apology_reason: str = ""
    apology_due_at: datetime.datetime | None = None
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    handovers: tuple = ()                              # Handover, Mẫu 05
    partners: str = ""
    payment_reference: str = ""
    payment_amount: int = 0
    payment_provider: str = ""
    paid_at: datetime.datetime | None = None

    @property
    def issued_on(self):
        return self.issued_at.astimezone(VN_TZ).date()


def qr_text(name, facts):
    """What a paper's QR code carries: Circular 01/2023/TT-VPCP's minimum data.

    The address where anyone checks the dossier comes first (a phone opens
    it), then the dossier code, the procedure code, the applicant's
    identifier, the paper's name, the issuing system and the time of issue;
    a receipt adds the appointment. The identifier stays out of the address,
    so it never reaches a URL or a log line.
    """
    lines = [facts.track_url, f"Mã hồ sơ: {facts.code}", f"Mã TTHC: {facts.procedure_code}"]
    if facts.applicant_id:
        lines.append(f"Mã định danh: {facts.applicant_id}")
    lines += [f"Giấy tờ: {TITLES[name]}", f"Hệ thống: {facts.system_name}",
              f"Thời điểm xuất bản: {short(facts.issued_at, with_time=True)}"]
    if name == "receipt":
        lines.append(f"Ngày hẹn trả kết quả: {short(facts.appointment_at or facts.due_at)}")
    return "\n".join(lines)


def money(amount):
    """'25.000 đồng': documents spell the currency out."""
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


def short(dt, with_time=False):
    """'27/11/2026' (or '09:30 27/11/2026'); '...' when unknown."""
    if dt is None:
        return "..."
    dt = dt.astimezone(VN_TZ)
    return dt.strftime("%H:%M %d/%m/%Y" if with_time else "%d/%m/%Y")
