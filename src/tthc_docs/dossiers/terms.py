"""What filing now costs and when its result is due: the apply page's summary (pure).

Nothing is decided here: the amounts are the one fee rule's
(``catalog.fees``: the counter fee, and online the procedure's own figure or
the province's 50% cut for online filing) and the date is the one deadline
rule's (``dossiers.deadlines.due_at``: Civil Code 2015 art. 147, the period
starts the working day after receipt; Decree 61/2018/NĐ-CP art. 18-19; the
office's cut-off hour and the days off come in with ``calendar``). This
module only puts them side by side for a person about to file, so that the
page and the dossier it creates cannot disagree.
"""
from dataclasses import dataclass
from datetime import datetime

from tthc_docs.catalog import fees
from tthc_docs.dossiers import deadlines


@dataclass(frozen=True)
class Terms:
    """The fee at each channel, the one this filing owes, and the legal due date."""

    channel: str
    amount: int
    counter: int
    online: int
    processing_days: int
    due_at: datetime

    @property
    def online_cut(self):
        """Whole percent saved by filing online (0 when online costs the same or more)."""
        if not self.counter or self.online >= self.counter:
            return 0
        return (self.counter - self.online) * 100 // self.counter

    @property
    def free(self):
        """Nothing to pay at either channel."""
        return not self.counter and not self.online


def terms(version, channel, now, calendar):
    """The ``Terms`` of filing ``version`` through ``channel`` if it were received ``now``.

    An online dossier's clock starts when reception receives it, so the date
    is what the law promises from a receipt now; the page says so.
    """
    return Terms(channel=channel, amount=fees.quote(version, channel).amount,
                 counter=fees.counter_fee(version), online=fees.online_fee(version),
                 processing_days=int(version.processing_days or 0),
                 due_at=deadlines.due_at(now, version.processing_days, calendar))
