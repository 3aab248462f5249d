"""How fast can a filing be on this stack? The floor under issue 15's write target.

Issue 15 asks ``POST @@apply`` and a transition to serve 0.3 of the bare
app's page (requests per second, same server, same run). This bench asks
what that target costs, by measuring three writes beside the bare page:

- **the bare app's write** (``http_baseline.add_document``): one document
  stored in a folder, a transaction of two records, nothing else;
- **a filing as the app makes it**: the code drawn from the day's
  counter, the dossier, its line in the register, the vault's grants, the
  Idempotency-Key, and in the same transaction every effect a reader
  expects at once: the dossier indexes (the citizen's list, the queues,
  the queue's search terms, the counts), the national portal's outbox
  (issue 18) and the indicators' tallies (issue 17);
- **a filing without those effects**, an experiment and never a setting
  of the app: :func:`switch_off_secondary_effects` replaces the three
  calls with nothing in the serving process. What is left is what a
  filing must write in its own transaction whatever design defers the
  rest to a later batch. Its dossiers are in no list, queue, search,
  outbox or indicator, so this figure bounds what deferring could win.

In process (WebTest on a FileStorage; median and p95, ``harness.measure``)
and over HTTP (waitress with the production threads and wrk with 8
connections, as ``bench_http``), the loads taken in turn for each round.
The report goes to ``docs/bench/write-floor.md``.

    python tests/bench/bench_write_floor.py [--seconds 3] [--rounds 3] [--n 300]
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import bench_http  # noqa: E402
from http_writes import APPLICANT, APPLY_CODE, PREPARED, add_writable, writes  # noqa: E402


def switch_off_secondary_effects():
    """In this process only: filings and transitions skip indexes, outbox and indicators."""
    from tthc_docs.dossiers import content
    content.DossierIndexes.reindex = lambda self, dossier, open_: None
    content.outbox.record = lambda dossier, entry: None
    content.indicators.dossier_changed = lambda dossier: None


def serve(kind, folder, port, threads):
    """``bench_http.serve``; ``floor`` is the app with :func:`switch_off_secondary_effects`."""
    if kind == "floor":
        switch_off_secondary_effects()
        kind = "app"
    bench_http.serve(kind, folder, port, threads)


# -- in process ----------------------------------------------------------------
def in_process(n):
    """``{label: harness.measure stats}``: the bare page and write, a filing, the floor."""
    from webtest import TestApp
    from bench_app import demo_client, login
    from harness import measure
    from http_baseline import PATH, WRITE_PATH, build, make_app
    bare_dir, app_dir = (Path(tempfile.mkdtemp(prefix=p)) for p in ("floor-bare-", "floor-app-"))
    try:
        build(bare_dir)
        bare = TestApp(make_app(bare_dir))
        client = login(demo_client(app_dir, add_writable), APPLICANT)
        counter = iter(range(10**9))

        def apply():
            i = next(counter)
            client.post_json(f"/procedures/{APPLY_CODE}/@@apply",
                             {"data": {"n": f"floor-{i}"},
                              "attachments": {"khai-sinh": PREPARED["document"]}},
                             headers={"Idempotency-Key": f"floor-{i}"}, status=201)
        figures = {"bare page (GET)": measure(lambda: bare.get(PATH), n=n),
                   "bare write (POST, two records)": measure(
                       lambda: bare.post(WRITE_PATH, "{}"), n=n),
                   "@@apply as the app files": measure(apply, n=n)}
        switch_off_secondary_effects()     # this process is the bench's own: nothing else runs
        figures["@@apply without indexes, outbox, indicators"] = measure(apply, n=n)
        return figures
    finally:
        shutil.rmtree(bare_dir, ignore_errors=True)
        shutil.rmtree(app_dir, ignore_errors=True)


# -- over HTTP -----------------------------------------------------------------
def over_http(seconds, rounds):
    """``{label: [figures of each round]}`` with the bare page's and write's of that round."""
    from bench_app import init_demo
    from http_baseline import PATH, WRITE_PATH, build
    threads = bench_http.production_threads()
    folders = {kind: Path(tempfile.mkdtemp(prefix=f"floor-{kind}-"))
               for kind in ("bare", "app", "floor")}
    build(folders["bare"])
    prepared = {}                 # add_writable's ids differ from one database to the next
    for kind in ("app", "floor"):
        PREPARED.clear()
        init_demo(folders[kind], add_writable)
        prepared[kind] = dict(PREPARED)
    servers = {kind: bench_http.start(kind, folder, threads, script=__file__)
               for kind, folder in folders.items()}
    try:
        bare_port = servers["bare"][1]
        loads = {"bare page (GET)": (bare_port, PATH, {}, None),
                 "bare write (POST, two records)": (bare_port, WRITE_PATH, {},
                                                    bench_http.bare_write_load(WRITE_PATH)[5])}
        for kind, label in (("app", "@@apply as the app files"),
                            ("floor", "@@apply without indexes, outbox, indicators")):
            port = servers[kind][1]
            PREPARED.clear()
            PREPARED.update(prepared[kind])
            _, _, path, headers, expected, post = writes(port, bench_http.login)[0]
            bench_http.check(port, label, path, headers, expected, post)
            loads[label] = (port, path, headers, post)
        for port, path, headers, post in loads.values():      # warm up
            bench_http.load(port, path, headers, 1, post=post)
        taken = {label: [] for label in loads}
        for _ in range(rounds):
            for label, (port, path, headers, post) in loads.items():
                taken[label].append(bench_http.load(port, path, headers, seconds, post=post))
        return taken, threads
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            proc.wait(10)
        for folder in folders.values():
            shutil.rmtree(folder, ignore_errors=True)


def http_rows(taken):
    """Per load: median req/s, p50, p99, and its shares of the bare page and bare write by round."""
    page, write = taken["bare page (GET)"], taken["bare write (POST, two records)"]
    rows = []
    for label, figures in taken.items():
        rows.append({
            "label": label, "rps": statistics.median(f["rps"] for f in figures),
            "p50": statistics.median(f["p50"] for f in figures),
            "p99": statistics.median(f["p99"] for f in figures),
            "page_share": statistics.median(f["rps"] / p["rps"] for f, p in zip(figures, page)),
            "write_share": statistics.median(f["rps"] / w["rps"] for f, w in zip(figures, write)),
            "errors": "; ".join(sorted({f["errors"] for f in figures if f["errors"]}))})
    return rows


def report(process, rows, threads, seconds, rounds, n):
    base = process["bare page (GET)"]["median"]
    lines = [f"In process (WebTest, FileStorage), {n} requests each after a warm-up:", "",
             "| request | median ms | p95 ms | × bare page |", "|---|---:|---:|---:|"]
    lines += [f"| {label} | {s['median']:.2f} | {s['p95']:.2f} | {s['median'] / base:.1f} |"
              for label, s in process.items()]
    lines += ["", f"Over HTTP: waitress, {threads} threads, {bench_http.CONNECTIONS} connections "
                  f"(wrk), {seconds} s per load, median of {rounds} rounds; each share divides "
                  f"by the bare page's or the bare write's req/s in the same round "
                  f"(issue 15's target for writes: {bench_http.TARGETS['action']} of the "
                  f"page).", "",
              "| request | req/s | share of the bare page | share of the bare write | "
              "p50 ms | p99 ms |", "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {r['label']} | {r['rps']:.0f} | {r['page_share']:.2f} | "
              f"{r['write_share']:.2f} | {r['p50']:.2f} | {r['p99']:.2f} |" for r in rows]
    errors = [f"{r['label']}: {r['errors']}" for r in rows if r["errors"]]
    if errors:
        lines += ["", "wrk reported: " + "; ".join(errors)]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 3)))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--n", type=int, default=300, help="requests per in-process figure")
    parser.add_argument("--name", default="write-floor", help="docs/bench/<name>.md")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `make bench` installs it (apt-get install wrk)")
    process = in_process(args.n)
    taken, threads = over_http(args.seconds, args.rounds)
    text = report(process, http_rows(taken), threads, args.seconds, args.rounds, args.n)
    print(text)
    out = ROOT / "docs" / "bench" / f"{args.name}.md"
    out.write_text(f"# The floor of a write (issue 15)\n\n{time.strftime('%Y-%m-%d %H:%M')}, "
                   f"{os.cpu_count()} cores. See tests/bench/bench_write_floor.py for what each "
                   f"row writes.\n\n{text}")
    print(f"written: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "serve":
        serve(*sys.argv[2:6])
    else:
        main()
