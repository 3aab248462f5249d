"""Permission matrix of the signing family: every role against every signing endpoint.

The dossier is the demo dossier awaiting signature at the demo agency;
``leader2`` is a leader of another agency (made here). Expected: 401
anonymous where a login is needed, 403 for a role that may never do it,
409 for the right leader when the action needs enrolment first, 200 else.
Verification is open to anyone.
"""
import pytest

from tthc_docs import security as s
from tthc_docs.pdf.result import render_result

ROLES = ['anonymous', 'citizen1', 'citizen2', 'editor1', 'reception1', 'specialist1',
         'leader1', 'leader2', 'admin']
NOBODY = {r: 403 for r in ROLES} | {'anonymous': 401}
EVERYONE = {r: 200 for r in ROLES}
UNSIGNED = render_result({'code': 'X', 'verify_url': 'x'}).data


def only(expected):
    return NOBODY | expected


MATRIX = [
    ('GET', '/@@verify', None, EVERYONE),
    ('POST', '/@@verify', 'upload', EVERYONE),
    ('GET', '/@@verify?code={code}', None, {r: 404 for r in ROLES}),   # not signed yet
    ('GET', '/@@sign-mobile', None, only({'leader1': 200, 'leader2': 200})),
    ('GET', '/dossiers/{code}/@@sign', None, only({'leader1': 200})),
    ('POST', '/dossiers/{code}/@@sign', {'code': '000000'}, only({'leader1': 409})),
    ('GET', '/@@totp', None, only({'leader1': 200, 'leader2': 200})),
    ('POST', '/@@totp', {'code': '000000'}, only({'leader1': 409, 'leader2': 409})),
]

CASES = [(role, method, url, body, expected[role])
         for method, url, body, expected in MATRIX for role in ROLES]


@pytest.fixture
def waiting(edit_site):
    """The code of a demo dossier awaiting signature; adds leader2 of another agency."""
    with edit_site() as site:
        site['people'].create('leader2', 'demo-password', 'Hồ Văn Khác', [s.LEADER],
                              agency='000.00.11.H56', title='Giám đốc')
        for dossier in site['dossiers'].values():
            if dossier.status == 'awaiting_signature' and not dossier.results:
                return dossier.code
    pytest.fail('the demo data has no dossier awaiting signature')


def client_for(role, anon, login):
    if role == 'anonymous':
        token = anon.get('/@@me', headers={'Accept': 'application/json'}).json['csrf_token']
        anon.extra_environ['HTTP_X_CSRF_TOKEN'] = token
        return anon
    return login(role)


@pytest.mark.parametrize('role,method,url,body,status', CASES,
                         ids=[f'{c[0]}-{c[1]}-{c[2]}' for c in CASES])
def test_permission(role, method, url, body, status, anon, login, waiting):
    client = client_for(role, anon, login)
    url = url.format(code=waiting)
    headers = {'Accept': 'application/json'}
    if method == 'GET':
        res = client.get(url, headers=headers, expect_errors=True)
    elif body == 'upload':
        res = client.post(url, upload_files=[('file', 'x.pdf', UNSIGNED, 'application/pdf')],
                          headers=headers, expect_errors=True)
    else:
        res = client.post_json(url, body, headers=headers, expect_errors=True)
    assert res.status_int == status, res.text[:300]
