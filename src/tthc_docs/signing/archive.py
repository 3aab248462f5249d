"""Long-term validity (PAdES B-LTA): renew the archive timestamp before the last one weakens.

A result carries a document timestamp over its signature and validation
data. That timestamp is only as good as its TSA certificate: before that
expires (``tthc_docs.retimestamp_margin_days`` ahead, default 730), or when
its hash algorithm is no longer trusted, ``tthc-docs retimestamp CONFIG``
adds the validation data of the last timestamp and a new document timestamp
(pyHanko's ``update_archival_timestamp_chain``), as an incremental update:
the old bytes are a prefix of the new. The new revision is a new version of
the same vault document (``Document.revise``), so every dossier that
references the document sees it; nothing is copied.

Legal basis: the Law on Electronic Transactions 2023 (Luật Giao dịch điện
tử số 20/2023/QH15) requires a data message kept as the original to stay
accessible, unaltered and verifiable for as long as it must be kept;
Decree 23/2025/NĐ-CP counts timestamping (dịch vụ cấp dấu thời gian) among
the trust services, so in production ``tthc_docs.tsa_url`` names a licensed
TSA. The archive timestamp is what keeps the proof after the signer's and
the TSA's certificates expire.
"""
import datetime
import io
import logging

import transaction
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko_certvalidator import ValidationContext

from tthc_docs.signing.sign import signing_from_settings
from tthc_docs.signing.verify import record_verification

log = logging.getLogger(__name__)
SETTING_MARGIN = "tthc_docs.retimestamp_margin_days"
DEFAULT_MARGIN_DAYS = 730
WEAK_DIGESTS = frozenset({"md5", "sha1"})


def _last_timestamp(reader):
    """(TSA certificate, digest algorithm) of the newest timestamp in the file, or None."""
    stamps = reader.embedded_timestamp_signatures
    if stamps:
        sig = stamps[-1]
        return sig.signer_cert, sig.md_algorithm
    sigs = reader.embedded_regular_signatures
    if sigs and sigs[-1].attached_timestamp_data is not None:
        token = sigs[-1].attached_timestamp_data
        return token.signer_cert, token.md_algorithm
    return None


def due(data, now, margin_days=DEFAULT_MARGIN_DAYS):
    """True when the file's last timestamp expires within the margin or uses a weak hash."""
    found = _last_timestamp(PdfFileReader(io.BytesIO(data), strict=False))
    if found is None:
        return False
    cert, digest = found
    expires = cert["tbs_certificate"]["validity"]["not_after"].native
    return digest in WEAK_DIGESTS or expires - now < datetime.timedelta(days=margin_days)


def crls_for(cert, crls):
    """The CRLs of ``cert``'s issuer only.

    An archive timestamp must carry the validation data of the timestamp it
    protects, nothing else. A newer CRL of the signer's own CA, issued after
    the signer's certificate expired, proves nothing about it and would stop a
    future validator's time slide at that CRL (past the certificate's end).
    """
    issuer = cert.issuer
    return [c for c in crls if c["tbs_cert_list"]["issuer"] == issuer]


def add_archive_timestamp(data, signing, moment=None):
    """``data`` with the last timestamp's validation data and a new document timestamp."""
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    found = _last_timestamp(reader)
    crls = crls_for(found[0], signing.crls) if found else list(signing.crls)
    context = ValidationContext(trust_roots=list(signing.trust_roots), crls=crls,
                                allow_fetching=False, revocation_mode="soft-fail",
                                moment=moment)
    out = PdfTimeStamper(signing.timestamper).update_archival_timestamp_chain(
        reader, context, in_place=False, output=io.BytesIO())
    return out.getvalue()


def retimestamp_site(site, settings, now):
    """Renew every issued, signed result that is due; the number renewed."""
    margin = int(settings.get(SETTING_MARGIN) or DEFAULT_MARGIN_DAYS)
    signing = signing_from_settings(settings)
    renewed = 0
    for vault in site["vaults"].values():
        for doc in list(vault.documents.values()):
            if doc.kind != "issued" or not doc.signed:
                continue
            data = doc.read()
            if due(data, now, margin):
                renewed_data = add_archive_timestamp(data, signing, moment=now)
                doc.revise(renewed_data, note="Bổ sung dấu thời gian lưu trữ (PAdES B-LTA)")
                record_verification(doc, settings, renewed_data)
                renewed += 1
    return renewed


def add_args(parser):
    parser.add_argument("config", help="the .ini file, e.g. development.ini")


def cmd_retimestamp(args):
    from tthc_docs import timeutil
    from tthc_docs.cli import load_settings, opened_root
    from tthc_docs.site.content import get_site
    settings = load_settings(args.config)
    with opened_root(settings) as root:
        renewed = retimestamp_site(get_site(root._p_jar), settings, timeutil.now())
        transaction.commit()
    print(f"archive timestamps added: {renewed}")
    return 0
