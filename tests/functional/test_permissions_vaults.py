"""Permission matrix of vaults: every role against the vault, its documents,
its log, its profile, uploads, digitisation and the counter's search.

``{vault}`` is citizen1's vault, ``{doc}`` a document uploaded into it that
no dossier uses and ``{granted}`` a digitised document granted to the demo
agency for dossier ``HS-1`` (both made here, apart from the demo's dossiers).
Nobody but the owner opens the vault; officers read a document only with a
dossier their agency was granted.
"""
import io

import pytest
from reportlab.pdfgen import canvas

ROLES = ["anonymous", "citizen1", "citizen2", "editor1", "reception1", "specialist1",
         "leader1", "admin"]
OFFICERS = ("reception1", "specialist1", "leader1")
AGENCY = "000.00.20.H56"


def only(allowed, status=200, others=403):
    """The owner-style row: `allowed` roles get `status`, anonymous 401, the rest `others`."""
    row = {r: others for r in ROLES}
    row["anonymous"] = 401
    row.update({r: status for r in allowed})
    return row


# (method, url, body, {role: expected status})
MATRIX = [
    ("GET", "/vaults/", None, {r: 404 for r in ROLES}),
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
    ("POST", "/vaults/@@find", {"id_number": "056188012345"}, only(["reception1"])),
    ("GET", "/@@my-vault", None, {**{r: 404 for r in ROLES}, "anonymous": 401,
                                   "citizen1": 303, "citizen2": 303}),
]

CASES = [(role, method, url, body, expected[role])
         for method, url, body, expected in MATRIX for role in ROLES]


def make_pdf(text):
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()


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


def client_for(role, anon, login):
    if role == "anonymous":
        token = anon.get("/@@me", headers={"Accept": "application/json"}).json["csrf_token"]
        anon.extra_environ["HTTP_X_CSRF_TOKEN"] = token
        return anon
    return login(role)


@pytest.mark.parametrize("role,method,url,body,status", CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_permission(role, method, url, body, status, anon, login, places):
    client = client_for(role, anon, login)
    url = url.format(**places)
    headers = {"Accept": "application/json"}
    if method == "GET":
        res = client.get(url, headers=headers, expect_errors=True)
    elif method == "DELETE":
        res = client.delete(url, headers=headers, expect_errors=True)
    elif method == "UPLOAD":
        res = client.post(url, {"doc_type": "other", "title": "Thử quyền",
                                "original": "Bản chính"},
                          upload_files=[("file", "t.pdf", make_pdf(f"{role} {url}"))],
                          headers=headers, expect_errors=True)
    else:
        res = getattr(client, method.lower() + "_json")(url, body, headers=headers,
                                                         expect_errors=True)
    assert res.status_int == status, res.text[:300]
