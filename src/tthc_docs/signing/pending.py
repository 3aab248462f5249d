"""Two-step remote signing: the leader asks, approves on the phone, and the app finishes.

Step one (``request_signing``, one short transaction): the checks ``sign``
makes (403/409), the leader's one-time code, the result rendered and
numbered, the signature field prepared and its hash sent to the signing
service (``credentials/authorize``, asynchronous). Nothing is signed and
no dossier changes: the request is kept here, in ``site.signing_requests``.

Step two (``finish``, another short transaction, when the leader's page
polls): ask the service whether the phone approved; if so, ``signHash``
with the SAD, check each signature against its own hash (another hash's
signature is refused before any PDF is written), embed it (B-LTA), store
the result once and fire ``sign`` through ``dossiers.actions.fire`` with
the approval as the leader's confirmation.

A request ends once: signed, or refused (on the phone, the credential
revoked, expired, or failed after the service's one-use approval was
spent). A refused request's end is kept (``record_end``, in a transaction
of its own: the request's own is aborted) so the leader may ask again at
once, and every later poll gets the same 409; a signed one answers every
later poll with the same results (200). Two finishes at once: the service
hands the approval to one; the other is told the request is being
finished (409, ``BEING_FINISHED``), never the service's own words.

Legal basis: Decree 23/2025/NĐ-CP (remote signing: the key held by the
trust service, activated by the signer alone, here the approval on the
phone after the one-time code) and the Law on Electronic Transactions
2023 (20/2023/QH15).
"""
import dataclasses
import datetime
import secrets

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from ZODB.blob import Blob

from tthc_docs import errors
from tthc_docs.lazy import lazy_module
from tthc_docs.signing.refusals import RemoteRefused

# pyHanko on first use: ZODB imports this module whenever it loads the site
# (``site.signing_requests``), on every request (issue 15).
csc = lazy_module("tthc_docs.signing.csc")
deferred = lazy_module("tthc_docs.signing.deferred")
sign = lazy_module("tthc_docs.signing.sign")

SIGNED, REFUSED = "signed", "refused"
BEING_FINISHED = ("Yêu cầu ký này đang được hoàn tất ở một lần bấm khác; "
                  "chờ vài giây rồi tải lại trang để xem kết quả.")
KEEP_SIGNED = datetime.timedelta(days=1)
PENDING_MESSAGE = ("Hồ sơ {code} đang chờ lãnh đạo phê duyệt ký trên điện thoại (đến {until}); "
                   "hãy phê duyệt hoặc chờ hết hạn rồi yêu cầu lại.")


class Ended(RemoteRefused):
    """The request is over (refused, revoked, expired, approval spent): keep its end."""

    def __init__(self, message, request_id, status=409):
        super().__init__(message)
        self.request_id, self.status = request_id, status


class SigningRequest(Persistent):
    """One authorisation at the service for one or several dossiers' results."""

    # class defaults: a request kept before outcomes were recorded reads as waiting
    outcome = None    # None while waiting; SIGNED or REFUSED once ended
    ended_at = None
    message = None    # why a refused request ended, told to every later poll
    results = None    # code -> the result reference, once signed

    def __init__(self, leader, codes, credential, service_id, created, expires, items):
        self.id = secrets.token_urlsafe(12)
        self.leader, self.codes, self.credential = leader, tuple(codes), credential
        self.service_id, self.created, self.expires = service_id, created, expires
        self.items = items   # per code: {pdf: Blob, signed_attrs, digest, region, result, vault}

    def expired(self, now):
        return now >= self.expires

    def waiting(self, now):
        return self.outcome is None and not self.expired(now)

    def end(self, outcome, now, message=None, results=None):
        """Ended for good; the prepared PDFs (blobs) are dropped, the drawn numbers kept."""
        self.outcome, self.ended_at, self.message = outcome, now, message
        self.results = dict(results) if results else None
        self.items = {code: {k: v for k, v in item.items() if k != "pdf"}
                      for code, item in self.items.items()}

    def prepared(self, code):
        item = self.items[code]
        with item["pdf"].open("r") as handle:
            pdf = handle.read()
        return deferred.Prepared(pdf, item["signed_attrs"], item["digest"], tuple(item["region"]))


