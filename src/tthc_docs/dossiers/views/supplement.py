"""The applicant hands a supplement in from the dossier page, in the browser.

When the office asks for a supplement (Circular 01/2018/TT-VPCP, Mẫu 02:
the paper names what is missing; Decree 61/2018/NĐ-CP art. 16(2)(c) and 19:
the time the applicant takes is not counted), the owner sees on the dossier
page what was asked and since when the clock stands still, and answers with
documents from the vault or new uploads, one per requirement, and a note.

Uploads go through the apply page's checks (``apply.store_one``: content type
by content, size, quota); the supplement itself is
``dossiers.actions.fire(..., 'supplement', ...)``, the very action the JSON
``@@transition`` fires, with the same schema (``TransitionSchema``). This
module reads the browser's post and prepares the page; the view is
``DossierViews.supplement`` (``dossier.py``).
"""
from tthc_docs import errors
from tthc_docs.dossiers import filing
from tthc_docs.dossiers.views.apply import store_one
from tthc_docs.site.content import find_site
from tthc_docs.vaults.views.documents import REFUSED_FILE, upload_limit

ACTION = 'supplement'
#: The fields of the page's form besides the files: the note and ``attachments.<requirement>``.
NOTE = 'note'


def posted(request):
    """The browser's post as ``TransitionSchema``'s body: the note and the vault documents chosen."""
    body = {'action': ACTION, 'note': request.POST.get(NOTE, ''), 'attachments': {}}
    for name, value in request.POST.items():
        if name.startswith('attachments.') and isinstance(value, str) and value:
            body['attachments'][name[len('attachments.'):]] = value
    return body


def store_uploads(request, dossier, body):
    """Each uploaded file into the owner's vault, then referenced like a chosen document.

    A refused file is raised with its box's name (``file.<requirement>``), so
    the page says why beside it; the caller dooms the transaction.
    """
    account = request.account
    vault = find_site(dossier)['vaults'][dossier.vault_id]
    reqs = {r['id']: r for r in dossier.requirements}
    limit = upload_limit(request)
    for name, value in request.POST.items():
        if not name.startswith('file.') or not hasattr(value, 'file'):
            continue
        req = reqs.get(name[len('file.'):])
        if req is None:
            raise errors.Invalid('Tệp cho thành phần không tồn tại.', {name: 'không hợp lệ'})
        try:
            doc = store_one(request, vault, account, filing.channel_for(account), req, value,
                            limit)
        except REFUSED_FILE as exc:
            raise type(exc)(exc.message, fields={name: exc.message}) from None
        body['attachments'][req['id']] = doc.id


def last_request(dossier):
    """The history entry of the supplement request now pending: its note, who and when."""
    for entry in reversed(list(dossier.history)):
        if entry.get('action') == 'request_supplement':
            return entry
    return None


def form_values(request, dossier, actions, chosen=None):
    """What the owner's supplement form shows, or None when it is not the owner's move.

    Only the owner is offered the form (the vault's documents are theirs to
    choose; an officer handing a supplement in at the counter uses the
    action menu). ``chosen``: after a refused post, the note and documents
    as they were chosen, so nothing has to be chosen twice.
    """
    account = request.account
    if ACTION not in actions or account is None or account.login != dossier.owner:
        return None
    vault = find_site(dossier)['vaults'].get(dossier.vault_id)
    documents = list(vault.documents.values()) if vault is not None else []
    current = {a['requirement']: a for a in dossier.attachments}
    chosen = chosen or {}
    return {'asked': last_request(dossier), 'paused_at': dossier.paused_at,
            'max_upload_bytes': upload_limit(request), 'note': chosen.get('note', ''),
            'chosen': chosen.get('attachments') or {},
            'requirements': [dict(r, documents=filing.offered_documents(documents, r),
                                  current=current.get(r['id']))
                             for r in dossier.requirements]}
