"""A development PKI made with ``cryptography``: never for production.

Layout under ``pki_dir`` (``var/pki``):

- ``root-ca.pem`` (the trust root the .ini names), ``root-ca.key``, ``root-ca.crl.pem``
- ``agencies/<agency code>/ca.pem``, ``ca.key``, ``crl.pem``: one intermediate CA per agency
- ``tsa/tsa.pem``, ``tsa/tsa.key``: the timestamp authority (issued by the root)
- ``<identity>.p12`` + ``<identity>.pass``: each leader's personal certificate and key,
  the PKCS#12 protected by a random passphrase kept in a separate 0600 file
- ``base-url``: where the certificates say their CRLs and OCSP responder are
  (``<base>/_devpki/…``, served by ``signing.revocation`` on loopback), so an
  independent validator (``pyhanko sign validate``, ``pdfsig``) can check them

Private keys and passphrases are written with mode 0600 and never logged.
The functions also make an expired or a revoked leader certificate, which
the tests need and which real PKIs produce on their own.
"""
import dataclasses
import datetime
import os
import secrets
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ROOT_NAME = "tthc-docs Development Root CA"
KEY_SIZE = 2048
DEFAULT_AGENCY = "000.00.20.H55"


@dataclasses.dataclass(frozen=True)
class LeaderSpec:
    """Who a leader certificate is for: identity (file name), common name, agency, title."""

    identity: str
    common_name: str
    agency: str = DEFAULT_AGENCY
    agency_name: str = ""
    title: str = ""


