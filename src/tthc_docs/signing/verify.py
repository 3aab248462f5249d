"""Verification of signed PDFs with pyHanko's validator, reported as separate facts.

``verify_pdf(data, trust_roots)`` answers the public report of API.md:
``signed`` (there is a signature), ``intact`` (the signed bytes are
unchanged and nothing after the signature alters content), ``trusted``
(the signer's certificate chains to a configured root and was valid, not
revoked, when signed), ``timestamped`` (an RFC 3161 token from a trusted
TSA), ``signer``, ``signed_at`` and ``dossier``; plus ``problems``: why a
fact is false, in Vietnamese. Validation data embedded at signing (B-LT,
the DSS) is used, and nothing is fetched from a network.

Legal basis: a digital signature is valid when the certificate was valid
at the time of signing and the data message is unchanged since (Luật Giao
dịch điện tử số 20/2023/QH15; Decree 23/2025/NĐ-CP on electronic
signatures and trust services): hence ``trusted`` judged at the trusted
timestamp's time, and ``intact`` false when anything but validation data
or archive timestamps was added after signing.
"""
import io
import logging
import threading
import time

from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from tthc_docs import errors, timeutil
from tthc_docs.signing import levels, longterm
from tthc_docs.signing.sign import REASON_PREFIX, signing_from_settings
# Stored verdicts live in ``verdicts`` (no pyHanko there); their names stay importable here.
from tthc_docs.signing.verdicts import (  # noqa: F401
    record_verification, stored_or_fresh, verify_references,
)

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
ACCEPTED_LEVELS = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)

# Why a fact is false: a closed list, so the English catalog can translate the
# HTML report (the JSON report keeps these Vietnamese texts).
ALTERED = "Văn bản đã bị thay đổi sau khi ký."
REVOKED = "Chứng thư số của người ký đã bị thu hồi."
UNTRUSTED = ("Chứng thư số không thuộc tổ chức cung cấp dịch vụ tin cậy đã cấu hình "
             "hoặc không còn hiệu lực tại thời điểm ký.")
NO_TIMESTAMP = "Không có dấu thời gian tin cậy."
UNSIGNED = "Văn bản chưa được ký số."
CHANGED_AFTER = ("Tệp không còn đúng như khi ký: phần đã ký còn nguyên, nhưng sau khi ký "
                 "tệp đã được thêm nội dung (xem mục «Thêm sau khi ký»).")
PROBLEMS = (ALTERED, REVOKED, UNTRUSTED, NO_TIMESTAMP, UNSIGNED, CHANGED_AFTER)


