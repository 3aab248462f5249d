"""An editor creates, edits, publishes and retires procedures, by JSON and in the browser."""
import copy
import json

import pytest

from tthc_docs.demo.procedures_data import PROCEDURES

JSON = {"Accept": "application/json"}


def _new(code="9.000001", **changes):
    data = copy.deepcopy(PROCEDURES[0])
    data.update(code=code, name="Đăng ký khai sinh lưu động", form=None)
    data.update(changes)
    return data


@pytest.fixture
def editor(login):
    return login("editor1")


def _form_known(client, name):
    """Whether the form library has `name` (the forms' demo may not provide it)."""
    return bool(name) and client.get(f"/forms/{name}", headers=JSON, expect_errors=True).status_int == 200


def _body(client, path_code, **changes):
    """The procedure as GET answers it, changed, ready to PUT back."""
    body = client.get(f"/procedures/{path_code}", headers=JSON).json
    if not _form_known(client, body["form"]):
        body["form"] = None
    body.update(changes)
    return body


def _edit_form(client, code):
    form = client.get(f"/procedures/{code}/@@edit").forms["deform"]
    if not _form_known(client, form["form"].value):
        form["form"] = ""
    return form


def test_editor_creates_a_draft(editor):
    res = editor.post_json("/procedures/", _new(), headers=JSON, status=201)
    assert res.json["state"] == "draft" and res.json["version"] == 1
    assert res.headers["Location"].endswith("/procedures/9.000001/")


def test_draft_is_hidden_from_the_public(editor, anon):
    editor.post_json("/procedures/", _new(), headers=JSON, status=201)
    anon.get("/procedures/9.000001", headers=JSON, status=404)
    assert anon.get("/procedures/", {"q": "luu dong"}, headers=JSON).json["total"] == 0


def test_draft_is_hidden_from_citizens(editor, login):
    editor.post_json("/procedures/", _new(), headers=JSON, status=201)
    login("citizen1").get("/procedures/9.000001", headers=JSON, status=404)


def test_published_procedure_becomes_public(editor, anon):
    editor.post_json("/procedures/", _new(), headers=JSON, status=201)
    editor.post_json("/procedures/9.000001/@@publish", {"note": "QĐ 1/2027"}, headers=JSON)
    assert anon.get("/procedures/", {"q": "luu dong"}, headers=JSON).json["items"][0]["code"] == "9.000001"


def test_editing_a_published_procedure_keeps_the_published_version(editor, anon):
    res = editor.put_json("/procedures/1.001193", _body(editor, "1.001193", processing_days=5), headers=JSON)
    assert res.json["version"] == 2 and res.json["state"] == "draft"
    public = anon.get("/procedures/1.001193", headers=JSON).json
    assert public["version"] == 1 and public["processing_days"] == 3


def test_publishing_the_new_version_replaces_the_old(editor, anon):
    editor.put_json("/procedures/1.001193", _body(editor, "1.001193", processing_days=5), headers=JSON)
    editor.post_json("/procedures/1.001193/@@publish", {}, headers=JSON)
    assert anon.get("/procedures/1.001193", headers=JSON).json["processing_days"] == 5


def test_history_stays_readable(editor):
    editor.put_json("/procedures/1.001193", _body(editor, "1.001193", processing_days=5), headers=JSON)
    editor.post_json("/procedures/1.001193/@@publish", {}, headers=JSON)
    history = editor.get("/procedures/1.001193/@@history", headers=JSON).json
    assert [(v["version"], v["state"]) for v in history["versions"]] == [(2, "published"), (1, "superseded")]
    assert editor.get("/procedures/1.001193", {"version": 1}, headers=JSON).json["processing_days"] == 3


def test_retired_procedure_disappears_for_the_public(editor, anon):
    editor.post_json("/procedures/2.000815/@@retire", {}, headers=JSON)
    anon.get("/procedures/2.000815", headers=JSON, status=404)
    assert editor.get("/procedures/2.000815", headers=JSON).json["state"] == "retired"


