"""Catalog search on 2,000 procedures: the index alone and `GET /procedures/?q=` over HTTP.

Setup (not timed): a demo database plus 2,000 generated procedures
(`gen_catalog`), each created and published through the catalog, so the
index is the one writes maintain. Then, beside the bare Pyramid+ZODB
baseline of `harness` measured in the same run:
- the index's `search` called directly (a rotating set of queries);
- `GET /procedures/?q=...` as JSON through WebTest (the same queries);
- a facet-only browse (`?field=...&level=...`) and a deep page;
- `GET /@@doc-types`, a static JSON answer of the real app, to show what
  the app's tweens, session and security cost before any search.
Run: `.venv/bin/python tests/bench/bench_search.py` (or `make bench`).
"""
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_app import demo_client  # noqa: E402
from gen_catalog import populate  # noqa: E402
from harness import measure, measure_baseline, report, report_baseline  # noqa: E402

N = int(os.environ.get("BENCH_N", 300))
SIZE = int(os.environ.get("BENCH_PROCEDURES", 2000))
QUERIES = ["ho tich", "Giấy phép xây dựng", "DANG KY KINH DOANH", "cap lai giay", "khai sinh",
           "giay chung nhan quyen su dung dat", "tro cap", "cong ty co phan", "giay phep lao dong",
           "chung thuc ban sao", "thu hoi", "moi truong"]
JSON = {"Accept": "application/json"}


def main():
    folder = Path(tempfile.mkdtemp(prefix="bench-search-"))
    start = time.perf_counter()
    client = demo_client(folder, extra=lambda site: populate(site, SIZE))
    print(f"setup: demo + {SIZE} generated procedures in {time.perf_counter() - start:.1f} s", flush=True)
    baseline = measure_baseline(N)
    report_baseline(baseline)

    from tthc_docs.site.content import get_site
    db = client.app.registry._zodb_databases[""]
    conn = db.open()
    catalog = get_site(conn)["procedures"]
    total = len(catalog)
    queries = itertools.cycle(QUERIES)
    stats = measure(lambda: catalog.search(next(queries)), n=N)
    report(f"index.search, {total} procedures", stats, baseline)
    hits = {q: catalog.search(q).total for q in QUERIES}
    conn.close()

    stats = measure(lambda: client.get("/@@doc-types", headers=JSON), n=N)
    report("GET /@@doc-types (JSON; the app's own floor)", stats, baseline)

    queries = itertools.cycle(QUERIES)
    stats = measure(lambda: client.get("/procedures/", {"q": next(queries)}, headers=JSON), n=N)
    report(f"GET /procedures/?q= (JSON), {total} procedures", stats, baseline)

    fields = itertools.cycle(["ho-tich", "dat-dai", "xay-dung", "y-te"])
    stats = measure(lambda: client.get("/procedures/", {"field": next(fields), "level": "commune"},
                                       headers=JSON), n=N)
    report("GET /procedures/?field=&level= (browse)", stats, baseline)

    stats = measure(lambda: client.get("/procedures/", {"q": "giay", "page": 20}, headers=JSON), n=N)
    report("GET /procedures/?q=giay&page=20 (deep page)", stats, baseline)

    stats = measure(lambda: client.get("/procedures/", {"q": "ho tich"}), n=max(N // 3, 50))
    report("GET /procedures/?q= (HTML page)", stats, baseline)
    print("hits per query: " + ", ".join(f"{q!r}: {n}" for q, n in hits.items()), flush=True)


if __name__ == "__main__":
    main()
