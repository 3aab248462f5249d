"""Who may read a vault document for a dossier: the one grant rule (no web imports).

The owner reads everything in their vault. Anyone else (an officer) reads a
document only for a named dossier, and only when the vault holds a grant for
that dossier and the officer's agency; every such read is logged by the
caller. Grants are given at four moments, all through this module: filing
(the attachments and the documents the e-form names), a supplement (the new
attachments), signing (the issued result, which the agency must be able
to read for the hand-over) and a complaint's filing (its attachments, for
the agency it is routed to: ``for_feedback``).

A grant is keyed by what the reading is *for*: a dossier's code, or for a
complaint ``feedback_purpose(id)`` (``phan-anh:<id>``), which no dossier
code can equal (codes have no colon). The officer names it in the URL
(``?dossier=<code>`` or ``?feedback=<id>``) and the owner's access log
records it.

Retention (how long a grant lasts), by document kind and dossier state:

- papers the citizen provided for the dossier (attachments, documents the
  e-form names, supplements; kinds ``uploaded`` and ``digitized``): readable
  by the handling agency while the dossier is active, and by the desk that
  received it for another agency only during intake (``DESK_READS``); revoked when it ends
  (``returned``, ``rejected``, ``withdrawn``).  The agency needed them to
  decide; once decided, they are the citizen's again (Decree 13/2023/NĐ-CP
  on personal data protection: processed only for, and only as long as,
  the purpose they were given for).
- the result the agency issued (kind ``issued``): readable by the desk that
  received the dossier for another agency while it waits to be handed back
  there (``DESK_HANDS_BACK``: Decree 61/2018/NĐ-CP art. 19, the result is
  returned at the one-stop desk; Decree 118/2025/NĐ-CP), not after; and it
  stays readable by the
  issuing agency for the dossier that produced it, after the end too: it is
  the agency's own signed act, which it must be able to produce when the
  result is checked or complained about (Decree 45/2020/NĐ-CP on
  administrative procedures by electronic means: electronic results and
  their keeping).
"""
from tthc_docs import errors, roles
from tthc_docs.dossiers.states import (
    ACTIVE, FINAL, RESULT_READY, SUBMITTED, SUPPLEMENT_REQUESTED)

#: While the dossier is in these states, the desk that received it for another
#: agency checks its papers (Decree 118/2025/NĐ-CP: the one-stop desk checks
#: completeness at intake); afterwards only the handling agency reads them.
DESK_READS = frozenset({SUBMITTED, SUPPLEMENT_REQUESTED})
#: While the dossier is in these states, that desk reads the result it will hand
#: back at its counter (and nothing else of the dossier's).
DESK_HANDS_BACK = frozenset({RESULT_READY})


#: What begins the grantee of a desk's grant (``desk_grantee``).
DESK_PREFIX = 'desk:'


def desk_grantee(unit):
    """Who a desk's grant is for: the reception officers of ``unit``, never its other officers.

    A grant names an agency code; the desk that received a dossier for another
    agency is only its one-stop officers (``roles.DESK``), so its grants name
    ``desk:<unit>``, which no agency code can equal (codes have no colon).
    """
    return DESK_PREFIX + unit


def attach(vault, doc_id, dossier):
    """``dossier`` references ``doc_id``: its handling agency (and, at intake, its desk) may read it."""
    vault.grant(doc_id, dossier.code, dossier.agency)
    if dossier.other_desk and dossier.status in DESK_READS:
        vault.grant(doc_id, dossier.code, desk_grantee(dossier.other_desk))
    vault.note_reuse(doc_id, dossier.code)


def release_desk(vault, dossier):
    """Revoke the receiving desk's reads once intake is over, but the result while it waits
    to be handed back (``DESK_HANDS_BACK``); returns how many were revoked."""
    desk = dossier.other_desk
    if desk is None or dossier.status in DESK_READS:
        return 0
    keep = _results_in(vault, dossier) if dossier.status in DESK_HANDS_BACK else set()
    ended = [key for key in vault.grants.keys()
             if key[1] == dossier.code and key[2] == desk_grantee(desk) and key[0] not in keep]
    for doc_id, code, agency in ended:
        vault.revoke(doc_id, code, agency)
    return len(ended)


def issued(vault, doc_id, dossier):
    """The agency that issued a result may read it for the dossier that produced it;
    so may the desk that will hand it back, until it has (``release_desk``)."""
    vault.grant(doc_id, dossier.code, dossier.agency)
    if dossier.other_desk and dossier.status in DESK_HANDS_BACK:
        vault.grant(doc_id, dossier.code, desk_grantee(dossier.other_desk))


def _results_in(vault, dossier):
    """The ids of ``dossier``'s results kept in ``vault``."""
    return {ref['document'] for ref in dossier.results or ()
            if ref.get('vault', vault.id) == vault.id}


FEEDBACK_PREFIX = 'phan-anh:'


def feedback_purpose(feedback_id):
    """The grant key's purpose for a complaint (Decree 20/2008/NĐ-CP: the agency handles it)."""
    return FEEDBACK_PREFIX + feedback_id


def for_feedback(vault, doc_id, feedback):
    """A complaint's attachment: the agency it is routed to may read it for that complaint."""
    vault.grant(doc_id, feedback_purpose(feedback.id), feedback.agency)


def purpose_in(params):
    """What a read is for, from the query: ``?dossier=<code>`` or ``?feedback=<id>``; else None."""
    if params.get('dossier'):
        return params['dossier']
    if params.get('feedback'):
        return feedback_purpose(params['feedback'])
    return None


def reading_for(vault, doc_id, account, dossier_code):
    """The purpose ``account`` reads ``doc_id`` for (``purpose_in``); None for the owner; else 403."""
    if account.login == vault.owner:
        return None
    if not dossier_code:
        raise errors.NotAllowed('Cán bộ chỉ được xem giấy tờ kèm theo mã hồ sơ (?dossier=) '
                                'hoặc mã phản ánh (?feedback=).')
    if not any(vault.is_granted(doc_id, dossier_code, grantee) for grantee in _grantees(account)):
        raise errors.NotAllowed('Cơ quan của bạn không được cấp quyền xem giấy tờ này '
                                'cho hồ sơ đã nêu.')
    return dossier_code


def _grantees(account):
    """Whom a grant must name for ``account`` to read: its agency, and its desk for reception."""
    if not account.agency:
        return []
    desk = [desk_grantee(account.agency)] if roles.RECEPTION in account.roles else []
    return [account.agency] + desk


def needs_papers(dossiers):
    """``code -> bool``: a dossier that is not final (``states.ACTIVE``) still needs its papers.

    A result that is ready but not yet handed over still rests on the papers
    it was decided on, so the owner may not delete them until then.
    """
    def needed(code):
        dossier = dossiers.get(code)
        return dossier is not None and dossier.status in ACTIVE
    return needed


def release(vault, dossier):
    """Apply the retention rule when ``dossier`` has ended: revoke all but its results' grants.

    Returns how many grants were revoked; nothing while the dossier is active.
    """
    if dossier.status not in FINAL:
        return 0
    results = _results_in(vault, dossier)
    ended = [key for key in vault.grants.keys()
             if key[1] == dossier.code and key[0] not in results]
    for doc_id, code, agency in ended:
        vault.revoke(doc_id, code, agency)
    return len(ended)
