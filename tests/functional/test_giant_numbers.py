"""Digit strings past Python's int limit are a 4xx naming the parameter, never a 500.

Every number a view reads from the query goes through
``text.numbers.parse_bounded_int`` (issue 13); the e-form number fields
are bounded by their colander types.
"""
import pytest

from dossier_support import clock, docs, procedure_data  # noqa: F401  (fixtures)

JSON = {"Accept": "application/json"}
HUGE = "9" * 5000
CODE = "9.990077"
FORM = "to-khai-so"
FIELDS = [{"name": "so_ban", "title": "Số bản", "type": "integer", "required": True,
           "min": 1, "max": 10},
          {"name": "gia_tri", "title": "Giá trị", "type": "money", "required": False}]


@pytest.fixture
def demo(anon):
    """A demo procedure's code and a demo form's name."""
    procedure = anon.get("/procedures/", headers=JSON).json["items"][0]["code"]
    form = anon.get("/forms/", headers=JSON).json["items"][0]["name"]
    return {"procedure": procedure, "form": form}


@pytest.mark.parametrize("who,url", [
    pytest.param(None, "/procedures/?page={huge}"),
    pytest.param(None, "/procedures/?limit={huge}"),
    pytest.param(None, "/procedures/{procedure}?version={huge}"),
    pytest.param("admin", "/procedures/@@calendar?year={huge}"),
    ("citizen1", "/@@my-dossiers?limit={huge}"),
    ("citizen1", "/@@my-dossiers?offset={huge}"),
    ("reception1", "/@@queue?offset={huge}"),
    ("leader1", "/@@sign-queue?limit={huge}"),
    (None, "/forms/{form}?version={huge}"),
])
def test_a_giant_query_number_is_a_4xx(anon, login, demo, who, url):
    client = login(who) if who else anon
    res = client.get(url.format(huge=HUGE, **demo), headers=JSON, status="*")
    assert 400 <= res.status_int < 500, res.status


@pytest.mark.parametrize("who,url,name", [
    (None, "/procedures/?page={huge}", "page"),
    (None, "/procedures/?limit={huge}", "limit"),
    (None, "/procedures/{procedure}?version={huge}", "version"),
    ("admin", "/procedures/@@calendar?year={huge}", "year"),
    ("citizen1", "/@@my-dossiers?offset={huge}", "offset"),
    ("reception1", "/@@queue?limit={huge}", "limit"),
])
def test_a_giant_query_number_is_422_naming_the_parameter(anon, login, demo, who, url, name):
    client = login(who) if who else anon
    res = client.get(url.format(huge=HUGE, **demo), headers=JSON, status="*")
    assert res.status_int == 422, res.status
    assert list(res.json["error"]["fields"]) == [name]


@pytest.fixture
def numbered(edit_site, clock):
    """A published procedure whose e-form has an integer and a money field."""
    with edit_site() as site:
        site["forms"].create(FORM, "Tờ khai có số", FIELDS, by="editor1")
        site["forms"][FORM].publish(by="editor1")
        site["procedures"].create(dict(procedure_data(CODE, 0), form=FORM), "editor1")
        site["procedures"].publish(CODE, "editor1")
    return CODE


def apply_json(client, docs, data):
    body = {"data": data, "attachments": {"khai-sinh": docs["giay-khai-sinh"],
                                          "cu-tru": docs["xac-nhan-cu-tru"]}}
    return client.post_json(f"/procedures/{CODE}/@@apply", body, headers=JSON, status="*")


@pytest.mark.parametrize("data,field", [({"so_ban": HUGE}, "so_ban"),
                                        ({"so_ban": 2, "gia_tri": HUGE}, "gia_tri"),
                                        ({"so_ban": 10 ** 40}, "so_ban")])
def test_a_giant_number_in_an_e_form_is_422_naming_the_field(login, numbered, docs, data,
                                                             field):
    res = apply_json(login("citizen1"), docs, data)
    assert res.status_int == 422, res.status
    assert any(field in where for where in res.json["error"]["fields"])


def test_a_giant_number_in_the_browser_form_is_422(login, numbered, docs):
    client = login("citizen1")
    form = client.get(f"/procedures/{CODE}/@@apply").forms["apply"]
    form["attachments.khai-sinh"] = docs["giay-khai-sinh"]
    form["attachments.cu-tru"] = docs["xac-nhan-cu-tru"]
    form["data.so_ban"] = HUGE
    res = form.submit("submit", status="*")
    assert res.status_int == 422, res.status


def test_a_giant_bound_in_a_template_is_422_naming_it(login):
    editor = login("editor1")
    fields = [dict(FIELDS[0], min=HUGE)]
    res = editor.post_json("/forms/", {"name": "to-khai-lon", "title": "T", "fields": fields},
                           headers=JSON, status="*")
    assert res.status_int == 422, res.status
    assert "fields.0.min" in res.json["error"]["fields"]
