"""A development remote signing service speaking the CSC API v1: never for production.

``tthc-docs dev-csc CONFIG`` serves it on 127.0.0.1 (``make run`` starts it
beside the web server). It plays the part of a Vietnamese remote signing
service: it holds the leaders' keys (the dev PKI's PKCS#12 files: the
application then needs none of them), one credential per leader, and asks
the leader to approve each ``credentials/authorize`` on a phone-sized page
of its own (``/phone?user=<identity>``, its forms CSRF-protected by a
cookie/field token pair), confirmed with a one-time code from
the leader's authenticator (TOTP, ``people.totp``; the secret lives in the
service's state folder, ``<identity>.totp``, mode 0600).

The authorize call waits (up to ``wait_seconds``) for that approval; the
SAD it returns is pinned to the approved hashes, used once, and expires;
with ``asynchronous: true`` it answers at once and ``credentials/authorizeCheck`` polls.
For tests (``test_api=True``): ``POST /dev/approve`` ``{"user", "otp"}``
approves the oldest waiting request with a code, ``/dev/refuse``,
``GET /dev/pending``, and ``POST /dev/faults`` makes it slow, return a
signature over another hash (for every document, or for the n-th of a
batch: ``wrong_signature_at``), or revoke the credential right after approval.
"""
import base64
import html
import json
import logging
import secrets
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, utils
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
from cryptography.x509.oid import NameOID
from webob import Request, Response

from tthc_docs import errors
from tthc_docs.people import totp

log = logging.getLogger(__name__)

SHA256_RSA = "1.2.840.113549.1.1.11"
SHA256 = "2.16.840.1.101.3.4.2.1"
CSRF_COOKIE = "csc_csrf"   # the phone page's double-submit token (cookie + hidden field)
METHODS = ["info", "credentials/list", "credentials/info", "credentials/authorize",
           "credentials/authorizeCheck", "signatures/signHash"]


class Credential:
    """One leader's key and certificate chain, with its authenticator secret."""

    def __init__(self, identity, p12_path, pass_path, secret):
        key, cert, chain = pkcs12.load_key_and_certificates(
            Path(p12_path).read_bytes(), Path(pass_path).read_bytes().strip())
        self.identity, self.id = identity, f"cred-{identity}"
        self.key, self.cert, self.chain = key, cert, list(chain or ())
        self.secret, self.last_step, self.revoked = secret, None, False

    def certificates(self):
        return [base64.b64encode(c.public_bytes(Encoding.DER)).decode() for c in
                [self.cert, *self.chain]]

    def sign(self, digest):
        return self.key.sign(digest, padding.PKCS1v15(), utils.Prehashed(hashes.SHA256()))


class Pending:
    """A request to authorise, waiting for the leader on the phone."""

    def __init__(self, credential, hashes_b64, description):
        self.id = secrets.token_urlsafe(8)
        self.credential, self.hashes, self.description = credential, list(hashes_b64), description
        self.created, self.outcome, self.done = time.time(), None, threading.Event()


def load_secret(state_dir, identity):
    """The identity's TOTP secret in the state folder, made (0600) when missing."""
    path = Path(state_dir) / f"{identity}.totp"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(totp.new_secret() + "\n")
    return path.read_text().strip()


