"""A dossier's papers (Mẫu 01-05 and the payment receipt), issued once and kept as issued.

Circular 01/2018/TT-VPCP makes each paper a record of one event: the receipt
says what was received and when the result is due *at receipt*; an apology
is a new paper, it does not rewrite the receipt.  So a paper is rendered
at its event (``dossiers.press``) from the facts *as they were then*
(``slip_facts``), and what it says never changes afterwards.

What is fixed at the event is the paper's content: its facts, a plain
immutable value (``slips.SlipFacts``), are stored with it in the event's
transaction. Its bytes follow from them alone (``slip_forms.render`` dates
the PDF at the event and uses no clock), so the PDF is rendered later, when
the process is idle (``dossiers.pending``, ``dossiers.renderer``), and
stored once in a ZODB blob with its SHA-256; nothing writes to it again.
Until then ``read`` renders the same bytes in memory from the frozen facts.
A download therefore returns the same bytes for ever; a later event issues
a new paper. Papers issued before the facts were kept have their bytes.

``dossier.papers`` is a ``PaperFolder``: papers by id (``receipt-1``,
``control-3`` ...), the SHA-256 index, the papers each history entry issued
(``by_event``), and ``upto``, how many history entries have been considered,
so issuing is idempotent and catches up in order.
"""
import hashlib

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from ZODB.blob import Blob

from tthc_docs.container import Container
from tthc_docs.lazy import lazy_module

slip_forms = lazy_module("tthc_docs.dossiers.slip_forms")   # reportlab: only when rendering


class AlreadyRendered(RuntimeError):
    """A paper's bytes are stored once; they are never replaced."""


class Facts(Persistent):
    """A paper's frozen facts, in their own record.

    Listing a dossier's papers (its JSON, the answer to every transition)
    loads each ``Paper``; the facts (some 2 KB a paper) are read only to
    render it, so they stay out of the paper's record and out of the
    request threads' caches (the process's memory, issue 15).
    """

    def __init__(self, value):
        self.value = value


class Paper(Persistent):
    """One issued paper: what it is, which event issued it, its frozen facts, then its bytes."""

    __name__ = None
    __parent__ = None
    #: the ``Facts`` record of what it prints (None for a paper issued before they were kept)
    _facts = None
    #: the stored PDF, its SHA-256 and size: None until rendered (``settle``)
    blob = sha256 = size = None

    def __init__(self, *, kind, title, form, number, event, issued_at, facts):
        self.kind = kind              # receipt, supplement, refusal, apology, control, payment-receipt
        self.title = title
        self.form = form              # "01".."05", or "" for the payment receipt
        self.number = number          # the paper's number line ("12/TNHS"), "" when none
        self.event = event            # index of the history entry that issued it
        self.issued_at = issued_at
        self._facts = Facts(facts) if facts is not None else None

    @property
    def facts(self):
        """The ``SlipFacts`` it prints, frozen at its event (None for an older paper)."""
        return self._facts.value if self._facts is not None else None

    @property
    def id(self):
        return self.__name__

    @property
    def ready(self):
        """Whether its bytes are stored (else ``read`` renders them from the facts)."""
        return self.blob is not None

    def render(self, font_dir=None):
        """The bytes its facts make: the same ones whenever and wherever (``slip_forms``)."""
        return slip_forms.render(self.kind, self.facts, font_dir=font_dir)

    def read(self, font_dir=None):
        """The paper's bytes: the stored ones, or until stored, the same rendered in memory."""
        if self.blob is None:
            return self.render(font_dir)
        with self.blob.open('r') as f:
            return f.read()

    def settle(self, data):
        """Store the rendered bytes, once (``dossiers.pending``)."""
        if self.blob is not None:
            raise AlreadyRendered(self.id)
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.size = len(data)
        self.blob = Blob()
        with self.blob.open('w') as f:
            f.write(data)
        folder = self.__parent__
        if folder is not None:
            folder.rendered_one(self)

    @property
    def filename(self):
        dossier = self.__parent__.__parent__ if self.__parent__ is not None else None
        code = getattr(dossier, 'code', '') or ''
        return f'{self.__name__}-{code}.pdf'


class PaperFolder(Container):
    """The papers of one dossier (``dossier.papers``).

    ``by_event`` and ``by_kind`` are plain dicts kept in the folder's own
    record, which every event writes anyway (``upto``): a dossier has tens of
    papers, not thousands, and two small BTrees were two more records in
    every event's commit (issue 15; folders made before evolve step 32 had
    them as ``IOBTree``/``OOBTree``, which that step turns into dicts).

    ``rendered`` counts the papers whose bytes are stored; only the renderer
    changes it (a ``Length``: its own small record, conflicts resolved), so
    a page kept while a paper was pending (``views/kept``) is made again
    once it is ready, and the renderer never writes what a request writes.
    """

    rendered = None

    def __init__(self):
        super().__init__()
        self.by_sha = OOBTree()       # SHA-256 -> paper id, once rendered
        self.by_event = {}            # history index -> (paper id, ...)
        self.by_kind = {}             # kind -> (paper id, ...) oldest first
        self.upto = 0
        self.rendered = Length()

    def store(self, paper):
        """Keep ``paper`` once: the paper its event already issued of that kind, or the new one."""
        for existing in self.of_event(paper.event):
            if existing.kind == paper.kind:
                return existing
        if self.rendered is None:     # a folder made before papers were rendered later
            self.rendered = Length(sum(1 for p in self.values() if p.ready))
        ids = self.by_kind.get(paper.kind, ())
        self.add(f'{paper.kind}-{len(ids) + 1}', paper)
        self.by_kind[paper.kind] = ids + (paper.id,)
        self.by_event[paper.event] = self.by_event.get(paper.event, ()) + (paper.id,)
        self._p_changed = True        # the two maps are plain dicts in this record
        return paper

    def rendered_one(self, paper):
        self.by_sha[paper.sha256] = paper.id
        if self.rendered is not None:
            self.rendered.change(1)

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
