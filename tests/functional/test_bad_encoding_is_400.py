"""Text that is not UTF-8 in the path, the query or a form body is 400, never 500.

The routes come from ``/@@openapi.json``, so a new view is covered as soon
as it is documented.  Each GET route is asked with a broken value of every
query parameter it declares (and of ``code``), then with a broken path
segment; JSON clients get the API's error shape naming the parameter,
browsers a plain page.
"""
import re

import pytest
from webtest import TestApp

JSON = {"Accept": "application/json"}
BROKEN = "%ff"
SURROGATE = "%ed%a0%80"   # "\ud800" encoded as UTF-8, which UTF-8 forbids


def _document(app):
    client = TestApp(app, extra_environ={"HTTP_HOST": "example.com"})
    return client.get("/@@openapi.json").json


def _routes(document):
    routes = []
    for path, item in sorted(document["paths"].items()):
        if "get" not in item:
            continue
        params = item["get"].get("parameters", []) + item.get("parameters", [])
        names = sorted({p["name"] for p in params if p.get("in") == "query"} | {"code"})
        routes.append((re.sub(r"\{[^}]+\}", "x", path), names))
    return routes


@pytest.fixture(scope="module")
def routes(app):
    found = _routes(_document(app))
    assert len(found) > 20   # the document really lists the site
    return found


@pytest.mark.parametrize("who", [None, "citizen1", "editor1"])
def test_every_get_route_answers_400_for_a_broken_query_parameter(routes, anon, login, who):
    client = login(who) if who else anon
    for path, names in routes:
        for name in names:
            res = client.get(f"{path}?{name}={BROKEN}", headers=JSON, status="*")
            assert res.status_int == 400, (path, name, res.status)
            assert res.json["error"]["fields"] == {name: "Không phải văn bản UTF-8 hợp lệ."}


def test_every_get_route_answers_400_for_a_broken_path(routes, anon):
    for path, _names in routes:
        res = anon.get(path.rstrip("/") + f"/{BROKEN}", headers=JSON, status="*")
        assert res.status_int == 400, (path, res.status)
        assert res.json["error"]["status"] == 400


def test_a_browser_gets_a_plain_page_for_a_broken_path(anon):
    res = anon.get(f"/{BROKEN}", status=400)
    assert res.content_type == "text/html"
    assert "UTF-8" in res.text


def test_a_utf8_encoded_surrogate_in_the_query_is_400(anon):
    res = anon.get(f"/@@track?code={SURROGATE}", headers=JSON, status=400)
    assert "code" in res.json["error"]["fields"]


def test_a_broken_parameter_name_is_400(anon):
    anon.get(f"/procedures/?{BROKEN}=1", headers=JSON, status=400)


def test_a_broken_field_in_a_form_body_is_400(anon):
    res = anon.post("/@@login", f"login=citizen1&password={BROKEN}",
                    headers=dict(JSON, **{"Content-Type": "application/x-www-form-urlencoded"}),
                    status=400)
    assert res.json["error"]["fields"] == {"password": "Không phải văn bản UTF-8 hợp lệ."}


def test_proper_vietnamese_in_the_query_still_works(anon):
    res = anon.get("/procedures/?q=h%E1%BB%99%20t%E1%BB%8Bch", headers=JSON)
    assert res.json["total"] > 0


def test_the_server_answers_400_through_waitress(live_server):
    from live_server import Client
    client = Client(live_server)
    assert client.get(f"/{BROKEN}").status == 400
    assert client.get(f"/@@track?code={BROKEN}").status == 400
    assert client.get("/@@track?code=").status != 500
