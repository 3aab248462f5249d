"""Permission matrix of the signing family: every role against every signing endpoint.

The dossier is the demo dossier awaiting signature at the demo agency;
``leader2`` is a leader of another agency (made here). Expected: 401
anonymous where a login is needed, 403 for a role that may never do it,
409 for the right leader when the action needs enrolment first, 200 else.
Verification is open to anyone.
"""
import pytest
import matrix
from matrix import cases, client_for, parametrize, request_as

from tthc_docs import security as s
from tthc_docs.pdf.result import render_result

ROLES = [*matrix.ROLES, 'leader2']
EVERYONE = matrix.everyone(200, ROLES)
UNSIGNED = render_result({'code': 'X', 'verify_url': 'x'}).data


def only(expected):
    """403 for everyone (401 anonymous, leader2 too) except the given roles."""
    return matrix.only(expected, roles=ROLES)


MATRIX = [
    ('GET', '/@@verify', None, EVERYONE),
    ('POST', '/@@verify', 'upload', EVERYONE),
    ('GET', '/@@verify?code={code}', None, matrix.everyone(404, ROLES)),   # not signed yet
    ('GET', '/@@sign-mobile', None, only({'leader1': 200, 'leader2': 200})),
    ('GET', '/dossiers/{code}/@@sign', None, only({'leader1': 200})),
    ('POST', '/dossiers/{code}/@@sign', {'code': '000000'}, only({'leader1': 409})),
    ('GET', '/@@totp', None, only({'leader1': 200, 'leader2': 200})),
    ('POST', '/@@totp', {'code': '000000'}, only({'leader1': 409, 'leader2': 409})),
]

CASES = cases(MATRIX, ROLES)


@pytest.fixture
def waiting(edit_site):
    """The code of a demo dossier awaiting signature; adds leader2 of another agency."""
    with edit_site() as site:
        site['people'].create('leader2', 'demo-password', 'Hồ Văn Khác', [s.LEADER],
                              agency='000.00.11.H55', title='Giám đốc')
        for dossier in site['dossiers'].values():
            if dossier.status == 'awaiting_signature' and not dossier.results:
                return dossier.code
    pytest.fail('the demo data has no dossier awaiting signature')


@parametrize(CASES)
def test_permission(role, method, url, body, status, anon, login, waiting):
    client = client_for(role, anon, login)
    url = url.format(code=waiting)
    if body == 'upload':
        res = request_as(client, method, url, upload=('x.pdf', UNSIGNED, 'application/pdf'))
    else:
        res = request_as(client, method, url, body)
    assert res.status_int == status, res.text[:300]
