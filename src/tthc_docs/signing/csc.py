"""Remote signing over the Cloud Signature Consortium API v1 (pyHanko's ``csc_signer``).

How Vietnam signs on a phone: the key stays in the signing service's HSM;
this system sends only the hashes to sign, the service asks the leader to
approve on the phone, then signs. The calls, in order (CSC API v1.0.4):

1. ``info`` and ``credentials/list`` (``userID`` = the account's signing
   identity), once, to find the leader's credential (kept on the account);
2. ``credentials/info``: the certificate chain, the key's status, ``multisign``;
3. ``credentials/authorize`` with the hashes (``numSignatures`` = how many):
   the service holds the call until the leader approves or refuses on the
   phone, or ``approval_seconds`` pass;
4. ``signatures/signHash`` with the SAD: one raw signature per hash.

Every signature that comes back is verified against its hash with the
credential's certificate before pyHanko writes it into a PDF. Every fault is
a domain error with a message for the leader: 503 (service down, slow,
or answering nonsense), 409 (refused, credential revoked or disabled);
nothing is written then. Settings: ``SETTING_*`` below.

Legal basis: the Law on Electronic Transactions 2023 (Luật Giao dịch điện
tử số 20/2023/QH15) gives a digital signature by a certificate of a
licensed trust service the force of a handwritten one; Decree 23/2025/NĐ-CP
on electronic signatures and trust services (Nghị định 23/2025/NĐ-CP về chữ
ký điện tử và dịch vụ tin cậy) allows remote signing ("ký số từ xa"): the key
held by the trust service, the signer alone activating it (here: the
leader's approval on the phone, with a one-time code; the SAD is pinned to
the approved hashes and used once). Each document still gets its own
signature: a batch only shares the one approval.
"""
import asyncio
import base64
import dataclasses
import logging

import aiohttp
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import load_der_public_key
from pyhanko.sign.signers.csc_signer import (
    CSCAuthorizationManager, CSCServiceSessionInfo, CSCSigner, _process_certificate_info_response,
)
from pyhanko.sign.general import SigningError
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from tthc_docs import errors
from tthc_docs.signing.refusals import (  # noqa: F401  (re-exported: csc.RemoteRefused ...)
    NoCredential, RemoteRefused, UnknownRequest,
)
from tthc_docs.signing.signer import SIGNATURE_BYTES_RESERVED, Identity, SigningRefused

log = logging.getLogger(__name__)

SETTING_URL = "tthc_docs.csc.url"                  # base URL; set = remote signing on
SETTING_TOKEN = "tthc_docs.csc.token"              # this portal's bearer token at the service
SETTING_TIMEOUT = "tthc_docs.csc.timeout"          # seconds for each call but authorize
SETTING_APPROVAL = "tthc_docs.csc.approval_seconds"  # how long the leader has to approve
SETTING_LOCAL_FALLBACK = "tthc_docs.signing.local_fallback"  # false: PKCS#12 never used
DEFAULT_TIMEOUT, DEFAULT_APPROVAL = 10, 120

DOWN = "Không kết nối được dịch vụ ký số từ xa; văn bản chưa được ký, hãy thử lại sau ít phút."
SLOW = "Dịch vụ ký số từ xa không trả lời trong {seconds} giây; văn bản chưa được ký."
BAD_ANSWER = "Dịch vụ ký số từ xa trả lời không đúng giao thức CSC; văn bản chưa được ký."
WRONG_SIGNATURE = ("Dịch vụ ký số từ xa trả về chữ ký không khớp với văn bản cần ký; "
                   "văn bản chưa được ký. Báo cho quản trị.")
#: The service's error codes (``error`` of its JSON answer) -> (status, message).
SERVICE_ERRORS = {
    "access_denied": (409, "Lãnh đạo đã từ chối yêu cầu ký trên điện thoại; văn bản chưa được ký."),
    "approval_timeout": (409, "Yêu cầu ký chưa được phê duyệt trên điện thoại trong thời gian cho "
                              "phép; văn bản chưa được ký."),
    "expired_sad": (409, "Phê duyệt ký đã hết hạn trước khi ký; hãy ký lại."),
    "invalid_sad": (409, "Phê duyệt ký không hợp lệ cho các văn bản này; hãy ký lại."),
    "credential_revoked": (409, "Chứng thư số trên dịch vụ ký số từ xa đã bị thu hồi; "
                                "văn bản chưa được ký. Liên hệ quản trị."),
    "credential_disabled": (409, "Khóa ký trên dịch vụ ký số từ xa đang bị khóa; liên hệ quản trị."),
    "invalid_token": (503, "Hệ thống chưa được dịch vụ ký số từ xa cấp quyền (token); "
                           "liên hệ quản trị."),
}