def _utcnow():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def _write_private(path, data):
    """Write secret bytes with mode 0600 from the start (no window where others can read)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(path, 0o600)


def _write_public(path, data):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM)


def _key_pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _name(common_name, organization=None, **extra):
    """An X.509 name; values are cut to the 64 characters the standard allows."""
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organization:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization[:64]))
    for oid, value in extra.items():
        if value:
            attrs.append(x509.NameAttribute(getattr(NameOID, oid), value[:64]))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]))
    return x509.Name(attrs)


def _new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)


NO_SERVER = "http://pki.tthc-docs.invalid"
ROOT_DAYS = 9125   # 25 years: the anchor outlives the archive timestamps it anchors
# 20 years: an issuing CA outlives every certificate it issues, as real CAs do; only
# the leaf (the leader's 2 years, the TSA's about 8) expires within a result's keeping
# period, and past validation through the archive timestamps covers an expired leaf
# (pyHanko treats an expired intermediate as a chain failure, not as "no proof yet").
AGENCY_CA_DAYS = 7300
LEADER_DAYS = 730
TSA_DAYS = 3000


def crl_url(issuer, base_url=NO_SERVER):
    """Where a certificate says its CRL is: ``<base>/_devpki/crl/<issuer>.crl``.

    Without a base URL the ``.invalid`` name cannot resolve: only the CRL files
    the .ini names are used then.
    """
    return f"{base_url.rstrip('/')}/_devpki/crl/{issuer}.crl"


def ocsp_url(issuer, base_url):
    """The OCSP responder of one CA (``signing.revocation`` answers for it)."""
    return f"{base_url.rstrip('/')}/_devpki/ocsp/{issuer}"


def _build(subject, issuer_name, public_key, signing_key, not_before, not_after, *, ca,
           path_length=None, issuer_key=None, usages=None, eku=None, crl_from=None,
           base_url=NO_SERVER, ocsp=False):
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name)
               .public_key(public_key).serial_number(x509.random_serial_number())
               .not_valid_before(not_before).not_valid_after(not_after)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                   (issuer_key or signing_key).public_key()), critical=False))
    usage = dict(digital_signature=False, content_commitment=False, key_encipherment=False,
                 data_encipherment=False, key_agreement=False, key_cert_sign=False,
                 crl_sign=False, encipher_only=False, decipher_only=False)
    usage.update(usages or {})
    builder = builder.add_extension(x509.KeyUsage(**usage), critical=True)
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=True)
    if crl_from:
        builder = builder.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
            [x509.UniformResourceIdentifier(crl_url(crl_from, base_url))], None, None, None)]),
            critical=False)
    if crl_from and ocsp and base_url != NO_SERVER:
        builder = builder.add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
            x509.oid.AuthorityInformationAccessOID.OCSP,
            x509.UniformResourceIdentifier(ocsp_url(crl_from, base_url)))]), critical=False)
    return builder.sign(signing_key, hashes.SHA256())


def _load_cert(path):
    return x509.load_pem_x509_certificate(Path(path).read_bytes())


def _load_key(path):
    return serialization.load_pem_private_key(Path(path).read_bytes(), password=None)


class DevPki:
    """The files of one development PKI directory, with the operations that extend it."""

    def __init__(self, directory):
        self.dir = Path(directory)

    # paths --------------------------------------------------------------
    @property
    def root_cert_path(self):
        return self.dir / "root-ca.pem"

    def agency_dir(self, agency):
        return self.dir / "agencies" / agency

    def identity_paths(self, identity):
        return self.dir / f"{identity}.p12", self.dir / f"{identity}.pass"

    @property
    def base_url(self):
        """The revocation server's base URL written at creation, else the unresolvable one."""
        path = self.dir / "base-url"
        return path.read_text().strip() if path.is_file() else NO_SERVER

    def exists(self):
        return self.root_cert_path.is_file() and (self.dir / "tsa" / "tsa.pem").is_file()

    # creation -----------------------------------------------------------
    def create(self, leaders=(), agencies=None, now=None, base_url=None):
        """Make what is missing: root, TSA, agency CAs, leader identities. Idempotent.

        ``base_url`` (e.g. ``http://127.0.0.1:6543``) is where the CRLs and the
        OCSP responder will be served; it is fixed when the PKI is first made.
        """
        now = now or _utcnow()
        self.dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.dir, 0o700)
        if base_url and not self.root_cert_path.is_file():
            _write_public(self.dir / "base-url", base_url.rstrip("/").encode() + b"\n")
        if not self.root_cert_path.is_file():
            self._make_root(now)
        if not (self.dir / "tsa" / "tsa.pem").is_file():
            self._make_tsa(now)
        names = dict(agencies or {})
        for spec in leaders:
            names.setdefault(spec.agency, spec.agency_name or spec.agency)
        for code, name in names.items():
            self.ensure_agency(code, name, now=now)
        for spec in leaders:
            if not self.identity_paths(spec.identity)[0].is_file():
                self.issue_leader(spec, now=now)
        return self

    def _make_root(self, now):
        key = _new_key()
        name = _name(ROOT_NAME, "tthc-docs (development)")
        cert = _build(name, name, key.public_key(), key, now - datetime.timedelta(days=1),
                      now + datetime.timedelta(days=ROOT_DAYS), ca=True,
                      usages=dict(key_cert_sign=True, crl_sign=True))
        _write_private(self.dir / "root-ca.key", _key_pem(key))
        _write_public(self.root_cert_path, _pem(cert))
        self._write_crl(self.dir / "root-ca.crl.pem", cert, key, [], now)

    def _root(self):
        return _load_cert(self.root_cert_path), _load_key(self.dir / "root-ca.key")

    def _make_tsa(self, now):
        self.renew_tsa(now)

    def renew_tsa(self, now=None):
        """A new TSA key and certificate from ``now`` (a real TSA rolls its key every few years)."""
        now = now or _utcnow()
        root_cert, root_key = self._root()
        key = _new_key()
        cert = _build(_name("tthc-docs Development TSA", "tthc-docs (development)"),
                      root_cert.subject, key.public_key(), root_key,
                      now - datetime.timedelta(days=1), now + datetime.timedelta(days=TSA_DAYS),
                      ca=False, usages=dict(digital_signature=True),
                      eku=[ExtendedKeyUsageOID.TIME_STAMPING], crl_from="root",
                      base_url=self.base_url)
        _write_private(self.dir / "tsa" / "tsa.key", _key_pem(key))
        _write_public(self.dir / "tsa" / "tsa.pem", _pem(cert))

    def ensure_agency(self, code, name, now=None):
        """The intermediate CA of one agency, made when missing."""
        folder = self.agency_dir(code)
        if (folder / "ca.pem").is_file():
            return folder
        now = now or _utcnow()
        root_cert, root_key = self._root()
        key = _new_key()
        cert = _build(_name(f"CA {code}", name, ORGANIZATIONAL_UNIT_NAME=code),
                      root_cert.subject, key.public_key(), root_key,
                      now - datetime.timedelta(days=1), now + datetime.timedelta(days=AGENCY_CA_DAYS),
                      ca=True, path_length=0, usages=dict(key_cert_sign=True, crl_sign=True),
                      crl_from="root", base_url=self.base_url)
        _write_private(folder / "ca.key", _key_pem(key))
        _write_public(folder / "ca.pem", _pem(cert))
        self._write_crl(folder / "crl.pem", cert, key, [], now)
        return folder

    def issue_leader(self, spec, now=None, not_before=None, not_after=None, passphrase=None,
                     p12_path=None, pass_path=None):
        """A leader's PKCS#12 (cert + key + chain) and its passphrase file; returns the two paths.

        ``not_before``/``not_after`` let a test make an expired certificate.
        """
        now = now or _utcnow()
        folder = self.ensure_agency(spec.agency, spec.agency_name or spec.agency, now=now)
        ca_cert, ca_key = _load_cert(folder / "ca.pem"), _load_key(folder / "ca.key")
        key = _new_key()
        subject = _name(spec.common_name, ca_cert.subject.get_attributes_for_oid(
            NameOID.ORGANIZATION_NAME)[0].value, ORGANIZATIONAL_UNIT_NAME=spec.agency,
            TITLE=spec.title, USER_ID=spec.identity)
        cert = _build(subject, ca_cert.subject, key.public_key(), ca_key,
                      not_before or now - datetime.timedelta(days=1),
                      not_after or now + datetime.timedelta(days=LEADER_DAYS), ca=False,
                      issuer_key=ca_key,
                      usages=dict(digital_signature=True, content_commitment=True),
                      crl_from=spec.agency, base_url=self.base_url, ocsp=True)
        passphrase = passphrase or secrets.token_urlsafe(24)
        p12 = pkcs12.serialize_key_and_certificates(
            spec.identity.encode(), key, cert, [ca_cert, _load_cert(self.root_cert_path)],
            serialization.BestAvailableEncryption(passphrase.encode()))
        default_p12, default_pass = self.identity_paths(spec.identity)
        p12_path, pass_path = p12_path or default_p12, pass_path or default_pass
        _write_private(p12_path, p12)
        _write_private(pass_path, passphrase.encode() + b"\n")
        return p12_path, pass_path

    # revocation ---------------------------------------------------------
    def revoke(self, identity, agency, when=None, certificate=None):
        """Add the identity's certificate (or ``certificate``, pyca) to its agency CA's CRL."""
        cert = certificate
        if cert is None:
            p12_path, pass_path = self.identity_paths(identity)
            _key, cert, _chain = pkcs12.load_key_and_certificates(
                p12_path.read_bytes(), pass_path.read_bytes().strip())
        folder = self.agency_dir(agency)
        ca_cert, ca_key = _load_cert(folder / "ca.pem"), _load_key(folder / "ca.key")
        crl_path = folder / "crl.pem"
        revoked = [(r.serial_number, r.revocation_date_utc)
                   for r in x509.load_pem_x509_crl(crl_path.read_bytes())]
        revoked.append((cert.serial_number, when or _utcnow()))
        self._write_crl(crl_path, ca_cert, ca_key, revoked, _utcnow())

    @staticmethod
    def _write_crl(path, ca_cert, ca_key, revoked, now):
        builder = (x509.CertificateRevocationListBuilder().issuer_name(ca_cert.subject)
                   .last_update(now - datetime.timedelta(minutes=5))
                   .next_update(now + datetime.timedelta(days=30))
                   .add_extension(x509.CRLNumber(int(now.timestamp())), critical=False)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                       ca_key.public_key()), critical=False))
        for serial, when in revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build())
        _write_public(path, builder.sign(ca_key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM))

    def crls_at(self, moment):
        """Fresh CRLs (PEM bytes) as each CA would publish them at ``moment``: same revocations."""
        published = []
        cas = [(self.dir / "root-ca.crl.pem", self.root_cert_path, self.dir / "root-ca.key")]
        cas += [(d / "crl.pem", d / "ca.pem", d / "ca.key")
                for d in sorted((self.dir / "agencies").glob("*")) if (d / "crl.pem").is_file()]
        for crl_path, cert_path, key_path in cas:
            revoked = [(r.serial_number, r.revocation_date_utc)
                       for r in x509.load_pem_x509_crl(crl_path.read_bytes())]
            out = self.dir / ".crl-tmp.pem"
            self._write_crl(out, _load_cert(cert_path), _load_key(key_path), revoked, moment)
            published.append(out.read_bytes())
            out.unlink()
        return published

    def publish_crls(self, moment):
        """Re-issue every CA's CRL as of ``moment`` (same revocations), as CAs do on schedule."""
        for path, data in zip(self.crl_paths(), self.crls_at(moment)):
            _write_public(path, data)

    # reading ------------------------------------------------------------
    def crl_paths(self):
        """Every CRL of this PKI (root and agencies)."""
        found = [self.dir / "root-ca.crl.pem"]
        found += sorted((self.dir / "agencies").glob("*/crl.pem"))
        return [p for p in found if p.is_file()]
