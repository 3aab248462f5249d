"""An English reader gets English pages; Vietnamese stays the default.

The browser's Accept-Language picks English (the ``_LOCALE_`` cookie case is
in test_errors_and_headers).  The catalog must be compiled (``make install``
runs ``pybabel compile``).  JSON stays Vietnamese: it is the API contract.
"""
import pytest

from dossier_support import apply, clock, docs, procedure  # noqa: F401

EN = {"Accept-Language": "en"}
JSON = {"Accept": "application/json"}
FORM = "/forms/to-khai-khai-sinh"


@pytest.fixture
def procedure_url(anon):
    return anon.get("/procedures/", {"q": "khai sinh"}, headers=JSON).json["items"][0]["url"]


def test_home_page_is_in_english(anon):
    page = anon.get("/", headers=EN).text
    assert 'lang="en"' in page
    for text in ("Thái Nguyên public service portal", "Find a procedure", "Catalog of administrative procedures",
                 "Track a dossier", "Verify a document", "Log in", 'placeholder="e.g. khai sinh'):
        assert text in page
    assert "Tìm thủ tục" not in page


def test_catalog_search_is_in_english(anon):
    page = anon.get("/procedures/", {"q": "khai sinh"}, headers=EN).text
    for text in ("<h1>Procedures</h1>", "Find a procedure (with or without diacritics)", "Procedure name",
                 "Field", "Level", "procedures"):
        assert text in page
    assert "Tên thủ tục" not in page


def test_procedure_page_is_in_english(anon, procedure_url):
    page = anon.get(procedure_url, headers=EN).text
    for text in ("How long until the result?", "What do I need to bring?", "How much does it cost?",
                 "Where and how to apply?", "Internal process", "working days", "Print this page"):
        assert text in page
    assert "Cần mang theo những gì?" not in page


def test_procedure_page_translates_the_vocabulary(anon, procedure_url):
    page = anon.get(procedure_url, headers=EN).text
    assert "One-stop counter officer" in page
    assert "Cán bộ một cửa" not in page


def test_login_page_is_in_english(anon):
    page = anon.get("/@@login", headers=EN).text
    for text in ("<h1>Log in</h1>", "User name", "Password"):
        assert text in page


def test_citizen_vault_is_in_english(login):
    citizen = login("citizen1")
    page = citizen.get(citizen.session_info["vault"], headers=EN).text
    for text in ("Personal data vault", "Personal information", "Documents in the vault",
                 "Upload a document", "Access log", "My dossiers", "My vault", "Log out"):
        assert text in page
    assert "Kho dữ liệu cá nhân" not in page


def test_choice_lists_are_in_english_and_keep_the_choice(login, dossier_code):
    """The choices built once per language (web/options.py) follow the page's language."""
    citizen = login("citizen1")
    page = citizen.get(citizen.session_info["vault"], headers=EN).html
    kinds = {o["value"]: o.get_text() for o in page.select("#doc_type option")}
    assert kinds["ho-chieu"] == "Passport" and kinds["giay-khai-sinh"] == "Birth certificate"
    queue = login("reception1").get("/@@queue", {"status": "received", "urgency": "overdue"},
                                     headers=EN).html
    assert queue.select_one("#queue-status option[selected]").get_text() == "Received"
    assert queue.select_one("#queue-urgency option[selected]").get_text() == "Overdue"
    vietnamese = login("reception1").get("/@@queue", {"status": "received"}).html
    assert vietnamese.select_one("#queue-status option[selected]").get_text() == "Đã tiếp nhận"


def test_citizen_vault_profile_labels_are_in_english(login):
    citizen = login("citizen1")
    page = citizen.get(citizen.session_info["vault"].rstrip("/") + "/profile", headers=EN).text
    assert "Date of birth" in page
    assert "Ngày, tháng, năm sinh" not in page


def test_editor_form_page_is_in_english(login):
    editor = login("editor1")
    page = editor.get(FORM, headers=EN).text
    for text in ("Version", "Share prefilled from the vault", "Published versions",
                 "The form as citizens see it", "Forms"):
        assert text in page
    assert "Biểu mẫu như công dân nhìn thấy" not in page


