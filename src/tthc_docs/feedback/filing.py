"""Filing a complaint or suggestion: who may, about what, routed where, due when.

Pure domain code over the site's resources (no web imports). Everything is
checked before anything is written:

- the text is required (422 naming ``text``);
- someone without an account gives a contact (a name and a phone number or
  e-mail address) so the agency can answer (422 naming ``contact``);
- about a dossier: only its owner (401 without a login, 403 for anybody
  else); it goes to the agency handling the dossier;
- about a procedure: to the first agency that settles it; about an agency:
  to that agency;
- attachments are documents of the filer's own vault (403 for any other);
  the agency it is routed to is granted each of them for this complaint
  (``dossiers.grants.for_feedback``, the one grant rule), so its officers
  can read them, every read logged in the filer's access log;
- due: ``PROCESSING_DAYS`` working days from receipt, counted as dossier
  deadlines are (``dossiers.deadlines.due_at``, the one rule).
"""
from tthc_docs import errors
from tthc_docs.dossiers import deadlines, grants
from tthc_docs.feedback.content import MAX_TEXT, PROCESSING_DAYS, SUBJECTS, Feedback


def file_feedback(site, account, payload, now, calendar):
    """File one; returns the stored ``Feedback``."""
    subject, ref = payload.get('subject'), payload.get('ref')
    if subject not in SUBJECTS:
        raise errors.Invalid('Cần chọn đối tượng phản ánh.', {'subject': 'một trong: ' + ', '.join(SUBJECTS)})
    if not isinstance(ref, str) or not ref.strip():
        raise errors.Invalid('Cần ghi mã hồ sơ, thủ tục hoặc cơ quan.', {'ref': 'bắt buộc'})
    text = payload.get('text')
    if not isinstance(text, str) or not text.strip():
        raise errors.Invalid('Cần nhập nội dung phản ánh, kiến nghị.', {'text': 'bắt buộc'})
    if len(text) > MAX_TEXT:
        raise errors.Invalid('Nội dung quá dài.', {'text': f'tối đa {MAX_TEXT} ký tự'})
    agency, procedure = _route(site, account, subject, ref.strip())
    contact = _contact(account, payload.get('contact'))
    refs = _attachments(site, account, payload.get('attachments') or [])
    feedback = Feedback(
        subject=subject, ref=ref.strip(), agency=agency, text=text.strip(), attachments=refs,
        public=payload.get('public') is True, filer=account.login if account else None,
        contact=contact, filed_at=now, due_at=deadlines.due_at(now, PROCESSING_DAYS, calendar),
        procedure=procedure)
    site['feedback'].file(feedback, now)
    for ref in refs:
        grants.for_feedback(site['vaults'][ref['vault']], ref['document'], feedback)
    return feedback


def _contact(account, contact):
    if account is not None:
        return {}
    contact = contact if isinstance(contact, dict) else {}
    name = contact.get('name') if isinstance(contact.get('name'), str) else ''
    reach = {k: contact[k].strip() for k in ('phone', 'email')
             if isinstance(contact.get(k), str) and contact[k].strip()}
    if not name.strip() or not reach:
        raise errors.Invalid('Cần để lại họ tên và số điện thoại hoặc thư điện tử để nhận trả lời.',
                             {'contact': 'họ tên và điện thoại hoặc thư điện tử'})
    return dict(reach, name=name.strip()[:200])


def _route(site, account, subject, ref):
    """``(agency code, procedure code)`` responsible for what the feedback is about."""
    if subject == 'dossier':
        if account is None:
            raise errors.NotLoggedIn('Cần đăng nhập để phản ánh về hồ sơ của mình.')
        dossier = site['dossiers'].get(ref)
        if dossier is None or dossier.owner != account.login:
            raise errors.NotAllowed('Chỉ người nộp hồ sơ được phản ánh về hồ sơ này.')
        return dossier.agency, dossier.procedure_code
    if subject == 'procedure':
        procedure = site['procedures'].get(ref)
        version = procedure.published_version() if procedure is not None else None
        if version is None or not version.agencies:
            raise errors.Invalid('Không có thủ tục đang áp dụng với mã này.', {'ref': 'không tồn tại'})
        return version.agencies[0], procedure.code
    if site['agencies'].by_code(ref) is None:
        raise errors.Invalid('Không có cơ quan với mã này.', {'ref': 'không tồn tại'})
    return ref, None


def _attachments(site, account, ids):
    """References to documents of the filer's own vault; 403 for anything else."""
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise errors.Invalid('Giấy tờ kèm theo không hợp lệ.', {'attachments': 'danh sách mã giấy tờ'})
    if not ids:
        return []
    vault = site['vaults'].for_owner(account.login) if account is not None else None
    refs = []
    for doc_id in ids:
        doc = vault.documents.get(doc_id) if vault is not None else None
        if doc is None:
            raise errors.NotAllowed('Chỉ được đính kèm giấy tờ trong kho dữ liệu của chính mình.')
        refs.append({'vault': vault.id, 'document': doc.id, 'sha256': doc.sha256,
                     'title': doc.title})
    return refs
