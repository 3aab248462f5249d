"""Issuing a signed result: render, sign with the leader's identity, store once in the vault.

``ResultIssuer`` is the real ``workflow.Issuer``: ``dossiers.actions``
passes it to the ``sign`` transition, whose effect lists the returned
reference on the dossier (the one place that does). Every check runs before
anything is written, and everything is written in the caller's transaction,
so a refused signature (not a leader, another agency, wrong state,
missing/wrong passphrase, expired or revoked certificate) leaves the dossier
and the vault as they were.

Legal basis: Decree 30/2020/NĐ-CP on clerical work (công tác văn thư)
for how an administrative document is signed: by the head of the agency
or a deputy signing "KT." for the head (``signer_lines``), the digital
signature with the place and date (``sign.stamp_lines``, /Location); the
Law on Electronic Transactions 2023 (20/2023/QH15) and Decree 23/2025/NĐ-CP
for the digital signature itself (``signing.csc``).
"""
import asyncio
import dataclasses
import logging

from tthc_docs.catalog import doctypes
from tthc_docs import errors, roles, timeutil
from tthc_docs.config import place_name, public_url
from tthc_docs.dossiers.content import applicant_name
from tthc_docs.dossiers.result_facts import result_facts, result_title
from tthc_docs.dossiers.result_numbers import next_number
from tthc_docs.dossiers.states import AWAITING_SIGNATURE
from tthc_docs.lazy import lazy_module
from tthc_docs.pdf.fonts import font_dir_from
from tthc_docs.signing.refusals import NoCredential, SigningRefused
from tthc_docs.signing.verdicts import record_verification

# pyHanko and reportlab on first use: every action request builds a
# ``ResultIssuer``, only a signature uses it (issue 15).
csc = lazy_module("tthc_docs.signing.csc")
layout = lazy_module("tthc_docs.pdf.layout")
result_pdf = lazy_module("tthc_docs.pdf.result")
sign = lazy_module("tthc_docs.signing.sign")
identities = lazy_module("tthc_docs.signing.signer")

log = logging.getLogger(__name__)

def verify_url(settings):
    """The public verification page printed (as a QR code) on every result."""
    return f"{public_url(settings)}/@@verify"


def check_signer(dossier, account):
    """Only a leader of the handling agency, with a signing identity, may sign."""
    if account is None or roles.LEADER not in account.roles:
        raise errors.NotAllowed("Chỉ lãnh đạo được ký kết quả.")
    if account.agency != dossier.agency:
        raise errors.NotAllowed("Hồ sơ thuộc cơ quan khác; lãnh đạo cơ quan đó mới được ký.")
    if dossier.status != AWAITING_SIGNATURE:
        raise errors.StateConflict("Hồ sơ không ở trạng thái chờ ký.", allowed=())
    if not getattr(account, "signer", None):
        raise errors.StateConflict("Tài khoản chưa được gán chứng thư số; liên hệ quản trị.")


def owner_vault(site, dossier):
    """The vault the result goes to: the dossier's, else the owner's."""
    vaults = site["vaults"]
    vault = vaults.get(dossier.vault_id) if getattr(dossier, "vault_id", None) else None
    vault = vault or vaults.for_owner(dossier.owner)
    if vault is None:
        raise errors.StateConflict("Người nộp hồ sơ chưa có kho dữ liệu để nhận kết quả.")
    return vault


def result_dict(site, dossier, account, vault, now, settings, number=None):
    """The dossier-like dict ``pdf.result`` renders, with the agency's next result number.

    The number is drawn here, in the signing transaction: a refused
    signature drops the transaction and with it the number. ``number``: one
    drawn earlier for this dossier and never signed (a two-step request
    that expired), used again so the register has no gap.
    """
    agency = site["agencies"].by_code(dossier.agency)
    parent = getattr(agency, "__parent__", None)
    applicant = applicant_name(site, dossier)
    authority, title = layout.signer_lines(account.title)
    replaces = dossier.results[-1]["document"] if dossier.results else None
    return {
        "code": dossier.code, "procedure_code": dossier.procedure_code,
        "procedure_name": dossier.procedure_name,
        "agency_name": agency.name if agency else dossier.agency,
        "parent_agency": getattr(parent, "name", "") if getattr(parent, "level", None) else "",
        "issued_at": now, "applicant_name": applicant,
        "number": number or next_number(site, dossier.agency, now),
        "facts": result_facts(site, dossier, applicant),
        "result_title": result_title(site, dossier),
        "signer_name": account.full_name, "signer_title": title, "signer_authority": authority,
        "verify_url": verify_url(settings), "replaces": replaces,
        "place": place_name(settings),
    }


class ResultIssuer:
    """The ``workflow.Issuer`` that signs with pyHanko for the leaders of ``site``."""

    def __init__(self, site, settings):
        self.site, self.settings = site, settings

    def issue(self, dossier, signer, now):
        """Sign ``dossier``'s result as the account ``signer``; its ``{vault, document, sha256}``."""
        account = self.site["people"].get(signer)
        doc = issue_result(self.site, dossier, account, self.settings, now)
        vault = owner_vault(self.site, dossier)
        return {"vault": vault.id, "document": doc.id, "sha256": doc.sha256}


