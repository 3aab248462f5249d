"""Filing a dossier: online by the citizen, or at the counter by a reception officer.

Pure domain code over the site's resources (no web imports): the views parse
the request and call :func:`file_application`. Everything is checked before
anything is written, so a refused application leaves no half-made dossier;
attachments are references to documents of the owner's vault of the type
each requirement asks for (an upload lands in the vault first).
"""
import hashlib
import json

from tthc_docs.vaults import counter
from tthc_docs import errors, roles
from tthc_docs.dossiers import grants
from tthc_docs.catalog import channels, fees
from tthc_docs.dossiers.content import COUNTER, ONLINE, Dossier, applicant_name
from tthc_docs.people import jurisdiction
from tthc_docs.text.messages import Message

ANY_DOC_TYPE = 'other'
DECLARATION_DOC_TYPE = 'don-de-nghi'  # the paper declaration an e-form replaces


def channel_for(account):
    """How ``account`` files: a citizen online for themself, reception at its counter.

    401 when nobody is logged in, 403 for every other role.
    """
    if account is None:
        raise errors.NotLoggedIn('Cần đăng nhập để nộp hồ sơ.')
    if roles.CITIZEN in account.roles:
        return ONLINE
    if roles.RECEPTION in account.roles and account.agency:
        return COUNTER
    raise errors.NotAllowed('Chỉ công dân hoặc cán bộ một cửa được nộp hồ sơ.')


def published_version(site, code):
    """The procedure's published version; 404 unknown, 409 not usable."""
    procedure = site['procedures'].get(code)
    if procedure is None:
        raise errors.NotFound(errors.Words('Không có thủ tục mã ${code}.', code=code))
    state = getattr(procedure, 'state', None)
    version = procedure.published_version() if state == 'published' else None
    if version is None:
        template = ('Thủ tục ${code} đã bãi bỏ: không thể nộp hồ sơ.' if state == 'retired'
                    else 'Thủ tục ${code} chưa được công bố: không thể nộp hồ sơ.')
        raise errors.StateConflict(errors.Words(template, code=code))
    return version


def choose_agency(site, version, wanted, account=None, channel=ONLINE, residence=None):
    """The handling agency: one the procedure allows (any residence).

    At a counter, any desk of the province may receive a procedure that
    allows it; the handling agency then follows the procedure's rules
    (`people.jurisdiction`), ``residence`` being the applicant's commune code.
    """
    allowed = list(version.agencies or ())
    if channel == COUNTER:
        wanted = wanted or account.agency
        if wanted != account.agency:
            raise errors.Invalid('Cán bộ chỉ tiếp nhận tại cơ quan của mình.',
                                 {'agency': 'phải là cơ quan của cán bộ'})
        if jurisdiction.may_receive(site['agencies'], version, wanted):
            return jurisdiction.handling_agency(site['agencies'], version, residence, desk=wanted)
        if not jurisdiction.allows_any_desk(version):
            raise errors.Invalid(
                f'Thủ tục {version.code} không tiếp nhận hồ sơ không phụ thuộc địa giới hành '
                'chính (Nghị định 118/2025/NĐ-CP; thủ tục không cho phép): chỉ tiếp nhận tại '
                + ', '.join(allowed) + '.',
                {'agency': 'thủ tục chỉ tiếp nhận tại: ' + ', '.join(allowed),
                 'receivable_anywhere': 'false'})
    if not wanted and len(allowed) == 1:
        wanted = allowed[0]
    if not wanted:
        raise errors.Invalid('Cần chọn cơ quan tiếp nhận.',
                             {'agency': 'một trong: ' + ', '.join(allowed)})
    if (allowed and wanted not in allowed) or site['agencies'].by_code(wanted) is None:
        raise errors.Invalid('Thủ tục này không được tiếp nhận tại cơ quan đã chọn.',
                             {'agency': 'một trong: ' + ', '.join(allowed)})
    return wanted


def vault_documents(vault):
    """The owner's documents as the form checks them: ``[(id, title, doc_type)]``."""
    return [(d.id, d.title, d.doc_type) for d in vault.documents.values()]


