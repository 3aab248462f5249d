"""An upload is the owner's to delete again once no open dossier uses it."""
from dossier_support import FREE, act, clock, docs, procedure  # noqa: F401  (fixtures)
from samples import make_pdf

JSON = {"Accept": "application/json"}


def upload_and_file(login, docs):
    """citizen1 uploads a fresh birth certificate and files with it: (client, doc url, code)."""
    citizen = login("citizen1")
    doc = citizen.post(citizen.session_info["vault"] + "documents",
                       {"doc_type": "giay-khai-sinh", "title": "Giấy khai sinh (bản mới)"},
                       upload_files=[("file", "khai-sinh.pdf", make_pdf("Giấy khai sinh mới"))],
                       headers=JSON, status=201).json
    body = {"data": {}, "attachments": {"khai-sinh": doc["id"],
                                        "cu-tru": docs["xac-nhan-cu-tru"]}}
    code = citizen.post_json(f"/procedures/{FREE}/@@apply", body, headers=JSON,
                             status=201).json["code"]
    return citizen, doc["url"], code


def test_an_upload_of_a_withdrawn_dossier_can_be_deleted(login, procedure, docs, clock):
    citizen, url, code = upload_and_file(login, docs)
    act(citizen, code, "withdraw", note="Tôi nộp nhầm thủ tục")
    citizen.delete(url, headers=JSON, status=200)


def test_an_upload_of_a_submitted_dossier_cannot_be_deleted(login, procedure, docs, clock):
    citizen, url, code = upload_and_file(login, docs)
    res = citizen.delete(url, headers=JSON, status=409)
    assert code in res.json["error"]["message"]
