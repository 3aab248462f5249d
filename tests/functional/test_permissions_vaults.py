"""Permission matrix of vaults: every role against the vault, its documents,
its log, its profile, uploads, digitisation and the counter's search.

``{vault}`` is citizen1's vault, ``{doc}`` a document uploaded into it that
no dossier uses and ``{granted}`` a digitised document granted to the demo
agency for dossier ``HS-1`` (both made here, apart from the demo's dossiers).
Nobody but the owner opens the vault; officers read a document only with a
dossier their agency was granted.
"""
import pytest
from matrix import ROLES, cases, client_for, everyone, only, parametrize, request_as
from samples import make_pdf

OFFICERS = ("reception1", "specialist1", "leader1")
AGENCY = "000.00.20.H55"


#: the form fields sent with every upload of the table
UPLOAD_FIELDS = {"doc_type": "other", "title": "Thử quyền", "original": "Bản chính"}

# (method, url, body, {role: expected status})
MATRIX = [
    ("GET", "/vaults/", None, everyone(404)),
    ("GET", "{vault}", None, only(["citizen1"])),
    ("GET", "{vault}/@@access-log", None, only(["citizen1"])),
    ("GET", "{vault}/profile", None, only(["citizen1"])),
    ("PUT", "{vault}/profile", {"phone": "0905123456"}, only(["citizen1"])),
    ("GET", "{doc}", None, only(["citizen1"])),
    ("GET", "{doc}/@@download", None, only(["citizen1"])),
    ("GET", "{doc}/@@download?dossier=HS-1", None, only(["citizen1"])),
    ("GET", "{granted}/@@download?dossier=HS-1", None, only(["citizen1", *OFFICERS])),
    ("GET", "{granted}?dossier=HS-1", None, only(["citizen1", *OFFICERS])),
    ("GET", "{granted}/@@download?dossier=HS-2", None, only(["citizen1"])),
    ("GET", "{granted}/@@download", None, only(["citizen1"])),
    ("DELETE", "{doc}", None, only(["citizen1"])),
    ("UPLOAD", "{vault}/documents", None, only(["citizen1"], status=201)),
    ("UPLOAD", "{vault}/@@digitize", None, only(["reception1"], status=201)),
    ("GET", "{vault}/@@digitize", None, only(["reception1"])),
    ("GET", "/vaults/@@find", None, only(["reception1"])),
    ("POST", "/vaults/@@find", {"id_number": "019188012345"}, only(["reception1"])),
    ("GET", "/@@my-vault", None, everyone(404, anonymous=401, citizen1=303, citizen2=303)),
]

CASES = cases(MATRIX, ROLES)


@pytest.fixture
def places(edit_site):
    """URLs of the matrix, made in this test's fresh database."""
    with edit_site() as site:
        vault = site["vaults"].for_owner("citizen1")
        uploaded, _ = vault.add_document(make_pdf("ma trận quyền"), title="Thử quyền",
                                         doc_type="other", kind="uploaded",
                                         added_by="citizen1")
        granted, _ = vault.add_document(make_pdf("được cấp quyền"), title="Bản số hóa",
                                        doc_type="other", kind="digitized",
                                        added_by="reception1", certified_by="reception1",
                                        original="Bản chính")
        vault.grant(granted.id, "HS-1", AGENCY)
        base = f"/vaults/{vault.id}"
        return {"vault": base, "doc": f"{base}/documents/{uploaded.id}",
                "granted": f"{base}/documents/{granted.id}"}


@parametrize(CASES)
def test_permission(role, method, url, body, status, anon, login, places):
    client = client_for(role, anon, login)
    url = url.format(**places)
    if method == "UPLOAD":
        res = request_as(client, "POST", url, UPLOAD_FIELDS,
                         upload=("t.pdf", make_pdf(f"{role} {url}")))
    else:
        res = request_as(client, method, url, body)
    assert res.status_int == status, res.text[:300]
