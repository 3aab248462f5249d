"""The payment-provider seam: what the dossier side needs from any gateway.

A provider turns "this dossier owes N đồng" into a URL the citizen's browser
is sent to, and turns what the gateway sends back (the browser's return and
the server-to-server notification) into verified values.  Everything about a
particular gateway (parameter names, signatures, amount units, date formats)
stays inside its adapter; the payment service and the views see only these
classes.
"""
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime

#: ``dossier.payment["provider"]`` of a fee taken in cash at the counter (no gateway).
COUNTER_PROVIDER = "counter"


class PaymentRefused(Exception):
    """A gateway message we must not act on; ``code`` is the answer to send back."""

    def __init__(self, reason, code, status=400, reference=None):
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.status = status
        self.reference = reference


@dataclass(frozen=True)
class PaymentRequest:
    """What the merchant asks the gateway to collect."""

    reference: str
    amount: int
    description: str
    return_url: str
    notify_url: str
    client_ip: str
    created_at: datetime


@dataclass(frozen=True)
class PaymentOutcome:
    """A verified message from the gateway about one transaction.

    ``nonce`` and ``sent_at`` are set for notifications, which must be fresh
    and seen once; a browser return carries neither.
    """

    reference: str
    amount: int
    success: bool
    gateway_code: str
    transaction_no: str = ""
    paid_at: datetime | None = None
    nonce: str = ""
    sent_at: datetime | None = None
    raw: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class RefundResult:
    """The gateway's answer to a refund request."""

    success: bool
    code: str
    message: str = ""


class PaymentProvider(ABC):
    """A payment gateway behind one interface (an adapter per gateway)."""

    #: Short name recorded with each payment (``dossier.payment.provider``).
    name = "provider"

    @abstractmethod
    def redirect_url(self, request: PaymentRequest) -> str:
        """The gateway URL the citizen's browser goes to, signed."""

    @abstractmethod
    def read_return(self, params) -> PaymentOutcome:
        """Verify the parameters of the browser's return; raise ``PaymentRefused``."""

    @abstractmethod
    def read_notification(self, params, now: datetime) -> PaymentOutcome:
        """Verify a server-to-server notification (signature, freshness); raise ``PaymentRefused``."""

    @abstractmethod
    def acknowledge(self, code: str, message: str) -> dict:
        """The body the gateway expects in answer to a notification."""

    def refund(self, reference, transaction_no, amount, paid_at, by, now) -> RefundResult:
        """Ask the gateway to give back one payment (a duplicate); a provider that cannot says so."""
        return RefundResult(False, "unsupported", "this gateway has no refund call")
