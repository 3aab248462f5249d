"""The papers laid out field by field as Circular 01/2018/TT-VPCP's annex draws them.

Each builder turns a ``SlipFacts`` into an ``AdminDocument`` (pure; the
layout and typography are ``tthc_docs.pdf.layout``'s). The fields follow
the forms: Mẫu 01 (receipt and appointment), Mẫu 02 (supplement), Mẫu 03
(refusal), Mẫu 04 (the apology and new appointment that Decree 61/2018/NĐ-CP
requires of a late agency, signed by its head), Mẫu 05 (process control:
one row per hand-over) and the payment receipt this system adds.
"""
from tthc_docs.dossiers.slips import (
    CHANNELS, FORM_NUMBERS, PAYMENT_RECEIPT, RECEPTION_DESK, TITLES, day, money, qr_text,
    short, when)
from tthc_docs.payments.base import COUNTER_PROVIDER
from tthc_docs.pdf.layout import AdminDocument, Grid, Para, render_document

SIGN_HINT = "(Ký và ghi rõ họ tên)"
HEAD_HINT = "(Ký, ghi rõ họ tên và đóng dấu)"


def render(name, facts, font_dir=None):
    """PDF bytes of paper ``name`` (one of ``slips.KINDS``); KeyError for another name.

    The same facts give the same bytes, whenever and wherever they are
    rendered: the PDF is dated at the paper's event (``facts.issued_at``).
    """
    return render_document(build(name, facts), font_dir=font_dir,
                           created_at=facts.issued_at).data


def build(name, facts):
    return _BUILDERS[name](facts)


def _document(name, f, **content):
    """The layout for paper ``name`` with what every paper shares."""
    number = FORM_NUMBERS.get(name)
    return AdminDocument(
        agency=f.agency_name, parent_agency=f.parent_agency, place=f.place,
        title=TITLES[name], subtitle=f"Mã hồ sơ: {f.code}", date=f.issued_on,
        qr_text=qr_text(name, f), qr_caption=f.code, reserve_signature=False,
        subject=f.code, number=f.number,
        keywords=f"{name} {f.code}" + (f" Mẫu {number}" if number else ""), **content)


def _contact(f):
    """Address, phone and e-mail of the applicant, as Mẫu 01-03 ask."""
    return (("Địa chỉ", f.applicant_address or "Không kê khai"),
            ("Số điện thoại", f.applicant_phone or "Không kê khai"),
            ("Email", f.applicant_email or "Không kê khai"))


def _places(f):
    """Where the dossier was received and who settles it: two units under
    location-independent filing (Decree 118/2025/NĐ-CP), both on every paper
    that names the applicant's request."""
    return (("Nơi tiếp nhận", f"{RECEPTION_DESK} {f.receiving_name or f.agency_name}"),
            ("Cơ quan giải quyết", f.agency_name))


def _fee(f):
    if not f.fee_amount:
        return "Không thu phí, lệ phí"
    return f"{money(f.fee_amount)} ({'đã thanh toán' if f.paid else 'chưa thanh toán'})"


