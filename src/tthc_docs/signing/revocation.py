"""The development PKI's revocation services: CRLs and an OCSP responder (RFC 6960), over HTTP.

A small WebOb app, development only, that answers what the dev PKI's
certificates point at (``devpki.crl_url`` / ``ocsp_url``):

- ``GET crl/<issuer>.crl``: the CA's current CRL, DER (``root`` or an agency code);
- ``POST ocsp/<issuer>`` (or ``GET ocsp/<issuer>/<base64 request>``): an OCSP
  response signed by the CA itself (RFC 6960 §2.6 allows the issuer to answer),
  ``good`` or ``revoked`` as the CA's CRL says, ``unknown`` otherwise.

Mounted by the main app at ``/_devpki/`` when ``tthc_docs.dev_pki_server``
is true (development.ini), and served standalone by the tests. Reads the
files each time: a revocation shows at once.
"""
import base64
import datetime
import re
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp
from webob import Request, Response

_ISSUER = re.compile(r"^[A-Za-z0-9.\-]{1,40}$")


class RevocationApp:
    """CRLs and OCSP for the development PKI in ``pki_dir``."""

    def __init__(self, pki_dir):
        self.dir = Path(pki_dir)

    def _ca(self, issuer):
        """(certificate path, key path, CRL path) of ``issuer``, or None."""
        if not _ISSUER.match(issuer or ""):
            return None
        if issuer == "root":
            found = (self.dir / "root-ca.pem", self.dir / "root-ca.key", self.dir / "root-ca.crl.pem")
        else:
            folder = self.dir / "agencies" / issuer
            found = (folder / "ca.pem", folder / "ca.key", folder / "crl.pem")
        return found if all(p.is_file() for p in found) else None

    def __call__(self, environ, start_response):
        request = Request(environ)
        parts = [p for p in request.path_info.split("/") if p]
        if parts[:1] == ["_devpki"]:   # served standalone, at the path the certificates name
            parts = parts[1:]
        response = Response(status=404, content_type="text/plain", body=b"not found")
        if len(parts) == 2 and parts[0] == "crl" and parts[1].endswith(".crl"):
            response = self._crl(parts[1][:-4])
        elif len(parts) >= 2 and parts[0] == "ocsp":
            data = request.body if request.method == "POST" else _b64("/".join(parts[2:]))
            response = self._ocsp(parts[1], data)
        return response(environ, start_response)

    def _crl(self, issuer):
        ca = self._ca(issuer)
        if ca is None:
            return Response(status=404, content_type="text/plain", body=b"no such CA")
        crl = x509.load_pem_x509_crl(ca[2].read_bytes())
        return Response(body=crl.public_bytes(serialization.Encoding.DER),
                        content_type="application/pkix-crl")

    def status_of(self, cert, issuer_cert):
        """An OCSP response (asn1crypto) for ``cert`` as this responder answers it now, or None.

        Signing calls this in process to embed the signer's status in the
        result (PAdES B-LT): a response issued at signing time, which a
        validator ten years on can still use for the signer's certificate
        (the archive timestamps prove when it existed).
        """
        from asn1crypto import ocsp as asn1_ocsp
        pyca = x509.load_der_x509_certificate(cert.dump())
        issuer = x509.load_der_x509_certificate(issuer_cert.dump())
        units = issuer.subject.get_attributes_for_oid(x509.NameOID.ORGANIZATIONAL_UNIT_NAME)
        code = units[0].value if units else "root"
        request = ocsp.OCSPRequestBuilder().add_certificate(pyca, issuer, hashes.SHA1()).build()
        answer = self._ocsp(code, request.public_bytes(serialization.Encoding.DER))
        parsed = asn1_ocsp.OCSPResponse.load(answer.body)
        return parsed if parsed["response_status"].native == "successful" else None

    def _ocsp(self, issuer, data):
        ca = self._ca(issuer)
        try:
            req = ocsp.load_der_ocsp_request(data or b"")
        except ValueError:
            return _ocsp_error(ocsp.OCSPResponseStatus.MALFORMED_REQUEST)
        if ca is None:
            return _ocsp_error(ocsp.OCSPResponseStatus.UNAUTHORIZED)
        ca_cert = x509.load_pem_x509_certificate(ca[0].read_bytes())
        ca_key = serialization.load_pem_private_key(ca[1].read_bytes(), None)
        crl = x509.load_pem_x509_crl(ca[2].read_bytes())
        revoked = crl.get_revoked_certificate_by_serial_number(req.serial_number)
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        status, when = ((ocsp.OCSPCertStatus.REVOKED, revoked.revocation_date_utc) if revoked
                        else (ocsp.OCSPCertStatus.GOOD, None))
        builder = ocsp.OCSPResponseBuilder().add_response_by_hash(
            issuer_name_hash=req.issuer_name_hash, issuer_key_hash=req.issuer_key_hash,
            serial_number=req.serial_number, algorithm=req.hash_algorithm,
            cert_status=status, this_update=now - datetime.timedelta(minutes=1),
            next_update=now + datetime.timedelta(days=1), revocation_time=when,
            revocation_reason=None,
        ).responder_id(ocsp.OCSPResponderEncoding.HASH, ca_cert)
        for ext in req.extensions:   # echo the nonce (RFC 8954)
            if isinstance(ext.value, x509.OCSPNonce):
                builder = builder.add_extension(ext.value, critical=False)
        signed = builder.sign(ca_key, hashes.SHA256())
        return Response(body=signed.public_bytes(serialization.Encoding.DER),
                        content_type="application/ocsp-response")


def _b64(text):
    try:
        return base64.b64decode(text.replace("%2B", "+").replace("%2F", "/").replace("%3D", "="))
    except ValueError:
        return b""


def _ocsp_error(status):
    return Response(body=ocsp.OCSPResponseBuilder.build_unsuccessful(status).public_bytes(
        serialization.Encoding.DER), content_type="application/ocsp-response")
