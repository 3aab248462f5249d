"""Why a signature was not made: the errors of the signing seam, without pyHanko.

They are raised by ``signer``, ``csc`` and ``pending`` and caught by views and
by ``pending.Ended``, a class ZODB's loading of the site imports on every
request; defining them here keeps that import from pulling in pyHanko (issue 15).
``signer`` and ``csc`` re-export them under their old names.
"""
from tthc_docs import errors


class SigningRefused(errors.DomainError):
    """The leader's signing identity cannot sign now (missing, locked, expired)."""

    status = 409


class RemoteRefused(SigningRefused):
    """The signing service (or the leader through it) refused this signature."""

    status = 409
    code = None   # the service's error code, when it gave one


class UnknownRequest(RemoteRefused):
    """``authorizeCheck`` does not know the request: another finish took its one-use approval."""


class NoCredential(RemoteRefused):
    """The signing service has no credential for this leader."""