def enabled(settings):
    return bool((settings.get(SETTING_URL) or "").strip())


def local_fallback(settings):
    return str(settings.get(SETTING_LOCAL_FALLBACK, "true")).strip().lower() not in (
        "false", "0", "no", "off")


@dataclasses.dataclass(frozen=True)
class Remote:
    """Where and how to reach the service, from the settings."""

    url: str
    token: str | None
    timeout: float
    approval_seconds: float

    @classmethod
    def from_settings(cls, settings):
        return cls(settings[SETTING_URL].rstrip("/"), settings.get(SETTING_TOKEN) or None,
                   float(settings.get(SETTING_TIMEOUT) or DEFAULT_TIMEOUT),
                   float(settings.get(SETTING_APPROVAL) or DEFAULT_APPROVAL))

    def session_info(self, credential_id):
        return CSCServiceSessionInfo(self.url, credential_id or "", oauth_token=self.token)


def _service_error(status, body):
    code = body.get("error") if isinstance(body, dict) else None
    if code in SERVICE_ERRORS:
        http, message = SERVICE_ERRORS[code]
        found = RemoteRefused(message) if http == 409 else errors.Unavailable(message)
    elif status >= 500:
        found = errors.Unavailable(DOWN)
    else:
        described = body.get("error_description") if isinstance(body, dict) else None
        found = RemoteRefused(f"Dịch vụ ký số từ xa từ chối: {described or code or status}.")
    found.code = code
    return found


async def call(http, remote, endpoint, body, timeout=None):
    """POST ``body`` to ``/csc/v1/<endpoint>``; the JSON answer, or a domain error."""
    seconds = timeout or remote.timeout
    url = remote.session_info("").endpoint_url(endpoint)
    try:
        async with http.post(url, json=body, headers=remote.session_info("").auth_headers,
                             timeout=aiohttp.ClientTimeout(total=seconds)) as response:
            try:
                answer = await response.json(content_type=None)
            except ValueError:
                answer = None
            if response.status >= 400:
                raise _service_error(response.status, answer)
    except (asyncio.TimeoutError, aiohttp.ServerTimeoutError):
        log.warning("CSC %s: no answer in %s s", endpoint, seconds)
        raise errors.Unavailable(SLOW.format(seconds=int(seconds))) from None
    except aiohttp.ClientError as exc:
        log.warning("CSC %s: %s", endpoint, type(exc).__name__)
        raise errors.Unavailable(DOWN) from None
    if not isinstance(answer, dict):
        raise errors.Unavailable(BAD_ANSWER)
    return answer


async def find_credential(http, remote, user_id):
    """The leader's credential id at the service (``info`` then ``credentials/list``), or None."""
    info = await call(http, remote, "info", {})
    if "credentials/authorize" not in info.get("methods", ()):
        raise errors.Unavailable(BAD_ANSWER)
    found = await call(http, remote, "credentials/list", {"userID": user_id, "maxResults": 10})
    ids = found.get("credentialIDs") or []
    return str(ids[0]) if ids else None


class RemoteIdentity(Identity):
    """A credential at the signing service: its certificate, no key."""

    # the service's chain (with its root) and the OCSP pointer make the CMS larger than local
    bytes_reserved = 2 * SIGNATURE_BYTES_RESERVED

    def __init__(self, name, credential_id, credential_info):
        self.name, self.credential_id, self.info = name, credential_id, credential_info
        self.certificate = credential_info.signing_cert
        self.chain = list(credential_info.chain)

    def pyhanko_signer(self):
        raise TypeError("a remote identity signs through the signer bound to its HTTP session")


