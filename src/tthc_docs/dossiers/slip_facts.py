"""What a paper prints, gathered from a dossier *as it was at one event of its history*.

No web imports. A paper is issued when its event happens (``press``), so
its facts come from the history up to that event: the due date set at
receipt, the appointment then in force, who acted. The history is the
source of truth; people are named by their names, never their logins.
"""
from urllib.parse import urlencode

from tthc_docs import roles
from tthc_docs.dossiers import deadlines, workflow
from tthc_docs.dossiers.content import applicant_name
from tthc_docs.dossiers.slips import RECEPTION_DESK, Handover, PaperRow, SlipFacts
from tthc_docs.lazy import lazy_module

layout = lazy_module("tthc_docs.pdf.layout")   # reportlab: only when a paper is issued
from tthc_docs.timeutil import VN_TZ
from tthc_docs.vaults.documents import DIGITIZED, ISSUED

SYSTEM = "Hệ thống"
APPLICANT = "Tổ chức, cá nhân"
FORMS = {DIGITIZED: "Bản chính (đã đối chiếu, số hóa)",
         ISSUED: "Bản điện tử có chữ ký số (kết quả đã cấp)"}
UPLOADED_FORM = "Bản chụp điện tử"
E_FORM = "Bản điện tử (tờ khai điện tử)"
HEAD = "Thủ trưởng cơ quan"


def track_url(public_url, code):
    """Where anyone checks a dossier by its code: the one public address, never a request's host."""
    return f"{public_url}/@@track?" + urlencode({"code": code})


def facts_at(site, dossier, index, public_url, calendar=None, number="", place=""):
    """A ``SlipFacts`` for the paper(s) that history entry ``index`` issues, dated at ``place``."""
    history = list(dossier.history)[: index + 1]
    entry = history[-1]
    agency = site["agencies"].by_code(dossier.agency)
    parent = getattr(agency, "__parent__", None)
    profile = _profile(site, dossier)
    people = site["people"]
    receive, supplement = _last(history, "receive"), _last(history, "request_supplement")
    refusal, apology = _last(history, "reject"), _last(history, "apologize")
    handed_back = _last(history, "return")
    due, appointment = _dates(history)
    payment = dossier.payment or {}
    receiving = _name_of(site, dossier.receiving_desk)
    return SlipFacts(
        code=dossier.code, procedure_code=dossier.procedure_code,
        procedure_name=dossier.procedure_name,
        agency_name=agency.name if agency else dossier.agency,
        receiving_name=receiving,
        returned_name=(_name_of(site, handed_back.get("desk") or dossier.agency)
                       if handed_back else ""),
        parent_agency=getattr(parent, "name", "") if getattr(parent, "code", None) else "",
        place=place,
        track_url=track_url(public_url, dossier.code), issued_at=entry["at"], number=number,
        applicant_name=applicant_name(site, dossier),
        applicant_id=profile.get("id_number") or "",
        applicant_address=profile.get("current_address") or profile.get("permanent_address") or "",
        applicant_phone=profile.get("phone") or "", applicant_email=profile.get("email") or "",
        channel=dossier.channel, status=entry.get("target") or dossier.status,
        received_at=(receive or {}).get("at"), due_at=due, appointment_at=appointment,
        processing_days=getattr(dossier, "processing_days", 0),
        papers=tuple(_papers(site, dossier)),
        collect_at=_collect_at(dossier, receiving),
        register=tuple(getattr(dossier, "register_entry", None) or ()),
        officer_name=_name(people, entry), receiver_name=_name(people, receive),
        fee_amount=dossier.fee_amount, paid=bool(dossier.payment),
        supplement_note=(supplement or {}).get("note", ""),
        supplement_reason=("thành phần hồ sơ chưa đầy đủ hoặc chưa hợp lệ theo quy định của "
                           f"thủ tục «{dossier.procedure_name}»."),
        refusal_note=(refusal or {}).get("note", ""),
        apology_reason=(apology or {}).get("note", ""),
        apology_due_at=(apology or {}).get("new_due"),
        **_head(people, dossier.agency, apology),
        handovers=tuple(_handovers(people, dossier, history, due, calendar)),
        payment_reference=payment.get("reference", ""), payment_amount=payment.get("amount", 0),
        payment_provider=payment.get("provider", ""), paid_at=payment.get("paid_at"))


def _name_of(site, code):
    agency = site["agencies"].by_code(code)
    return agency.name if agency is not None else code


def _profile(site, dossier):
    vault = site["vaults"].get(getattr(dossier, "vault_id", None) or "")
    return dict(getattr(vault, "profile", None) or {})


def _last(history, action):
    for entry in reversed(history):
        if entry.get("action") == action:
            return entry
    return None


def _dates(history):
    """(legal due date, appointment) as they stood after the last entry of ``history``.

    Receipt and supplement record both; an apology records the new
    appointment (and, since the deadlines' rework, the legal date it left).
    """
    due = appointment = None
    for entry in history:
        if entry.get("action") in ("receive", "supplement") and entry.get("due_at"):
            due = entry["due_at"]
            appointment = entry.get("appointment_at") or due
        elif entry.get("action") == "apologize":
            due = entry.get("legal_due_at") or due
            appointment = entry.get("new_due") or appointment
    return due, appointment


def _name(people, entry):
    """The person's name (older entries name only the login); 'Hệ thống' for the system."""
    if not entry:
        return ""
    if entry.get("by_name"):
        return entry["by_name"]
    login = entry.get("by") or ""
    account = people.get(login) if login and login != "system" else None
    return getattr(account, "full_name", None) or (SYSTEM if login in ("", "system") else login)


