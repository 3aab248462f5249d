"""Permission matrix of the dossiers family: every role against every endpoint and action.

The dossier under test is freshly filed by citizen1 (state ``submitted``, free
procedure); citizen2 is another citizen. Expected: 401 anonymous where a
login is needed, 403 for a role that may never do it (or may not see the
dossier), 409 for a role that may do it but not in this state.
"""
from dossier_support import FREE, clock, docs, filed, procedure  # noqa: F401
from matrix import ROLES, case_id, cases, client_for, everyone, only, parametrize, request_as

SEES = {'citizen1', 'reception1', 'specialist1', 'leader1'}


def act(action, **extra):
    return ('POST', '/dossiers/{code}/@@transition', dict(action=action, **extra))


MATRIX = [
    ('GET', '/dossiers/{code}', None, only(SEES)),
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
    ('GET', '/@@my-dossiers', None, everyone(200, anonymous=401)),
    ('GET', '/@@track?code={code}', None, everyone(200)),
    ('POST', f'/procedures/{FREE}/@@apply', {'attachments': {}},
     only({'citizen1': 422, 'citizen2': 422, 'reception1': 422})),
]

CASES = cases(MATRIX, ROLES)


def with_action(case):
    """The test id names the transition too: every transition shares one URL."""
    return f'{case_id(case)}-{(case[3] or {}).get("action", "")}'


@parametrize(CASES, with_action)
def test_permission(role, method, url, body, status, anon, login, procedure, docs):
    code = filed(login, docs)
    res = request_as(client_for(role, anon, login), method, url.format(code=code), body)
    assert res.status_int == status, res.text[:300]