class SigningRequests(Persistent):
    """request id -> ``SigningRequest``; dossier code -> request id (the latest)."""

    def __init__(self):
        self.items = OOBTree()
        self.by_dossier = OOBTree()

    def get(self, request_id):
        return self.items.get(request_id) if isinstance(request_id, str) else None

    def unsigned_number(self, code, now):
        """The result number an earlier, never signed request drew for ``code`` this year."""
        found = self.get(self.by_dossier.get(code))
        unsigned = found is not None and found.outcome != SIGNED
        result = found.items[code]["result"] if unsigned else None
        if result and result["issued_at"].year == now.year:
            return result["number"]
        return None

    def live_for(self, code, now):
        found = self.get(self.by_dossier.get(code))
        return found if found is not None and found.waiting(now) else None

    def add(self, request):
        for code in request.codes:
            old = self.get(self.by_dossier.get(code))
            if old is not None:
                self.forget(old)
        self.prune(request.created)
        self.items[request.id] = request
        for code in request.codes:
            self.by_dossier[code] = request.id

    def forget(self, request):
        self.items.pop(request.id, None)
        for code in request.codes:
            if self.by_dossier.get(code) == request.id:
                del self.by_dossier[code]

    def prune(self, now):
        """Signed requests answer late polls for a day, then go (refused ones keep their number)."""
        old = [r for r in self.items.values()
               if r.outcome == SIGNED and r.ended_at < now - KEEP_SIGNED]
        for request in old:
            self.forget(request)


@dataclasses.dataclass
class Approval:
    """The leader's confirmation of a two-step signature: code at the request, phone approval now."""

    request: SigningRequest
    leader: str

    def confirms(self, actor, dossier):
        return actor.login == self.leader == self.request.leader and dossier.code in self.request.codes


def _remote(settings):
    if not csc.enabled(settings):
        raise errors.StateConflict("Ký hai bước cần dịch vụ ký số từ xa (tthc_docs.csc.url).")
    return csc.Remote.from_settings(settings)


def request_signing(site, dossiers, account, params, settings, now, services):
    """Step one: checks, the one-time code, hashes sent; the new ``SigningRequest``."""
    from tthc_docs.dossiers import actions
    from tthc_docs.signing.service import prepare
    remote, registry = _remote(settings), site.signing_requests
    for dossier in dossiers:
        live = registry.live_for(dossier.code, now)
        if live is not None:
            raise errors.StateConflict(PENDING_MESSAGE.format(
                code=dossier.code, until=f"{live.expires:%H:%M:%S}"), allowed=())
    actions.confirm_signing(dossiers, account, params, now, services)
    signing = sign.signing_from_settings(settings)
    identity = csc.identity_for(remote, account.signer, account.csc_credential)
    identity.check_valid_at(now)
    items, digests = {}, []
    for dossier in dossiers:
        item = prepare(site, dossier, account, settings, now,
                       registry.unsigned_number(dossier.code, now))
        ready = deferred.prepare(
            item.rendered.data, identity, signing, box=item.rendered.signature_box,
            reason=sign.reason_for(dossier.code), location=item.result["place"],
            lines=sign.stamp_lines(identity.common_name, item.result["agency_name"], now))
        blob = Blob()
        with blob.open("w") as handle:
            handle.write(ready.pdf)
        items[dossier.code] = {"pdf": blob, "signed_attrs": ready.signed_attrs,
                               "digest": ready.document_digest, "region": ready.region,
                               "result": item.result, "vault": item.vault.id}
        digests.append(ready.to_sign)
    description = "Ký kết quả hồ sơ " + ", ".join(d.code for d in dossiers)
    service_id = csc.ask(remote, identity, digests, description)
    if account.csc_credential != identity.credential_id:
        account.csc_credential = identity.credential_id
    request = SigningRequest(account.login, [d.code for d in dossiers], identity.credential_id,
                             service_id, now, now + datetime.timedelta(
                                 seconds=remote.approval_seconds), items)
    registry.add(request)
    return request