def test_publish_without_a_draft_is_409(editor):
    res = editor.post_json("/procedures/1.001193/@@publish", {}, headers=JSON, status=409)
    assert "update" in res.json["error"]["allowed"]


def test_duplicate_code_is_422_naming_code(editor):
    res = editor.post_json("/procedures/", _new(code="1.001193"), headers=JSON, status=422)
    assert "code" in res.json["error"]["fields"]


def test_steps_over_processing_time_is_422_naming_steps(editor):
    res = editor.post_json("/procedures/", _new(processing_days=1), headers=JSON, status=422)
    assert "steps" in res.json["error"]["fields"]


def test_negative_fee_is_422(editor):
    res = editor.post_json("/procedures/", _new(fee=-5), headers=JSON, status=422)
    assert "fee" in res.json["error"]["fields"]


def test_unknown_form_template_is_422(editor):
    res = editor.post_json("/procedures/", _new(form="khong-co-mau-nay"), headers=JSON, status=422)
    assert "form" in res.json["error"]["fields"]


def test_unknown_doc_type_is_422(editor):
    data = _new()
    data["requirements"][0]["doc_type"] = "giay-gi-do"
    res = editor.post_json("/procedures/", data, headers=JSON, status=422)
    assert "requirements.0.doc_type" in res.json["error"]["fields"]


def test_unknown_json_key_is_422(editor):
    res = editor.post_json("/procedures/", dict(_new(), colour="red"), headers=JSON, status=422)
    assert "colour" in res.json["error"]["fields"]


def test_malformed_json_is_400(editor):
    editor.post("/procedures/", "{not json", headers=dict(JSON, **{"Content-Type": "application/json"}),
                status=400)


def test_code_cannot_change_on_put(editor):
    res = editor.put_json("/procedures/1.001193", _body(editor, "1.001193", code="1.999999"),
                          headers=JSON, status=422)
    assert "code" in res.json["error"]["fields"]


def test_edit_page_saves_a_draft(editor):
    form = _edit_form(editor, "1.001193")
    form.set("name", "Đăng ký khai sinh (sửa đổi)", index=0)
    res = form.submit("save").maybe_follow()
    draft = editor.get("/procedures/1.001193", {"version": 2}, headers=JSON).json
    assert res.status_int == 200 and draft["state"] == "draft" and draft["name"] == "Đăng ký khai sinh (sửa đổi)"


def test_edit_page_shows_the_field_error(editor):
    form = _edit_form(editor, "1.001193")
    form["processing_days"] = "1"
    res = form.submit("save")
    assert res.status_int == 200 and "vượt thời hạn giải quyết" in res.text


def test_add_page_refuses_a_negative_fee(editor):
    form = editor.get("/procedures/@@add").forms["deform"]
    form["fee"] = "-1"
    res = form.submit("save")
    assert "Phí không được âm." in res.text


def test_publish_button_on_the_page(editor, anon):
    editor.put_json("/procedures/1.001193", _body(editor, "1.001193", processing_days=4), headers=JSON)
    page = editor.get("/procedures/1.001193/")
    asked = page.forms[[k for k, f in page.forms.items() if f.action.endswith("@@publish")][0]].submit()
    assert anon.get("/procedures/1.001193", headers=JSON).json["processing_days"] != 4
    asked.forms["confirm-form"].submit().maybe_follow()
    assert anon.get("/procedures/1.001193", headers=JSON).json["processing_days"] == 4


# -- import / export through the command line --------------------------------
def _initialised_ini(folder, demo=False):
    """A .ini with its own FileStorage in ``folder``, made by ``tthc-docs init [--demo]``."""
    from tthc_docs.cli import main
    ini = folder / ("demo.ini" if demo else "test.ini")
    ini.write_text(
        "[app:main]\nuse = egg:tthc-docs\n"
        f"zodbconn.uri = file://{folder}/Data.fs?blobstorage_dir={folder}/blobs\n"
        + ("tthc_docs.allow_demo = true\n" if demo else "")
        + "tthc_docs.session_secret = " + "s" * 48 + "\n"
        "tthc_docs.public_url = https://dvc.example.gov.vn\n"
        "tthc_docs.argon2_time_cost = 1\ntthc_docs.argon2_memory_cost = 8\n", encoding="utf-8")
    assert main(["init", str(ini), *(["--demo"] if demo else [])]) == 0
    return str(ini)


