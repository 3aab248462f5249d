"""Stored verdicts of signed documents, read without pyHanko.

A signed result is verified once, when it is issued (``record_verification``),
and the verdict is kept on the vault document with the ``trust_basis`` it was
judged on. Pages show that verdict while it holds (``stored_or_fresh``), so
serving a dossier page neither re-validates a PDF nor loads pyHanko and its
30 MiB into the process (issue 15): ``verify`` is imported only when a
document must really be checked (``tthc_docs.lazy``).

Legal basis of the verdict itself: see ``signing.verify`` (Law on Electronic
Transactions 20/2023/QH15; Decree 23/2025/NĐ-CP).
"""
import hashlib
from pathlib import Path

from tthc_docs import errors, timeutil
from tthc_docs.lazy import lazy_module

verify = lazy_module("tthc_docs.signing.verify")   # pyHanko: only for a real check

SETTING_TRUST_ROOTS = "tthc_docs.trust_roots"
SETTING_CRLS = "tthc_docs.crls"


def setting_paths(value):
    """The paths a setting lists, separated by white space."""
    return [p for p in (value or "").split() if p]


def crl_paths(crls, pki_dir):
    """The configured CRL files, else every CRL of the development PKI."""
    paths = [Path(p) for p in setting_paths(crls)]
    if not paths and pki_dir:
        paths = [Path(pki_dir) / "root-ca.crl.pem",
                 *sorted((Path(pki_dir) / "agencies").glob("*/crl.pem"))]
    return [p for p in paths if p.is_file()]


def file_stamps(paths):
    """(path, mtime) of each file: a new CRL or trust root is picked up without a restart."""
    return tuple((str(p), p.stat().st_mtime_ns) for p in paths if p.is_file())


def trust_basis(settings):
    """A short digest of the trust roots and CRLs in force (their paths and mtimes).

    A verdict stored with a document holds while this is unchanged: a new
    CRL or root file makes every stored verdict stale, so a revocation
    shows at once (``stored_or_fresh``). Stable across processes.
    """
    roots = [Path(p) for p in setting_paths(settings.get(SETTING_TRUST_ROOTS))]
    crls = crl_paths(settings.get(SETTING_CRLS), settings.get("tthc_docs.pki_dir"))
    text = repr((file_stamps(roots), file_stamps(crls)))
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def record_verification(doc, settings, data=None):
    """Verify a signed document once, when it is issued, and keep the verdict on it.

    ``data``: its bytes when the caller has them (just signed). The verdict
    carries the document's SHA-256 and the ``trust_basis`` it was judged on;
    pages show it (``stored_or_fresh``) instead of verifying on every view.
    Called only where the document is written anyway (issuing, renewing).
    """
    try:
        report = verify.verify_with_settings(doc.read() if data is None else data, settings)
    except errors.DomainError as exc:
        report = unreadable(exc)
    report.update(sha256=doc.sha256, checked_at=timeutil.iso(timeutil.now()),
                  basis=trust_basis(settings))
    doc.verification = report
    return dict(report)


def holds(doc, basis):
    """Whether ``doc``'s stored verdict still holds: judged on its bytes and on ``basis``
    (``trust_basis``), so pages show it instead of verifying again."""
    stored = getattr(doc, "verification", None)
    return bool(stored) and stored.get("sha256") == doc.sha256 and stored.get("basis") == basis


def stored_or_fresh(doc, settings, fresh=False):
    """The verdict stored at issuance while it still holds, else a verification now.

    It holds while the document's bytes (SHA-256) and the trust roots and
    CRLs (``trust_basis``) are those it was judged on. Otherwise, and with
    ``fresh`` (an officer's "verify again"), the document is verified now,
    in memory only: a page view writes nothing.
    """
    if not fresh and holds(doc, trust_basis(settings)):
        return dict(doc.verification)
    if fresh:
        report = verify.verify_with_settings(doc.read(), settings)
        report.update(sha256=doc.sha256, checked_at=timeutil.iso(timeutil.now()))
        return report
    return verify.verify_document(doc, settings)


def verify_references(site, refs, settings, fresh=False):
    """``{document id: report}`` for the signed documents among dossier references.

    ``refs`` are ``{"vault", "document", ...}`` dicts (a dossier's
    ``attachments`` or ``results``). Unsigned or missing documents are left
    out; the officer's dossier page shows each report beside its attachment:
    the verdict stored when it was issued, or with ``fresh`` a new check.
    """
    found = {}
    for ref in refs or ():
        vault = site["vaults"].get(ref.get("vault")) if ref.get("vault") else None
        doc = vault.documents.get(ref.get("document")) if vault is not None else None
        if doc is not None and doc.signed and doc.id not in found:
            try:
                found[doc.id] = stored_or_fresh(doc, settings, fresh)
            except errors.DomainError as exc:
                found[doc.id] = unreadable(exc)
    return found


def unreadable(exc):
    """The report of a signed document that could not be checked at all."""
    return {"signed": True, "intact": False, "trusted": False, "timestamped": False,
            "problems": [exc.message]}
