"""Who may read a vault document for a dossier: the one grant rule (no web imports).

The owner reads everything in their vault. Anyone else (an officer) reads a
document only for a named dossier, and only when the vault holds a grant for
that dossier and the officer's agency; every such read is logged by the
caller. Grants are given at three moments, all through this module: filing
(the attachments and the documents the e-form names), a supplement (the new
attachments) and signing (the issued result, which the agency must be able
to read for the hand-over).
"""
from tthc_docs import errors
from tthc_docs.dossiers.states import ACTIVE


def attach(vault, doc_id, dossier):
    """``dossier`` references ``doc_id``: its handling agency may read it for that dossier."""
    vault.grant(doc_id, dossier.code, dossier.agency)
    vault.note_reuse(doc_id, dossier.code)


def issued(vault, doc_id, dossier):
    """The agency that issued a result may read it for the dossier that produced it."""
    vault.grant(doc_id, dossier.code, dossier.agency)


def reading_for(vault, doc_id, account, dossier_code):
    """The dossier code ``account`` reads ``doc_id`` for; None for the owner; else 403."""
    if account.login == vault.owner:
        return None
    if not dossier_code:
        raise errors.NotAllowed('Cán bộ chỉ được xem giấy tờ kèm theo mã hồ sơ (?dossier=).')
    if not vault.is_granted(doc_id, dossier_code, account.agency):
        raise errors.NotAllowed('Cơ quan của bạn không được cấp quyền xem giấy tờ này '
                                'cho hồ sơ đã nêu.')
    return dossier_code


def needs_papers(dossiers):
    """``code -> bool``: a dossier that is not final (``states.ACTIVE``) still needs its papers.

    A result that is ready but not yet handed over still rests on the papers
    it was decided on, so the owner may not delete them until then.
    """
    def needed(code):
        dossier = dossiers.get(code)
        return dossier is not None and dossier.status in ACTIVE
    return needed
