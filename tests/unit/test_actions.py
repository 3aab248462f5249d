"""``dossiers.actions.fire``: every action, ``sign`` included, on a real site.

Real parts throughout (the demo database, accounts, vaults, calendar, TOTP
throttle); the only stand-in is the result issuer, which stores a plain PDF
instead of signing with pyHanko, so the rules are tested without the PKI.
"""
from datetime import datetime

import pytest
from samples import make_pdf

from tthc_docs import errors, timeutil
from tthc_docs.dossiers import actions, filing
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.people import totp

CODE = '9.990101'
AGENCY = '000.00.20.H55'
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=timeutil.VN_TZ)   # a working Monday
STEPS = [{'id': 'tiep-nhan', 'name': 'Tiếp nhận', 'role': 'reception', 'days': 0},
         {'id': 'xu-ly', 'name': 'Thẩm định', 'role': 'specialist', 'days': 2},
         {'id': 'phe-duyet', 'name': 'Ký duyệt', 'role': 'leader', 'days': 1},
         {'id': 'tra', 'name': 'Trả kết quả', 'role': 'reception', 'days': 0}]
HAPPY = [('receive', 'reception1'), ('forward', 'reception1'), ('forward', 'specialist1'),
         ('approve', 'leader1'), ('sign', 'leader1'), ('return', 'reception1')]
REACHED = {'receive': 'received', 'forward': 'processing', 'approve': 'awaiting_signature',
           'sign': 'result_ready', 'return': 'returned'}


class FakeIssuer:
    """Stores an unsigned PDF as the issued result, the way ``ResultIssuer`` stores a signed one."""

    def __init__(self, site):
        self.site, self.calls = site, []

    def issue(self, dossier, signer, now):
        self.calls.append((dossier.code, signer))
        vault = self.site['vaults'][dossier.vault_id]
        doc, _ = vault.add_document(make_pdf(f'Kết quả {dossier.code} {len(self.calls)}'),
                                    title='Kết quả', doc_type='other', kind='issued',
                                    added_by=signer, dossier=dossier.code)
        return {'vault': vault.id, 'document': doc.id, 'sha256': doc.sha256}


@pytest.fixture
def site(edit_site):
    """This test's own copy of the demo site, with a free four-step procedure."""
    with edit_site() as site:
        site['procedures'].create({
            'code': CODE, 'name': 'Thủ tục thử', 'field': 'Hộ tịch', 'level': 'province',
            'agencies': [AGENCY], 'processing_days': 5, 'fee': 0, 'online_fee': 0,
            'form': None, 'steps': STEPS, 'requirements': [
                {'id': 'khai-sinh', 'name': 'Giấy khai sinh', 'doc_type': 'giay-khai-sinh',
                 'copies': 1, 'required': True}],
            'result_doc_type': 'other', 'legal_basis': []}, 'editor1')
        site['procedures'].publish(CODE, 'editor1')
        yield site


@pytest.fixture
def services(site):
    return actions.Services(site, calendar_for(site), FakeIssuer(site), totp.TotpThrottle())


@pytest.fixture
def dossier(site):
    citizen = site['people']['citizen1']
    vault = site['vaults'].for_owner('citizen1')
    birth = next(d.id for d in vault.documents.values() if d.doc_type == 'giay-khai-sinh')
    dossier, _ = filing.file_application(site, citizen, CODE, {
        'data': {}, 'attachments': {'khai-sinh': birth}}, NOW)
    return dossier


def fresh_code(site, login='leader1'):
    """Enrol the leader afresh and give the code of this moment."""
    account = site['people'][login]
    account.totp_secret, account.totp_last_step = totp.new_secret(), None
    return totp.current_code(account.totp_secret)


def fire(site, services, dossier, action, login, **params):
    return actions.fire(dossier, action, site['people'][login], params, NOW, services)


def walk(site, services, dossier, state):
    """Fire the happy path until ``dossier`` reaches ``state``."""
    for action, login in HAPPY:
        if dossier.status == state:
            return
        params = {'otp': fresh_code(site)} if action == 'sign' else {}
        fire(site, services, dossier, action, login, **params)
    assert dossier.status == state


# action -> (state it starts from, who, params, the status it leads to)
EVERY_ACTION = {
    'receive': ('submitted', 'reception1', {}, 'received'),
    'assign': ('received', 'leader1', {'assignee': 'specialist1'}, 'received'),
    'forward': ('received', 'reception1', {}, 'processing'),
    'request_supplement': ('submitted', 'reception1', {'note': 'Thiếu bản sao'},
                           'supplement_requested'),
    'supplement': ('supplement_requested', 'citizen1', {}, 'submitted'),
    'approve': ('awaiting_signature', None, {}, 'awaiting_signature'),
    'sign': ('awaiting_signature', 'leader1', {'otp': fresh_code}, 'result_ready'),
    'send_back': ('awaiting_signature', 'leader1', {'note': 'Sửa lại'}, 'processing'),
    'return': ('result_ready', 'reception1', {}, 'returned'),
    'reject': ('submitted', 'reception1', {'note': 'Không thuộc thẩm quyền'}, 'rejected'),
    'withdraw': ('submitted', 'citizen1', {}, 'withdrawn'),
    'apologize': ('received', 'reception1', {'note': 'Chậm', 'new_due': '2027-03-31'},
                  'received'),
    'rate': ('returned', 'citizen1', {'score': 5, 'comment': 'Tốt'}, 'returned'),
}