async def load_remote_identity(http, remote, name, credential_id):
    """``credentials/info``: the chain and the key's and certificate's status (409 if unusable)."""
    answer = await call(http, remote, "credentials/info", {
        "credentialID": credential_id, "certificates": "chain", "certInfo": True})
    if (answer.get("cert") or {}).get("status") in ("revoked", "suspended"):
        raise RemoteRefused(SERVICE_ERRORS["credential_revoked"][1])
    if (answer.get("key") or {}).get("status") == "disabled":
        raise RemoteRefused(SERVICE_ERRORS["credential_disabled"][1])
    try:
        info = _process_certificate_info_response(answer)
    except SigningError:
        raise errors.Unavailable(BAD_ANSWER) from None
    return RemoteIdentity(name, credential_id, info)


class PhoneApproval(CSCAuthorizationManager):
    """``credentials/authorize`` for exactly the hashes to sign; the service asks the phone."""

    def __init__(self, remote, identity, http, description):
        super().__init__(remote.session_info(identity.credential_id), identity.info)
        self.remote, self.http, self.description = remote, http, description

    async def authorize_signature(self, hash_b64s):
        body = self.format_csc_auth_request(hash_b64s=hash_b64s, description=self.description)
        answer = await call(self.http, self.remote, "credentials/authorize", body,
                            timeout=self.remote.approval_seconds)
        try:
            return self.parse_csc_auth_response(answer)
        except SigningError:
            raise errors.Unavailable(BAD_ANSWER) from None


class CheckedCscSigner(CSCSigner):
    """pyHanko's ``CSCSigner``, with our error mapping and every returned signature checked."""

    async def _do_commit(self, batch):
        try:
            body = await self.format_csc_signing_req(batch.b64_hashes, batch.md_algorithm)
            answer = await call(self.session, self.auth_manager.remote, "signatures/signHash", body,
                                timeout=self.sign_timeout)
            values = answer.get("signatures")
            if not isinstance(values, list) or len(values) != len(batch.b64_hashes):
                raise errors.Unavailable(BAD_ANSWER)
            try:
                batch.results = [base64.b64decode(v, validate=True) for v in values]
            except (ValueError, TypeError):
                raise errors.Unavailable(BAD_ANSWER) from None
        finally:
            self._current_batch = None
            batch.notifier.set()

    async def async_sign_raw(self, data, digest_algorithm, dry_run=False):
        signature = await super().async_sign_raw(data, digest_algorithm, dry_run)
        if not dry_run:
            self._check(data, signature, digest_algorithm)
        return signature

    def _check(self, data, signature, digest_algorithm):
        """The signature must verify over ``data`` with the credential's public key."""
        key = load_der_public_key(self.signing_cert.public_key.dump())
        digest = get_pyca_cryptography_hash(digest_algorithm)
        try:
            if isinstance(key, rsa.RSAPublicKey):
                key.verify(signature, data, padding.PKCS1v15(), digest)
            else:
                key.verify(signature, data, ec.ECDSA(digest))
        except (InvalidSignature, ValueError, TypeError):
            log.warning("CSC service returned a signature that does not match its hash")
            raise errors.Unavailable(WRONG_SIGNATURE) from None


def _first_error(done):
    """The most telling exception of a batch: ours before pyHanko's generic ones."""
    found = [t.exception() for t in done if not t.cancelled() and t.exception() is not None]
    for exc in found:
        if isinstance(exc, errors.DomainError) and not type(exc) is SigningRefused:
            return exc
    return found[0] if found else None


async def sign_all(remote, name, credential_id, count, make_coroutines, description, check_now):
    """Sign ``count`` documents with one authorisation: ``numSignatures`` = ``count``.

    ``credential_id`` None: looked up for the user ``name`` first
    (``NoCredential`` when the service has none). ``make_coroutines(identity,
    pyhanko_signer)`` -> one coroutine per document (``sign.async_sign_pdf``);
    ``check_now(identity)`` refuses an expired certificate before anything is
    sent. Returns ``(credential id, [results in order])``.
    """
    async with aiohttp.ClientSession() as http:
        credential_id = credential_id or await find_credential(http, remote, name)
        if not credential_id:
            raise NoCredential(errors.Words("Dịch vụ ký số từ xa chưa có chứng thư số của ${name}; "
                                            "liên hệ quản trị.", name=name))
        identity = await load_remote_identity(http, remote, name, credential_id)
        check_now(identity)
        approval = PhoneApproval(remote, identity, http, description)
        signer = CheckedCscSigner(http, approval, sign_timeout=int(remote.timeout),
                                  batch_size=count)
        tasks = [asyncio.ensure_future(c) for c in make_coroutines(identity, signer)]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in pending:
            task.cancel()
        problem = _first_error(done)
        if problem is not None:
            raise problem
        return credential_id, [t.result() for t in tasks]