def _receipt(f):
    rows = tuple((str(i), p.name, p.form, f"{p.copies:02d}") for i, p in enumerate(f.papers, 1))
    book, seq = f.register or ("...", "...")
    return _document(
        "receipt", f,
        paragraphs=(f"{RECEPTION_DESK} {f.receiving_name or f.agency_name}",),
        body=(("facts", (("Tiếp nhận hồ sơ của", f"Ông/Bà {f.applicant_name}"),) + _contact(f)
               + (("Nội dung yêu cầu giải quyết", f.procedure_name),) + _places(f)
               + (("Hình thức nộp", CHANNELS.get(f.channel, f.channel)),)),
              Para("1. Thành phần hồ sơ nộp gồm:", indent=False),
              Grid(("TT", "Tên giấy tờ", "Hình thức (bản chính, bản sao, bản điện tử)", "Số lượng"),
                   rows or (("", "(không có)", "", ""),), (0.07, 0.53, 0.28, 0.12)),
              Para(f"2. Số lượng hồ sơ: {f.sets:02d} (bộ)", indent=False),
              Para(f"3. Thời gian giải quyết hồ sơ theo quy định là: {f.processing_days} ngày làm việc",
                   indent=False),
              Para(f"4. Thời gian nhận hồ sơ: {when(f.received_at)}", indent=False),
              Para(f"5. Thời gian trả kết quả giải quyết hồ sơ: {when(f.appointment_at or f.due_at)}",
                   indent=False),
              Para(f"6. Đăng ký nhận kết quả tại: {f.collect_at}", indent=False),
              Para(f"7. Phí, lệ phí: {_fee(f)}", indent=False),
              Para(f"Vào Sổ theo dõi hồ sơ, Quyển số: {book}, Số thứ tự: {seq}", indent=False)),
        closing=(f"Tra cứu tình trạng hồ sơ bằng mã QR hoặc tại {f.track_url}",),
        left_signer=("Người nộp hồ sơ", SIGN_HINT, f.applicant_name),
        signer_title="Người tiếp nhận hồ sơ", signer_hint=SIGN_HINT,
        signer_name=f.receiver_name or f.officer_name)


def _supplement(f):
    return _document(
        "supplement", f,
        body=(("facts", (("Hồ sơ của", f"Ông/Bà {f.applicant_name}"),
                         ("Nội dung yêu cầu giải quyết", f.procedure_name)) + _contact(f)
               + _places(f)),
              Para("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", indent=False),
              Para(f.supplement_note or "(không ghi rõ)"),
              Para(f"Lý do: {f.supplement_reason}", indent=False)),
        closing=(f"Thời hạn giải quyết tạm dừng từ {when(f.issued_at)} cho đến khi ông/bà bổ sung "
                 "đủ hồ sơ; ông/bà bổ sung trực tuyến theo mã hồ sơ trên hoặc tại "
                 f"{RECEPTION_DESK}.",
                 "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với "
                 f"{f.officer_name or 'người hướng dẫn'}, {RECEPTION_DESK} {f.agency_name} để được "
                 "hướng dẫn./."),
        signer_title="Người hướng dẫn", signer_hint=SIGN_HINT, signer_name=f.officer_name)


def _refusal(f):
    return _document(
        "refusal", f,
        body=(Para(f"{RECEPTION_DESK} {f.receiving_name or f.agency_name} tiếp nhận hồ sơ của:",
                   indent=False),
              ("facts", (("Ông/Bà", f.applicant_name),) + _contact(f)
               + (("Nội dung yêu cầu giải quyết", f.procedure_name),) + _places(f)),
              Para(f"Qua xem xét, {f.agency_name} thông báo không tiếp nhận, giải quyết hồ sơ này "
                   f"với lý do cụ thể như sau: {f.refusal_note or '(không ghi rõ)'}")),
        closing=("Xin thông báo để ông/bà được biết và thực hiện./.",),
        signer_title="Người tiếp nhận hồ sơ", signer_hint=SIGN_HINT, signer_name=f.officer_name)


def _apology(f):
    agency = f.agency_name
    return _document(
        "apology", f, addressee=f"Kính gửi: Ông/Bà {f.applicant_name}",
        paragraphs=(f"Ngày {short(f.received_at)}, {agency} tiếp nhận giải quyết hồ sơ của ông/bà. "
                    f"Nội dung yêu cầu giải quyết: {f.procedure_name}.",
                    f"Mã hồ sơ: {f.code}.",
                    f"Thời hạn trả kết quả giải quyết hồ sơ theo quy định: {day(f.due_at)}.",
                    f"Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ của ông/bà.",
                    f"Lý do: {f.apology_reason or '(không ghi rõ)'}",
                    f"Sự chậm trễ này đã gây phiền hà cho ông/bà. {agency} xin lỗi ông/bà và sẽ trả "
                    f"kết quả giải quyết hồ sơ cho ông/bà vào {day(f.apology_due_at)}."),
        closing=("Kính mong nhận được sự thông cảm của ông/bà./.",),
        signer_authority=f.signer_authority, signer_title=f.signer_title,
        signer_hint=HEAD_HINT, signer_name=f.signer_name,
        recipients=(f"Ông/Bà {f.applicant_name}", "Lưu: hồ sơ."))


