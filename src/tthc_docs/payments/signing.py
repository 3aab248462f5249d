"""HMAC-SHA512 over sorted query parameters: the signature the gateway speaks.

VNPay-like gateways sign every message the same way: take the ``vnp_``
parameters except the hash itself, sort them by name, URL-encode them
(``quote_plus``, so a space is ``+``), join them with ``&`` and compute an
HMAC-SHA512 with the merchant's secret, hex-encoded, sent as
``vnp_SecureHash``.  Both sides (the adapter and the development gateway)
use this one module, so they cannot drift apart.
"""
import hashlib
import hmac
from urllib.parse import quote_plus, urlencode

PREFIX = "vnp_"
HASH = "vnp_SecureHash"
HASH_TYPE = "vnp_SecureHashType"


def canonical(params):
    """The signed string: sorted ``vnp_`` parameters, URL-encoded, hash excluded."""
    items = sorted(
        (str(k), str(v)) for k, v in params.items()
        if str(k).startswith(PREFIX) and k not in (HASH, HASH_TYPE) and v not in (None, "")
    )
    return "&".join(f"{k}={quote_plus(v)}" for k, v in items)


def signature(params, secret):
    """Hex HMAC-SHA512 of ``canonical(params)`` under ``secret``."""
    if not secret:
        raise ValueError("the payment secret is not configured")
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    return hmac.new(key, canonical(params).encode("utf-8"), hashlib.sha512).hexdigest()


def sign(params, secret):
    """A copy of ``params`` with ``vnp_SecureHash`` added."""
    signed = {k: str(v) for k, v in params.items() if v not in (None, "")}
    signed.pop(HASH, None)
    signed[HASH] = signature(signed, secret)
    return signed


def is_signed_by(params, secret):
    """True when ``params`` carry a valid signature under ``secret`` (constant time)."""
    given = params.get(HASH) or ""
    if not isinstance(given, str) or not given:
        return False
    try:
        expected = signature(params, secret)
    except ValueError:
        return False
    return hmac.compare_digest(expected.lower(), given.lower())


def signed_query(params, secret):
    """The query string of a signed message, ready to append to a URL."""
    return urlencode(sign(params, secret))
