"""Pages over real HTTP, each as a share of the bare Pyramid+ZODB app (issue 15).

Both apps are served by waitress with the production thread count, each in
its own process on loopback, and loaded in turn by ``wrk`` (Debian's; the
bench target installs it) keeping 8 connections busy for a bounded time.
Each round loads the bare page before and after every four of the
project's loads, so every share compares figures taken seconds apart on
the same machine (a neighbour on a shared host moves both alike); the
table gives the median of three rounds with the lowest and highest
share, and how far the bare page's own figure moved over the run. It is
printed and written with a bar chart under ``docs/bench/`` (``--name``
chooses the file names).

The bare app also answers ``POST /docs/@@add``, which stores one document:
measured in every round beside the bare page, it shows for scale what a
write costs on the bare stack (two records, no gate, no index).

Two loads write: ``POST @@apply`` (JSON, a new Idempotency-Key on every
request, so each one files a dossier) and ``POST @@transition`` (the
leader re-assigns one of 200 received dossiers in turn); wrk sends them
through a small Lua script.  The serving process's ZODB cache is the one
production.ini sets (``connection_cache_size``).  A transition leaves its
paper's PDF to the app's idle renderer: each round then waits until every
paper is rendered, so that work does not land in the next figures, and the
report says how many papers it rendered and how long that took.

    python tests/bench/bench_http.py [--seconds 3] [--rounds 3] [--name http]
"""
import argparse
import configparser
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from http_writes import add_writable, lua_script, papers_waiting, writes  # noqa: E402

CONNECTIONS = 8
UNKNOWN_CODE = "000.00.20.H55-270203-9999"
#: Loads between two of the bare page's: each share compares figures taken seconds apart,
#: so a neighbour on the host that takes CPU for a while moves both alike.
BRACKET = 4
#: Targets of issue 15, as shares of the bare app's requests per second.
TARGETS = {"public": 1.0, "json": 0.9, "personal": 0.6, "action": 0.3}


def bare_write_load(path):
    """The bare app's write, for scale (``http_baseline.add_document``; no target)."""
    return ("bare app: POST storing one document", "bare write", path, {}, 200,
            {"paths": [path], "body": "{}", "idempotent": False})


def production_threads():
    """The thread count production.ini gives waitress (the same for both apps)."""
    return int(_production_server().get("threads", "4"))


def _production_server():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "production.ini")
    return parser["server:main"]


def production_cache():
    """The ZODB cache bounds production.ini gives each connection: [(name, value)]."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "production.ini")
    uri = parser["app:main"].get("zodbconn.uri", "")
    return re.findall(r"(connection_cache_size\w*)=(\d+)", uri)


# -- the servers (each in a child process: python bench_http.py serve KIND FOLDER PORT THREADS)
def serve(kind, folder, port, threads):
    import logging
    import waitress
    # "Task queue depth is 1" on every burst: 8 connections on fewer free threads, as meant.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    if kind == "bare":
        from http_baseline import make_app
        app = make_app(folder)
    else:   # as production's runner (tthc_docs/web/server.py) serves it
        from bench_app import demo_settings
        from tthc_docs import main
        if _production_server().get("malloc_arenas"):
            from tthc_docs.web.server import cap_malloc_arenas
            cap_malloc_arenas(_production_server()["malloc_arenas"])
        settings = dict(demo_settings(Path(folder)), **{"pyramid.reload_templates": "false"})
        uri = re.sub(r"&connection_cache_size\w*=\d+", "", settings["zodbconn.uri"])
        settings["zodbconn.uri"] = uri + "".join(f"&{k}={v}" for k, v in production_cache())
        app = main({}, **settings)
    waitress.serve(app, host="127.0.0.1", port=int(port), threads=int(threads),
                   expose_tracebacks=False, _quiet=True)


def start(kind, folder, threads, script=__file__):
    """Serve ``kind`` in a child process (``script serve KIND …``): ``(process, port)``."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, str(script), "serve", kind, str(folder), str(port),
                             str(threads)], cwd=ROOT)
    for _ in range(600):
        try:
            _get(port, "/")
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"the {kind} server did not start")


def _free_port():
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port, path, headers=None, method="GET", body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        res = conn.getresponse()
        return res.status, dict(res.getheaders()), res.read()
    finally:
        conn.close()


