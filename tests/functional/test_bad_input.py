"""Bad input never gives a 500 and never leaves a half-written object (API.md).

Every JSON POST/PUT/PATCH endpoint is sent, in turn: malformed JSON, a list
instead of an object, a wrong type for a field, an unknown field beside
otherwise sensible data, no fields at all, an empty body, and sensible JSON
under the wrong content type.  Each must answer a 4xx whose JSON body says
what is wrong, and the database must not have moved: no transaction was
committed (``db.lastTransaction()`` is unchanged), which is stricter than
comparing counts.  Cases found by fuzzing (schemathesis) are at the end.
"""
import json

import pytest

MALFORMED = b'{"login": '


def _dossier(site, status):
    return next(d.code for d in site["dossiers"].values()
                if d.owner == "citizen1" and d.status == status)


@pytest.fixture
def demo(edit_site):
    """Names of demo objects the URLs need."""
    with edit_site() as site:
        vault = site["vaults"].for_owner("citizen1")
        procedure = next(p for p in site["procedures"].values()
                         if p.published_version() is not None
                         and p.published_version().requirements)
        return {"submitted": _dossier(site, "submitted"),
                "awaiting": _dossier(site, "awaiting_signature"),
                "vault": vault.id, "procedure": procedure.code,
                "form": next(iter(site["forms"]))}


FORM_BODY = {"name": "mau-thu-nghiem", "title": "Mẫu thử nghiệm",
             "fields": [{"name": "ho_ten", "title": "Họ và tên", "type": "text"}]}
ACCOUNT = {"login": "nguoimoi1", "password": "mat-khau-du-dai-1", "full_name": "Người Mới",
           "roles": ["citizen"]}

# name: (user, method, url, wrong-typed body, sensible body, whether {} is bad input)
ENDPOINTS = {
    "login": (None, "post", "/@@login", {"login": 1, "password": ["x"]},
              {"login": "citizen1", "password": "demo-password"}, True),
    "totp": ("leader1", "post", "/@@totp", {"code": 123456}, {"code": "123456"}, True),
    "agency": ("admin", "post", "/agencies/", {"code": 1, "name": [], "level": {}},
               {"code": "000.99.01.H55", "name": "Phòng thử", "level": "commune"}, True),
    "payment-counter": ("reception1", "post", "/dossiers/{submitted}/@@payment-counter",
                        {"receipt_no": 5}, {"receipt_no": "BL-0001"}, False),
    "rate": ("citizen1", "post", "/dossiers/{submitted}/@@rate", {"score": "năm"},
             {"score": 5, "comment": "Tốt"}, True),
    "sign": ("leader1", "post", "/dossiers/{awaiting}/@@sign", {"code": 123456},
             {"code": "000000"}, True),
    "transition": ("reception1", "post", "/dossiers/{submitted}/@@transition",
                   {"action": 5, "note": []}, {"action": "receive", "note": "Đã nhận"}, True),
    "form-create": ("editor1", "post", "/forms/", dict(FORM_BODY, fields="ho_ten"),
                    FORM_BODY, True),
    "form-draft": ("editor1", "put", "/forms/{form}", dict(FORM_BODY, title=7),
                   {k: v for k, v in FORM_BODY.items() if k != "name"}, True),
    "account-create": ("admin", "post", "/people/", dict(ACCOUNT, roles="citizen"),
                       ACCOUNT, True),
    "account-update": ("admin", "patch", "/people/citizen2", {"active": "có"},
                       {"full_name": "Trần Văn Hai"}, False),
    "procedure-create": ("editor1", "post", "/procedures/", {"code": 1, "processing_days": "ba"},
                         None, True),
    "procedure-draft": ("editor1", "put", "/procedures/{procedure}", {"processing_days": "ba"},
                        None, True),
    "day-off": ("admin", "post", "/procedures/@@calendar",
                {"date": 20261201, "kind": "off", "decision": "QĐ 1"},
                {"date": "2026-12-01", "kind": "off", "decision": "QĐ 1/2026"}, True),
    "day-off-remove": ("admin", "post", "/procedures/@@calendar-remove",
                       {"date": 20261201, "decision": 1}, None, True),
    "apply": ("citizen1", "post", "/procedures/{procedure}/@@apply",
              {"data": "Nguyễn Thị Lan", "attachments": ["d-1"]},
              {"data": {}, "attachments": {}}, True),
    "find-vault": ("reception1", "post", "/vaults/@@find", {"id_number": 56188000123},
                   {"id_number": "056188000123"}, True),
    "profile-put": ("citizen1", "put", "/vaults/{vault}/profile", {"phone": 912345678},
                    {"phone": "0912345678"}, False),
    "profile-patch": ("citizen1", "patch", "/vaults/{vault}/profile", {"email": ["a@b.vn"]},
                      {"email": "lan@example.vn"}, False),
}


