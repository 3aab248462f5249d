"""PAdES signing with pyHanko: visible stamp, RFC 3161 timestamp (B-T), validation data (B-LT).

The only module (with ``verify.py``) that imports pyHanko's signing API.
Its inputs are PDF bytes, an ``Identity`` (``signer.py``) and a ``Signing``
context built once from the settings; the output is the signed PDF bytes.
"""
import asyncio
import binascii
import dataclasses
import io
import logging
import threading
import uuid
from pathlib import Path

from asn1crypto import cms, core, pem
from asn1crypto import crl as asn1_crl
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from pyhanko.keys.internal import translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils import content, layout
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, general, signers
from pyhanko.sign.general import (
    SigningError, load_cert_from_pemder, load_certs_from_pemder, simple_cms_attribute,
)
from pyhanko.sign.signers.pdf_signer import DSSContentSettings, SigDSSPlacementPreference
from pyhanko.sign.timestamps import DummyTimeStamper, HTTPTimeStamper, TimestampRequestError
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.util import get_pyca_cryptography_hash
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas as rl_canvas

from tthc_docs.pdf.fonts import FONT_SANS, FONT_SANS_BOLD, RENDER_LOCK, nfc, register_fonts
from tthc_docs.signing.signer import SigningRefused
from tthc_docs.signing.verdicts import (  # noqa: F401  (trust_basis: one rule, re-exported)
    SETTING_CRLS, SETTING_TRUST_ROOTS, crl_paths, file_stamps, setting_paths, trust_basis,
)

FIELD_NAME = "ChuKySo"
SETTING_TSA_URL = "tthc_docs.tsa_url"
REASON_PREFIX = "Ký duyệt kết quả giải quyết hồ sơ "
TSA_DOWN = "Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian; thử lại sau ít phút."
NOT_VALIDATED = ("Không ký được văn bản: chứng thư số của người ký không được xác thực "
                 "(đã bị thu hồi, hết hạn hoặc không thuộc tổ chức chứng thực tin cậy).")


def reason_for(dossier_code):
    """The signature's /Reason: signed with the document, so it names the dossier reliably."""
    return f"{REASON_PREFIX}{dossier_code}"


class _QuietNoFetch(logging.Filter):
    """Drop pyHanko's warning that fetching is off: we embed what the configured CRLs give, by design."""

    def filter(self, record):
        return "fetching is not allowed" not in record.getMessage()


logging.getLogger("pyhanko.sign.signers.pdf_signer").addFilter(_QuietNoFetch())
log = logging.getLogger(__name__)


class LocalTimeStamper(DummyTimeStamper):
    """The development TSA, in process: real RFC 3161 tokens, key parsed once."""

    def __init__(self, tsa_cert, pyca_key, **kwargs):
        super().__init__(tsa_cert, translate_pyca_cryptography_key_to_asn1(pyca_key), **kwargs)
        self._pyca_key = pyca_key

    def _sign_tst_info(self, tst_info_data, md_algorithm, dt):
        digest = get_pyca_cryptography_hash(md_algorithm)
        md = hashes.Hash(digest)
        md.update(tst_info_data)
        signed_attrs = cms.CMSAttributes([
            simple_cms_attribute("content_type", "tst_info"),
            simple_cms_attribute("signing_time", cms.Time({"utc_time": core.UTCTime(dt)})),
            simple_cms_attribute("signing_certificate", general.as_signing_certificate(self.tsa_cert)),
            simple_cms_attribute("message_digest", md.finalize()),
        ])
        signature = self._pyca_key.sign(signed_attrs.dump(), padding.PKCS1v15(), digest)
        return signature, signed_attrs


@dataclasses.dataclass(frozen=True)
class Signing:
    """What signing needs besides the identity: trust roots, CRLs, the timestamper."""

    trust_roots: tuple
    crls: tuple
    timestamper: object
    font_dir: str | None = None
    #: ``(certificate, issuer) -> OCSP response or None``: the signer's status at signing
    ocsp_responder: object = None

    def validation_context(self, extra_certs=(), ocsps=()):
        """For B-LT: pyHanko validates the signer now and embeds what it used (no fetching)."""
        return ValidationContext(trust_roots=list(self.trust_roots), crls=list(self.crls),
                                 ocsps=list(ocsps), other_certs=list(extra_certs),
                                 allow_fetching=False, revocation_mode="soft-fail")

    def signer_status(self, certificate, chain):
        """The OCSP response for the signer's certificate, obtained at signing, as a list.

        Why OCSP and not only the CRL: a validator after the signer's
        certificate expired (the ten-year check) judges it in the past, and
        pyHanko's past validation finds an OCSP response for the leaf where it
        does not match an intermediate CA's CRL to its issuer path.
        """
        issuer = next((c for c in chain if c.subject == certificate.issuer), None)
        if self.ocsp_responder is None or issuer is None:
            return []
        found = self.ocsp_responder(certificate, issuer)
        return [found] if found is not None else []