def rss_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- the pages -------------------------------------------------------------
def login(port, name):
    """The Cookie header of a session of ``name`` (and its JSON answer)."""
    status, headers, body = _get(port, "/@@login", {"Content-Type": "application/json"},
                                 "POST", json.dumps({"login": name,
                                                     "password": "demo-password"}).encode())
    assert status == 200, body
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    return cookie, json.loads(body)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def pages(port):
    """(label, group, path, headers, expected status, post) of every load measured.

    ``post``: None for a GET, else what ``lua_script`` needs for a POST.
    """
    as_json = {"Accept": "application/json"}
    status, _, body = _get(port, "/procedures/?q=ho+tich", as_json)
    found = json.loads(body)["items"]
    with_form = None
    for item in found:
        _, _, raw = _get(port, item["url"], as_json)
        if json.loads(raw).get("form"):
            with_form = item["url"]
            break
    procedure = found[0]["url"]
    citizen, me = login(port, "citizen1")
    officer, _ = login(port, "reception1")
    written = writes(port, login)
    _, _, raw = _get(port, "/@@my-dossiers", dict(as_json, Cookie=citizen))
    mine = json.loads(raw)["items"]
    dossier = next(d for d in mine if d["status"] == "received")
    dossier_path = f"/dossiers/{quote(dossier['code'])}"
    path = path_of
    return [row + (None,) for row in [
        ("procedure page (anonymous HTML)", "public", path(procedure), {}, 200),
        ("procedure JSON", "json", path(procedure), as_json, 200),
        ('search "ho tich" (HTML)', "public", "/procedures/?q=ho+tich", {}, 200),
        ('search "ho tich" (JSON)', "json", "/procedures/?q=ho+tich", as_json, 200),
        ("home page", "public", "/", {}, 200),
        ("tracking, known code", "public", f"/@@track?code={quote(dossier['code'])}", {}, 200),
        ("tracking, unknown code", "public", f"/@@track?code={UNKNOWN_CODE}", {}, 404),
        ("citizen: vault page", "personal", me["vault"] or "/@@my-vault", {"Cookie": citizen}, 200),
        ("citizen: dossier page", "personal", dossier_path, {"Cookie": citizen}, 200),
        ("officer: queue", "personal", "/@@queue", {"Cookie": officer}, 200),
        ("officer: dossier page", "personal", dossier_path, {"Cookie": officer}, 200),
        ("citizen: form page with prefill (@@apply)", "action",
         path(with_form or procedure) + "@@apply", {"Cookie": citizen}, 200),
    ]] + written


