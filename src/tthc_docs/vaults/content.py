"""The citizen's vault: information given once, documents stored once.

``/vaults`` is the `VaultRegistry`; each `Vault` lives under an opaque id
(``v-`` + 16 hex digits), never under a personal ID number.  A vault holds
the owner's profile (with the history of its changes), the documents
(`vault_documents.DocumentFolder`), the grants that let a handling agency
read a document for one dossier, the reuse notes, and the hash-chained
access log of every read by someone other than the owner.
"""
from __future__ import annotations

import secrets

from BTrees.IOBTree import IOBTree
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from persistent.mapping import PersistentMapping

from tthc_docs import errors
from tthc_docs.vaults import uploads
from tthc_docs import security as s
from tthc_docs.vaults.accesslog import AccessLog
from tthc_docs.container import Container
from tthc_docs.vaults.documents import DIGITIZED, ISSUED, UPLOADED, DocumentFolder, stamp

#: Profile keys (contract of BRIEF.md); forms prefill from them.
#: The personal ID number is issued by the national population database (Luật Căn cước
#: 2023, art. 12; Nghị định 59/2022/NĐ-CP on electronic identification): a citizen
#: does not declare it.  It is bound to a vault by an officer reading the card at
#: the counter (or by the national identity login), never typed in by the citizen;
#: otherwise anyone could learn whether a number is registered, or claim one.
ID_NUMBER_RULE = ('Số định danh cá nhân chỉ do cán bộ một cửa gắn vào tài khoản từ thẻ căn cước; '
                  'công dân không tự khai hoặc sửa được.')

PROFILE_KEYS = ('full_name', 'birth_date', 'sex', 'id_number', 'origin',
                'permanent_address', 'current_address', 'phone', 'email',
                'tax_code')


def noted_at():
    """When a grant or a reuse note is made, as ISO 8601 text with +07:00 (``stamp``'s).

    Text, not a datetime: a filing rewrites a bucket of ``grants`` and one of
    ``reuse``, and each datetime in them pickled as its class, its arguments
    and its zone, each an object ZODB looks at, where text is one: the two
    buckets cost four times as much to store (issue 15, evolve step 31).
    ``datetime.fromisoformat`` reads the moment back exactly.
    """
    return stamp().isoformat()