class Finisher:
    """The ``workflow.Issuer`` of step two: stores the results signed from the phone's approval."""

    def __init__(self, site, settings, request, signed):
        self.site, self.settings, self.request, self.signed = site, settings, request, signed

    def issue(self, dossier, signer, now):
        from tthc_docs.signing.service import Prepared, store
        item = self.request.items[dossier.code]
        vault = self.site["vaults"][item["vault"]]
        prepared = Prepared(dossier, vault, item["result"], None)
        doc = store(prepared, self.signed[dossier.code], self.site["people"].get(signer),
                    now, self.settings)
        return {"vault": vault.id, "document": doc.id, "sha256": doc.sha256}


def finish(site, request, account, settings, now, services, collected=None):
    """Step two: None while the phone has not answered; else the signed dossiers.

    Raises ``Ended`` (409: refused, expired, revoked, or the approval spent
    on a failure; the caller keeps the end with ``record_end``), a 409
    ``BEING_FINISHED`` while another finish holds the approval, or 503 (the
    service down) before anything is written. ``collected``: a dict kept
    across pyramid_retry's replays of one HTTP request, so a replay reuses
    the signatures its first attempt obtained with the one-use approval.
    """
    if account is None or account.login != request.leader:
        raise errors.NotAllowed("Chỉ lãnh đạo đã yêu cầu ký mới hoàn tất được yêu cầu này.")
    if request.outcome == SIGNED:
        return [site["dossiers"][code] for code in request.codes]
    if request.outcome is not None:
        raise Ended(request.message, request.id)
    if request.expired(now):
        raise Ended(csc.SERVICE_ERRORS["approval_timeout"][1], request.id)
    collected = {} if collected is None else collected
    ready = [request.prepared(code) for code in request.codes]
    if request.id not in collected:
        collected[request.id] = _collect(request, account, settings, ready)
    identity, signatures = collected[request.id]
    if identity is None:
        del collected[request.id]
        return None
    try:   # the approval is spent: from here a failure ends the request (nothing kept)
        signed = _sign(request, ready, identity, signatures, settings)
        return _issue(site, request, account, settings, now, services, signed)
    except errors.DomainError as exc:
        raise Ended(exc.message, request.id, exc.status) from None


def _collect(request, account, settings, ready):
    """The service's answer: (None, None) while pending, else (identity, signatures)."""
    try:
        return csc.collect(_remote(settings), account.signer, request.credential,
                           request.service_id, [p.to_sign for p in ready])
    except csc.UnknownRequest:
        raise errors.StateConflict(BEING_FINISHED, allowed=()) from None
    except csc.RemoteRefused as exc:
        raise Ended(exc.message, request.id) from None


def _sign(request, ready, identity, signatures, settings):
    for prepared, signature in zip(ready, signatures):
        csc.check_signature(identity.certificate, prepared.to_sign, signature)
    signing = sign.signing_from_settings(settings)
    return {code: deferred.finish(p, sig, identity, signing)
            for code, p, sig in zip(request.codes, ready, signatures)}


def _issue(site, request, account, settings, now, services, signed):
    from tthc_docs.dossiers import actions
    dossiers = [site["dossiers"][code] for code in request.codes]
    services = dataclasses.replace(services, issuer=Finisher(site, settings, request, signed))
    approval = Approval(request, account.login)
    for dossier in dossiers:
        actions.fire(dossier, "sign", account, {"approval": approval}, now, services)
    request.end(SIGNED, now, results={d.code: dict(d.results[-1]) for d in dossiers})
    return dossiers


def record_end(db, request_id, message, now):
    """Keep a refused request's end in a transaction of its own (the request's is aborted)."""
    from tthc_docs.people.throttle import apart

    def end(site):
        found = site.signing_requests.get(request_id)
        if found is not None and found.outcome is None:
            found.end(REFUSED, now, message)
    apart(db, end)
