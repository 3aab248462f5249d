"""Long-term validation (PAdES B-LTA): a result judged through its chain of archive timestamps.

Years after signing, the leader's certificate has expired and the first
TSA's certificate too; what still proves the signature is the chain of
document timestamps: the newest, valid today, proves that the older ones
and the validation data (the DSS) existed when it was made, and so on back
to the signature. pyHanko implements that algorithm (ETSI EN 319 102-1
§5.6.3, "validation process for signatures providing long term
availability and integrity of validation material") as
``ades_lta_validation``; this module calls it with the configured trust
roots and the document's own validation data, nothing fetched, and reports
every document timestamp it finds.

``moment`` is "now" for the validator. pyHanko also reads the clock for
proofs of existence it registers itself, so a test that validates in the
future freezes the clock as well as passing the moment.

Legal basis: the Law on Electronic Transactions 2023 (20/2023/QH15) asks
that a data message kept as the original stay verifiable as long as it is
kept; Decree 23/2025/NĐ-CP counts timestamping among the trust services.
"""
import asyncio
import logging

from pyhanko.sign.ades.report import AdESPassed
from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY
from pyhanko.sign.validation import validate_pdf_timestamp
from pyhanko.sign.validation.ades import ades_lta_validation
from pyhanko.sign.validation.policy_decl import (
    LocalKnowledge, PdfSignatureValidationSpec, SignatureValidationSpec,
)
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.context import CertValidationPolicySpec
from pyhanko_certvalidator.ltv.types import ValidationTimingInfo
from pyhanko_certvalidator.policy_decl import CertRevTrustPolicy, RevocationCheckingPolicy
from pyhanko_certvalidator.registry import SimpleTrustManager

from tthc_docs import timeutil

log = logging.getLogger(__name__)


def _spec(trust_roots):
    """Trust the configured roots; revocation as the rest of verification: used when present."""
    policy = CertValidationPolicySpec(
        trust_manager=SimpleTrustManager.build(trust_roots=list(trust_roots)),
        revinfo_policy=CertRevTrustPolicy(RevocationCheckingPolicy.from_legacy("soft-fail")))
    return PdfSignatureValidationSpec(
        SignatureValidationSpec(cert_validation_policy=policy, local_knowledge=LocalKnowledge()),
        diff_policy=DEFAULT_DIFF_POLICY)


def _timing(moment):
    if moment is None:
        return ValidationTimingInfo.now()
    return ValidationTimingInfo(moment, moment, point_in_time_validation=False)


def validate(sig, trust_roots, moment=None):
    """``{valid, indication, proven_at, archive_chain_from}`` for the signature ``sig``.

    ``valid``: the AdES LTA process passed at ``moment``; ``proven_at``: the
    earliest time the signature is proven to have existed;
    ``archive_chain_from``: the oldest archive timestamp the chain accepted
    (None: no chain, or it did not validate).
    """
    try:
        result = asyncio.run(ades_lta_validation(sig, _spec(trust_roots), timing_info=_timing(moment)))
    except Exception as exc:  # noqa: BLE001 - an unreadable chain is a verdict, not a crash
        log.info("long-term validation failed: %s", type(exc).__name__)
        return {"valid": False, "indication": type(exc).__name__, "proven_at": None,
                "archive_chain_from": None}
    return {"valid": result.ades_subindic == AdESPassed.OK,
            "indication": getattr(result.ades_subindic, "name", str(result.ades_subindic)),
            "proven_at": timeutil.iso(result.best_signature_time),
            "archive_chain_from": timeutil.iso(result.oldest_evidence_record_timestamp)}


def _name(cert):
    return cert.subject.native.get("common_name") if cert is not None else None


def document_timestamps(reader, trust_roots, crls=()):
    """Every document timestamp, oldest first: ``{at, tsa, tsa_valid_until, intact, trusted}``.

    Each one is judged at its own time (was its TSA certificate valid and
    trusted then), with the validation data the document carries.
    """
    found = []
    for ts in reader.embedded_timestamp_signatures:
        tst = ts.signed_data["encap_content_info"]["content"].parsed["gen_time"].native
        context = ValidationContext(trust_roots=list(trust_roots), crls=list(crls),
                                    allow_fetching=False, revocation_mode="soft-fail", moment=tst)
        try:
            status = validate_pdf_timestamp(ts, validation_context=context)
            intact, trusted = bool(status.intact and status.valid), bool(status.trusted)
        except Exception as exc:  # noqa: BLE001 - a damaged timestamp is reported, not raised
            log.info("document timestamp unreadable: %s", type(exc).__name__)
            intact = trusted = False
        cert = ts.signer_cert
        found.append({"at": timeutil.iso(tst), "tsa": _name(cert),
                      "tsa_valid_until": timeutil.iso(
                          cert["tbs_certificate"]["validity"]["not_after"].native),
                      "intact": intact, "trusted": trusted})
    return found
