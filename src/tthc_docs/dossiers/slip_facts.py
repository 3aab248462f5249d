"""Gather what a slip prints from a dossier and the site around it.

No web imports: the slip view hands in the site, the dossier, the public
tracking URL and the clock.  The dossier's history is the source of truth
for who received, asked for a supplement, refused or apologised, so slips
print what happened rather than what a view remembers.
"""
from tthc_docs import timeutil
from tthc_docs.dossiers import workflow
from tthc_docs.dossiers.content import applicant_name
from tthc_docs.dossiers.slips import SlipFacts, Step


def facts_for(site, dossier, track_url, now=None):
    """A ``SlipFacts`` for ``dossier``; ``now`` defaults to ``timeutil.now()``."""
    now = now or timeutil.now()
    agency = site["agencies"].by_code(dossier.agency)
    parent = getattr(agency, "__parent__", None)
    profile = _profile(site, dossier)
    receive = _last(dossier, "receive")
    supplement = _last(dossier, "request_supplement")
    refusal = _last(dossier, "reject")
    apologies = list(getattr(dossier, "apologies", None) or ())
    apology = apologies[-1] if apologies else {}
    payment = dossier.payment or {}
    return SlipFacts(
        code=dossier.code, procedure_name=dossier.procedure_name,
        agency_name=agency.name if agency else dossier.agency,
        parent_agency=getattr(parent, "name", "") if getattr(parent, "code", None) else "",
        track_url=track_url, issued_on=now.date(),
        applicant_name=applicant_name(site, dossier),
        applicant_address=profile.get("current_address") or profile.get("permanent_address") or "",
        applicant_phone=profile.get("phone") or "",
        channel=dossier.channel, status=dossier.status,
        received_at=dossier.received_at, due_at=dossier.due_at,
        processing_days=getattr(dossier, "processing_days", 0),
        requirements=_papers(dossier),
        officer_name=_name(receive) or _name(supplement) or _name(refusal),
        fee_amount=dossier.fee_amount, paid=bool(dossier.payment) and dossier.is_paid,
        supplement_note=(supplement or {}).get("note", ""),
        supplement_at=(supplement or {}).get("at"),
        refusal_note=(refusal or {}).get("note", ""),
        apology_reason=apology.get("reason", ""), apology_due_at=apology.get("new_due"),
        leader_name=apology.get("by_name") or apology.get("by") or "",
        overdue=dossier.overdue(now) if callable(getattr(dossier, "overdue", None)) else False,
        steps=tuple(_steps(dossier)),
        payment_reference=payment.get("reference", ""),
        payment_amount=payment.get("amount", 0), payment_provider=payment.get("provider", ""),
        paid_at=payment.get("paid_at"))


def _profile(site, dossier):
    vault = site["vaults"].get(getattr(dossier, "vault_id", None) or "")
    return dict(getattr(vault, "profile", None) or {})


def _last(dossier, action):
    """The newest history entry of ``action``, or None."""
    for entry in reversed(list(dossier.history)):
        if entry.get("action") == action:
            return entry
    return None


def _name(entry):
    return (entry or {}).get("by_name") or (entry or {}).get("by") or ""


def _papers(dossier):
    """The names of the requirements the dossier's attachments meet."""
    met = {a.get("requirement") for a in getattr(dossier, "attachments", ()) or ()}
    names = [r.get("name", r.get("id")) for r in getattr(dossier, "requirements", ()) or ()
             if r.get("id") in met]
    return tuple(names)


def _steps(dossier):
    for entry in dossier.history:
        if entry.get("at") is None:
            continue
        label = workflow.HISTORY_LABELS.get(entry.get("action"), entry.get("action"))
        yield Step(entry["at"], label, _name(entry), entry.get("note", ""))