def _sensible(name, client, demo):
    """The endpoint's sensible body; procedures: what GET answers, with a fresh code."""
    sensible = ENDPOINTS[name][4]
    if name.startswith("procedure-"):
        sensible = client.get(f"/procedures/{demo['procedure']}",
                              headers={"Accept": "application/json"}).json
        if name == "procedure-create":
            sensible = dict(sensible, code="9.999999")
    elif name == "day-off-remove":
        sensible = {"date": "2026-12-01", "decision": "QĐ 2/2026"}
    return sensible


def _bodies(name, client, demo):
    """(case, raw body, content type) for one endpoint."""
    wrong, empty_is_bad = ENDPOINTS[name][3], ENDPOINTS[name][5]
    sensible = _sensible(name, client, demo)
    cases = [("malformed", MALFORMED, "application/json"),
             ("list", b"[]", "application/json"),
             ("wrong-type", json.dumps(wrong).encode(), "application/json"),
             ("unknown-field", json.dumps(dict(sensible, zz_unknown="x")).encode(),
              "application/json"),
             ("empty-body", b"", "application/json"),
             ("wrong-content-type", json.dumps(sensible).encode(), "text/plain")]
    if empty_is_bad:
        cases.append(("missing-fields", b"{}", "application/json"))
    return cases


# These check the object's state (409) before reading the body, by design.
STATE_FIRST = {"totp", "sign"}

CASES = [(name, case) for name in ENDPOINTS
         for case in ("malformed", "list", "wrong-type", "unknown-field", "empty-body",
                      "wrong-content-type", "missing-fields")
         if case != "missing-fields" or ENDPOINTS[name][5]]


@pytest.mark.parametrize("name,case", CASES)
def test_bad_json_is_a_4xx_that_writes_nothing(app, db, anon, login, demo, name, case):
    user, method, url = ENDPOINTS[name][:3]
    client = login(user) if user else anon
    raw, content_type = dict((c, (b, t)) for c, b, t in _bodies(name, client, demo))[case]
    before = db.lastTransaction()
    res = client.request(url.format(**demo), method=method.upper(), body=raw,
                         headers={"Content-Type": content_type, "Accept": "application/json",
                                  "Host": "example.com"},
                         expect_errors=True)
    assert 400 <= res.status_int < 500, (res.status, res.body[:300])
    assert res.json["error"]["message"]
    assert db.lastTransaction() == before
    if case == "unknown-field" and name not in STATE_FIRST:
        assert "zz_unknown" in res.json["error"].get("fields", {}), res.json


# -- found by fuzzing ------------------------------------------------------------

# A multipart body without a usable boundary made WebOb's parser raise from
# ``request.POST`` (in the CSRF check or the view): a 500 on every form endpoint.
BROKEN_MULTIPART = [
    ("citizen1", "/vaults/{vault}/documents"),
    ("citizen1", "/vaults/{vault}/profile"),
    ("reception1", "/vaults/{vault}/@@digitize"),
    ("reception1", "/dossiers/{submitted}/@@transition"),
    ("citizen1", "/dossiers/{submitted}/@@rate"),
    (None, "/@@verify"),
]


@pytest.mark.parametrize("user,url", BROKEN_MULTIPART)
def test_a_multipart_body_without_its_boundary_is_a_400(db, anon, login, demo, user, url):
    client = login(user) if user else anon
    before = db.lastTransaction()
    res = client.post(url.format(**demo), b"file=abc", expect_errors=True,
                      headers={"Content-Type": "multipart/form-data",
                               "Accept": "application/json"})
    assert res.status_int == 400
    assert "multipart/form-data" in res.json["error"]["message"]
    assert db.lastTransaction() == before


def test_a_body_neither_json_nor_a_form_is_a_415_naming_its_type(db, login, demo):
    client = login("citizen1")
    res = client.put(f"/vaults/{demo['vault']}/profile", b'{"phone": "0912345678"}',
                     headers={"Content-Type": "text/plain", "Accept": "application/json"},
                     status=415)
    assert "text/plain" in res.json["error"]["message"]


def test_a_number_for_a_day_off_date_is_a_422_naming_the_field(db, login):
    res = login("admin").post_json("/procedures/@@calendar",
                                   {"date": 20261201, "kind": "off", "decision": "QĐ 1"},
                                   headers={"Accept": "application/json"}, status=422)
    assert "date" in res.json["error"]["fields"]


