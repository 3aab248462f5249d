"""What every permission matrix shares: the roles, a client per role, one request.

Each ``test_permissions_<family>.py`` keeps its own table of
``(method, url, body, {role: expected status})`` rows and takes the rest from
here, so that a new role, or a change in how a role logs in or how a request
is sent, is made once for every family.  A row must name every role (a
missing one is a ``KeyError`` when the tests are collected), so no role can be
forgotten.  The assertion itself stays in each test module, where pytest
rewrites it into a readable failure.
"""
import pytest

JSON = {'Accept': 'application/json'}

#: anonymous, then one demo account per role; citizen2 is a second citizen who
#: owns nothing the tables use.  A family with an extra account (signing's
#: leader of another agency) appends it to its own copy of this list.
ROLES = ['anonymous', 'citizen1', 'citizen2', 'editor1', 'reception1', 'specialist1',
         'leader1', 'admin']


def everyone(status, roles=ROLES, **over):
    """A row where every role gets ``status``, except the roles named in ``over``."""
    return {role: status for role in roles} | over


def only(allowed, status=200, roles=ROLES):
    """A row of refusals (403, anonymous 401) except for ``allowed``.

    ``allowed`` is either an iterable of roles, who all get ``status``, or a
    mapping of role to its own expected status.
    """
    if not isinstance(allowed, dict):
        allowed = {role: status for role in allowed}
    return everyone(403, roles, anonymous=401) | allowed


def cases(matrix, roles=ROLES):
    """One ``(role, method, url, body, status)`` case per row of ``matrix`` and role."""
    return [(role, method, url, body, expected[role])
            for method, url, body, expected in matrix for role in roles]


def case_id(case):
    """``role-METHOD-url``: the test id of a case."""
    role, method, url = case[:3]
    return f'{role}-{method}-{url}'


def parametrize(all_cases, ident=case_id):
    """``@parametrize(CASES)``: one test per case, named by ``ident``."""
    return pytest.mark.parametrize('role,method,url,body,status', all_cases,
                                   ids=[ident(case) for case in all_cases])


def client_for(role, anon, login):
    """A WebTest client acting as ``role``; ``anonymous`` gets the session's CSRF header.

    The anonymous client carries a valid CSRF token so that what it is refused
    is the permission (401), not the missing token.
    """
    if role == 'anonymous':
        token = anon.get('/@@me', headers=JSON).json['csrf_token']
        anon.extra_environ['HTTP_X_CSRF_TOKEN'] = token
        return anon
    return login(role)


def request_as(client, method, url, body=None, upload=None):
    """Send one request asking for JSON and return the response, whatever its status.

    ``body`` is sent as JSON; a POST, PUT or PATCH without one is sent with
    an empty body.  ``upload`` is ``(filename, bytes[, content type])``,
    sent as the multipart field ``file`` with ``body`` as the form fields.
    """
    send = getattr(client, method.lower())
    options = {'headers': dict(JSON), 'expect_errors': True}
    if upload is not None:
        return send(url, body or '', upload_files=[('file', *upload)], **options)
    if body is None:
        return send(url, **options)
    return getattr(client, method.lower() + '_json')(url, body, **options)