def form_data(site, version, data, profile, documents=None):
    """Validate ``data`` against the published form (prefilled from the vault).

    ``documents`` (see :func:`vault_documents`): a document field must name
    one of them, of its type; ``None`` leaves document fields unchecked.
    """
    if not isinstance(data, dict):
        raise errors.Invalid('Dữ liệu tờ khai phải là một đối tượng.', {'data': 'không hợp lệ'})
    if not version.form:
        return dict(data), None, None
    template = site['forms'].get(version.form)
    form = template.published_version() if template is not None else None
    if form is None:
        raise errors.StateConflict(errors.Words('Mẫu tờ khai ${form} chưa được công bố.', form=version.form))
    return (form.validate(data, dict(profile or {}), documents=documents),
            version.form, form.version)


def met_by_the_e_form(version, requirement):
    """True for the declaration (tờ khai) of a procedure that has an e-form.

    The citizen fills the e-form instead of bringing the paper declaration
    (information given once), so that requirement needs no attachment; a
    scanned declaration may still be attached.
    """
    return bool(version.form) and requirement.get('doc_type') == DECLARATION_DOC_TYPE


def check_attachments(version, vault, attachments):
    """References for each requirement; 422 naming every missing or wrong one."""
    if not isinstance(attachments, dict):
        raise errors.Invalid('Giấy tờ kèm theo không hợp lệ.', {'attachments': 'phải là đối tượng'})
    requirements = {r['id']: r for r in version.requirements or ()}
    problems, refs, missing = {}, [], []
    for req_id in attachments:
        if req_id not in requirements:
            problems[f'attachments.{req_id}'] = 'thủ tục không có thành phần này'
    for req_id, req in requirements.items():
        doc_id = attachments.get(req_id)
        if not doc_id:
            if req.get('required', True) and not met_by_the_e_form(version, req):
                problems[f'attachments.{req_id}'] = Message('thiếu: ${name}', name=req['name'])
                missing.append(req['name'])
            continue
        reason, doc = _document_for(vault, req, doc_id)
        if reason:
            problems[f'attachments.{req_id}'] = reason
        else:
            refs.append({'requirement': req_id, 'vault': vault.id,   # name: the version's
                         'document': doc.id, 'sha256': doc.sha256,
                         'doc_type': doc.doc_type, 'title': doc.title})
    if problems:
        msg = (Message('Hồ sơ thiếu: ${names}.', names='; '.join(missing)) if missing
               else 'Giấy tờ kèm theo không hợp lệ.')
        raise errors.Invalid(msg, problems)
    return refs


def _document_for(vault, req, doc_id):
    try:
        doc = vault.get_document(doc_id)
    except errors.NotFound:
        return 'không có giấy tờ này trong kho của người nộp', None
    wanted = req.get('doc_type') or ANY_DOC_TYPE
    if wanted != ANY_DOC_TYPE and doc.doc_type != wanted:
        return Message('cần giấy tờ loại ${wanted}, không phải ${given}', wanted=wanted,
                       given=doc.doc_type), None
    return None, doc


def offered_documents(documents, requirement):
    """The vault documents a requirement may take, issued (signed) results first.

    Reuse (issue 7): a result the state already issued and signed is the
    best proof there is, so it is offered before the citizen's own copies;
    within each group the newest comes first. A requirement of type
    ``other`` (or none) takes any document.
    """
    wanted = requirement.get('doc_type') or ANY_DOC_TYPE
    fitting = [d for d in documents if wanted == ANY_DOC_TYPE or d.doc_type == wanted]
    fitting.sort(key=lambda d: str(d.issued_at or d.added_at or ''), reverse=True)
    fitting.sort(key=lambda d: not d.signed)
    return fitting


def form_documents(site, dossier):
    """Vault document ids named by the form's document fields (already validated).

    They are references like attachments: the handling agency is granted
    them, so officers can open what the declaration points to.
    """
    form = site['forms'].version_of(dossier.form_name, dossier.form_version) \
        if dossier.form_name and dossier.form_version else None
    if form is None:
        return []
    found = []
    for field in form.fields:
        value = dossier.data.get(field['name'])
        if field.get('type') == 'document' and isinstance(value, str) and value:
            found.append(value)
    return found