# -- the load --------------------------------------------------------------
WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def load(port, path, headers, seconds, threads=1, post=None):
    """``wrk`` on one URL (or POSTs as ``post`` says): {rps, p50, p99 (ms), errors}."""
    cmd = ["wrk", f"-t{threads}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    script = lua_script(**post) if post else None
    if script:
        cmd += ["-s", script]
    try:
        out = subprocess.run(cmd + [f"http://127.0.0.1:{port}{path}"], capture_output=True,
                             text=True, check=True).stdout
    finally:
        if script:
            os.unlink(script)
    latency = {int(p): float(v) * UNITS[u] for p, v, u in WRK_LATENCY.findall(out)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.findall(r"Socket errors:.*|Non-2xx or 3xx responses:.*", out)
    return {"rps": rps, "p50": latency.get(50, float("nan")), "p99": latency.get(99, float("nan")),
            "errors": "; ".join(errors)}


def expected_only(figures, expected):
    """``figures`` without wrk's non-2xx count where the page is meant to be a 404."""
    if expected >= 300:
        figures["errors"] = re.sub(r";? ?Non-2xx or 3xx responses: \d+", "",
                                   figures["errors"]).strip("; ")
    return figures


def check(port, label, path, headers, expected, post=None):
    if post:
        body = post["body"].encode()
        headers = dict(headers, **({"Idempotency-Key": "bench-check"} if post["idempotent"] else {}))
        status, _, body = _get(port, path, headers, "POST", body)
    else:
        status, _, body = _get(port, path, headers)
    if status != expected:
        raise SystemExit(f"{label}: {path} answered {status}, not {expected}: {body[:300]!r}")


def wait_rendered(port, measured, limit=300):
    """Wait until the papers the transitions issued are rendered: ``(papers, seconds)``.

    Transitions store a paper's facts and leave its PDF to the app's idle
    renderer (``dossiers.renderer``), which works once requests stop. Its
    CPU would otherwise land in the next loads' figures (the bare app's
    included, on a 2-core machine), so each round waits for it here, and the
    report shows what it cost: the papers rendered after the loads and how long that took.
    """
    leader = next(h for label, _, _, h, _, post in measured if post and "transition" in label)
    started = time.monotonic()
    first, last = papers_waiting(port, _get, leader)
    waiting = first
    while waiting:
        # The renderer takes the oldest first: watch the dossier of the newest paper
        # (one page, not 200: the checks are requests too, and would hold it back).
        while papers_waiting(port, _get, leader, [last])[0]:
            if time.monotonic() - started > limit:
                raise SystemExit(f"papers still not rendered after {limit} s")
            time.sleep(1.0)
        waiting, last = papers_waiting(port, _get, leader)
    return first, time.monotonic() - started


def run(seconds, rounds):
    threads = production_threads()
    bare_dir = Path(tempfile.mkdtemp(prefix="bench-bare-"))
    app_dir = Path(tempfile.mkdtemp(prefix="bench-http-"))
    from bench_app import init_demo
    from http_baseline import PATH, WRITE_PATH, build
    bare_write = bare_write_load(WRITE_PATH)
    build(bare_dir)
    init_demo(app_dir, add_writable)
    bare, bare_port = start("bare", bare_dir, threads)
    app, app_port = start("app", app_dir, threads)
    try:
        measured = pages(app_port)
        check(bare_port, "bare", PATH, {}, 200)
        label, _, path, headers, expected, post = bare_write
        check(bare_port, label, path, headers, expected, post)
        for label, _, path, headers, expected, post in measured:
            check(app_port, label, path, headers, expected, post)
        load(bare_port, PATH, {}, 1)  # warm both up: caches, code paths
        load(bare_port, WRITE_PATH, {}, 1, post=bare_write[5])
        for _, _, path, headers, _, post in measured:
            load(app_port, path, headers, 1, post=post)
        wait_rendered(app_port, measured)
        results = {label: [] for label, *_ in [bare_write] + measured}
        baselines, drains, bare_loads = [], [], []
        loads = [(bare_port, bare_write)] + [(app_port, row) for row in measured]
        for number in range(rounds):
            taken, bares, drain = one_round(bare_port, app_port, loads, measured, seconds)
            drains.append(drain)
            bare_loads += [b["rps"] for b in bares]
            base = {k: statistics.fmean(b[k] for b in bares) for k in ("rps", "p50", "p99")}
            baselines.append(base)
            for label, figures in taken.items():
                results[label].append(figures)
            print(f"round {number + 1}: bare {base['rps']:.0f} req/s; {drains[-1][0]} papers "
                  f"rendered after the loads in {drains[-1][1]:.1f} s", flush=True)
        memory = rss_mib(app.pid)
    finally:
        for proc in (bare, app):
            proc.terminate()
            proc.wait(10)
        shutil.rmtree(bare_dir, ignore_errors=True)
        shutil.rmtree(app_dir, ignore_errors=True)
    return (summarise([bare_write] + measured, results, baselines), memory, threads, drains,
            bare_loads)


def one_round(bare_port, app_port, loads, measured, seconds):
    """Each load once, the bare page before and after every ``BRACKET`` of them.

    Returns ``{label: figures}``, each with the ``base`` it is compared with
    (the mean of the bare page's loads that bracket it), the bare page's
    loads, and the papers rendered after the writes ``(papers, seconds)``.
    """
    from http_baseline import PATH
    before = load(bare_port, PATH, {}, seconds)
    bares, taken, drain = [before], {}, (0, 0.0)
    for first in range(0, len(loads), BRACKET):
        bracket = loads[first:first + BRACKET]
        figures = {label: expected_only(load(port, path, headers, seconds, post=post), expected)
                   for port, (label, _, path, headers, expected, post) in bracket}
        if any(port == app_port and row[5] for port, row in bracket):
            # the renderer's CPU would land in the next loads (the bare page's too)
            drain = wait_rendered(app_port, measured)
        after = load(bare_port, PATH, {}, seconds)
        base = {k: statistics.fmean([before[k], after[k]]) for k in ("rps", "p50", "p99")}
        taken.update({label: dict(f, base=base) for label, f in figures.items()})
        bares.append(after)
        before = after
    return taken, bares, drain


def summarise(measured, results, baselines):
    """Per page: medians over the rounds of the figures and of the same-round shares."""
    rows = [{"label": "bare Pyramid+ZODB+Chameleon page", "group": "bare",
             "rps": statistics.median(b["rps"] for b in baselines),
             "p50": statistics.median(b["p50"] for b in baselines),
             "p99": statistics.median(b["p99"] for b in baselines),
             "share": 1.0, "low": 1.0, "high": 1.0, "p50_x": 1.0, "p99_x": 1.0, "errors": ""}]
    for label, group, *_ in measured:
        taken = results[label]
        rows.append({
            "label": label, "group": group,
            "rps": statistics.median(t["rps"] for t in taken),
            "p50": statistics.median(t["p50"] for t in taken),
            "p99": statistics.median(t["p99"] for t in taken),
            "share": statistics.median(t["rps"] / t["base"]["rps"] for t in taken),
            "low": min(t["rps"] / t["base"]["rps"] for t in taken),
            "high": max(t["rps"] / t["base"]["rps"] for t in taken),
            "p50_x": statistics.median(t["p50"] / t["base"]["p50"] for t in taken),
            "p99_x": statistics.median(t["p99"] / t["base"]["p99"] for t in taken),
            "errors": "; ".join(sorted({t["errors"] for t in taken if t["errors"]}))})
    return rows


# -- the report ------------------------------------------------------------
def table(rows, memory, threads, seconds, rounds, drains=(), bare_loads=()):
    lines = [f"waitress, {threads} threads, {CONNECTIONS} connections (wrk), {seconds} s per page "
             f"and round, median of {rounds} rounds; share = req/s over the mean req/s of the bare "
             f"app's loads just before and after it (one before and after every {BRACKET} loads), "
             f"with the lowest and highest share of the rounds (targets: public pages "
             f"{TARGETS['public']}, public JSON {TARGETS['json']}, logged-in pages "
             f"{TARGETS['personal']}, @@apply and its POST, a transition {TARGETS['action']}); "
             f"p50/p99 also as multiples of the bare app's.", "",
             "| page | req/s | share of bare (range) | target | p50 ms | p50 × bare | p99 ms | "
             "p99 × bare |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        target = TARGETS.get(r["group"], "")
        lines.append(f"| {r['label']} | {r['rps']:.0f} | {r['share']:.2f} "
                     f"({r['low']:.2f}–{r['high']:.2f}) | {target} | "
                     f"{r['p50']:.2f} | {r['p50_x']:.2f} | {r['p99']:.2f} | {r['p99_x']:.2f} |")
    lines += ["", f"Serving process after the bench: {memory:.0f} MiB RSS (target ≤ 150)."]
    if drains:
        papers, spent = sum(d[0] for d in drains), sum(d[1] for d in drains)
        lines += ["", f"Papers the transitions issued, rendered by the idle renderer after "
                      f"each round's loads (and before the next): {papers} in {spent:.1f} s, "
                      f"{1000 * spent / max(papers, 1):.1f} ms each including the checks."]
    if len(bare_loads) > 1:
        # the machine's own steadiness: the same page of the same server, load after load
        lines += ["", f"The bare page alone, over its {len(bare_loads)} loads of the run: "
                      f"{min(bare_loads):.0f} to {max(bare_loads):.0f} req/s (median "
                      f"{statistics.median(bare_loads):.0f}). A wide spread is a machine whose "
                      f"speed moved during the run (a shared host): its shares are rough, "
                      f"and the range beside each says how rough."]
    errors = [f"{r['label']}: {r['errors']}" for r in rows if r["errors"]]
    if errors:
        lines += ["", "wrk reported: " + "; ".join(errors)]
    return "\n".join(lines) + "\n"


def chart(rows):
    """A hand-written SVG: one bar per page (share of bare), a tick at its target."""
    bar_h, gap, left, width = 18, 8, 300, 420
    top = 30
    scale = width / max(1.5, max(r["share"] for r in rows) * 1.1)
    height = top + len(rows) * (bar_h + gap) + 30
    colours = {"bare": "#888", "bare write": "#bbb", "public": "#2a7", "json": "#27a", "personal": "#a72",
               "action": "#a27"}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 60}" '
             f'height="{height}" font-family="sans-serif" font-size="12">',
             f'<text x="{left}" y="18">requests per second, share of the bare app</text>']
    for i, r in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = r["share"] * scale
        label = r["label"].replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        parts.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{label}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                     f'fill="{colours.get(r["group"], "#555")}"/>')
        parts.append(f'<text x="{left + w + 4:.1f}" y="{y + 13}">{r["share"]:.2f}</text>')
        target = TARGETS.get(r["group"])
        if target:
            x = left + target * scale
            parts.append(f'<line x1="{x:.1f}" y1="{y - 2}" x2="{x:.1f}" y2="{y + bar_h + 2}" '
                         'stroke="#000" stroke-width="2"/>')
    x1 = left + scale
    parts.append(f'<line x1="{x1:.1f}" y1="{top - 4}" x2="{x1:.1f}" y2="{height - 24}" '
                 'stroke="#000" stroke-dasharray="3,3"/>')
    parts.append(f'<text x="{left}" y="{height - 8}">black ticks: targets of issue 15; '
                 'dashed: the bare app (1.0)</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 3)))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--name", default="http", help="docs/bench/<name>.md and .svg")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `make bench` installs it (apt-get install wrk)")
    rows, memory, threads, drains, bare_loads = run(args.seconds, args.rounds)
    text = table(rows, memory, threads, args.seconds, args.rounds, drains, bare_loads)
    print(text)
    out = ROOT / "docs" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{args.name}.md").write_text(f"# Pages over HTTP, as shares of the bare app\n\n"
                                         f"{time.strftime('%Y-%m-%d %H:%M')}, "
                                         f"{os.cpu_count()} cores. {text}")
    (out / f"{args.name}.svg").write_text(chart(rows))
    print(f"written: docs/bench/{args.name}.md, docs/bench/{args.name}.svg")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "serve":
        serve(*sys.argv[2:6])
    else:
        main()
