"""The indicators dashboard stays flat from 10,000 to 1,000,000 dossiers.

Generating a million dossiers through the app (filing, receipt, steps,
signing) takes hours on this machine, so the bench writes the counters'
worth of data directly: N synthetic dossiers spread over two years and 20
agencies are aggregated into exactly the keys the write hooks make (day and
month counters per unit, metric and sub, plus one ``last`` entry per
dossier, the per-object record a real database holds), on a FileStorage.
It then times ``report.scored`` (what ``GET /@@indicators`` computes) for a
year of the province and a month of one agency, cold (a fresh connection)
and warm. The claim: the time does not grow with N, because a read touches
only the period's month and edge-day keys.
"""
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import transaction
import ZODB
from ZODB.FileStorage import FileStorage

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from tthc_docs.indicators import report  # noqa: E402
from tthc_docs.indicators.counters import IndicatorStore, contribution  # noqa: E402
from tthc_docs.indicators.facts import PROVINCE  # noqa: E402

AGENCIES = [f"{n:03d}.00.20.H55" for n in range(20)]
PROCEDURES = [f"1.{n:06d}" for n in range(300)]
START = date(2025, 1, 1)
SIZES = (10_000, 100_000, 1_000_000)


def synthetic(n, seed=17):
    """``{(unit, metric, day, sub): count}`` of ``n`` dossiers, as ``facts`` would count them."""
    rnd = random.Random(seed)
    counts = {}

    def add(unit, metric, day, sub="", k=1):
        key = (unit, metric, day, sub)
        counts[key] = counts.get(key, 0) + k

    for _ in range(n):
        agency = rnd.choice(AGENCIES)
        filed = (START + timedelta(days=rnd.randrange(730))).isoformat()
        done = (date.fromisoformat(filed) + timedelta(days=rnd.randrange(1, 20))).isoformat()
        online, proc = rnd.random() < 0.6, rnd.choice(PROCEDURES)
        for unit in (agency, PROVINCE):
            add(unit, "filed", filed)
            add(unit, "linked", filed)
            if online:
                add(unit, "filed_online", filed)
                add(unit, "filed_online_proc", filed, proc)
            add(unit, "settled", done)
            if rnd.random() < 0.9:
                add(unit, "on_time", done)
            add(unit, "results", done)
            add(unit, "e_result", done)
            add(unit, "days_sum", done, "", rnd.randrange(1, 15))
            add(unit, "days_n", done)
    return counts


def build(folder, n):
    db = ZODB.DB(FileStorage(str(folder / "Data.fs")))
    conn = db.open()
    store = conn.root()["indicators"] = IndicatorStore()
    for (unit, metric, day, sub), k in synthetic(n).items():
        store._change((unit, metric, day, sub), k, None)
    for p in PROCEDURES:
        for unit in AGENCIES + [PROVINCE]:
            store._change((unit, "online_proc", "", p), 1, None)
    transaction.commit()
    chunk = 100_000
    for first in range(0, n, chunk):
        store.last.update({("d", f"D{i:08d}"): contribution((AGENCIES[i % 20], PROVINCE), ())
                           for i in range(first, min(n, first + chunk))})
        transaction.commit()
    conn.close()
    return db


def timed(db, unit, start, end, warm_runs=50):
    conn = db.open()
    conn.cacheMinimize()
    store = conn.root()["indicators"]
    t0 = time.perf_counter()
    report.scored(store, unit, start, end)
    cold = (time.perf_counter() - t0) * 1000
    runs = []
    for _ in range(warm_runs):
        t0 = time.perf_counter()
        report.scored(store, unit, start, end)
        runs.append((time.perf_counter() - t0) * 1000)
    conn.close()
    return cold, statistics.median(runs)


def main():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            t0 = time.perf_counter()
            db = build(folder, n)
            built = time.perf_counter() - t0
            year = timed(db, PROVINCE, date(2025, 1, 1), date(2025, 12, 31))
            month = timed(db, AGENCIES[3], date(2026, 3, 1), date(2026, 3, 31))
            odd = timed(db, PROVINCE, date(2025, 2, 14), date(2026, 5, 9))
            rows.append((n, built, year, month, odd))
            db.close()
    print(f"{'dossiers':>10} {'build s':>8}  {'province year (cold/warm ms)':>30}  "
          f"{'agency month':>16}  {'province 14/2/25-9/5/26':>24}")
    for n, built, year, month, odd in rows:
        print(f"{n:>10,} {built:>8.1f}  {year[0]:>14.1f} / {year[1]:<13.2f}  "
              f"{month[0]:>7.1f} / {month[1]:<6.2f}  {odd[0]:>11.1f} / {odd[1]:<10.2f}")
    warm = [r[2][1] for r in rows]
    ratio = max(warm) / min(warm)
    print(f"warm province-year time, largest / smallest: {ratio:.2f}")
    if ratio > 3:
        print("NOT FLAT: the dashboard's time grows with the number of dossiers")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
