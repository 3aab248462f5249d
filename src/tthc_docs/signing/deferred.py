"""Signing in two steps (pyHanko's interrupted signing): the hash now, the signature later.

Remote signing waits for the leader's phone. Rather than hold a web thread
(and a database transaction) for that, ``prepare`` writes the signature
field, the stamp and an empty /Contents into the PDF, and returns the bytes
with the CMS signed attributes and the hash of those attributes: the one
value the signing service signs. ``finish`` takes the raw signature the
service returned, checks it against that hash with the credential's
certificate, builds the CMS (with its RFC 3161 signature timestamp), fills
/Contents, then adds the validation data (B-LT) and a document timestamp
(B-LTA). Nothing here touches the database; ``pending`` keeps the state.
"""
import asyncio
import dataclasses
import hashlib
import io
import logging

from asn1crypto import cms
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.signers.pdf_byterange import PreparedByteRangeDigest
from pyhanko.sign.signers.pdf_signer import PdfTBSDocument, PdfTimeStamper
from pyhanko.sign.validation import async_add_validation_info
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps import TimestampRequestError
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError
from pyhanko_certvalidator.registry import SimpleCertificateStore

from tthc_docs.signing import sign as S
from tthc_docs.signing.signer import SigningRefused

log = logging.getLogger(__name__)

MD = "sha256"


@dataclasses.dataclass(frozen=True)
class Prepared:
    """What step two needs, as plain bytes and numbers (kept in the database)."""

    pdf: bytes              # the document with the signature field and an empty /Contents
    signed_attrs: bytes     # DER of the CMS signed attributes
    document_digest: bytes  # SHA-256 over the byte range
    region: tuple           # (start, end) of /Contents in ``pdf``

    @property
    def to_sign(self):
        """The hash the signing service signs (over the signed attributes)."""
        return hashlib.sha256(self.signed_attrs).digest()


def _external(identity, signature=None):
    registry = SimpleCertificateStore()
    registry.register_multiple(list(getattr(identity, "chain", ())))
    return signers.ExternalSigner(signing_cert=identity.certificate, cert_registry=registry,
                                  signature_value=signature or bytes(256))


async def _prepare(data, identity, signing, **stamp):
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    external = _external(identity)
    pdf_signer = S._pdf_signer(identity, external, signing, embed_validation=False, **stamp)
    digest, _tbs, output = await pdf_signer.async_digest_doc_for_signing(
        writer, bytes_reserved=identity.bytes_reserved)
    attrs = await external.signed_attrs(digest.document_digest, MD, use_pades=True)
    return Prepared(output.getvalue(), attrs.dump(), digest.document_digest,
                    (digest.reserved_region_start, digest.reserved_region_end))


def prepare(data, identity, signing, **stamp):
    """The document ready for a signature over ``Prepared.to_sign``; nothing signed yet."""
    return asyncio.run(_prepare(data, identity, signing, **stamp))


async def _finish(prepared, signature, identity, signing):
    external = _external(identity, signature)
    attrs = cms.CMSAttributes.load(prepared.signed_attrs)
    signature_cms = await external.async_sign_prescribed_attributes(
        MD, attrs, timestamper=signing.timestamper)
    output = io.BytesIO(prepared.pdf)
    digest = PreparedByteRangeDigest(prepared.document_digest, *prepared.region)
    await PdfTBSDocument.async_finish_signing(output, digest, signature_cms)
    # B-LT: the signer's chain and status; B-LTA: a document timestamp over it all
    chain = getattr(identity, "chain", ())
    context = signing.validation_context(chain, signing.signer_status(identity.certificate, chain))
    reader = PdfFileReader(io.BytesIO(output.getvalue()), strict=False)
    with_dss = await async_add_validation_info(
        reader.embedded_regular_signatures[-1], context, add_vri_entry=False, output=io.BytesIO())
    writer = IncrementalPdfFileWriter(io.BytesIO(with_dss.getvalue()), strict=False)
    final = await PdfTimeStamper(signing.timestamper).async_timestamp_pdf(
        writer, MD, validation_context=context, output=io.BytesIO())
    return final.getvalue()


def finish(prepared, signature, identity, signing):
    """The signed PDF (B-LTA) with ``signature``, the raw signature over ``prepared.to_sign``.

    Raises ``SigningRefused`` (409) when the TSA cannot be reached or the
    signer's certificate does not validate now (revoked since the request):
    nothing is kept then.
    """
    try:
        return asyncio.run(_finish(prepared, signature, identity, signing))
    except (TimestampRequestError, OSError):
        raise SigningRefused(S.TSA_DOWN) from None
    except (SigningError, PathValidationError, PathBuildingError) as exc:
        log.warning("two-step signing refused for %s: %s", identity.name, type(exc).__name__)
        raise SigningRefused(S.NOT_VALIDATED) from None
