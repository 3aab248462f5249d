"""Shared fixtures of the dossier journeys: a published procedure, filing helpers.

The procedure is made here (not taken from the demo) so the journeys state
exactly what they rely on: two required documents citizen1's demo vault
holds, a fee, a four-step internal process.
"""
from datetime import datetime

import pytest

from tthc_docs import timeutil
from payment_helpers import issue_papers
from tthc_docs.catalog.fees import default_online_fee

CODE = '9.990001'
FREE = '9.990002'
AGENCY = '000.00.20.H55'
MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=timeutil.VN_TZ)

STEPS = [
    {'id': 'tiep-nhan', 'name': 'Tiếp nhận hồ sơ', 'role': 'reception', 'days': 0},
    {'id': 'xu-ly', 'name': 'Thẩm định hồ sơ', 'role': 'specialist', 'days': 2},
    {'id': 'phe-duyet', 'name': 'Lãnh đạo ký duyệt', 'role': 'leader', 'days': 1},
    {'id': 'tra-ket-qua', 'name': 'Trả kết quả', 'role': 'reception', 'days': 0},
]


def procedure_data(code, fee):
    return {
        'code': code, 'name': 'Cấp giấy xác nhận thử nghiệm', 'field': 'Hộ tịch',
        'level': 'province', 'agencies': [AGENCY], 'processing_days': 5,
        'fee': fee, 'online_fee': default_online_fee(fee), 'form': None, 'steps': STEPS,
        'requirements': [
            {'id': 'khai-sinh', 'name': 'Giấy khai sinh', 'doc_type': 'giay-khai-sinh',
             'copies': 1, 'required': True},
            {'id': 'cu-tru', 'name': 'Giấy xác nhận cư trú', 'doc_type': 'xac-nhan-cu-tru',
             'copies': 1, 'required': True},
            {'id': 'anh', 'name': 'Ảnh thẻ', 'doc_type': 'anh-the', 'copies': 1,
             'required': False},
        ],
        'result_doc_type': 'other', 'legal_basis': ['Thông tư 01/2018/TT-VPCP'],
    }


def publish_procedure(site, code, fee=0, **changes):
    """Create and publish, as editor1, a procedure like ``procedure_data``'s, with ``changes``."""
    site['procedures'].create(dict(procedure_data(code, fee), **changes), 'editor1')
    site['procedures'].publish(code, 'editor1')


def publish_form(site, name, title, fields):
    """Create and publish, as editor1, a form template."""
    site['forms'].create(name, title, fields, by='editor1')
    site['forms'][name].publish(by='editor1')


@pytest.fixture
def clock(monkeypatch):
    """Pin ``timeutil.now`` to a working Monday; ``clock.set(dt)`` moves it."""
    class Clock:
        value = MONDAY

        def set(self, value):
            self.value = value

    c = Clock()
    monkeypatch.setattr(timeutil, 'now', lambda: c.value)
    return c


@pytest.fixture
def render_papers(edit_site, settings):
    """``render_papers()`` stores the bytes of every pending paper, as the idle renderer does."""
    from tthc_docs.dossiers.pending import render_pending
    from tthc_docs.dossiers.press import Press

    def drain():
        with edit_site() as site:
            return render_pending(site, Press.from_settings(settings))
    return drain


@pytest.fixture
def procedure(edit_site, clock):
    """A published procedure with a fee, and a free one: their codes."""
    with edit_site() as site:
        for code, fee in ((CODE, 20000), (FREE, 0)):
            if code not in site['procedures']:
                publish_procedure(site, code, fee)
    return CODE


@pytest.fixture
def docs(edit_site):
    """citizen1's demo documents by doc_type: {doc_type: id}."""
    with edit_site() as site:
        vault = site['vaults'].for_owner('citizen1')
        return {d.doc_type: d.id for d in vault.documents.values()}


def application(docs, **extra):
    body = {'data': {}, 'attachments': {'khai-sinh': docs['giay-khai-sinh'],
                                        'cu-tru': docs['xac-nhan-cu-tru']}}
    body.update(extra)
    return body


def apply(client, docs, code=CODE, status=201, **extra):
    return client.post_json(f'/procedures/{code}/@@apply', application(docs, **extra),
                            headers={'Accept': 'application/json'}, status=status)


def counter_find(client, id_number='019188012345', status=200):
    """At the counter: find the citizen by the number on the ID card (citizen1's by default).

    Counter filing for a citizen is allowed only after this, in the same session.
    """
    return client.post_json('/vaults/@@find', {'id_number': id_number},
                            headers={'Accept': 'application/json'}, status=status)


def filed(login, docs, code=FREE):
    """citizen1 files a dossier (of the free procedure unless told): its code."""
    return apply(login('citizen1'), docs, code=code).json['code']


def received(login, docs):
    """A free dossier citizen1 filed and reception1 received: its code."""
    code = filed(login, docs)
    act(login('reception1'), code, 'receive')
    return code


def act(client, code, action, status=200, **body):
    return client.post_json(f'/dossiers/{code}/@@transition', dict(action=action, **body),
                            headers={'Accept': 'application/json'}, status=status)


def get(client, code, status=200):
    return client.get(f'/dossiers/{code}', headers={'Accept': 'application/json'},
                      status=status)


def pay(edit_site, code, reference='PAY-1'):
    """Record the payment through the contract the payments module uses."""
    with edit_site() as site:
        dossier = site['dossiers'][code]
        dossier.record_payment('devgateway', reference, dossier.fee_amount, timeutil.now())
        issue_papers(site, dossier)


def enrol_leader(edit_site, login_name='leader1'):
    """Give the leader a fresh TOTP secret (no code used yet); returns the secret."""
    from tthc_docs.people import totp
    secret = totp.new_secret()
    with edit_site() as site:
        account = site['people'][login_name]
        account.totp_secret, account.totp_last_step = secret, None
    return secret


def walk_to(client_for, code, state, edit_site=None):
    """Move a paid dossier along the happy path until it reaches ``state``.

    Signing needs the leader's one-time code: pass ``edit_site`` to walk past
    ``awaiting_signature`` (leader1 is enrolled afresh for that signature).
    """
    from tthc_docs.people import totp
    path = [('receive', 'reception1'), ('forward', 'reception1'), ('forward', 'specialist1'),
            ('approve', 'leader1'), ('sign', 'leader1'), ('return', 'reception1')]
    current = get(client_for('reception1'), code).json['status']
    for action, who in path:
        if current == state:
            return
        extra = {}
        if action == 'sign':
            assert edit_site is not None, 'walk_to needs edit_site to sign'
            extra['otp'] = totp.current_code(enrol_leader(edit_site))
        res = act(client_for(who), code, action, **extra)
        current = res.json['status']
    assert current == state


@pytest.fixture(scope='session')
def pki_dir(tmp_path_factory):
    """A development PKI with leader1's signing identity (made once per session)."""
    from tthc_docs.signing.devpki import DevPki, LeaderSpec
    pki = DevPki(tmp_path_factory.mktemp('dossier-pki')).create(
        [LeaderSpec('leader1', 'Đặng Quốc Bảo', AGENCY,
                    'Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên', 'Phó Giám đốc')])
    return pki


@pytest.fixture
def signing(app, pki_dir, monkeypatch):
    """Let the app sign for this test: its settings point at the development PKI."""
    monkeypatch.setitem(app.registry.settings, 'tthc_docs.pki_dir', str(pki_dir.dir))
    monkeypatch.setitem(app.registry.settings, 'tthc_docs.trust_roots',
                        str(pki_dir.root_cert_path))
    return pki_dir