def check_pdf_bytes(data, max_bytes=MAX_BYTES):
    """Refuse what cannot be verified with a status and a reason: 413, 415, 422."""
    if not data:
        raise errors.Invalid("Chưa chọn tệp để kiểm tra.", {"file": "Tệp trống."})
    if len(data) > max_bytes:
        raise errors.TooLarge(errors.Words("Tệp quá lớn: tối đa ${mb} MB.", mb=max_bytes // (1024 * 1024)))
    if b"%PDF-" not in data[:1024]:
        raise errors.UnsupportedType("Tệp không phải PDF; chỉ kiểm tra được văn bản PDF.")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        encrypted = reader.encrypted
        if not encrypted:
            reader.root  # noqa: B018 - forces parsing of the catalogue
    except Exception:  # noqa: BLE001 - untrusted input: any parser failure is the file's
        raise errors.Invalid("Tệp PDF bị hỏng, không đọc được.", {"file": "PDF hỏng."}) from None
    if encrypted:
        raise errors.Invalid("Tệp PDF đã bị mã hóa; hãy tải lên bản không đặt mật khẩu.",
                             {"file": "PDF mã hóa."})
    return reader


def _name_part(cert, key):
    return cert.subject.native.get(key) if cert is not None else None


def dossier_from_reason(reason):
    """The dossier code our signing put in the signature's (signed) /Reason."""
    reason = str(reason or "")
    if not reason.startswith(REASON_PREFIX):
        return None
    return reason[len(REASON_PREFIX):].strip() or None


def _context(reader, trust_roots, crls, moment):
    kwargs = dict(trust_roots=list(trust_roots), crls=list(crls), allow_fetching=False,
                  revocation_mode="soft-fail", moment=moment)
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except (KeyError, ValueError, PdfError, TypeError):
        dss = None
    if dss is None:
        return ValidationContext(**kwargs)
    return dss.as_validation_context(kwargs)


def _validate(reader, sig, trust_roots, crls, moment):
    return validate_pdf_signature(
        sig, signer_validation_context=_context(reader, trust_roots, crls, moment),
        ts_validation_context=_context(reader, trust_roots, crls, moment))


def _intact(status):
    if not (status.intact and status.valid):
        return False
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    return (status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
            and status.modification_level in ACCEPTED_LEVELS)


def _report(status, sig, count, reader=None):
    ts = status.timestamp_validity
    timestamped = bool(ts is not None and ts.intact and ts.valid and ts.trusted)
    signed_at = ts.timestamp if ts is not None and ts.intact and ts.valid else status.signer_reported_dt
    cert = status.signing_cert
    report = {
        "signed": True, "intact": _intact(status), "trusted": bool(status.trusted),
        "timestamped": timestamped, "signer": _name_part(cert, "common_name"),
        "signer_agency": _name_part(cert, "organization_name"), "signed_at": timeutil.iso(signed_at),
        "dossier": dossier_from_reason(sig.sig_object.get("/Reason")),
        "revoked": bool(status.revoked), "signatures": count, "problems": [],
        "level": levels.level(reader, status) if reader is not None else None,
    }
    kinds = levels.added_after_signing(reader, sig) if reader is not None else []
    report["signed_part_intact"] = report["intact"]
    report["modified_after_signing"] = levels.modified(kinds)
    report["added_after_signing"] = levels.describe(kinds)
    if report["modified_after_signing"]:
        report["intact"] = False
    report["trusted"] = report["trusted"] and report["intact"]
    return report


def _problems(report, status):
    problems = []
    if report["modified_after_signing"] and report["signed_part_intact"]:
        problems.append(CHANGED_AFTER)
    elif not report["intact"]:
        problems.append(ALTERED)
    if report["revoked"]:
        problems.append(REVOKED)
    elif not report["trusted"]:
        problems.append(UNTRUSTED)
    if not report["timestamped"]:
        problems.append(NO_TIMESTAMP)
    return problems


def _unsigned():
    return {"signed": False, "intact": False, "trusted": False, "timestamped": False,
            "signer": None, "signer_agency": None, "signed_at": None, "dossier": None,
            "revoked": False, "signatures": 0, "problems": [UNSIGNED], "level": None,
            "modified_after_signing": False, "added_after_signing": [], "signed_part_intact": False,
            "archive_timestamps": [], "long_term": None}


def _status(reader, sig, trust_roots, crls, moment):
    """pyHanko's status; a certificate invalid now is judged again at the trusted timestamp."""
    status = _validate(reader, sig, trust_roots, crls, moment)
    if status.intact and not status.trusted and not status.revoked:
        ts = status.timestamp_validity
        if ts is not None and ts.trusted:
            status = _validate(reader, sig, trust_roots, crls, ts.timestamp)
    return status


def _long_term(report, reader, sig, trust_roots, crls, moment):
    """Judge every archive timestamp; an untrusted but intact B-LTA result gets the LTA process.

    Years on, the signer's and the first TSA's certificates have expired:
    the signature is then trusted only if the chain of archive timestamps
    proves it (``longterm.validate``). A revoked signer stays untrusted.
    """
    report["archive_timestamps"] = longterm.document_timestamps(reader, trust_roots, crls)
    report["long_term"] = None
    if report["archive_timestamps"] and report["intact"] and not report["revoked"] \
            and not report["trusted"]:
        report["long_term"] = longterm.validate(sig, trust_roots, moment)
        if report["long_term"]["valid"]:
            report["trusted"] = True
            report["timestamped"] = True
    return report


def verify_pdf(data, trust_roots, crls=(), moment=None, max_bytes=MAX_BYTES):
    """Verify the last signature of ``data``; see the module docstring for the report.

    ``moment`` is "now" for the validator (tests pin it). A certificate that
    is no longer valid now (expired) is judged again at the moment a trusted
    timestamp proves the signature existed: valid then means trusted.
    A revoked certificate stays untrusted.
    """
    reader = check_pdf_bytes(data, max_bytes)
    try:
        sigs = reader.embedded_regular_signatures
        if not sigs:
            return _unsigned()
        status = _status(reader, sigs[-1], trust_roots, crls, moment)
        report = _long_term(_report(status, sigs[-1], len(sigs), reader), reader, sigs[-1],
                            trust_roots, crls, moment)
    except errors.DomainError:
        raise
    except Exception as exc:  # noqa: BLE001 - untrusted input: any parser failure is the file's
        log.info("unreadable signed PDF: %s", type(exc).__name__)
        raise errors.Invalid("Tệp PDF hoặc chữ ký trong tệp bị hỏng, không kiểm tra được.",
                             {"file": "PDF hoặc chữ ký hỏng."}) from None
    report["problems"] = _problems(report, status)
    return report


# --- documents in vaults -------------------------------------------------

_CACHE_SECONDS = 600
_cache = {}
_cache_lock = threading.Lock()


def verify_with_settings(data, settings, moment=None):
    """``verify_pdf`` against the trust roots and CRLs that the .ini names."""
    signing = signing_from_settings(settings)
    return verify_pdf(data, signing.trust_roots, signing.crls, moment=moment,
                      max_bytes=int(settings.get("tthc_docs.max_upload_bytes") or MAX_BYTES))


def verify_document(vault_doc, settings):
    """The verification of a stored document, cached per SHA-256 for ten minutes.

    The cache lives in process memory, not on the document: reading a
    dossier page must not write to the database. A new CRL or trust root
    file gives a new ``Signing`` and so a new key: a revocation shows at once.
    """
    key = (vault_doc.sha256, id(signing_from_settings(settings)))
    now = time.monotonic()
    with _cache_lock:
        hit = _cache.get(key)
        if hit and now - hit[0] < _CACHE_SECONDS:
            return dict(hit[1])
    report = verify_with_settings(vault_doc.read(), settings)
    report["sha256"] = vault_doc.sha256
    report["checked_at"] = timeutil.iso(timeutil.now())
    with _cache_lock:
        if len(_cache) > 2048:
            _cache.clear()
        _cache[key] = (now, report)
    return dict(report)
