"""Permission matrix of the dossiers family: every role against every endpoint and action.

The dossier under test is freshly filed by citizen1 (state ``submitted``, free
procedure); citizen2 is another citizen. Expected: 401 anonymous where a
login is needed, 403 for a role that may never do it (or may not see the
dossier), 409 for a role that may do it but not in this state.
"""
import pytest
from dossier_support import FREE, apply, clock, docs, procedure  # noqa: F401

ROLES = ['anonymous', 'citizen1', 'citizen2', 'editor1', 'reception1', 'specialist1',
         'leader1', 'admin']
NOBODY = {r: 403 for r in ROLES} | {'anonymous': 401}
SEES = {'citizen1', 'reception1', 'specialist1', 'leader1'}


def only(expected):
    """403 for everyone (401 anonymous) except the given roles."""
    return NOBODY | expected


def act(action, **extra):
    return ('POST', '/dossiers/{code}/@@transition', dict(action=action, **extra))


MATRIX = [
    ('GET', '/dossiers/{code}', None, only({r: 200 for r in SEES})),
    (*act('receive'), only({'reception1': 200})),
    (*act('request_supplement', note='Thiếu'), only({'reception1': 200})),
    (*act('reject', note='Sai thẩm quyền'), only({'reception1': 200})),
    (*act('withdraw'), only({'citizen1': 200})),
    (*act('forward'), only({'reception1': 409, 'specialist1': 409})),
    (*act('approve'), only({'specialist1': 409})),
    (*act('assign', assignee='specialist1'), only({'leader1': 409})),
    (*act('sign'), only({'leader1': 409})),
    (*act('send_back', note='Sửa lại'), only({'leader1': 409})),
    (*act('return'), only({'reception1': 409})),
    (*act('supplement'), only({'citizen1': 409, 'reception1': 409})),
    (*act('apologize', note='Chậm', new_due='2027-03-10'),
     only({'reception1': 409, 'specialist1': 409, 'leader1': 409})),
    ('POST', '/dossiers/{code}/@@rate', {'score': 5}, only({'citizen1': 409})),
    ('GET', '/@@queue', None, only({'reception1': 200, 'specialist1': 200, 'leader1': 200})),
    ('GET', '/@@sign-queue', None, only({'leader1': 200})),
    ('GET', '/@@my-dossiers', None, {r: 200 for r in ROLES} | {'anonymous': 401}),
    ('GET', '/@@track?code={code}', None, {r: 200 for r in ROLES}),
    ('POST', f'/procedures/{FREE}/@@apply', {'attachments': {}},
     only({'citizen1': 422, 'citizen2': 422, 'reception1': 422})),
]

CASES = [(role, method, url, body, expected[role])
         for method, url, body, expected in MATRIX for role in ROLES]


def client_for(role, anon, login):
    if role == 'anonymous':
        token = anon.get('/@@me', headers={'Accept': 'application/json'}).json['csrf_token']
        anon.extra_environ['HTTP_X_CSRF_TOKEN'] = token
        return anon
    return login(role)


@pytest.mark.parametrize('role,method,url,body,status', CASES,
                         ids=[f'{c[0]}-{c[1]}-{c[2]}-{(c[3] or {}).get("action", "")}'
                              for c in CASES])
def test_permission(role, method, url, body, status, anon, login, procedure, docs):
    code = apply(login('citizen1'), docs, code=FREE).json['code']
    client = client_for(role, anon, login)
    url = url.format(code=code)
    headers = {'Accept': 'application/json'}
    if method == 'GET':
        res = client.get(url, headers=headers, expect_errors=True)
    else:
        res = client.post_json(url, body, headers=headers, expect_errors=True)
    assert res.status_int == status, res.text[:300]
