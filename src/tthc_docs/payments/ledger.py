"""Per-dossier payment ledger: the attempts started and the notifications seen.

Kept beside the dossier (``dossier.payment_ledger``) rather than in a global
table, so that a notification touches only its own dossier's objects (no
write conflicts between two citizens paying at once) and so that nothing
grows with the whole database.  The ledger remembers:

- each attempt (transaction reference -> amount, started, state), so a
  notification for a reference we never issued is refused;
- each accepted notification's nonce, so the same message sent again is a
  replay and is refused even inside the freshness window;
- each successful payment the gateway reported (reference, transaction
  number), the first that paid the fee and any duplicate alike.
"""
from datetime import timedelta

from BTrees.OOBTree import OOBTree
from persistent import Persistent

ATTR = "payment_ledger"
PENDING, PAID, FAILED = "pending", "paid", "failed"
#: Nonces older than this are forgotten: the freshness window refuses them anyway.
NONCE_MEMORY = timedelta(days=2)


class PaymentLedger(Persistent):
    """Attempts and seen nonces of one dossier."""

    receipts = None   # made on the first successful notification (older ledgers lack it)

    def __init__(self):
        self.attempts = OOBTree()
        self.nonces = OOBTree()

    def open_attempt(self, now, lifetime):
        """The reference of an attempt still payable at the gateway (pending, not expired)."""
        for reference, attempt in self.attempts.items():
            if attempt["state"] == PENDING and attempt["started_at"] + lifetime > now:
                return reference
        return None

    def receive(self, reference, transaction_no, amount, paid_at, duplicate):
        """Record a successful payment; False when this one was recorded already."""
        if self.receipts is None:
            self.receipts = OOBTree()
        key = (reference, transaction_no)
        if key in self.receipts:
            return False
        self.receipts[key] = {"amount": int(amount), "paid_at": paid_at, "duplicate": duplicate}
        return True

    def add_attempt(self, reference, amount, started_at):
        """Record a newly issued transaction reference."""
        self.attempts[reference] = {"amount": int(amount), "started_at": started_at,
                                    "state": PENDING, "gateway_code": ""}

    def attempt(self, reference):
        """The attempt issued under ``reference``, or None."""
        return self.attempts.get(reference)

    def settle(self, reference, state, gateway_code, transaction_no=""):
        """Mark an attempt paid or failed (a new dict, so the BTree sees the change)."""
        self.attempts[reference] = dict(self.attempts[reference], state=state,
                                        gateway_code=gateway_code,
                                        transaction_no=transaction_no)

    def seen(self, nonce):
        """True when a notification with this nonce was already accepted."""
        return nonce in self.nonces

    def remember(self, nonce, at):
        """Remember an accepted nonce; forget the ones too old to matter."""
        self.nonces[nonce] = at
        cutoff = at - NONCE_MEMORY
        for old in [n for n, when in self.nonces.items() if when < cutoff]:
            del self.nonces[old]


def ledger_for(dossier, create=False):
    """The dossier's ledger; made on first use when ``create`` is true."""
    ledger = getattr(dossier, ATTR, None)
    if ledger is None and create:
        ledger = PaymentLedger()
        setattr(dossier, ATTR, ledger)
    return ledger