class Vault(Persistent):
    """One person's vault.  Traversal: ``vault['documents'][doc_id]``."""

    __name__ = None
    __parent__ = None

    def __init__(self, owner):
        self.owner = owner
        self.created_at = stamp()
        self.profile = PersistentMapping()
        self.profile_history = IOBTree()
        self.documents = DocumentFolder()
        self.documents.__name__ = 'documents'
        self.documents.__parent__ = self
        self.grants = OOBTree()      # (doc_id, dossier, agency) -> granted at (``noted_at``)
        self.reuse = OOBTree()       # (doc_id, dossier) -> noted at (``noted_at``)
        self.access_log = AccessLog()

    @property
    def __acl__(self):
        return [(s.Allow, s.user(self.owner), (s.VIEW, s.OWN)),
                (s.Allow, s.role(s.RECEPTION), s.DIGITIZE),
                s.DENY_ALL]

    @property
    def id(self):
        return self.__name__

    def __getitem__(self, name):
        if name == 'documents':
            return self.documents
        raise KeyError(name)

    # -- documents ---------------------------------------------------------

    def add_document(self, data: bytes, *, title, doc_type, kind, added_by,
                     content_type=None, limit=uploads.DEFAULT_MAX_UPLOAD_BYTES,
                     quota=None, **meta):
        """Check and store `data` once: `(document, created)`.

        `content_type` is only what a client declared: the stored type is the
        one the content check finds.  `meta`: `signed, issued_by, issued_at,
        dossier, replaces` for issued results, `certified_by, original` for
        digitised copies, `filename`.  `quota` (a `vaults.quota.Quota`): a
        new document that takes the vault over it is refused (409).
        """
        if kind == DIGITIZED and not (meta.get('certified_by') and meta.get('original')):
            raise errors.Invalid('Bản số hóa phải ghi người chứng thực và bản gốc.',
                                 {'original': 'Ghi rõ bản gốc đã đối chiếu.'})
        if meta.get('original') is not None and len(str(meta['original'])) > 300:
            raise errors.Invalid('Mô tả bản gốc quá dài.', {'original': 'Tối đa 300 ký tự.'})
        doc, created = self.documents.store(data, title=title, doc_type=doc_type, kind=kind,
                                            added_by=added_by, limit=limit, **meta)
        if created and quota is not None:
            quota.check(self)   # raises: the request's transaction drops the new document
        return doc, created

    def get_document(self, doc_id):
        """The document, or `errors.NotFound`."""
        doc = self.documents.get(doc_id) if isinstance(doc_id, str) else None
        if doc is None:
            raise errors.NotFound('Không có giấy tờ này trong kho.')
        return doc

    def remove_document(self, doc_id, *, is_active=lambda code: True):
        """The owner deletes an uploaded document that no active dossier uses.

        `is_active(dossier_code)` says whether that dossier is still active
        (``states.ACTIVE``: something may still happen to it, so it holds on
        to its attachments; ``dossiers.grants.needs_papers`` is the rule);
        by default every referencing dossier counts as active.
        """
        doc = self.get_document(doc_id)
        if doc.kind != UPLOADED:
            raise errors.StateConflict(
                'Không thể xóa giấy tờ do cơ quan cấp hoặc bản số hóa tại bộ phận một cửa.')
        in_use = [code for code in self.referencing_dossiers(doc_id) if is_active(code)]
        if in_use:
            raise errors.StateConflict(
                f'Giấy tờ đang được dùng trong hồ sơ chưa kết thúc: {", ".join(in_use)}.')
        for key in list(self.grants.keys((doc_id,), (doc_id, '\uffff'))):
            del self.grants[key]
        return self.documents.discard(doc_id)

    def storage(self) -> dict:
        """What the vault holds: number of documents and bytes."""
        return {'documents': len(self.documents),
                'bytes': self.documents.total_bytes()}

    # -- grants, reuse, access log ----------------------------------------

    def grant(self, doc_id, dossier_code, agency_code):
        """Let officers of `agency_code` read `doc_id` for `dossier_code`."""
        self.get_document(doc_id)
        self.grants[(doc_id, dossier_code, agency_code)] = noted_at()

    def revoke(self, doc_id, dossier_code, agency_code):
        self.grants.pop((doc_id, dossier_code, agency_code), None)

    def is_granted(self, doc_id, dossier_code, agency_code) -> bool:
        if not (doc_id and dossier_code and agency_code):
            return False
        return (doc_id, dossier_code, agency_code) in self.grants

    def log_access(self, who, doc_id, dossier_code=None):
        """Append a read to the hash-chained access log."""
        return self.access_log.append(at=stamp(), who=who,
                                      document=doc_id, dossier=dossier_code)

    def note_reuse(self, doc_id, dossier_code):
        """Record that a dossier referenced this document."""
        self.get_document(doc_id)
        if (doc_id, dossier_code) not in self.reuse:
            self.reuse[(doc_id, dossier_code)] = noted_at()

    def reused_by(self, doc_id) -> list[str]:
        """Dossier codes that referenced `doc_id`, in code order."""
        return [code for _, code in self.reuse.keys((doc_id,), (doc_id, '\uffff'))]

    def referencing_dossiers(self, doc_id) -> list[str]:
        codes = set(self.reused_by(doc_id))
        codes.update(code for _, code, _ in self.grants.keys((doc_id,), (doc_id, '\uffff')))
        return sorted(codes)

    # -- profile -----------------------------------------------------------

    def update_profile(self, values: dict, by: str, bind_id_number=False) -> dict:
        """Apply validated values; keep the changes in the history.

        Returns ``{key: (old, new)}`` for the keys that really changed.  The
        ID number changes only with ``bind_id_number`` (see `ID_NUMBER_RULE`).
        """
        changes = {}
        for key in PROFILE_KEYS:
            if key not in values:
                continue
            new = values[key] or None
            old = self.profile.get(key)
            if new != old:
                changes[key] = (old, new)
        if not changes:
            return {}
        if 'id_number' in changes and not bind_id_number:
            raise errors.Invalid(ID_NUMBER_RULE, {'id_number': ID_NUMBER_RULE})
        if 'id_number' in changes and self.__parent__ is not None:
            self.__parent__.index_id_number(self, *changes['id_number'])
        for key, (_, new) in changes.items():
            if new is None:
                self.profile.pop(key, None)
            else:
                self.profile[key] = new
        seq = (self.profile_history.maxKey() + 1) if self.profile_history else 1
        self.profile_history[seq] = {'at': stamp(), 'by': by,
                                     'changes': dict(changes)}
        return changes

    def history(self):
        """Profile changes, newest first: dicts with at, by, changes."""
        if not self.profile_history:
            return []
        return [dict(self.profile_history[k], seq=k)
                for k in reversed(list(self.profile_history.keys()))]


class VaultRegistry(Container):
    """``/vaults``: one vault per citizen, under an opaque id.

    Two indexes keep look-ups off a scan: owner login -> vault id, and
    personal ID number -> vault id (for the reception counter's search,
    which receives the number in a request body, never in a URL).
    """

    __acl__ = [(s.Allow, s.role(s.RECEPTION), s.DIGITIZE), s.DENY_ALL]

    def __init__(self):
        super().__init__()
        self._by_owner = OOBTree()
        self._by_id_number = OOBTree()

    def create(self, owner_login):
        """A new empty vault for `owner_login` (called with the account)."""
        if self.for_owner(owner_login) is not None:
            raise errors.StateConflict('Tài khoản này đã có kho dữ liệu.')
        while True:
            vault_id = 'v-' + secrets.token_hex(8)
            if vault_id not in self:
                break
        vault = self.add(vault_id, Vault(owner_login))
        self._by_owner[owner_login] = vault_id
        return vault

    def for_owner(self, login):
        vault_id = self._by_owner.get(login)
        return self.get(vault_id) if vault_id is not None else None

    def for_id_number(self, id_number):
        vault_id = self._by_id_number.get(id_number)
        return self.get(vault_id) if vault_id is not None else None

    def index_id_number(self, vault, old, new):
        """Move the ID-number index entry; refuse a number another vault has."""
        index = self._by_id_number
        if new is not None and index.get(new, vault.__name__) != vault.__name__:
            raise errors.Invalid('Số định danh cá nhân đã gắn với một tài khoản khác.',
                                 {'id_number': 'Số định danh này đã có người dùng; '
                                               'hãy liên hệ bộ phận một cửa.'})
        if old is not None and index.get(old) == vault.__name__:
            del index[old]
        if new is not None:
            index[new] = vault.__name__


def find_vault(context):
    """The vault that `context` (a document, the folder, the vault) is in."""
    while context is not None and not isinstance(context, Vault):
        context = getattr(context, '__parent__', None)
    return context


__all__ = ['Vault', 'VaultRegistry', 'PROFILE_KEYS', 'UPLOADED', 'DIGITIZED',
           'ISSUED', 'find_vault']
