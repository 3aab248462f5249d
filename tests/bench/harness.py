"""Benchmark harness: timings, and the bare Pyramid+ZODB baseline to compare with.

Every figure a bench prints is beside the same measurement of a bare
Pyramid + pyramid_tm + pyramid_zodbconn app on a FileStorage, taken in the
same run through the same WebTest driver, so the ratio says what the
project's own code costs on this machine today.
"""
import statistics
import tempfile
import time
from pathlib import Path

import transaction
from persistent.mapping import PersistentMapping
from pyramid.config import Configurator
from webtest import TestApp


def measure(fn, n=200, warmup=20):
    """Run ``fn`` ``warmup + n`` times; timings of the last ``n`` in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"n": n, "median": statistics.median(times),
            "p95": times[min(n - 1, int(round(0.95 * n)) - 1)],
            "mean": statistics.fmean(times), "per_second": 1000 / statistics.fmean(times)}


def _baseline_view(request):
    from pyramid_zodbconn import get_connection
    root = get_connection(request).root()
    return {"count": len(root["items"]), "first": root["items"].get("k0")}


def baseline_app(folder=None):
    """A bare Pyramid+ZODB app answering JSON from one persistent mapping."""
    folder = Path(folder or tempfile.mkdtemp(prefix="bench-baseline-"))
    settings = {"zodbconn.uri": f"file://{folder}/Data.fs?blobstorage_dir={folder}/blobs",
                "tm.manager_hook": "pyramid_tm.explicit_manager"}
    with Configurator(settings=settings) as config:
        config.include("pyramid_tm")
        config.include("pyramid_zodbconn")
        config.add_route("base", "/")
        config.add_view(_baseline_view, route_name="base", renderer="json")
        app = config.make_wsgi_app()
    db = app.registry._zodb_databases[""]
    conn = db.open()
    conn.root()["items"] = PersistentMapping({f"k{i}": i for i in range(100)})
    transaction.commit()
    conn.close()
    return TestApp(app)


def measure_baseline(n=300):
    """Timings of one GET on the bare app."""
    client = baseline_app()
    return measure(lambda: client.get("/"), n=n)


def report(name, stats, baseline):
    """One line: median, p95 (ms), throughput and the ratio to the baseline's median."""
    ratio = stats["median"] / baseline["median"] if baseline["median"] else float("nan")
    print(f"{name:<48} median {stats['median']:8.2f} ms   p95 {stats['p95']:8.2f} ms   "
          f"{stats['per_second']:8.1f}/s   x{ratio:6.2f} baseline", flush=True)


def report_baseline(baseline):
    print(f"{'baseline: bare Pyramid+ZODB GET':<48} median {baseline['median']:8.2f} ms   "
          f"p95 {baseline['p95']:8.2f} ms   {baseline['per_second']:8.1f}/s", flush=True)
