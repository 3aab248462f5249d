"""A development PKI made before its agency CAs lasted 20 years: found and renewed in place.

Until issue 19 ``tthc-docs dev-pki`` gave each agency CA 3000 days (about 8
years). A result signed under such a CA cannot be validated ten years
ahead, whatever its archive timestamps: pyHanko treats an expired
intermediate as a chain failure, not as "no proof yet". ``dev-pki`` keeps
existing files (it is idempotent), so an old ``var/pki`` kept that shape.

``short_lived`` finds those CAs. A development PKI (its root is this
module's own development root, never a real one) is renewed in place: each
CA certificate is issued again with the same name and key for
``AGENCY_CA_DAYS`` from now, so every certificate and CRL it issued still
chains to it (same issuer name, same key identifier), and the leaders'
PKCS#12 files get the new CA in their chain. The old certificate is kept
beside it (``ca-before-renewal.pem``). Anything else is left alone, with
the words to renew it by hand.
"""
import datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from tthc_docs.signing import devpki as D

DEV_ORGANIZATION = "tthc-docs (development)"
SLACK = datetime.timedelta(days=2)   # a CA made by this code spans AGENCY_CA_DAYS + 1 day
BY_HAND = ("agency CA {code} of {dir} lasts only {days} days (until {until:%d/%m/%Y}): results "
           "signed under it cannot be validated ten years ahead. Its root is not the development "
           "root, so it is left alone: have its CA issue it again for {want} days with the same "
           "key, or move {dir} away and run `tthc-docs dev-pki` again (results signed under the "
           "old PKI will then no longer be trusted).")


def short_lived(pki):
    """``[(agency code, certificate)]`` of the agency CAs shorter than ``AGENCY_CA_DAYS``."""
    found = []
    for folder in sorted((pki.dir / "agencies").glob("*")):
        if (folder / "ca.pem").is_file():
            cert = D._load_cert(folder / "ca.pem")
            span = cert.not_valid_after_utc - cert.not_valid_before_utc
            if span < datetime.timedelta(days=D.AGENCY_CA_DAYS) - SLACK:
                found.append((folder.name, cert))
    return found


def is_development(pki):
    """True when the root is the one ``DevPki`` makes (its name and organisation say so)."""
    subject = D._load_cert(pki.root_cert_path).subject
    values = {a.oid: a.value for a in subject}
    return (values.get(NameOID.COMMON_NAME) == D.ROOT_NAME
            and values.get(NameOID.ORGANIZATION_NAME) == DEV_ORGANIZATION)


def renew(pki, now=None):
    """Renew every short-lived agency CA of a development PKI; the lines to print.

    A PKI that is not a development one is not touched: its lines say how.
    """
    now = now or D._utcnow()
    old = short_lived(pki)
    if old and not is_development(pki):
        return [BY_HAND.format(code=code, dir=pki.dir, want=D.AGENCY_CA_DAYS,
                               days=(cert.not_valid_after_utc - cert.not_valid_before_utc).days,
                               until=cert.not_valid_after_utc) for code, cert in old]
    lines = []
    for code, cert in old:
        renewed = _reissue(pki, code, cert, now)
        _repack_leaders(pki, cert.subject, renewed)
        lines.append(f"agency CA {code} renewed in place: was until {cert.not_valid_after_utc:%d/%m/%Y}, "
                     f"now until {renewed.not_valid_after_utc:%d/%m/%Y} (same name and key)")
    return lines


def _reissue(pki, code, old, now):
    folder = pki.agency_dir(code)
    key = D._load_key(folder / "ca.key")
    root_cert, root_key = pki._root()
    cert = D._build(old.subject, root_cert.subject, key.public_key(), root_key,
                    now - datetime.timedelta(days=1), now + datetime.timedelta(days=D.AGENCY_CA_DAYS),
                    ca=True, path_length=0, usages=dict(key_cert_sign=True, crl_sign=True),
                    crl_from="root", base_url=pki.base_url)
    D._write_public(folder / "ca-before-renewal.pem", D._pem(old))
    D._write_public(folder / "ca.pem", D._pem(cert))
    return cert


def _repack_leaders(pki, issuer, ca_cert):
    """Each leader's PKCS#12 under ``issuer``: the same key and certificate, the new CA in its chain."""
    root = D._load_cert(pki.root_cert_path)
    for p12_path in sorted(pki.dir.glob("*.p12")):
        pass_path = p12_path.with_suffix(".pass")
        if not pass_path.is_file():
            continue
        passphrase = pass_path.read_bytes().strip()
        key, cert, _chain = pkcs12.load_key_and_certificates(p12_path.read_bytes(), passphrase)
        if cert is None or cert.issuer != issuer:
            continue
        D._write_private(p12_path, pkcs12.serialize_key_and_certificates(
            p12_path.stem.encode(), key, cert, [ca_cert, root],
            serialization.BestAvailableEncryption(passphrase)))
