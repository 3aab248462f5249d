"""Signing identities: where the key is, behind one small interface.

The rest of the code asks for an ``Identity`` by the leader's identity name
and hands ``identity.pyhanko_signer()`` to ``sign.py``. Today the identity is
a PKCS#12 file plus a passphrase file (both outside the database); a
PKCS#11 token (``pyhanko.sign.pkcs11.PKCS11Signer``) or a remote signing
service (``pyhanko.sign.signers.csc_signer``) fits the same interface.

Why a subclass of pyHanko's ``SimpleSigner``: the stock one re-parses the
private key (DER -> RSA, with its expensive consistency check) on every
signature and signs a dummy document first to size the signature field.
Here the parsed key is kept, and a dry run answers zero bytes of the right
length without signing, so one result costs one RSA operation.
"""
import abc
import threading
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
from pyhanko.keys.internal import translate_pyca_cryptography_key_to_asn1
from pyhanko.sign.signers.pdf_cms import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from tthc_docs import errors
from tthc_docs.signing.refusals import SigningRefused  # defined there, known here too

SETTING_SIGNERS = "tthc_docs.signers"
SETTING_PKI_DIR = "tthc_docs.pki_dir"

# CMS + 3-certificate chain + RFC 3161 token with its TSA certificate: ~7 kB
# with 2048-bit RSA. Reserving a fixed size saves pyHanko's sizing dry run.
SIGNATURE_BYTES_RESERVED = 16384


class Identity(abc.ABC):
    """A signer's certificate and the means to sign with its key."""

    name: str
    certificate: asn1_x509.Certificate
    bytes_reserved = SIGNATURE_BYTES_RESERVED

    @abc.abstractmethod
    def pyhanko_signer(self):
        """A ``pyhanko.sign.signers.Signer`` that signs with this identity's key."""

    @property
    def common_name(self):
        return self.certificate.subject.native.get("common_name", self.name)

    @property
    def valid_from(self):
        return self.certificate["tbs_certificate"]["validity"]["not_before"].native

    @property
    def valid_until(self):
        return self.certificate["tbs_certificate"]["validity"]["not_after"].native

    def check_valid_at(self, moment):
        """Refuse to sign outside the certificate's validity period."""
        if moment > self.valid_until:
            raise SigningRefused(
                errors.Words("Chứng thư số của ${name} đã hết hạn ngày ${day}; "
                             "liên hệ quản trị để gia hạn trước khi ký.",
                             name=self.common_name, day=f"{self.valid_until:%d/%m/%Y}"))
        if moment < self.valid_from:
            raise SigningRefused(errors.Words("Chứng thư số của ${name} chưa có hiệu lực.",
                                              name=self.common_name))


class KeptKeySigner(SimpleSigner):
    """``SimpleSigner`` keeping the parsed RSA key; dry runs do not sign."""

    def __init__(self, pyca_key, **kwargs):
        super().__init__(**kwargs)
        self._pyca_key = pyca_key

    async def async_sign_raw(self, data, digest_algorithm, dry_run=False):
        if dry_run:
            return bytes(self._pyca_key.key_size // 8)
        return self.sign_raw(data, digest_algorithm)

    def sign_raw(self, data, digest_algorithm):
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        if mechanism.signature_algo != "rsassa_pkcs1v15" or not isinstance(
                self._pyca_key, rsa.RSAPrivateKey):
            return super().sign_raw(data, digest_algorithm)
        return self._pyca_key.sign(data, padding.PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))


def _to_asn1_cert(pyca_cert):
    return asn1_x509.Certificate.load(pyca_cert.public_bytes(Encoding.DER))


class Pkcs12Identity(Identity):
    """An identity read once from a PKCS#12 file; the key stays in this process only."""

    def __init__(self, name, p12_bytes, passphrase):
        try:
            key, cert, chain = pkcs12.load_key_and_certificates(p12_bytes, passphrase)
        except ValueError:
            raise SigningRefused(
                errors.Words("Không mở được khóa ký của ${name}: mật khẩu bảo vệ không đúng "
                             "hoặc tệp PKCS#12 hỏng.", name=name)) from None
        if key is None or cert is None:
            raise SigningRefused(errors.Words("Tệp PKCS#12 của ${name} không chứa khóa và chứng thư.",
                                              name=name))
        self.name = name
        self.certificate = _to_asn1_cert(cert)
        self.chain = [_to_asn1_cert(c) for c in chain or ()]
        registry = SimpleCertificateStore()
        registry.register_multiple(self.chain)
        self._signer = KeptKeySigner(
            key, signing_cert=self.certificate,
            signing_key=translate_pyca_cryptography_key_to_asn1(key),
            cert_registry=registry)

    def pyhanko_signer(self):
        return self._signer


def parse_signers(value):
    """``tthc_docs.signers`` -> {identity: (p12 path, passphrase path)}.

    One entry per line or space-separated: ``identity:/path/x.p12:/path/x.pass``.
    """
    found = {}
    for entry in (value or "").split():
        parts = entry.split(":")
        if len(parts) != 3 or not all(parts):
            raise ValueError(f"{SETTING_SIGNERS}: expected identity:p12:passfile, got {entry!r}")
        found[parts[0]] = (parts[1], parts[2])
    return found


def identity_files(settings, identity):
    """Where an identity lives: the ``tthc_docs.signers`` entry, else ``<pki_dir>/<identity>.p12``."""
    configured = parse_signers(settings.get(SETTING_SIGNERS))
    if identity in configured:
        return tuple(Path(p) for p in configured[identity])
    pki_dir = settings.get(SETTING_PKI_DIR)
    if not pki_dir:
        return None
    return Path(pki_dir) / f"{identity}.p12", Path(pki_dir) / f"{identity}.pass"


_cache = {}
_cache_lock = threading.Lock()


def load_identity(settings, identity):
    """The identity named ``identity``, parsed once per process and per file version.

    Raises ``SigningRefused`` with a message for the leader when the files or
    the passphrase are missing or wrong; never echoes the passphrase.
    """
    if not identity:
        raise SigningRefused("Tài khoản chưa được gán chứng thư số để ký.")
    files = identity_files(settings, identity)
    if files is None or not files[0].is_file():
        raise SigningRefused(errors.Words("Không tìm thấy chứng thư số của ${name}; "
                                          "liên hệ quản trị.", name=identity))
    p12_path, pass_path = files
    if not pass_path.is_file():
        raise SigningRefused(errors.Words("Thiếu mật khẩu bảo vệ khóa ký của ${name}; "
                                          "liên hệ quản trị.", name=identity))
    stamp = (str(p12_path), p12_path.stat().st_mtime_ns, str(pass_path), pass_path.stat().st_mtime_ns)
    with _cache_lock:
        cached = _cache.get(identity)
        if cached and cached[0] == stamp:
            return cached[1]
    passphrase = pass_path.read_bytes().strip()
    if not passphrase:
        raise SigningRefused(errors.Words("Thiếu mật khẩu bảo vệ khóa ký của ${name}; "
                                          "liên hệ quản trị.", name=identity))
    loaded = Pkcs12Identity(identity, p12_path.read_bytes(), passphrase)
    with _cache_lock:
        _cache[identity] = (stamp, loaded)
    return loaded

