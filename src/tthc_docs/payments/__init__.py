"""Online payment of fees: a provider interface, a VNPay-like adapter, a dev gateway.

- ``base``: ``PaymentProvider`` and the values it exchanges;
- ``signing``: HMAC-SHA512 over sorted parameters (shared by both ends);
- ``vnpay``: the redirect-and-signed-callback adapter;
- ``service``: start a payment, act on a notification (verified, idempotent,
  replay-proof, amount-checked);
- ``ledger``: the per-dossier record of attempts, seen nonces and payments received;
- ``refunds``: the site's queue of payments taken twice, to refund;
- ``devgateway``: a WSGI gateway for development and tests that speaks the
  protocol for real over loopback HTTP.

Settings: ``tthc_docs.payment.gateway_url``, ``.merchant``, ``.secret``,
``.refund_url`` (the gateway's refund call; default: ``refund`` beside the
pay URL), ``.window_seconds`` (freshness of notifications, default 600) and
``.dev_gateway`` (serve the development gateway at ``/_devgateway/``).
"""
from datetime import timedelta

from tthc_docs.payments.base import PaymentOutcome, PaymentProvider, PaymentRefused, PaymentRequest
from tthc_docs.payments.vnpay import SignedRedirectGateway

PREFIX = "tthc_docs.payment."

__all__ = [
    "PaymentOutcome", "PaymentProvider", "PaymentRefused", "PaymentRequest",
    "SignedRedirectGateway", "provider_from_settings",
]


def provider_from_settings(settings):
    """The configured provider; ``ValueError`` naming the missing setting."""
    settings = settings or {}
    values = {}
    for key in ("gateway_url", "merchant", "secret"):
        values[key] = (settings.get(PREFIX + key) or "").strip()
        if not values[key]:
            raise ValueError(f"setting {PREFIX}{key} is missing")
    window = timedelta(seconds=int(settings.get(PREFIX + "window_seconds") or 600))
    return SignedRedirectGateway(values["gateway_url"], values["merchant"], values["secret"],
                                 window=window,
                                 refund_url=(settings.get(PREFIX + "refund_url") or "").strip()
                                 or None)


def includeme(config):
    config.scan(".views")