def load_certs(paths):
    """Certificates from PEM/DER files (several per PEM file allowed)."""
    return tuple(load_certs_from_pemder([str(p) for p in paths]))


def load_crls(paths):
    """CRLs (asn1crypto) from PEM or DER files."""
    found = []
    for path in paths:
        data = Path(path).read_bytes()
        if pem.detect(data):
            found += [asn1_crl.CertificateList.load(der) for _t, _h, der in pem.unarmor(data, multiple=True)]
        else:
            found.append(asn1_crl.CertificateList.load(data))
    return tuple(found)


def local_timestamper(pki_dir):
    """The in-process TSA of the development PKI under ``pki_dir``."""
    cert = load_cert_from_pemder(str(Path(pki_dir) / "tsa" / "tsa.pem"))
    key = serialization.load_pem_private_key((Path(pki_dir) / "tsa" / "tsa.key").read_bytes(), None)
    root = load_cert_from_pemder(str(Path(pki_dir) / "root-ca.pem"))
    return LocalTimeStamper(cert, key, certs_to_embed=[root])


_signing_cache = {}
_signing_lock = threading.Lock()


def signing_from_settings(settings):
    """A ``Signing`` from the .ini, rebuilt only when a setting or a CRL/root/TSA file changes."""
    trust_roots, crls, tsa_url, pki_dir, font_dir = (
        settings.get(k) or "" for k in (SETTING_TRUST_ROOTS, SETTING_CRLS, SETTING_TSA_URL,
                                         "tthc_docs.pki_dir", "tthc_docs.font_dir"))
    root_paths = [Path(p) for p in setting_paths(trust_roots)]
    crl_files = crl_paths(crls, pki_dir)
    tsa_files = [Path(pki_dir) / "tsa" / "tsa.pem"] if pki_dir else []   # renew_tsa: a new key
    key = (tsa_url, pki_dir, font_dir, file_stamps(root_paths), file_stamps(crl_files),
           file_stamps(tsa_files))
    with _signing_lock:
        if key in _signing_cache:
            return _signing_cache[key]
    if tsa_url:
        timestamper = HTTPTimeStamper(tsa_url, timeout=10)
    elif pki_dir and (Path(pki_dir) / "tsa" / "tsa.key").is_file():
        timestamper = local_timestamper(pki_dir)
    else:
        timestamper = None  # verification still works; signing refuses (sign_pdf)
    signing = Signing(trust_roots=load_certs(root_paths), crls=load_crls(crl_files),
                      timestamper=timestamper, font_dir=font_dir or None,
                      ocsp_responder=_dev_responder(pki_dir))
    with _signing_lock:
        if len(_signing_cache) > 32:
            _signing_cache.clear()
        _signing_cache[key] = signing
    return signing


def _dev_responder(pki_dir):
    """The development PKI's OCSP responder, in process, when ``pki_dir`` holds its CA keys."""
    if not pki_dir or not (Path(pki_dir) / "root-ca.key").is_file():
        return None
    from tthc_docs.signing.revocation import RevocationApp
    return RevocationApp(pki_dir).status_of


_FILL = layout.SimpleBoxLayoutRule(
    x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
    margins=layout.Margins.uniform(0), inner_content_scaling=layout.InnerScaling.NO_SCALING)


class _PdfBytesPage(content.PdfContent):
    """Like pyHanko's ``ImportedPdfPage`` but from bytes in memory."""

    def __init__(self, data):
        super().__init__()
        self.data = data

    def render(self):
        writer = self._ensure_writer
        xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)), page_ix=0)
        name = "/Import" + binascii.hexlify(uuid.uuid4().bytes).decode("ascii")
        self.resources.xobject[name] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name.encode("ascii") + b" Do"


def stamp_pdf(lines, width, height, font_dir=None):
    """The visible stamp as a one-page PDF: a frame and the lines, in DejaVu (Vietnamese)."""
    with RENDER_LOCK:
        return _draw_stamp(lines, width, height, font_dir)