def test_an_unknown_field_of_a_new_agency_is_named(db, login):
    res = login("admin").post_json("/agencies/", {"code": "000.99.01.H55", "name": "Phòng thử",
                                                  "level": "commune", "cap": "xã"},
                                   headers={"Accept": "application/json"}, status=422)
    assert res.json["error"]["fields"] == {"cap": "Trường không được hỗ trợ."}


def test_a_form_template_round_trips_its_get_answer(db, login, demo):
    client = login("editor1")
    url = f"/forms/{demo['form']}"
    body = client.get(url, headers={"Accept": "application/json"}).json
    client.put_json(url, body, headers={"Accept": "application/json"}, status=200)


@pytest.mark.parametrize("offset", ["9223372036854775807", "99999999999999999999"])
def test_a_page_offset_past_any_listing_is_a_422(db, login, offset):
    res = login("citizen1").get(f"/@@my-dossiers?offset={offset}",
                                headers={"Accept": "application/json"}, status=422)
    assert "offset" in res.json["error"]["fields"]


@pytest.mark.parametrize("agencies", [[[False, True]], [{"code": "x"}], [12]])
def test_agency_codes_that_are_not_text_are_a_422(db, login, agencies):
    client = login("editor1")
    before = db.lastTransaction()
    res = client.post_json("/procedures/", {
        "agencies": agencies, "code": "9.999999", "field": "Hộ tịch", "name": "Thử",
        "level": "province", "processing_days": 3, "result_doc_type": "other", "steps": []},
        headers={"Accept": "application/json"}, status=422)
    assert "agencies" in res.json["error"]["fields"]
    assert db.lastTransaction() == before


def test_procedure_methods_that_are_not_text_are_a_422(db, login, demo):
    client = login("editor1")
    url = f"/procedures/{demo['procedure']}"
    body = client.get(url, headers={"Accept": "application/json"}).json
    res = client.put_json(url, dict(body, methods=[["online"]]),
                          headers={"Accept": "application/json"}, status=422)
    assert "methods" in res.json["error"]["fields"]


@pytest.mark.parametrize("body", [
    {"date": "2026-12-01", "kind": "off", "decision": ["QĐ 1"]},
    {"date": "2026-12-01", "kind": {"off": 1}, "decision": "QĐ 1"},
    {"date": "2026-12-01", "kind": ["off"], "decision": "QĐ 1"},
])
def test_a_day_off_with_a_non_text_value_is_a_422(db, login, body):
    res = login("admin").post_json("/procedures/@@calendar", body,
                                   headers={"Accept": "application/json"}, status=422)
    assert res.json["error"]["fields"]


# A file part where a form expects text (doc_type, phone, score…) reached the
# views as a FieldStorage and failed on ``.strip()``: a 500 on every form view.
FILE_FOR_TEXT = [
    ("citizen1", "/vaults/{vault}/documents", "doc_type"),
    ("reception1", "/vaults/{vault}/@@digitize", "original"),
    ("citizen1", "/vaults/{vault}/profile", "phone"),
    ("citizen1", "/dossiers/{submitted}/@@rate", "score"),
    ("reception1", "/dossiers/{submitted}/@@transition", "action"),
]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.parametrize("user,url,field", FILE_FOR_TEXT)
def test_a_file_where_a_form_expects_text_is_a_422_naming_the_field(db, login, demo, user,
                                                                     url, field):
    client = login(user)
    before = db.lastTransaction()
    res = client.post(url.format(**demo), {"doc_type": "other"},
                      upload_files=[("file", "a.pdf", PDF), (field, "x.txt", b"abc")],
                      headers={"Accept": "application/json"}, expect_errors=True)
    assert res.status_int == 422
    assert res.json["error"]["fields"] == {field: "Phải là văn bản, không phải tệp."}
    assert db.lastTransaction() == before


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_due_date_from_a_day_outside_the_calendar_years_is_a_422(anon, demo, day):
    res = anon.get(f"/procedures/{demo['procedure']}/@@due-date?from={day}",
                   headers={"Accept": "application/json"}, status=422)
    assert "from" in res.json["error"]["fields"]


@pytest.mark.parametrize("user,url", [("reception1", "/vaults/@@find"),
                                      ("citizen1", "/procedures/{procedure}/@@apply")])
def test_a_json_client_posting_a_bad_form_gets_a_json_error(db, login, demo, user, url):
    res = login(user).post(url.format(**demo), {"id_number": "12"},
                           headers={"Accept": "application/json"}, status=422)
    assert res.json["error"]["message"]