def fingerprint(code, agency, channel, data, attachments):
    """A digest of an application, to spot the same one posted twice."""
    blob = json.dumps([code, agency, channel, data, attachments], sort_keys=True,
                      default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode('utf-8')).hexdigest()


def owner_vault(site, account, channel, citizen=None, served=None):
    """The vault the dossier belongs to: the citizen's own, or the one named at the counter.

    At the counter the named citizen must own ``served``, the vault the
    officer found by ID card in this session (`counter`); anything else is a
    403, whether or not the login exists, so logins cannot be probed.
    """
    vaults = site['vaults']
    if channel == ONLINE:
        vault = vaults.for_owner(account.login)
        if vault is None:
            raise errors.StateConflict('Tài khoản chưa có kho dữ liệu cá nhân.')
        return vault
    return counter.check_served(vaults.for_owner(citizen) if citizen else None, served)


def file_application(site, account, code, payload, now, channel=ONLINE, idempotency_key=None,
                     served=None):
    """File an application; returns ``(dossier, created)``.

    ``payload``: ``data``, ``attachments`` {requirement id: vault document id},
    ``agency``, and for the counter ``citizen`` (the owner's login). A replay
    (same ``Idempotency-Key``, or the identical application within a short
    window) returns the first dossier with ``created`` False. ``served``: the
    vault found at the counter in this session (see `owner_vault`).
    """
    version = published_version(site, code)
    channels.check(version, channel)
    vault = owner_vault(site, account, channel, payload.get('citizen'), served)
    agency = choose_agency(site, version, payload.get('agency'), account, channel,
                           jurisdiction.residence_commune(vault.profile))
    documents = vault_documents(vault) if version.form else None   # only a form reads them
    data, form_name, form_version = form_data(site, version, payload.get('data') or {},
                                              vault.profile, documents)
    refs = check_attachments(version, vault, payload.get('attachments') or {})
    registry = site['dossiers']
    digest = fingerprint(code, agency, channel, data, refs)
    earlier = registry.replay(vault.owner, now, idempotency_key, digest)
    if earlier is not None:
        return earlier, False
    dossier = Dossier(
        owner=vault.owner, vault_id=vault.id, procedure=version, agency=agency,
        channel=channel, data=data, form_name=form_name, form_version=form_version,
        attachments=refs, fee_amount=fees.quote(version, channel).amount,
        submitted_at=now, submitted_by=account.login)
    dossier.applicant_name = applicant_name(site, dossier)
    dossier.receiving_agency = account.agency if channel == COUNTER else None  # the desk, on the record
    registry.file(dossier, now, idempotency_key, digest)
    for doc_id in [ref['document'] for ref in refs] + form_documents(site, dossier):
        grants.attach(vault, doc_id, dossier)
    dossier.add_history('submit', account.login, '', at=now, by_name=account.full_name,
                        channel=channel, target=dossier.status)
    return dossier, True


def supplement_attachments(dossier, vault, attachments):
    """Add or replace attachments sent with a supplement; grant them too."""
    if not attachments:
        return
    reqs = {r['id']: r for r in dossier.requirements}
    problems, current = {}, {a['requirement']: a for a in dossier.attachments}
    for req_id, doc_id in attachments.items():
        req = reqs.get(req_id)
        if req is None:
            problems[f'attachments.{req_id}'] = 'thủ tục không có thành phần này'
            continue
        reason, doc = _document_for(vault, req, doc_id)
        if reason:
            problems[f'attachments.{req_id}'] = reason
            continue
        current[req_id] = {'requirement': req_id, 'vault': vault.id,   # name: the version's
                           'document': doc.id, 'sha256': doc.sha256,
                           'doc_type': doc.doc_type, 'title': doc.title}
    if problems:
        raise errors.Invalid('Giấy tờ bổ sung không hợp lệ.', problems)
    dossier.attachments = list(current.values())
    for ref in dossier.attachments:
        grants.attach(vault, ref['document'], dossier)