def _draw_stamp(lines, width, height, font_dir):
    register_fonts(font_dir)
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(width, height), invariant=0)
    c.setStrokeColorRGB(0.75, 0.1, 0.1)
    c.setLineWidth(1)
    c.roundRect(1, 1, width - 2, height - 2, 4)
    y = height - 4 * mm
    c.setFillColorRGB(0.75, 0.1, 0.1)
    for i, line in enumerate(lines):
        font, size = (FONT_SANS_BOLD, 8) if i == 0 else (FONT_SANS, 7)
        c.setFont(font, size)
        for part in simpleSplit(nfc(line), font, size, width - 5 * mm):
            if y < 1.5 * mm:
                break
            c.drawString(2.5 * mm, y, part)
            y -= 3.2 * mm
    c.showPage()
    c.save()
    return buf.getvalue()


def stamp_lines(signer_name, agency_name, when):
    """What the stamp says: signer, agency and time (Asia/Ho_Chi_Minh)."""
    return ["Đã ký số", f"Người ký: {signer_name}", f"Cơ quan: {agency_name}",
            f"Thời gian: {when:%d/%m/%Y %H:%M:%S %z}"]


def _pdf_signer(identity, pyhanko_signer, signing, *, box, reason, location, lines,
                embed_validation):
    """pyHanko's ``PdfSigner`` for one result: B-T always; B-LT and B-LTA with ``embed_validation``."""
    spec = style = None
    if box:
        page, x1, y1, x2, y2 = box
        spec = fields.SigFieldSpec(FIELD_NAME, on_page=page,
                                   box=(int(x1), int(y1), int(x2), int(y2)))
        style = StaticStampStyle(
            background=_PdfBytesPage(stamp_pdf(lines, int(x2) - int(x1), int(y2) - int(y1),
                                               signing.font_dir)),
            border_width=0, background_opacity=1.0, background_layout=_FILL)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, reason=reason, location=location, name=identity.common_name,
        subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        embed_validation_info=embed_validation,
        # B-LT in the signature's own revision; then (B-LTA) one document timestamp
        # over everything, the first link of the archive chain ``archive.py`` extends.
        dss_settings=DSSContentSettings(
            placement=SigDSSPlacementPreference.TOGETHER_WITH_SIGNATURE, include_vri=False),
        use_pades_lta=embed_validation,
        validation_context=signing.validation_context(
            getattr(identity, "chain", ()),
            signing.signer_status(identity.certificate, getattr(identity, "chain", ())))
        if embed_validation else None,
    )
    return signers.PdfSigner(meta, signer=pyhanko_signer, timestamper=signing.timestamper,
                             stamp_style=style, new_field_spec=spec)


async def async_sign_pdf(data, identity, signing, *, pyhanko_signer=None, box=None, reason="",
                         location=None, lines=(), embed_validation=True):
    """Sign ``data`` as ``identity`` inside a running event loop (remote signers batch here).

    ``location``: the signature's /Location, the place name the caller
    configures (``tthc_docs.place_name``); None writes none.

    ``pyhanko_signer`` defaults to ``identity.pyhanko_signer()``; a remote
    identity passes the one bound to its open HTTP session. Raises
    ``SigningRefused`` (or the remote signer's own domain error) and writes nothing.
    """
    if signing.timestamper is None:
        raise SigningRefused("Chưa cấu hình máy chủ cấp dấu thời gian (tthc_docs.tsa_url); "
                             "liên hệ quản trị.")
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    pdf_signer = _pdf_signer(identity, pyhanko_signer or identity.pyhanko_signer(), signing,
                             box=box, reason=reason, location=location, lines=lines,
                             embed_validation=embed_validation)
    out = io.BytesIO()
    try:
        await pdf_signer.async_sign_pdf(writer, output=out, bytes_reserved=identity.bytes_reserved)
    except (TimestampRequestError, OSError) as exc:
        log.warning("timestamp authority unavailable: %s", type(exc).__name__)
        raise SigningRefused(TSA_DOWN) from None
    except SigningError as exc:
        log.warning("signing refused for %s: %s: %s", identity.name, type(exc).__name__, exc)
        raise SigningRefused(NOT_VALIDATED) from None
    return out.getvalue()


def sign_pdf(data, identity, signing, **kwargs):
    """Sign ``data`` with ``identity``: PAdES B-T, plus B-LT and B-LTA when ``embed_validation``.

    ``box`` is ``(page, x1, y1, x2, y2)`` from the layout; without it the
    signature is invisible. Raises ``SigningRefused`` when pyHanko refuses
    (e.g. a revoked certificate found while collecting validation data).
    """
    return asyncio.run(async_sign_pdf(data, identity, signing, **kwargs))