class DevCscService:
    """The WSGI app. ``keys_dir``: the PKCS#12 + .pass files; ``state_dir``: TOTP secrets."""

    def __init__(self, keys_dir, state_dir, token=None, wait_seconds=120, sad_seconds=300,
                 test_api=False, revoke=None):
        self.token, self.wait, self.sad_seconds, self.test_api = token, wait_seconds, sad_seconds, test_api
        self.revoke = revoke   # revoke(credential): also publish it in the PKI's CRL
        self.credentials = {}
        for p12 in sorted(Path(keys_dir).glob("*.p12")):
            identity = p12.stem
            passfile = p12.with_suffix(".pass")
            if passfile.is_file():
                cred = Credential(identity, p12, passfile, load_secret(state_dir, identity))
                self.credentials[cred.id] = cred
        self.pending, self.sads, self.faults, self.started = {}, {}, {}, {}
        self.lock = threading.Lock()

    # -- WSGI ----------------------------------------------------------------
    def __call__(self, environ, start_response):
        request = Request(environ)
        path = request.path_info.strip("/")
        try:
            if path.startswith("csc/v1/") and request.method == "POST":
                self._authenticate(request)
                body = request.json_body if request.body else {}
                handler = getattr(self, "csc_" + path[len("csc/v1/"):].replace("/", "_"), None)
                if handler is None:
                    raise _Fail(404, "invalid_request", "unknown endpoint")
                response = _json(handler(body))
            elif path == "phone":
                response = self.phone_page(request)
            elif path in ("phone/approve", "phone/refuse") and request.method == "POST":
                response = self.phone_answer(request, path.endswith("approve"))
            elif path.startswith("dev/") and self.test_api:
                response = _json(getattr(self, "dev_" + path[4:])(request))
            else:
                raise _Fail(404, "invalid_request", "not found")
        except _Fail as exc:
            response = _json({"error": exc.code, "error_description": exc.text}, exc.status)
        except (ValueError, KeyError, TypeError, AttributeError):
            response = _json({"error": "invalid_request", "error_description": "bad request"}, 400)
        return response(environ, start_response)

    def _authenticate(self, request):
        if self.token and request.headers.get("Authorization") != f"Bearer {self.token}":
            raise _Fail(401, "invalid_token", "missing or wrong bearer token")

    def _credential(self, body):
        cred = self.credentials.get(str(body.get("credentialID")))
        if cred is None:
            raise _Fail(400, "invalid_request", "unknown credentialID")
        return cred

    # -- the CSC API -----------------------------------------------------------
    def csc_info(self, body):
        return {"specs": "1.0.4.0", "name": "tthc-docs development CSC service", "region": "VN",
                "lang": "vi-VN", "authType": ["oauth2client"], "methods": METHODS}

    def csc_credentials_list(self, body):
        user = body.get("userID")
        return {"credentialIDs": [c.id for c in self.credentials.values() if c.identity == user]}

    def csc_credentials_info(self, body):
        cred = self._credential(body)
        return {"key": {"status": "enabled", "algo": [SHA256_RSA], "len": cred.key.key_size},
                "cert": {"status": "revoked" if cred.revoked else "valid",
                         "certificates": cred.certificates()},
                "authMode": "explicit", "SCAL": "2", "multisign": 20,
                "description": f"Chứng thư số của {cred.identity}"}

    def csc_credentials_authorize(self, body):
        cred = self._credential(body)
        hashes_b64 = [str(h) for h in body.get("hash") or []]
        if not hashes_b64 or int(body.get("numSignatures", 0)) != len(hashes_b64):
            raise _Fail(400, "invalid_request", "hash and numSignatures must agree (SCAL 2)")
        if body.get("OTP") is not None:
            self._check_code(cred, body["OTP"])
        elif body.get("asynchronous"):
            return self._start(cred, hashes_b64, body)
        else:
            request = Pending(cred, hashes_b64, str(body.get("description") or "")[:500])
            with self.lock:
                self.pending[request.id] = request
            approved = request.done.wait(self.wait)
            with self.lock:
                self.pending.pop(request.id, None)
            if not approved:
                raise _Fail(400, "approval_timeout", "not approved in time")
            if request.outcome != "approved":
                raise _Fail(400, "access_denied", "the signer refused")
        return self._grant(cred, hashes_b64)

    def _grant(self, cred, hashes_b64):
        """A SAD for exactly these hashes, used once (revoked first if the test asks)."""
        if self.faults.get("revoke_after_authorize"):
            cred.revoked = True
            if self.revoke:
                self.revoke(cred)
        sad = secrets.token_urlsafe(24)
        with self.lock:
            self.sads[sad] = (cred.id, set(hashes_b64), time.time() + self.sad_seconds)
        return {"SAD": sad, "expiresIn": self.sad_seconds}

    def _start(self, cred, hashes_b64, body):
        """Asynchronous authorisation, as Vietnamese services work: a ``requestID`` at once;
        ``credentials/authorizeCheck`` answers ``pending``, the SAD, or the refusal/expiry."""
        request = Pending(cred, hashes_b64, str(body.get("description") or "")[:500])
        with self.lock:
            self.pending[request.id] = request
            self.started[request.id] = request
        return {"requestID": request.id, "status": "pending", "expiresIn": self.wait}

    def csc_credentials_authorizeCheck(self, body):   # noqa: N802 - the CSC endpoint's name
        """Pending, refused, expired, or the SAD: handed out once (two checks at once: one wins)."""
        cred = self._credential(body)
        with self.lock:
            request = self.started.get(str(body.get("requestID")))
            if request is None or request.credential is not cred:
                raise _Fail(400, "invalid_request", "unknown requestID")
            late = request.outcome is None and time.time() - request.created > self.wait
            if late or request.outcome == "approved":
                self.started.pop(request.id, None)
            if late:
                self.pending.pop(request.id, None)
        if late:
            raise _Fail(400, "approval_timeout", "not approved in time")
        if request.outcome is None:
            return {"status": "pending"}
        if request.outcome != "approved":
            raise _Fail(400, "access_denied", "the signer refused")
        return dict(self._grant(cred, request.hashes), status="approved")

    def csc_signatures_signHash(self, body):   # noqa: N802 - the CSC endpoint's name
        cred = self._credential(body)
        with self.lock:
            granted = self.sads.pop(str(body.get("SAD")), None)
        if granted is None or granted[0] != cred.id:
            raise _Fail(400, "invalid_sad", "unknown or used SAD")
        if time.time() > granted[2]:
            raise _Fail(400, "expired_sad", "SAD expired")
        hashes_b64 = [str(h) for h in body.get("hash") or []]
        if not hashes_b64 or not set(hashes_b64) <= granted[1]:
            raise _Fail(400, "invalid_sad", "hash not authorised by this SAD")
        if body.get("hashAlgo") != SHA256 or body.get("signAlgo") != SHA256_RSA:
            raise _Fail(400, "invalid_request", "only sha256 with RSA")
        if cred.revoked:
            raise _Fail(400, "credential_revoked", "credential revoked")
        time.sleep(float(self.faults.get("delay_seconds") or 0))
        digests = [base64.b64decode(h) for h in hashes_b64]
        if self.faults.get("wrong_signature"):
            digests = [hashes_of(b"another document") for _ in digests]
        wrong_at = self.faults.get("wrong_signature_at")   # one document of a batch only
        if wrong_at is not None and int(wrong_at) < len(digests):
            digests[int(wrong_at)] = hashes_of(b"another document")
        return {"signatures": [base64.b64encode(cred.sign(d)).decode() for d in digests]}

    # -- approval ----------------------------------------------------------------
    def _check_code(self, cred, code):
        try:
            step = totp.verify(cred.secret, str(code), login=cred.identity, throttle=_NO_THROTTLE,
                               last_step=cred.last_step)
        except errors.DomainError:
            raise _Fail(400, "invalid_otp", "wrong or used one-time code") from None
        cred.last_step = step

    def waiting(self, identity):
        """The identity's requests still open (an asynchronous one closes after ``wait``)."""
        live = time.time() - self.wait
        with self.lock:
            return sorted((p for p in self.pending.values() if p.credential.identity == identity
                           and p.created >= live), key=lambda p: p.created)

    def answer(self, identity, request_id, approve, code=None):
        """Approve (with the leader's code) or refuse a waiting request; False if none."""
        found = [p for p in self.waiting(identity) if request_id in (None, p.id)]
        if not found:
            return False
        request = found[0]
        if approve:
            self._check_code(request.credential, code)
        request.outcome = "approved" if approve else "refused"
        with self.lock:   # answered: off the phone's list at once, before the caller wakes
            self.pending.pop(request.id, None)
        request.done.set()
        return True

    def phone_page(self, request, message="", status=200):
        """The waiting requests, each with its approve/refuse forms; sets the CSRF cookie."""
        user = str(request.params.get("user") or "")
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
        rows = "".join(_PHONE_ROW.format(id=p.id, user=html.escape(user), n=len(p.hashes),
                                         what=html.escape(p.description), csrf=token)
                       for p in self.waiting(user))
        body = _PHONE.format(user=html.escape(user), message=html.escape(message),
                             rows=rows or "<p>Không có yêu cầu ký nào đang chờ.</p>")
        response = Response(body, status=status, content_type="text/html", charset="utf-8")
        response.set_cookie(CSRF_COOKIE, token, path="/phone", httponly=True, samesite="Strict")
        return response

    def phone_answer(self, request, approve):
        """Approve or refuse from the phone page: refused (400) unless the CSRF pair matches.

        Double-submit: the page's cookie and the form's hidden field must
        carry the same random token, which another site can neither read
        nor set; so a page elsewhere cannot make the leader's browser
        approve (or refuse) a request.
        """
        user, request_id = str(request.POST.get("user") or ""), request.POST.get("request")
        page = Request.blank("/phone?" + urlencode({"user": user}))
        page.cookies.update(request.cookies)
        cookie, posted = request.cookies.get(CSRF_COOKIE) or "", str(request.POST.get("csrf") or "")
        if not cookie or not secrets.compare_digest(cookie.encode(), posted.encode()):
            return self.phone_page(page, "Phiên làm việc không hợp lệ (CSRF); hãy mở lại trang.", 400)
        try:
            done = self.answer(user, request_id, approve, request.POST.get("code"))
            message = ("Đã phê duyệt." if approve else "Đã từ chối.") if done else "Yêu cầu đã hết hạn."
        except _Fail:
            message = "Mã xác nhận không đúng hoặc đã được dùng."
        return self.phone_page(page, message)

    # -- the test API ------------------------------------------------------------
    def dev_pending(self, request):
        user = str(request.params.get("user") or "")
        return {"items": [{"id": p.id, "hashes": len(p.hashes), "description": p.description}
                          for p in self.waiting(user)]}

    def dev_approve(self, request):
        body = request.json_body
        if not self.answer(str(body.get("user")), body.get("request"), True, body.get("otp")):
            raise _Fail(404, "invalid_request", "no waiting request")
        return {"approved": True}

    def dev_refuse(self, request):
        body = request.json_body
        if not self.answer(str(body.get("user")), body.get("request"), False):
            raise _Fail(404, "invalid_request", "no waiting request")
        return {"refused": True}

    def dev_faults(self, request):
        self.faults = dict(request.json_body or {})
        return {"faults": self.faults}