@dataclasses.dataclass
class Prepared:
    """One result rendered and ready to sign (nothing written yet)."""

    dossier: object
    vault: object
    result: dict
    rendered: object


def prepare(site, dossier, account, settings, now, number=None):
    """Check who signs what, then render the result: 403/409 before anything else."""
    check_signer(dossier, account)
    vault = owner_vault(site, dossier)
    result = result_dict(site, dossier, account, vault, now, settings, number)
    rendered = result_pdf.render_result(result, font_dir=font_dir_from(settings))
    return Prepared(dossier, vault, result, rendered)


def _sign_kwargs(item, identity, now):
    return dict(box=item.rendered.signature_box, reason=sign.reason_for(item.dossier.code),
                location=item.result["place"],
                lines=sign.stamp_lines(identity.common_name, item.result["agency_name"], now))


def _sign_locally(items, account, settings, signing, now):
    if not csc.local_fallback(settings):
        raise SigningRefused("Ký bằng tệp khóa trên máy chủ đã bị tắt (tthc_docs.signing."
                             "local_fallback); cần dịch vụ ký số từ xa.")
    identity = identities.load_identity(settings, account.signer)
    identity.check_valid_at(now)
    return [sign.sign_pdf(i.rendered.data, identity, signing, **_sign_kwargs(i, identity, now))
            for i in items]


def _sign_remotely(items, account, settings, signing, now):
    """One authorisation on the leader's phone for all ``items``; the credential id is kept."""
    def coroutines(identity, pyhanko_signer):
        return [sign.async_sign_pdf(i.rendered.data, identity, signing,
                                    pyhanko_signer=pyhanko_signer,
                                    **_sign_kwargs(i, identity, now)) for i in items]

    description = "Ký kết quả hồ sơ " + ", ".join(i.dossier.code for i in items)
    credential, signed = asyncio.run(csc.sign_all(
        csc.Remote.from_settings(settings), account.signer, account.csc_credential, len(items),
        coroutines, description, lambda identity: identity.check_valid_at(now)))
    if account.csc_credential != credential:
        account.csc_credential = credential
    return signed


def sign_items(items, account, settings, now):
    """Signed PDF bytes for each prepared item: remote (CSC) when configured, else local."""
    signing = sign.signing_from_settings(settings)
    if signing.timestamper is None:
        raise SigningRefused("Chưa cấu hình máy chủ cấp dấu thời gian (tthc_docs.tsa_url); "
                             "liên hệ quản trị.")
    if csc.enabled(settings):
        try:
            return _sign_remotely(items, account, settings, signing, now)
        except NoCredential:
            if not csc.local_fallback(settings):
                raise
            log.info("no remote credential for %s: local signing", account.login)
    return _sign_locally(items, account, settings, signing, now)


def store(item, data, account, now, settings):
    """The signed result into the owner's vault, once, with its verdict judged now.

    Verifying here, once, is what lets the dossier page show the verdict
    without reading and checking the PDF on every view (issue 15).
    """
    dossier, result = item.dossier, item.result
    doc_type = dossier.result_doc_type if doctypes.is_known(dossier.result_doc_type) else "other"
    title = f"{result['result_title'] or 'Kết quả'} – hồ sơ {dossier.code}"
    doc, _created = item.vault.add_document(
        data, title=title, doc_type=doc_type, kind="issued", added_by=account.login,
        content_type="application/pdf", signed=True, issued_by=result["agency_name"],
        issued_at=now, dossier=dossier.code, replaces=result["replaces"])
    if doc.verification is None or doc.verification.get("sha256") != doc.sha256:
        record_verification(doc, settings, data)
    log.info("result issued for dossier %s by %s", dossier.code, account.login)
    return doc


def issue_result(site, dossier, account, settings, now=None):
    """Render, sign and store the dossier's result; returns the vault document.

    Lists nothing on the dossier and grants nothing: the ``sign`` action
    does both (``dossiers.actions``). Raises ``errors.*`` (403, 409, 503)
    with a message for the leader; writes nothing then.
    """
    now = now or timeutil.now()
    item = prepare(site, dossier, account, settings, now)
    return store(item, sign_items([item], account, settings, now)[0], account, now, settings)


class BatchIssuer:
    """The ``workflow.Issuer`` for several dossiers approved in one authorisation.

    ``sign_all`` renders and signs them all first (one request on the
    leader's phone, ``numSignatures`` = how many); ``issue`` then stores each
    as its ``sign`` transition asks. Nothing is stored if any signature fails.
    """

    def __init__(self, site, settings):
        self.site, self.settings, self._signed = site, settings, {}

    def sign_all(self, dossiers, account, now):
        items = [prepare(self.site, d, account, self.settings, now) for d in dossiers]
        for item, data in zip(items, sign_items(items, account, self.settings, now)):
            self._signed[item.dossier.code] = (item, data)

    def issue(self, dossier, signer, now):
        item, data = self._signed.pop(dossier.code)
        doc = store(item, data, self.site["people"].get(signer), now, self.settings)
        return {"vault": item.vault.id, "document": doc.id, "sha256": doc.sha256}