def _papers(site, dossier):
    """The papers received (Mẫu 01 item 1): the e-form first, then each attachment."""
    if dossier.form_name:
        yield PaperRow(f"Tờ khai điện tử ({dossier.form_name}, phiên bản {dossier.form_version})",
                       E_FORM)
    vaults = site["vaults"]
    copies = {r.get("id"): r.get("copies") for r in getattr(dossier, "requirements", ()) or ()}
    for ref in getattr(dossier, "attachments", ()) or ():
        vault = vaults.get(ref.get("vault") or "")
        doc = vault.documents.get(ref.get("document")) if vault is not None else None
        kind = getattr(doc, "kind", None)
        yield PaperRow(dossier.attachment_name(ref) or ref.get("title") or ref.get("requirement"),
                       FORMS.get(kind, UPLOADED_FORM), int(copies.get(ref.get("requirement")) or 1))


def _collect_at(dossier, desk_name):
    """Where the result is collected (Mẫu 01 item 6): the desk that received the dossier.

    Under location-independent filing the applicant collects the result at
    the desk where the dossier was handed in, whichever agency settles it
    (Decree 61/2018/NĐ-CP art. 19, returning results at the one-stop desk;
    Decree 118/2025/NĐ-CP); online, also in the vault.
    """
    desk = f"{RECEPTION_DESK} {desk_name}"
    if dossier.channel == "online":
        return f"Trực tuyến (kho dữ liệu cá nhân, bản điện tử có chữ ký số) hoặc tại {desk}"
    return desk


def _head(people, agency, apology):
    """Who signs Mẫu 04: the agency's head (a leader; a deputy signs "KT.")."""
    if not apology:
        return {}
    actor = people.get(apology.get("by") or "")
    leader = actor if actor is not None and roles.LEADER in actor.roles else _agency_head(
        people, agency)
    if leader is None:
        return {"signer_title": HEAD}
    authority, title = layout.signer_lines(getattr(leader, "title", "") or HEAD)
    return {"signer_authority": authority, "signer_title": title, "signer_name": leader.full_name}


def _agency_head(people, agency):
    leaders = [a for a in people.values() if a.agency == agency and a.active
               and roles.LEADER in a.roles]
    leaders.sort(key=lambda a: (str(a.title or "").lower().startswith("phó "), a.login))
    return leaders[0] if leaders else None


#: action -> (giver, receiver) of the hand-over; "actor", "applicant", "desk",
#: "assignee", "leader", "step" are resolved per entry.
HANDOVERS = {
    "receive": ("applicant", "actor"), "forward": ("actor", "assignee"),
    "assign": ("actor", "assignee"), "approve": ("actor", "leader"),
    "send_back": ("actor", "step"), "sign": ("actor", "desk"), "return": ("actor", "applicant"),
    "request_supplement": ("actor", "applicant"), "supplement": ("applicant", "desk"),
    "reject": ("actor", "applicant"), "apologize": ("actor", "applicant"),
}


def _handovers(people, dossier, history, due, calendar):
    """Mẫu 05's rows from receipt on: giver, receiver, time, on time or not."""
    started = False
    previous = None
    steps = _steps_by_id(dossier)
    for entry in history:
        action = entry.get("action")
        started = started or action == "receive"
        if not started or action not in HANDOVERS or entry.get("at") is None:
            continue
        giver, receiver = (_party(role, people, dossier, entry, steps)
                           for role in HANDOVERS[action])
        result = _on_time(entry, previous, steps, due, calendar)
        label = workflow.HISTORY_LABELS.get(action, action)
        note = label + (f": {entry['note']}" if entry.get("note") else "")
        yield Handover(giver, receiver, entry["at"], result, note)
        previous = entry


def _party(role, people, dossier, entry, steps):
    if role == "actor":
        return _name(people, entry)
    if role == "applicant":
        return f"{APPLICANT} ({dossier.applicant_name or dossier.owner})"
    if role == "desk":
        return RECEPTION_DESK
    if role == "assignee" and entry.get("assignee"):
        account = people.get(entry["assignee"])
        return getattr(account, "full_name", None) or entry["assignee"]
    if role == "leader":
        return "Lãnh đạo cơ quan (trình ký)"
    step = steps.get(entry.get("step"))
    return (step or {}).get("name") or "Chuyên viên xử lý"


def _steps_by_id(dossier):
    """The dossier's working steps by id (the first of an id), read once for all the rows."""
    found = {}
    for step in dossier.steps or ():
        found.setdefault(step.get("id"), step)
    return found


def _on_time(entry, previous, steps, due, calendar):
    """'Trước hạn', 'Đúng hạn' or 'Quá hạn' for the party handing over.

    The step's own share of time when the giver carried a step (Circular
    01/2018 Mẫu 05: the receiver writes it when taking the dossier over),
    else the dossier's legal due date.
    """
    limit = due
    step = steps.get((previous or {}).get("step"))
    if step and step.get("days") and calendar is not None and previous is not None:
        limit = deadlines.due_at(previous["at"], int(step["days"]), calendar)
    if limit is None:
        return ""
    at = entry["at"]
    if at > limit:
        return "Quá hạn"
    same_day = at.astimezone(VN_TZ).date() == limit.astimezone(VN_TZ).date()
    return "Đúng hạn" if same_day else "Trước hạn"