def test_the_table_names_every_action():
    assert set(EVERY_ACTION) == set(actions.ACTIONS)


@pytest.mark.parametrize('action', sorted(EVERY_ACTION))
def test_every_action_fires_through_actions(site, services, dossier, action):
    start, login, params, expected = EVERY_ACTION[action]
    if action == 'approve':   # approve is the step before awaiting_signature
        walk(site, services, dossier, 'processing')
        fire(site, services, dossier, 'forward', 'specialist1')
        login = 'leader1'
    elif start == 'supplement_requested':
        fire(site, services, dossier, 'request_supplement', 'reception1', note='Thiếu')
    else:
        walk(site, services, dossier, start)
    params = {k: (v(site) if callable(v) else v) for k, v in params.items()}
    fire(site, services, dossier, action, login, **params)
    assert dossier.status == expected


def test_sign_without_the_code_is_refused_and_issues_nothing(site, services, dossier):
    walk(site, services, dossier, 'awaiting_signature')
    fresh_code(site)
    with pytest.raises(errors.Invalid) as exc:
        fire(site, services, dossier, 'sign', 'leader1')
    assert 'otp' in exc.value.fields
    assert (dossier.status, dossier.results, services.issuer.calls) == (
        'awaiting_signature', [], [])


def test_sign_with_a_wrong_code_is_refused(site, services, dossier):
    walk(site, services, dossier, 'awaiting_signature')
    fresh_code(site)
    with pytest.raises(errors.Invalid):
        fire(site, services, dossier, 'sign', 'leader1', otp='000000')
    assert services.issuer.calls == []


def test_sign_by_a_leader_who_never_enrolled_is_told_to_enrol(site, services, dossier):
    walk(site, services, dossier, 'awaiting_signature')
    site['people']['leader1'].totp_secret = None
    with pytest.raises(errors.StateConflict):
        fire(site, services, dossier, 'sign', 'leader1', otp='123456')


def test_a_code_signs_once(site, services, dossier):
    walk(site, services, dossier, 'awaiting_signature')
    code = fresh_code(site)
    fire(site, services, dossier, 'sign', 'leader1', otp=code)
    dossier.status = 'awaiting_signature'   # as if sent back for a correction
    with pytest.raises(errors.Invalid):
        fire(site, services, dossier, 'sign', 'leader1', otp=code)


def test_sign_lists_the_result_once_and_grants_it_to_the_agency(site, services, dossier):
    walk(site, services, dossier, 'result_ready')
    [ref] = dossier.results
    vault = site['vaults'][ref['vault']]
    assert services.issuer.calls == [(dossier.code, 'leader1')]
    assert vault.is_granted(ref['document'], dossier.code, AGENCY)


def test_a_specialist_may_not_sign_even_with_a_code(site, services, dossier):
    walk(site, services, dossier, 'awaiting_signature')
    with pytest.raises(errors.NotAllowed):
        fire(site, services, dossier, 'sign', 'specialist1', otp=fresh_code(site, 'specialist1'))


def test_assigning_a_citizen_is_refused(site, services, dossier):
    walk(site, services, dossier, 'received')
    with pytest.raises(errors.Invalid) as exc:
        fire(site, services, dossier, 'assign', 'leader1', assignee='citizen1')
    assert 'assignee' in exc.value.fields and dossier.assignee is None


def test_an_inactive_specialist_may_not_be_assigned(site, services, dossier):
    walk(site, services, dossier, 'received')
    site['people']['specialist1'].active = False
    with pytest.raises(errors.Invalid):
        fire(site, services, dossier, 'assign', 'leader1', assignee='specialist1')


def test_the_select_offers_exactly_who_may_be_assigned(site, dossier):
    offered = {login for login, _ in actions.assignable(site['people'], dossier)}
    assert offered == {a.login for a in site['people'].values()
                       if actions.may_be_assigned(a, dossier)} and 'specialist1' in offered


def test_a_supplement_replaces_the_attachment_and_grants_it(site, services, dossier):
    fire(site, services, dossier, 'request_supplement', 'reception1', note='Ảnh mờ')
    vault = site['vaults'][dossier.vault_id]
    new, _ = vault.add_document(make_pdf('Giấy khai sinh rõ'), title='Giấy khai sinh',
                                doc_type='giay-khai-sinh', kind='uploaded', added_by='citizen1')
    fire(site, services, dossier, 'supplement', 'citizen1', attachments={'khai-sinh': new.id})
    assert dossier.attachments[0]['document'] == new.id
    assert vault.is_granted(new.id, dossier.code, AGENCY)


def test_a_supplement_in_the_wrong_state_keeps_the_attachments(site, services, dossier):
    before = list(dossier.attachments)
    with pytest.raises(errors.StateConflict):
        fire(site, services, dossier, 'supplement', 'citizen1', attachments={'khai-sinh': 'x'})
    assert dossier.attachments == before


def test_only_the_owner_rates(site, services, dossier):
    walk(site, services, dossier, 'returned')
    with pytest.raises(errors.NotAllowed):
        fire(site, services, dossier, 'rate', 'reception1', score=5)
    assert dossier.rating is None
