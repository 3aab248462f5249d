"""Property-based fuzzing of the JSON API from its own OpenAPI document: no 5xx.

schemathesis reads ``/@@openapi.json`` and, for every operation, generates
requests from the documented parameters and bodies (and, negatively, what
they forbid).  Whatever it sends, the answer must be a 2xx-4xx: bad input
is the client's problem, never a 500.  Each operation runs a few cases
(``FUZZ_EXAMPLES``) on its own copy of the demo database, logged in as a
user the operation is for (``CALLER``, with the CSRF token, so bodies reach
the views), through waitress on loopback, so ``make test`` stays within about a minute.
"""
import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings

from conftest import logged_in

FUZZ_EXAMPLES = int(os.environ.get("TTHC_FUZZ_EXAMPLES", "3"))


from tthc_docs.web.openapi import document

#: The same document ``/@@openapi.json`` serves (``test_openapi`` keeps it true to the views).
schema = schemathesis.openapi.from_dict(document("http://127.0.0.1"))


#: Who calls an operation, so that its body reaches the view (first match on the path).
CALLER = [("/people", "admin"), ("/agencies", "admin"), ("@@calendar", "admin"),
          ("@@refunds", "admin"), ("/forms", "editor1"), ("@@publish", "editor1"),
          ("@@retire", "editor1"), ("@@history", "editor1"), ("@@find", "reception1"),
          ("@@digitize", "reception1"), ("@@payment-counter", "reception1"),
          ("@@transition", "reception1"), ("@@queue", "reception1"), ("@@totp", "leader1"),
          ("@@sign", "leader1"), ("", "citizen1")]


def caller_of(path):
    return next(login for part, login in CALLER if part in path)


@pytest.fixture
def session_for(app, db):
    """``session_for(path)`` -> ``(cookies, headers)`` of a session fit to call ``path``."""
    def session(path):
        client = logged_in(app, caller_of(path))
        return ({"tthc_session": client.cookies["tthc_session"]},
                {"X-CSRF-Token": client.session_info["csrf_token"],
                 "Accept": "application/json"})
    return session


@schema.parametrize()
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True,
          phases=[Phase.explicit, Phase.generate],
          suppress_health_check=list(HealthCheck))
def test_no_input_gets_a_server_error(case, session_for, live_server):
    cookies, headers = session_for(case.path)
    response = case.call(base_url="http://{}:{}".format(*live_server), cookies=cookies,
                         headers=dict(case.headers or {}, **headers), timeout=30)
    assert response.status_code < 500, (case.method, case.formatted_path,
                                        response.text[:500])
