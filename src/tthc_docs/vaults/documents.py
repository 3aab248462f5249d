"""Vault documents: bytes in ZODB blobs, stored once per vault by SHA-256.

A `DocumentFolder` (``/vaults/<id>/documents``) keeps its documents under
opaque ids and an index from SHA-256 to id.  Storing the same bytes again
finds the index entry and returns the existing document: nothing is copied.
Two transactions that store the same new bytes at the same time both insert
the same key into that index; BTrees refuse to merge that, one transaction
gets a ConflictError and, retried, finds the document the other one made.
"""
from __future__ import annotations

import secrets

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from ZODB.blob import Blob

from tthc_docs.catalog import doctypes
from tthc_docs import errors, timeutil
from tthc_docs.vaults import uploads
from tthc_docs import security as s
from tthc_docs.container import Container

#: How a document came into the vault.
UPLOADED, DIGITIZED, ISSUED = 'uploaded', 'digitized', 'issued'
KINDS = {
    UPLOADED: 'Tự tải lên',
    DIGITIZED: 'Số hóa tại bộ phận một cửa',
    ISSUED: 'Kết quả do cơ quan cấp',
}

#: Extra facts `add_document` accepts (issued results, digitised copies).
META_KEYS = ('signed', 'issued_by', 'issued_at', 'dossier', 'replaces',
             'certified_by', 'original', 'filename')

_MAX_TITLE = 200

def stamp():
    """`timeutil.now()` in the fixed +07:00 zone, which ZODB can pickle
    (also when a test pins the clock with a ZoneInfo datetime)."""
    return timeutil.now().astimezone(timeutil.VN_TZ)


class Document(Persistent):
    """One file in a vault; immutable once stored (a correction is a new one).

    Its ACL lets officers *ask* for it: the views then demand a grant for
    the officer's agency and a dossier, and log the read.  The owner reads
    freely; everyone else is refused.
    """

    __name__ = None
    __parent__ = None
    signed = False
    issued_by = None
    issued_at = None
    dossier = None
    replaces = None
    certified_by = None
    original = None
    filename = None
    pages = None
    width = None
    height = None
    #: The signature's verdict judged when the document was issued (``signing.verify``);
    #: None for an unsigned document or one stored before verdicts were kept.
    verification = None

    def __init__(self, *, checked, title, doc_type, kind, added_by, added_at):
        self.sha256 = checked.sha256
        self.size = checked.size
        self.content_type = checked.content_type
        self.pages = checked.pages
        self.width = checked.width
        self.height = checked.height
        self.title = title
        self.doc_type = doc_type
        self.kind = kind
        self.added_by = added_by
        self.added_at = added_at
        self.blob = Blob()

    @property
    def id(self):
        return self.__name__

    @property
    def __acl__(self):
        owner = getattr(self.vault, 'owner', None)
        acl = [(s.Allow, s.user(owner), (s.VIEW, s.OWN))] if owner else []
        acl += [(s.Allow, s.role(r), s.VIEW) for r in s.OFFICER_ROLES]
        return acl + [s.DENY_ALL]

    @property
    def vault(self):
        folder = self.__parent__
        return folder.__parent__ if folder is not None else None

    def write(self, data: bytes) -> None:
        with self.blob.open('w') as f:
            f.write(data)

    def open(self):
        """A binary file on the blob, for streaming a download."""
        return self.blob.open('r')

    def read(self) -> bytes:
        with self.blob.open('r') as f:
            return f.read()

    versions = ()

    def revise(self, data: bytes, note: str = '') -> None:
        """A new version of this document: an incremental update of its bytes (archive timestamp).

        The old bytes must be a prefix of the new ones (nothing signed
        changes), so earlier versions stay recoverable and their SHA-256 keeps
        finding this document; every dossier's reference (by id) sees the new one.
        """
        if not data.startswith(self.read()):
            raise ValueError('a new version must extend the old bytes')
        import hashlib
        folder = self.__parent__
        self.versions = tuple(self.versions) + (
            {'sha256': self.sha256, 'size': self.size, 'until': stamp(), 'note': note},)
        grown = len(data) - self.size
        self.sha256, self.size = hashlib.sha256(data).hexdigest(), len(data)
        self.write(data)
        if folder is not None:
            folder.by_sha[self.sha256] = self.id
            folder.total_bytes.change(grown)

    @property
    def etag(self) -> str:
        return self.sha256

    @property
    def download_name(self) -> str:
        ext = uploads.ACCEPTED.get(self.content_type, '')
        return self.filename or uploads.clean_filename(self.title, ext)