# -- two steps: ask now, sign once the phone has approved (``signing.pending``) ------------

async def _identity(remote, name, credential_id):
    async with aiohttp.ClientSession() as http:
        credential_id = credential_id or await find_credential(http, remote, name)
        if not credential_id:
            raise NoCredential(errors.Words("Dịch vụ ký số từ xa chưa có chứng thư số của ${name}; "
                                            "liên hệ quản trị.", name=name))
        return await load_remote_identity(http, remote, name, credential_id)


def identity_for(remote, name, credential_id):
    """The leader's credential at the service (its certificate chain, its status): 409 if unusable."""
    return asyncio.run(_identity(remote, name, credential_id))


async def _ask(remote, identity, digests, description):
    async with aiohttp.ClientSession() as http:
        body = {"credentialID": identity.credential_id, "numSignatures": len(digests),
                "hash": [base64.b64encode(d).decode() for d in digests],
                "hashAlgo": "2.16.840.1.101.3.4.2.1", "description": description[:500],
                "asynchronous": True}
        answer = await call(http, remote, "credentials/authorize", body)
    if not isinstance(answer.get("requestID"), str):
        raise errors.Unavailable(BAD_ANSWER)
    return answer["requestID"]


def ask(remote, identity, digests, description):
    """Send the hashes for approval on the phone; the service's request id, at once.

    ``credentials/authorize`` with ``asynchronous: true``: the service
    answers before the leader does. Faults as ``call``: 409 or 503.
    """
    return asyncio.run(_ask(remote, identity, digests, description))


async def _collect(remote, name, credential_id, request_id, digests):
    async with aiohttp.ClientSession() as http:
        try:
            answer = await call(http, remote, "credentials/authorizeCheck",
                                {"credentialID": credential_id, "requestID": request_id})
        except RemoteRefused as exc:
            if exc.code == "invalid_request":   # handed out already (or never known)
                raise UnknownRequest(exc.message) from None
            raise
        if answer.get("status") == "pending":
            return None, None
        if not isinstance(answer.get("SAD"), str):
            raise errors.Unavailable(BAD_ANSWER)
        # the key's and certificate's status again: revoked between approval and signing -> 409
        identity = await load_remote_identity(http, remote, name, credential_id)
        signed = await call(http, remote, "signatures/signHash", {
            "credentialID": credential_id, "SAD": answer["SAD"],
            "hash": [base64.b64encode(d).decode() for d in digests],
            "hashAlgo": "2.16.840.1.101.3.4.2.1", "signAlgo": "1.2.840.113549.1.1.11"})
    values = signed.get("signatures")
    if not isinstance(values, list) or len(values) != len(digests):
        raise errors.Unavailable(BAD_ANSWER)
    try:
        return identity, [base64.b64decode(v, validate=True) for v in values]
    except (ValueError, TypeError):
        raise errors.Unavailable(BAD_ANSWER) from None


def collect(remote, name, credential_id, request_id, digests):
    """``(None, None)`` while the phone has not answered; else ``(identity, [signatures])``.

    A refusal or expiry is a ``RemoteRefused`` (409); each signature is
    checked against its hash by ``check_signature`` before any PDF is written.
    """
    return asyncio.run(_collect(remote, name, credential_id, request_id, digests))


def check_signature(certificate, digest, signature):
    """The raw signature must verify over the SHA-256 ``digest`` with the credential's key."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import utils
    key = load_der_public_key(certificate.public_key.dump())
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, digest, padding.PKCS1v15(), utils.Prehashed(hashes.SHA256()))
        else:
            key.verify(signature, digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
    except (InvalidSignature, ValueError, TypeError):
        log.warning("CSC service returned a signature that does not match its hash")
        raise errors.Unavailable(WRONG_SIGNATURE) from None
