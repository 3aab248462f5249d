"""The HTTP bench's loads that write: @@apply and a transition (issue 15, target 0.3).

``add_writable`` adds, to the bench's demo database before the servers
start, a procedure with one required document and no form (as
``bench_dossiers``), a citizen of its own (APPLICANT, with a birth
certificate in the vault), a leader and a specialist at another agency
(AGENCY, the Department of Justice) and RECEIVED dossiers there, with the
papers their receipt issued (so an assignment issues only its own edition
of Mẫu 05, as in the app, not the receipt's papers as well): the
pages citizen1 and the demo officers read do not grow while the writes
pile up dossiers.
``writes`` names the two loads; ``lua_script`` is the wrk script that posts
them: every @@apply with a new Idempotency-Key and its own data (so each
files a dossier: the same content again would be taken for a double click),
the transitions in turn over the received dossiers (the leader re-assigns
each to the specialist; the state stays, the history grows by one line).
"""
import json
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # tests/: samples

APPLY_CODE = "9.990009"
AGENCY = "000.00.11.H55"     # Sở Tư pháp: not the demo officers' agency
RECEIVED = 200
APPLICANT, LEADER, SPECIALIST = "bench-applicant", "bench-leader", "bench-specialist"
#: What ``add_writable`` made (it runs in the bench's own process, before the servers).
PREPARED = {}


def add_writable(site):
    """A procedure with one required document and no form, and RECEIVED dossiers to assign."""
    from tthc_docs import timeutil
    from tthc_docs.dossiers import press, workflow
    from tthc_docs.dossiers.calendar import WorkingCalendar
    from tthc_docs.dossiers.content import Dossier
    from bench_dossiers import procedure_data
    data = dict(procedure_data(), code=APPLY_CODE, agencies=[AGENCY])
    site["procedures"].create(data, "editor1")
    site["procedures"].publish(APPLY_CODE, "editor1")
    version = site["procedures"][APPLY_CODE].published_version()
    from samples import make_pdf
    site["people"].create(APPLICANT, "demo-password", "Lương Văn Đo", ["citizen"])
    site["people"].create(LEADER, "demo-password", "Hà Văn Duyệt", ["leader"], AGENCY)
    site["people"].create(SPECIALIST, "demo-password", "Mạc Thị Xử", ["specialist"], AGENCY)
    vault = site["vaults"].for_owner(APPLICANT)
    birth, _ = vault.add_document(make_pdf("Giấy khai sinh"), title="Giấy khai sinh",
                                  doc_type="giay-khai-sinh", kind="uploaded", added_by=APPLICANT)
    reception, now = site["people"]["reception1"], timeutil.now()
    calendar, printer = WorkingCalendar(), press.Press(public_url="http://127.0.0.1:6543")
    for n in range(RECEIVED):
        dossier = Dossier(owner=APPLICANT, vault_id=vault.__name__, procedure=version,
                          agency=AGENCY, channel="online", data={"n": n}, form_name=None,
                          form_version=None, attachments=[], fee_amount=0, submitted_at=now,
                          submitted_by=APPLICANT)
        site["dossiers"].file(dossier, now)
        dossier.add_history("submit", APPLICANT, "", at=now)
        dossier.transition("receive", workflow.Context(
            login="reception1", roles=frozenset({"reception"}), now=now,
            calendar=calendar, name=reception.full_name))
        # as actions.fire does at receipt: the receipt, its line in the register, Mẫu 05
        press.issue_pending(site, dossier, printer, calendar)
        PREPARED.setdefault("codes", []).append(dossier.code)
    PREPARED["document"] = birth.id


LUA = """
math.randomseed(os.time())
local paths = {%(paths)s}
local body = %(body)s
local idempotent = %(idempotent)s
local tag = tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))
local n = 0
request = function()
  n = n + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  local unique = tag .. "-" .. n
  if idempotent then headers["Idempotency-Key"] = "bench-" .. unique end
  return wrk.format("POST", paths[(n %% #paths) + 1], headers, (body:gsub("@N@", unique)))
end
"""


def lua_script(paths, body, idempotent):
    """A wrk script posting ``body`` to ``paths`` in turn (a new Idempotency-Key each time)."""
    quote_lua = lambda text: "[==[" + text + "]==]"  # noqa: E731
    text = LUA % {"paths": ", ".join(quote_lua(p) for p in paths), "body": quote_lua(body),
                  "idempotent": "true" if idempotent else "false"}
    handle = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, prefix="bench-http-")
    with handle:
        handle.write(text)
    return handle.name


def writes(port, login):
    """(label, group, path, headers, expected, post) of the two loads that write.

    ``login(port, name)`` logs APPLICANT and the leader who assigns in.
    """
    cookie, me = login(port, APPLICANT)
    leader, leader_me = login(port, LEADER)
    json_post = {"Accept": "application/json", "Content-Type": "application/json"}
    apply = {"paths": [f"/procedures/{APPLY_CODE}/@@apply"], "idempotent": True,
             "body": json.dumps({"data": {"n": "@N@"},   # a new filing, not a double click
                                 "attachments": {"khai-sinh": PREPARED["document"]}})}
    assign = {"paths": [f"/dossiers/{quote(c)}/@@transition" for c in PREPARED["codes"]],
              "idempotent": False,
              "body": json.dumps({"action": "assign", "assignee": SPECIALIST})}
    return [
        ("citizen: POST @@apply (JSON)", "action", apply["paths"][0],
         dict(json_post, Cookie=cookie, **{"X-CSRF-Token": me["csrf_token"]}), 201, apply),
        ("leader: POST @@transition (assign)", "action", assign["paths"][0],
         dict(json_post, Cookie=leader, **{"X-CSRF-Token": leader_me["csrf_token"]}), 200,
         assign),
    ]


def papers_waiting(port, get, headers, codes=None):
    """``(n, code)``: papers of the assigned dossiers (or of ``codes``) not rendered yet
    (``ready`` false), and the dossier of the newest of them (None when none waits).

    ``get(port, path, headers)`` is the bench's GET; ``headers`` the leader's
    (the transition load's), who may read every one of these dossiers.
    """
    waiting, newest = 0, (None, None)
    for code in codes or PREPARED["codes"]:
        status, _, body = get(port, f"/dossiers/{quote(code)}",
                              {"Cookie": headers["Cookie"], "Accept": "application/json"})
        assert status == 200, body[:300]
        late = [p["issued_at"] for p in json.loads(body)["papers"] if not p["ready"]]
        waiting += len(late)
        if late and (newest[0] is None or max(late) > newest[0]):
            newest = (max(late), code)
    return waiting, newest[1]