class _Fail(Exception):
    def __init__(self, status, code, text):
        super().__init__(text)
        self.status, self.code, self.text = status, code, text


class _NoThrottle:
    def check(self, login):
        pass

    def failed(self, login):
        pass

    def succeeded(self, login):
        pass


_NO_THROTTLE = _NoThrottle()


def hashes_of(data):
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


def _json(body, status=200):
    return Response(json.dumps(body), status=status, content_type="application/json",
                    charset="utf-8")


_PHONE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Ký số từ xa</title>
<style>body{{font-family:sans-serif;max-width:420px;margin:0 auto;padding:12px}}
.req{{border:1px solid #ccc;border-radius:8px;padding:10px;margin:10px 0}}
input{{font-size:1.4em;width:8em}} button{{font-size:1.1em;margin:6px 4px 0 0}}</style></head>
<body class="phone"><h1>Yêu cầu ký số</h1><p>Người ký: <b>{user}</b></p><p role="status">{message}</p>
{rows}</body></html>"""
_PHONE_ROW = """<div class="req"><p>{what}</p><p>Số văn bản: {n}</p>
<form method="post" action="/phone/approve"><input type="hidden" name="user" value="{user}">
<input type="hidden" name="request" value="{id}"><input type="hidden" name="csrf" value="{csrf}">
<label>Mã xác nhận
<input name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{{6}}"></label>
<button type="submit">Đồng ý ký</button></form>
<form method="post" action="/phone/refuse"><input type="hidden" name="user" value="{user}">
<input type="hidden" name="request" value="{id}"><input type="hidden" name="csrf" value="{csrf}">
<button type="submit">Từ chối</button></form></div>"""


def from_settings(settings, test_api=None):
    """The service as the .ini describes it (``tthc_docs.csc.dev_*``)."""
    from tthc_docs.signing.devpki import DevPki
    pki_dir = settings.get("tthc_docs.pki_dir")
    keys = settings.get("tthc_docs.csc.dev_keys_dir") or pki_dir
    state = settings.get("tthc_docs.csc.dev_state_dir") or str(Path(pki_dir).parent / "csc")

    def revoke(credential):
        agency = credential.cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
        if agency and pki_dir:
            DevPki(pki_dir).revoke(credential.identity, agency[0].value, certificate=credential.cert)

    flag = settings.get("tthc_docs.csc.dev_test_api") if test_api is None else test_api
    return DevCscService(
        keys, state, token=settings.get("tthc_docs.csc.token") or None,
        wait_seconds=float(settings.get("tthc_docs.csc.dev_wait_seconds") or 120),
        sad_seconds=float(settings.get("tthc_docs.csc.dev_sad_seconds") or 300),
        test_api=str(flag).lower() in ("true", "1", "yes", "on"), revoke=revoke)