def _control(f):
    rows = tuple((f"{i}. Giao: {h.giver}\nNhận: {h.receiver}", when(h.at), h.result, h.note)
                 for i, h in enumerate(f.handovers, 1))
    return _document(
        "control", f,
        paragraphs=("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ "
                    f"{f.code}" + (f", sổ theo dõi quyển số {f.register[0]}, số thứ tự "
                                   f"{f.register[1]})" if f.register else ")"),),
        body=(("facts", (("Người nộp hồ sơ", f"Ông/Bà {f.applicant_name}"),
                         ("Nội dung yêu cầu giải quyết", f.procedure_name),
                         ("Nơi tiếp nhận", f"{RECEPTION_DESK} {f.receiving_name or f.agency_name}"),
                         ("Cơ quan (bộ phận) giải quyết hồ sơ", f.agency_name),
                         ("Cơ quan phối hợp giải quyết hồ sơ", f.partners or "Không"),
                         ("Thời hạn trả kết quả theo quy định", when(f.due_at)))
               + _new_appointment(f) + _returned_at(f)),
              Grid(("Tên cơ quan", "Thời gian giao, nhận hồ sơ",
                    "Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn)", "Ghi chú"),
                   rows, (0.36, 0.26, 0.19, 0.19), size=10.5),
              Para("Ghi chú: Kết quả giải quyết hồ sơ do bên nhận ghi khi nhận bàn giao hồ sơ.",
                   indent=False)),
        signer_title="Người tiếp nhận hồ sơ", signer_hint=SIGN_HINT,
        signer_name=f.receiver_name or f.officer_name)


def _returned_at(f):
    """Once the result was handed back, the desk that did it (the receiving desk may:
    Decree 61/2018/NĐ-CP art. 19; Decree 118/2025/NĐ-CP)."""
    if not f.returned_name:
        return ()
    return (("Nơi trả kết quả", f"{RECEPTION_DESK} {f.returned_name}"),)


def _new_appointment(f):
    """Mẫu 05 keeps the legal due date; an apology's new appointment is shown beside it."""
    if f.appointment_at is None or f.appointment_at == f.due_at:
        return ()
    return (("Ngày hẹn lại trả kết quả (Phiếu xin lỗi)", when(f.appointment_at)),)


def _payment_receipt(f):
    at_counter = f.payment_provider == COUNTER_PROVIDER
    how = (f"Nộp trực tiếp tại {RECEPTION_DESK}" if at_counter
           else f"Trực tuyến qua cổng thanh toán ({f.payment_provider})")
    where = f"tại {RECEPTION_DESK}" if at_counter else "qua cổng thanh toán trực tuyến"
    return _document(
        PAYMENT_RECEIPT, f,
        paragraphs=(f"{f.agency_name} xác nhận đã nhận khoản thanh toán phí, lệ phí của hồ sơ "
                    f"dưới đây {where}.",),
        facts=(("Người nộp hồ sơ", f"Ông/Bà {f.applicant_name}"),
               ("Thủ tục", f.procedure_name),
               ("Số tiền", money(f.payment_amount)),
               ("Hình thức thanh toán", how),
               ("Mã giao dịch", f.payment_reference),
               ("Thời gian thanh toán", when(f.paid_at))),
        closing=("Biên nhận này được lập tự động từ hệ thống một cửa điện tử.",))


_BUILDERS = {
    "receipt": _receipt, "supplement": _supplement, "refusal": _refusal,
    "apology": _apology, "control": _control, PAYMENT_RECEIPT: _payment_receipt,
}
