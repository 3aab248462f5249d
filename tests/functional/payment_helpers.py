"""Dossiers for the payment and slip tests, made the way ``filing`` stores them.

Kept out of the test modules so that the permission matrix and the journey
share one way of making a dossier without importing each other.
"""
from tthc_docs.catalog import fees
from tthc_docs import timeutil
from tthc_docs.dossiers import press, workflow
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.dossiers.content import Dossier

AGENCY = "000.00.20.H55"
PROCEDURE = "2.000635"          # cấp bản sao trích lục: 8.000 ₫, 4.000 ₫ online


def file_dossier(site, owner="citizen1", channel="online"):
    """A dossier filed the way ``filing.file_application`` stores one (no attachments)."""
    version = site["procedures"][PROCEDURE].published_version()
    vault = site["vaults"].for_owner(owner)
    now = timeutil.now()
    dossier = Dossier(owner=owner, vault_id=vault.id, procedure=version, agency=AGENCY,
                      channel=channel, data={}, form_name=None, form_version=None,
                      attachments=[], fee_amount=fees.quote(version, channel).amount,
                      submitted_at=now, submitted_by=owner)
    site["dossiers"].file(dossier, now)
    dossier.add_history("submit", owner, "", at=now, by_name=owner)
    return dossier


def receive(site, dossier):
    """Pay (as the gateway would) and let reception1 receive the dossier."""
    now = timeutil.now()
    dossier.record_payment("vnpay", dossier.code + "_test", dossier.fee_amount, now)
    dossier.transition("receive", workflow.Context(
        login="reception1", roles=frozenset({workflow.RECEPTION}), now=now,
        calendar=calendar_for(site), name="Cán bộ Một Cửa"))
    issue_papers(site, dossier)


def issue_papers(site, dossier):
    """What ``actions.fire`` and the payment views do after an event: issue its papers."""
    return press.issue_pending(site, dossier, press.Press.from_settings({}), calendar_for(site))