class DocumentFolder(Container):
    """``/vaults/<id>/documents``: documents by id, plus the SHA-256 index."""

    def __init__(self):
        super().__init__()
        self.by_sha = OOBTree()
        self.total_bytes = Length()

    def find_sha(self, sha256: str) -> Document | None:
        doc_id = self.by_sha.get(sha256)
        return self.get(doc_id) if doc_id is not None else None

    def store(self, data: bytes, *, title, doc_type, kind, added_by,
              limit=uploads.DEFAULT_MAX_UPLOAD_BYTES, **meta):
        """Check, then store once: `(document, created)`."""
        checked = uploads.inspect(data, limit)
        existing = self.find_sha(checked.sha256)
        if existing is not None:
            return existing, False
        doc = Document(checked=checked,
                       title=_clean_title(title, doc_type),
                       doc_type=_check_doc_type(doc_type),
                       kind=_check_kind(kind),
                       added_by=added_by, added_at=stamp())
        for key, value in _check_meta(meta).items():
            setattr(doc, key, value)
        if doc.filename is not None:
            doc.filename = uploads.clean_filename(doc.filename, checked.extension)
        doc.write(data)
        doc_id = self._new_id()
        self.add(doc_id, doc)
        self.by_sha[checked.sha256] = doc_id
        self.total_bytes.change(checked.size)
        return doc, True

    def discard(self, doc_id: str) -> Document:
        doc = self.remove(doc_id)
        if self.by_sha.get(doc.sha256) == doc_id:
            del self.by_sha[doc.sha256]
        self.total_bytes.change(-doc.size)
        return doc

    def _new_id(self) -> str:
        while True:
            doc_id = 'd-' + secrets.token_hex(8)
            if doc_id not in self:
                return doc_id


def _check_kind(kind):
    if kind not in KINDS:
        raise errors.Invalid('Loại nguồn giấy tờ không hợp lệ.',
                             {'kind': f'Phải là một trong: {", ".join(KINDS)}.'})
    return kind


def _check_doc_type(doc_type):
    if not doctypes.is_known(doc_type):
        raise errors.Invalid('Loại giấy tờ không có trong danh mục.',
                             {'doc_type': f'"{doc_type}" không có trong danh mục '
                                          f'loại giấy tờ (xem /@@doc-types).'})
    return doc_type


def _clean_title(title, doc_type):
    """NFC, single-line, bounded; the type's title when none is given."""
    import unicodedata
    text = unicodedata.normalize('NFC', title or '')
    text = ' '.join(''.join(ch if unicodedata.category(ch)[0] != 'C' else ' '
                            for ch in text).split())
    if len(text) > _MAX_TITLE:
        raise errors.Invalid('Tên giấy tờ quá dài.',
                             {'title': f'Tối đa {_MAX_TITLE} ký tự.'})
    return text or doctypes.title_of(doc_type)


def _check_meta(meta):
    unknown = sorted(set(meta) - set(META_KEYS))
    if unknown:
        raise TypeError(f'unknown document facts: {unknown}')
    return meta


def serialize_document(doc, request=None, url=None) -> dict:
    """The JSON of one document (API.md), shared by JSON views and templates."""
    return {
        'id': doc.id,
        'title': doc.title,
        'doc_type': doc.doc_type,
        'doc_type_title': doctypes.title_of(doc.doc_type),
        'sha256': doc.sha256,
        'size': doc.size,
        'content_type': doc.content_type,
        'kind': doc.kind,
        'signed': bool(doc.signed),
        'issued_by': doc.issued_by,
        'issued_at': timeutil.iso(doc.issued_at) if hasattr(doc.issued_at, 'isoformat')
        else doc.issued_at,
        'added_by': doc.added_by,
        'added_at': timeutil.iso(doc.added_at),
        'certified_by': doc.certified_by,
        'original': doc.original,
        'dossier': doc.dossier,
        'replaces': doc.replaces,
        'filename': doc.download_name,
        'url': url,
    }