@pytest.fixture
def config(tmp_path):
    """A .ini with its own FileStorage, initialised without demo data."""
    return _initialised_ini(tmp_path)


def _file(tmp_path, records):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_cli_refuses_a_bad_file_and_imports_nothing(config, tmp_path, capsys):
    from tthc_docs.cli import main
    records = [dict(_new("9.000001"), agencies=["000.00.00.X"])]
    code = main(["import-procedures", config, _file(tmp_path, records)])
    out = capsys.readouterr().out
    assert code == 1 and "LỖI bản ghi 0 (mã 9.000001): agencies:" in out and "Không nhập bản ghi nào" in out


def test_cli_export_writes_the_import_format(config, tmp_path, capsys):
    from tthc_docs.cli import main
    out = tmp_path / "out.csv"
    assert main(["export-procedures", config, str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("code,name,field,level")


@pytest.fixture
def demo_config(tmp_path):
    """A .ini with its own FileStorage holding the demo site."""
    return _initialised_ini(tmp_path, demo=True)


def test_cli_import_creates_and_versions_then_export_shows_it(demo_config, tmp_path, capsys):
    from tthc_docs.cli import main
    changed = dict(copy.deepcopy(PROCEDURES[0]), processing_days=4)
    assert main(["import-procedures", demo_config, _file(tmp_path, [_new("9.000001"), changed])]) == 0
    assert "1 mới, 1 cập nhật" in capsys.readouterr().out
    out = tmp_path / "out.json"
    assert main(["export-procedures", demo_config, str(out)]) == 0
    exported = {p["code"]: p for p in json.loads(out.read_text(encoding="utf-8"))["procedures"]}
    assert exported["9.000001"]["name"] == "Đăng ký khai sinh lưu động"
    assert exported["1.001193"]["processing_days"] == 4


def test_page_tells_the_editor_about_a_pending_draft(editor):
    editor.put_json("/procedures/1.001193", _body(editor, "1.001193", processing_days=4), headers=JSON)
    assert "Có bản nháp chưa công bố" in editor.get("/procedures/1.001193").text


def test_a_new_procedure_cannot_be_at_district_level(editor):
    """Law on Organisation of Local Government 2025: two levels since 1 July 2025."""
    res = editor.post_json("/procedures/", _new(level="district"), headers=JSON, status=422)
    assert "level" in res.json["error"]["fields"]


def test_the_editor_says_whether_any_desk_may_receive_it(editor):
    editor.post_json("/procedures/", _new(methods=["counter", "online"]), headers=JSON, status=201)
    assert editor.get("/procedures/9.000001", headers=JSON).json["receivable_anywhere"] is True
    editor.put_json("/procedures/9.000001", _body(editor, "9.000001", receivable_anywhere=False),
                    headers=JSON)
    assert editor.get("/procedures/9.000001", headers=JSON).json["receivable_anywhere"] is False


def test_receivable_anywhere_must_be_true_or_false(editor):
    res = editor.post_json("/procedures/", _new(receivable_anywhere="maybe"), headers=JSON, status=422)
    assert "receivable_anywhere" in res.json["error"]["fields"]


def test_the_edit_form_offers_receivable_anywhere(editor):
    editor.post_json("/procedures/", _new(methods=["counter", "online"]), headers=JSON, status=201)
    form = _edit_form(editor, "9.000001")
    form["receivable_anywhere"] = "false"
    form.submit("save").maybe_follow()
    assert editor.get("/procedures/9.000001", headers=JSON).json["receivable_anywhere"] is False
