"""Demo dossiers: a few of citizen1's, one in each state an officer's queue shows.

Filed through the same ``Dossier``/registry/workflow code as the app, with
the clock set back so that one dossier is overdue and one is nearly due.
Signing needs the development PKI, which may not exist yet when the demo is
loaded, so no demo dossier goes past ``awaiting_signature``.
"""
from datetime import timedelta

from tthc_docs.catalog import fees
from tthc_docs.dossiers import grants, pending, press, workflow
from tthc_docs import timeutil
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.dossiers.content import ONLINE, Dossier, applicant_name

OWNER = 'citizen1'
# (procedure code, days ago filed, actions with their actors)
PLAN = [
    ('1.001193', 0, []),
    ('1.000894', 1, [('receive', 'reception1')]),
    ('1.004873', 2, [('receive', 'reception1'), ('forward', 'reception1')]),
    ('1.000656', 12, [('receive', 'reception1'), ('forward', 'reception1')]),
    ('2.000635', 3, [('receive', 'reception1'),
                     ('request_supplement', 'reception1')]),
    ('1.004859', 4, [('receive', 'reception1'), ('forward', 'reception1'),
                     ('forward', 'specialist1'), ('approve', 'leader1')]),
]
NOTES = {'request_supplement': 'Đề nghị bổ sung bản sao giấy khai sinh có chứng thực.'}


def _attachments(version, vault):
    """A reference per requirement the vault can meet (demo data is lenient)."""
    by_type = {}
    for doc in vault.documents.values():
        by_type.setdefault(doc.doc_type, doc)
    refs = []
    for req in version.requirements or ():
        doc = by_type.get(req.get('doc_type'))
        if doc is not None:
            refs.append({'requirement': req['id'], 'vault': vault.id,   # name: the version's
                         'document': doc.id, 'sha256': doc.sha256, 'doc_type': doc.doc_type,
                         'title': doc.title})
    return refs


def load(site, settings):
    registry, vault = site['dossiers'], site['vaults'].for_owner(OWNER)
    if vault is None or len(registry):
        return
    people, calendar, now = site['people'], calendar_for(site), timeutil.now()
    papers_press = press.Press.from_settings(settings)
    for code, days_ago, actions in PLAN:
        procedure = site['procedures'].get(code)
        version = procedure.published_version() if procedure is not None else None
        if version is None or not version.agencies:
            continue
        when = now - timedelta(days=days_ago)
        dossier = Dossier(
            owner=OWNER, vault_id=vault.id, procedure=version, agency=version.agencies[0],
            channel=ONLINE, data={}, form_name=version.form, form_version=None,
            attachments=_attachments(version, vault), fee_amount=0,
            submitted_at=when, submitted_by=OWNER)
        dossier.applicant_name = applicant_name(site, dossier)
        dossier.fee_amount = fees.quote(version, ONLINE).amount
        registry.file(dossier, when)
        dossier.add_history('submit', OWNER, '', at=when, channel=ONLINE,
                            target=dossier.status)
        if dossier.fee_amount:
            dossier.record_payment('devgateway', f'DEMO-{dossier.code}', dossier.fee_amount,
                                   when)
        for ref in dossier.attachments:
            grants.attach(vault, ref['document'], dossier)
        for action, login in actions:
            account = people[login]
            ctx = workflow.Context(login=login, roles=dossier.roles_for(account), now=when,
                                   calendar=calendar, note=NOTES.get(action, ''),
                                   name=account.full_name)
            dossier.transition(action, ctx)
        press.issue_pending(site, dossier, papers_press, calendar)
    pending.render_pending(site, papers_press)   # the demo's papers ready before it is served