def test_error_page_is_in_english(anon):
    page = anon.get("/no-such-page", headers=EN, status=404).text
    assert "The page or object you asked for was not found." in page
    assert "Back to the home page" in page


def test_json_error_messages_follow_the_language_asked_for(anon):
    """Issue 16 (was: JSON errors always Vietnamese); more kinds in test_json_errors_follow_the_language."""
    english = anon.get("/no-such-page", headers=dict(EN, **JSON), status=404).json
    vietnamese = anon.get("/no-such-page", headers=JSON, status=404).json
    assert (english["error"]["message"], vietnamese["error"]["message"]) == (
        "The page or object you asked for was not found.",
        "Không tìm thấy trang hoặc đối tượng yêu cầu.")


def test_vietnamese_is_the_default_home_page(anon):
    page = anon.get("/").text
    assert 'lang="vi"' in page
    assert "Tìm thủ tục" in page
    assert "Find a procedure" not in page


def test_vietnamese_is_the_default_procedure_page(anon, procedure_url):
    page = anon.get(procedure_url).text
    assert "Cần mang theo những gì?" in page
    assert "Cán bộ một cửa" in page


def test_vietnamese_is_the_default_vault(login):
    citizen = login("citizen1")
    page = citizen.get(citizen.session_info["vault"]).text
    assert "Kho dữ liệu cá nhân" in page
    assert "Personal data vault" not in page


def test_admin_accounts_page_translates_role_titles(login):
    page = login("admin").get("/people/", headers=EN).text
    assert "User accounts" in page
    assert "Editor" in page
    assert "Biên tập viên" not in page


# -- dossiers, queues, signing: values computed in Python --------------------

@pytest.fixture
def dossier_code(login, procedure, docs):
    """An online dossier citizen1 filed (fee not yet paid): its code."""
    return apply(login("citizen1"), docs).json["code"]


def test_dossier_page_is_in_english(login, dossier_code):
    page = login("citizen1").get(f"/dossiers/{dossier_code}", headers=EN).text
    for text in (f"<title>Dossier {dossier_code}", "Submitted", "Online", "Not paid",
                 "<td>Submit the dossier</td>"):
        assert text in page
    for text in ("Đã nộp", "Trực tuyến", "Chưa nộp", "Hồ sơ "):
        assert text not in page


def test_dossier_page_offers_actions_in_english(login, dossier_code):
    page = login("reception1").get(f"/dossiers/{dossier_code}", headers=EN).text
    assert ">Request a supplement<" in page and ">Reject<" in page
    assert "Yêu cầu bổ sung" not in page and "Từ chối" not in page


def test_reception_queue_is_in_english(login, dossier_code):
    page = login("reception1").get("/@@queue", headers=EN).text
    assert dossier_code in page and "<td>Submitted</td>" in page
    assert "Đã nộp" not in page


def test_my_dossiers_page_is_in_english(login, dossier_code):
    page = login("citizen1").get("/@@my-dossiers", headers=EN).text
    assert "<td>Submitted</td>" in page and "Đã nộp" not in page


def test_verification_report_is_in_english(anon, db):
    from samples import make_pdf
    page = anon.post("/@@verify", upload_files=[("file", "a.pdf", make_pdf(), "application/pdf")],
                     headers=EN).text
    assert "<dd>No</dd>" in page and "The document is not digitally signed." in page
    assert "Không" not in page


def test_vietnamese_is_the_default_dossier_page(login, dossier_code):
    page = login("citizen1").get(f"/dossiers/{dossier_code}").text
    for text in (f"<title>Hồ sơ {dossier_code}", "Đã nộp", "Trực tuyến", "Chưa nộp"):
        assert text in page
    assert "Submitted" not in page and "Not paid" not in page


def test_vietnamese_is_the_default_queue(login, dossier_code):
    page = login("reception1").get("/@@queue").text
    assert "<td>Đã nộp</td>" in page and "Submitted" not in page


def test_dossier_json_stays_vietnamese_for_an_english_reader(login, dossier_code):
    body = login("citizen1").get(f"/dossiers/{dossier_code}", headers=dict(EN, **JSON)).json
    assert body["status_label"] == "Đã nộp"
