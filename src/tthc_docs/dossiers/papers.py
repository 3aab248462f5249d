"""A dossier's papers (Mẫu 01-05 and the payment receipt), issued once and kept as issued.

Circular 01/2018/TT-VPCP makes each paper a record of one event: the receipt
says what was received and when the result is due *at receipt*; an apology
is a new paper, it does not rewrite the receipt.  So a paper is rendered
when its event happens (``dossiers.press``), its bytes go into a ZODB blob
keyed by their SHA-256 (as vault documents are: the same bytes again are the
same paper), and nothing ever writes to it again.  A download returns the
stored bytes; a later event issues a new paper.

``dossier.papers`` is a ``PaperFolder``: papers by id (``receipt-1``,
``control-3`` ...), the SHA-256 index, the papers each history entry issued
(``by_event``), and ``upto``, how many history entries have been considered,
so issuing is idempotent and catches up in order.
"""
import hashlib

from BTrees.IOBTree import IOBTree
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from ZODB.blob import Blob

from tthc_docs.container import Container


class Paper(Persistent):
    """One issued paper: what it is, which event issued it, and its bytes (immutable)."""

    __name__ = None
    __parent__ = None

    def __init__(self, *, kind, title, form, number, event, issued_at, data):
        self.kind = kind              # receipt, supplement, refusal, apology, control, payment-receipt
        self.title = title
        self.form = form              # "01".."05", or "" for the payment receipt
        self.number = number          # the paper's number line ("12/TNHS"), "" when none
        self.event = event            # index of the history entry that issued it
        self.issued_at = issued_at
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.size = len(data)
        self.blob = Blob()
        with self.blob.open('w') as f:
            f.write(data)

    @property
    def id(self):
        return self.__name__

    def read(self):
        with self.blob.open('r') as f:
            return f.read()

    @property
    def filename(self):
        dossier = self.__parent__.__parent__ if self.__parent__ is not None else None
        code = getattr(dossier, 'code', '') or ''
        return f'{self.__name__}-{code}.pdf'


class PaperFolder(Container):
    """The papers of one dossier (``dossier.papers``)."""

    def __init__(self):
        super().__init__()
        self.by_sha = OOBTree()
        self.by_event = IOBTree()     # history index -> (paper id, ...)
        self.by_kind = OOBTree()      # kind -> (paper id, ...) oldest first
        self.upto = 0

    def store(self, paper):
        """Keep ``paper`` once: the paper already holding the same bytes, or the new one."""
        existing = self.by_sha.get(paper.sha256)
        if existing is not None:
            return self[existing]
        ids = self.by_kind.get(paper.kind, ())
        self.add(f'{paper.kind}-{len(ids) + 1}', paper)
        self.by_sha[paper.sha256] = paper.id
        self.by_kind[paper.kind] = ids + (paper.id,)
        self.by_event[paper.event] = self.by_event.get(paper.event, ()) + (paper.id,)
        return paper

    def latest(self, kind):
        """The newest paper of ``kind``, or None."""
        ids = self.by_kind.get(kind, ())
        return self[ids[-1]] if ids else None

    def of_event(self, index):
        return [self[i] for i in self.by_event.get(index, ())]

    def count(self, kind):
        return len(self.by_kind.get(kind, ()))


def folder_of(dossier, create=False):
    """The dossier's ``PaperFolder`` (made on first issue when ``create``), or None."""
    folder = getattr(dossier, 'papers', None)
    if folder is None and create:
        folder = PaperFolder()
        folder.__name__, folder.__parent__ = 'papers', dossier
        dossier.papers = folder
    return folder
