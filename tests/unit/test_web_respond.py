"""``respond``, ``show_again`` and ``FormView`` in a small real Pyramid app.

The app has only what the helpers touch (chameleon, a session for the CSRF
token, pyramid_tm for dooming), so each test shows one behaviour of the
helper, not of a page of the product.
"""
import colander
import pytest
from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.session import SignedCookieSessionFactory
from webtest import TestApp

from tthc_docs import errors
from tthc_docs.web.forms import FormView
from tthc_docs.web.respond import ask, respond, show_again, wants_json

JSON = {"Accept": "application/json"}


class Thing(colander.MappingSchema):
    name = colander.SchemaNode(colander.String(), missing_msg="Bắt buộc nhập.")


@pytest.fixture
def page_pt(tmp_path):
    path = tmp_path / "page.pt"
    path.write_text('<p>${title}|${extra}|${error}|${structure: form}</p>', encoding="utf-8")
    return str(path)


@pytest.fixture
def client(page_pt):
    calls = []
    page = page_pt

    def show(request):
        return respond(request, {"title": "T"}, template=page,
                       page=lambda: calls.append("page") or {"extra": "E", "error": "", "form": ""})

    def act(request):
        return respond(request, {"done": True}, redirect="http://example.com/next", status=201,
                       location="http://example.com/thing", headers=[("X-Seen", "1")])

    def again(request):
        try:
            raise errors.Invalid("Sai tên.", {"name": "Bắt buộc."})
        except errors.Invalid as exc:
            return show_again(request, exc, page, {"title": "T", "extra": "", "form": ""})

    def moved(request):
        def costly():
            calls.append("body")
            return {"moved": True}
        return respond(request, costly, redirect="http://example.com/next", flash="Đã chuyển.")

    def messages(request):
        return respond(request, {"messages": request.session.pop_flash()})

    def blank(request):
        return ask(request, errors.Invalid("Cần nhập tên.", {"name": "bắt buộc"}), page,
                   {"title": "T", "extra": "", "form": ""})

    class AddThing(FormView):
        schema = Thing()
        buttons = (("save", "Lưu"),)
        template = page_pt
        title = "Thêm"

        def page(self):
            return {"extra": "", "error": ""}

        def save_success(self, appstruct):
            if appstruct["name"] == "taken":
                raise errors.StateConflict("Tên đã có.", fields={"name": "Đã có."})
            calls.append(appstruct)
            return HTTPSeeOther("http://example.com/done")

    config = Configurator(settings={"tm.manager_hook": "pyramid_tm.explicit_manager"})
    config.include("pyramid_chameleon")
    config.include("pyramid_tm")
    config.add_static_view("static-deform", "deform:static")
    config.set_session_factory(SignedCookieSessionFactory("x" * 40))
    config.set_default_csrf_options(require_csrf=True)
    config.add_route("show", "/show")
    config.add_view(show, route_name="show")
    config.add_route("act", "/act")
    config.add_view(act, route_name="act")
    config.add_route("again", "/again")
    config.add_view(again, route_name="again")
    for name, view in (("moved", moved), ("messages", messages), ("blank", blank)):
        config.add_route(name, f"/{name}")
        config.add_view(view, route_name=name)
    config.add_route("add", "/add")
    config.add_view(AddThing, route_name="add")
    app = TestApp(config.make_wsgi_app())
    app.calls = calls
    return app


def test_a_browser_gets_the_page_with_the_extras(client):
    res = client.get("/show", headers={"Accept": "text/html,*/*;q=0.8"})
    assert res.content_type == "text/html" and "<p>T|E||</p>" in res.text
    assert client.calls == ["page"]


def test_a_json_client_gets_the_body_and_the_page_extras_are_never_computed(client):
    res = client.get("/show", headers=JSON)
    assert res.json == {"title": "T"}
    assert client.calls == []


def test_after_an_action_a_browser_is_redirected_and_a_json_client_gets_the_body(client):
    res = client.get("/act", status=303)
    assert res.location == "http://example.com/next" and res.headers["X-Seen"] == "1"
    res = client.get("/act", headers=JSON, status=201)
    assert res.json == {"done": True}
    assert res.location == "http://example.com/thing" and res.headers["X-Seen"] == "1"


def test_the_page_again_carries_the_error_at_its_status(client):
    res = client.get("/again", status=422)
    assert "<p>T||Sai tên.|</p>" in res.text


def test_a_json_client_gets_the_error_itself_instead_of_the_page(client):
    with pytest.raises(errors.Invalid):  # no error view here: the error reaches WSGI
        client.get("/again", headers=JSON)


def test_a_costly_body_is_computed_only_for_a_json_client(client):
    client.get("/moved", status=303)
    assert client.calls == []
    assert client.get("/moved", headers=JSON).json == {"moved": True}
    assert client.calls == ["body"]


def test_the_flash_message_is_for_the_browser_that_is_redirected(client):
    client.get("/moved", headers=JSON)
    assert client.get("/messages", headers=JSON).json == {"messages": []}
    client.get("/moved", status=303)
    assert client.get("/messages", headers=JSON).json == {"messages": ["Đã chuyển."]}


def test_a_blank_form_asks_a_browser_and_refuses_a_json_client(client):
    res = client.get("/blank", status=200)
    assert "<p>T|||</p>" in res.text and "Cần nhập" not in res.text
    with pytest.raises(errors.Invalid):
        client.get("/blank", headers=JSON)


@pytest.mark.parametrize("accept,expected", [
    (None, False), ("*/*", False), ("text/html,application/xhtml+xml,*/*;q=0.8", False),
    ("application/json", True), ("application/json, text/html;q=0.5", True),
    ("application/*", True), ("text/html;q=0.1, application/json", True), ("image/png", False),
])
def test_wants_json_follows_the_accept_header(accept, expected):
    from pyramid.request import Request
    request = Request.blank("/", headers={"Accept": accept} if accept else {})
    assert wants_json(request) is expected


def test_wants_json_when_the_client_sent_json():
    from pyramid.request import Request
    request = Request.blank("/", method="POST", content_type="application/json", body=b"{}")
    assert wants_json(request) is True


def _form(client):
    return client.get("/add").forms[0]


def test_a_form_view_shows_its_form_with_its_buttons_and_csrf_token(client):
    form = _form(client)
    assert "save" in form.fields and form["csrf_token"].value
    assert "Thêm|" in form.response.text


def test_a_form_view_calls_the_buttons_success_with_the_appstruct(client):
    form = _form(client)
    form["name"] = "Sở Tư pháp"
    res = form.submit("save", status=303)
    assert res.location == "http://example.com/done"
    assert client.calls == [{"name": "Sở Tư pháp"}]  # csrf_token removed


def test_input_the_schema_refuses_shows_the_form_again_as_422(client):
    res = _form(client).submit("save", status=422)
    assert "Bắt buộc nhập." in res.text and client.calls == []


def test_a_domain_error_marks_its_field_and_heads_the_form_at_its_status(client):
    form = _form(client)
    form["name"] = "taken"
    res = form.submit("save", status=409)
    assert "Đã có." in res.text and "Tên đã có." in res.text


def test_a_post_without_the_csrf_token_is_refused(client):
    client.post("/add", {"name": "x", "save": "save"}, status=400, expect_errors=True)
