"""Reading never writes: a GET commits nothing, except a logged read of someone's vault.

Each role GETs its representative pages of the demo database; the storage's
last transaction id must be the same before and after every one of them.
Logins (POSTs) happen before the first reading.

The exceptions, writes by design (DESIGN.md: "every read of a vault document
by someone other than its owner is logged in the vault"):

- an officer's GET of a citizen's vault document (``/vaults/<id>/documents/
  <doc>?dossier=<code>``, its page or ``@@download``) appends to that vault's
  access log;
- reception's GET of ``/procedures/<code>/@@apply`` for the citizen found by
  ID card in this session appends ``counter: profile, documents`` to that
  citizen's access log (the page shows the profile and the documents);
- ``GET /@@payment-notify`` is not a page but the payment gateway's
  server-to-server notification (VNPAY sends its IPN as a GET): an accepted
  one records the payment.  A refused one writes nothing (checked below).

The last tests show that the first two exceptions do write, so the
measurement here sees a write when there is one.
"""
import pytest

JSON = {"Accept": "application/json"}
SHOWN = "1.001193"  # a published demo procedure


def _writers(db, client, urls):
    """The URLs among ``urls`` whose GET committed a transaction.

    A URL ending in ``#json`` is asked for JSON; ``(url, status)`` expects
    that status, a bare URL a success or a redirect (so a page that breaks
    cannot pass for one that reads).
    """
    found = []
    for item in urls:
        url, status = item if isinstance(item, tuple) else (item, None)
        headers = JSON if url.endswith("#json") else {}
        before = db.lastTransaction()
        client.get(url.removesuffix("#json"), headers=headers, status=status)
        if db.lastTransaction() != before:
            found.append(url)
    return found


def _ok(client, url, headers=None):
    """GET ``url``, asserting it answers (so a page that fails does not pass unseen)."""
    return client.get(url, headers=headers or {}, status=200)


@pytest.fixture
def demo(login):
    """The demo's ids as the citizen sees them: vault, documents, dossiers."""
    citizen = login("citizen1")
    vault = citizen.get("/@@my-vault").follow(headers=JSON).json
    dossiers = citizen.get("/@@my-dossiers", headers=JSON).json["items"]
    by_status = {d["status"]: d["code"] for d in dossiers}
    received = by_status["received"]
    granted = _ok(citizen, f"/dossiers/{received}", JSON).json["attachments"][0]
    return {"vault": vault["id"], "doc": vault["documents"][0]["id"], "dossiers": by_status,
            "received": received, "granted": granted,
            "form": _ok(citizen, "/forms/", JSON).json["items"][0]["name"]}


def test_anonymous_pages_write_nothing(db, anon, demo):
    received, form = demo["received"], demo["form"]
    urls = ["/", "/#json", "/procedures/", "/procedures/?q=khai+sinh", "/procedures/#json",
            f"/procedures/{SHOWN}/", f"/procedures/{SHOWN}/#json",
            f"/procedures/{SHOWN}/@@due-date", "/forms/", f"/forms/{form}/", "/agencies/",
            "/@@doc-types", "/@@openapi.json", "/@@login", f"/@@track?code={received}",
            f"/@@track?code={received}#json", "/@@verify", ("/@@payment-return", "*"),
            ("/@@payment-notify?vnp_TxnRef=x&vnp_Amount=1", "*"), "/static/site.css",
            ("/no-such-page", 404)]
    assert _writers(db, anon, urls) == []


def test_the_citizens_pages_write_nothing(db, login, demo):
    vault, doc, received = demo["vault"], demo["doc"], demo["received"]
    urls = ["/@@me", "/@@my-vault", f"/vaults/{vault}/", f"/vaults/{vault}/#json",
            f"/vaults/{vault}/@@profile", f"/vaults/{vault}/@@access-log",
            f"/vaults/{vault}/documents/", f"/vaults/{vault}/documents/{doc}",
            f"/vaults/{vault}/documents/{doc}/@@download", "/@@my-dossiers",
            "/@@my-dossiers#json", f"/procedures/{SHOWN}/@@apply"]
    for code in demo["dossiers"].values():
        urls += [f"/dossiers/{code}", f"/dossiers/{code}#json", f"/dossiers/{code}/@@form-data",
                 f"/dossiers/{code}/@@pay"]
    urls += [f"/dossiers/{received}/@@slip/receipt", f"/dossiers/{received}/@@slip/control"]
    assert _writers(db, login("citizen1"), urls) == []


def test_the_officers_pages_write_nothing(db, login, demo):
    codes = list(demo["dossiers"].values())
    pages = {
        "reception1": ["/@@queue", "/@@queue#json", "/vaults/@@find", "/dossiers/@@register",
                       "/dossiers/@@register#json", "/dossiers/@@register?format=csv",
                       "/dossiers/@@register?format=pdf", f"/procedures/{SHOWN}/@@apply"],
        "specialist1": ["/@@queue", "/@@queue#json"],
        "leader1": ["/@@sign-queue", "/@@sign-queue#json", "/@@sign-mobile",
                    f"/dossiers/{demo['dossiers']['awaiting_signature']}/@@sign"],
    }
    writers = {}
    for login_name, urls in pages.items():
        urls = urls + [f"/dossiers/{code}" for code in codes]
        urls += [f"/dossiers/{code}#json" for code in codes]
        urls += [f"/dossiers/{code}?verify=1" for code in codes]   # verify again: in memory
        writers[login_name] = _writers(db, login(login_name), urls)
    assert writers == {name: [] for name in pages}


def test_the_digitise_page_writes_nothing(db, login, demo):
    """It needs the citizen found by ID card first (a POST, which writes)."""
    officer = login("reception1")
    officer.post_json("/vaults/@@find", {"id_number": "019188012345"},
                      headers={"Accept": "application/json"})
    assert _writers(db, officer, [f"/vaults/{demo['vault']}/@@digitize"]) == []


def test_the_editors_and_admins_pages_write_nothing(db, login, demo):
    form = demo["form"]
    editor = ["/procedures/@@add", f"/procedures/{SHOWN}/@@edit", f"/procedures/{SHOWN}/@@history",
              "/procedures/?state=draft", "/forms/@@add", f"/forms/{form}/@@edit",
              f"/forms/{form}/@@preview", "/forms/@@field-types"]
    admin = ["/procedures/@@calendar", "/procedures/@@calendar#json", "/people/", "/agencies/",
             "/people/@@audit", "/people/@@audit#json", "/@@refunds", "/@@refunds#json"]
    assert (_writers(db, login("editor1"), editor), _writers(db, login("admin"), admin)) == ([], [])


def test_an_officers_read_of_a_vault_document_writes_the_access_log(db, login, demo):
    ref, code = demo["granted"], demo["received"]
    doc = f"/vaults/{ref['vault']}/documents/{ref['document']}"
    urls = [f"{doc}?dossier={code}", f"{doc}/@@download?dossier={code}"]
    assert _writers(db, login("reception1"), urls) == urls
    log = login("citizen1").get(f"/vaults/{ref['vault']}/@@access-log", headers=JSON).json
    assert "reception1" in str(log)


def test_the_counters_apply_page_writes_the_access_log(db, login, demo):
    reception = login("reception1")
    reception.post_json("/vaults/@@find", {"id_number": "019188012345"}, headers=JSON)
    url = f"/procedures/{SHOWN}/@@apply"
    assert _writers(db, reception, [url]) == [url]
