"""Money taken twice: every duplicate payment, flagged for refund until refunded.

A dossier's fee is due once.  When the gateway reports a second successful
payment for a dossier already paid (another attempt, or the same one
completed twice), the money is at the province's account and must go back:
the notification is recorded (``ledger.receipts``), acknowledged, and put
here, where an admin sees it and asks the gateway for the refund
(``GET|POST /@@refunds``).  One queue for the site, written only on the
rare duplicate, so it costs ordinary payments nothing.
"""
from BTrees.OOBTree import OOBTree
from persistent import Persistent

DUE, REFUNDED, FAILED = "due", "refunded", "failed"


def key_of(dossier_code, reference, transaction_no):
    return f"{dossier_code}|{reference}|{transaction_no}"


class RefundQueue(Persistent):
    """key -> {dossier, reference, transaction_no, amount, paid_at, state, ...}."""

    def __init__(self):
        self.items = OOBTree()

    def flag(self, dossier_code, reference, transaction_no, amount, paid_at, noted_at):
        key = key_of(dossier_code, reference, transaction_no)
        if key not in self.items:
            self.items[key] = {"key": key, "dossier": dossier_code, "reference": reference,
                               "transaction_no": transaction_no, "amount": int(amount),
                               "paid_at": paid_at, "noted_at": noted_at, "state": DUE,
                               "by": "", "done_at": None, "gateway_code": ""}
        return self.items[key]

    def get(self, key):
        return self.items.get(key)

    def settle(self, key, state, by, at, gateway_code):
        self.items[key] = dict(self.items[key], state=state, by=by, done_at=at,
                               gateway_code=gateway_code)
        return self.items[key]

    def listing(self, state=None):
        return [item for item in self.items.values() if state is None or item["state"] == state]
