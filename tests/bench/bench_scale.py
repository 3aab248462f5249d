"""Latency against database size, through a real server: 10,000 and 1,000,000 dossiers (by default).

For each size in BENCH_SCALE_SIZES (default ``10000,1000000``, the
province's year: about 80 minutes of generation and packing on one core;
``10000,100000`` for a quick run):
a fresh FileStorage is filled by ``tthc-docs generate`` (2,000 procedures,
one citizen per five dossiers, the app's own code paths), packed, and served
by ``pserve`` (waitress, 8 threads) in its own process. Timed over HTTP on
loopback, each beside a bare Pyramid+ZODB GET served by waitress in the same
run: the procedure page, a catalog search, a vault listing, the dossier
page, ``@@track``, ``@@apply``, the officer queue (overdue first); then
requests per second at 8 and 32 concurrent clients; the start-up time; the
database bytes per dossier beyond blobs (packed Data.fs growth / dossiers).
Before the server starts, its Data.fs is read once into the OS page cache, as
on a server that has been running (``BENCH_SCALE_WARM=0`` measures the file as
the pack left it; docs/bench/scale-1m-cold.txt is such a run).

The report goes to docs/bench/scale.txt and the latency plot to
docs/bench/scale-latency.svg. Sign and @@verify are in bench_signing.py:
their cost is pyHanko's and does not depend on the number of dossiers.
"""
import json
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
from harness import baseline_app, measure  # noqa: E402
from live_server import Client, serving  # noqa: E402
from scale_support import (PROCEDURE, file_uri, free_port, procedure_record, start_app,  # noqa: E402
                           stop, tthc, write_ini)
from svg_plot import line_chart  # noqa: E402

SIZES = [int(s) for s in os.environ.get('BENCH_SCALE_SIZES', '10000,1000000').split(',')]
N = int(os.environ.get('BENCH_N', 60))
PROCEDURES = int(os.environ.get('BENCH_PROCEDURES', 2000))
OUT = HERE.parent.parent / 'docs' / 'bench'
#: Read Data.fs into the page cache before measuring (BENCH_SCALE_WARM=0: measure as found).
WARM = os.environ.get('BENCH_SCALE_WARM', '1') != '0'
JSON_H = {'Accept': 'application/json'}


def build(folder, dossiers):
    """A generated database of ``dossiers`` dossiers; its facts (times, bytes per dossier)."""
    ini = write_ini(folder, file_uri(folder), threads=8)
    tthc('init', ini, '--demo')
    started = time.perf_counter()
    tthc('generate', ini, '--procedures', PROCEDURES, '--citizens', max(dossiers // 5, 10),
         '--dossiers', 0, timeout=None)
    citizens_s = time.perf_counter() - started
    _add_test_procedure(ini)
    tthc('pack', ini, '--days', 0, timeout=None)
    before = (folder / 'var' / 'Data.fs').stat().st_size
    started = time.perf_counter()
    tthc('generate', ini, '--procedures', 0, '--citizens', 0, '--dossiers', dossiers, timeout=None)
    dossiers_s = time.perf_counter() - started
    tthc('pack', ini, '--days', 0, timeout=None)
    after = (folder / 'var' / 'Data.fs').stat().st_size
    return ini, {'dossiers': dossiers, 'citizens_seconds': citizens_s,
                 'dossiers_per_second': dossiers / dossiers_s, 'data_fs_bytes': after,
                 'bytes_per_dossier': (after - before) / dossiers}


def _add_test_procedure(ini):
    import transaction

    from tthc_docs.cli import load_settings, opened_root
    from tthc_docs.site.content import get_site
    with opened_root(load_settings(str(ini))) as root:
        site = get_site(root._p_jar)
        site['procedures'].create(procedure_record(), 'editor1')
        site['procedures'].publish(PROCEDURE, 'editor1')
        transaction.commit()


def sample(ini, n=300):
    """Dossier codes, a generated procedure code and a citizen's vault path, from the database."""
    from itertools import islice

    from tthc_docs.cli import load_settings, opened_root
    from tthc_docs.site.content import get_site
    with opened_root(load_settings(str(ini))) as root:
        site = get_site(root._p_jar)
        registry = site['dossiers']
        every = max(1, len(registry) // n)
        codes = list(islice(registry.keys(), 0, None, every))[:n]
        procedure = next(c for c in site['procedures'].keys() if c.endswith('.H55'))
    return codes, procedure


def timed(client, method, path, rng_paths=None, body=None, headers=None, expect=200):
    def once():
        target = random.choice(rng_paths) if rng_paths else path
        res = client.request(method, target, body() if callable(body) else body, headers)
        assert res.status == expect, (target, res.status, res.body[:200])
    return measure(once, n=N, warmup=5)


def warm_up(port, codes):
    """Every thread's connection past its first requests, as on a server that has run a while.

    Each of the server's threads has its own ZODB connection cache. Without
    this, the first requests of each one load the upper levels of the
    registry's trees (at a million dossiers, internal nodes of a few hundred
    children each) and the session and account records, and those first
    requests are a large share of a 60-request sample. The warm-up reads
    *other* dossiers than the measured ones (the sample's even rows), so each
    measured page is still a dossier this server has not read before.
    """
    client = Client(('127.0.0.1', port))
    client.login('reception1')
    for _ in range(3):
        for code in codes:
            client.get(f'/dossiers/{code}', headers=JSON_H)
            client.get(f'/@@track?code={code}', headers=JSON_H)


def latencies(port, codes, procedure):
    address = ('127.0.0.1', port)
    anon, officer, citizen = Client(address), Client(address), Client(address)
    officer.login('reception1')
    vault = citizen.login('congdan000000')['vault']
    doc = next(d['id'] for d in citizen.get(vault).json['documents'] if d['doc_type'] == 'cccd')
    counter = iter(range(10 ** 9))

    def apply_body():
        return json.dumps({'data': {'n': next(counter)}, 'attachments': {'cccd': doc}}).encode()
    apply_h = {'Content-Type': 'application/json', 'Accept': 'application/json'}
    return {
        'procedure page': timed(anon, 'GET', f'/procedures/{procedure}', headers={'Accept': 'text/html'}),
        'catalog search': timed(anon, 'GET', '/procedures/?q=gi%E1%BA%A5y+ph%C3%A9p', headers=JSON_H),
        'vault listing': timed(citizen, 'GET', vault, headers=JSON_H),
        'GET /dossiers/<code>': timed(officer, 'GET', None, [f'/dossiers/{c}' for c in codes],
                                      headers=JSON_H),
        '@@track': timed(anon, 'GET', None, [f'/@@track?code={c}' for c in codes], headers=JSON_H),
        '@@apply': timed(citizen, 'POST', f'/procedures/{PROCEDURE}/@@apply', body=apply_body,
                         headers=apply_h, expect=201),
        'officer queue': timed(officer, 'GET', '/@@queue', headers=JSON_H),
    }


def throughput(ports, codes, clients, total):
    """Requests per second of the dossier page and of @@apply with ``clients`` at once.

    ``ports``: the server processes; client k talks to ``ports[k % len(ports)]``.
    """
    out = {}
    for name in ('GET /dossiers/<code>', '@@apply'):
        users = []
        for i in range(clients):
            c = Client(('127.0.0.1', ports[i % len(ports)]), timeout=120)
            if name == '@@apply':
                vault = c.login(f'congdan{i + 1:06d}')['vault']
                c.doc = next(d['id'] for d in c.get(vault).json['documents']
                             if d['doc_type'] == 'cccd')
            else:
                c.login('reception1')
            users.append(c)
        statuses, run_id = [], time.time_ns()   # a new application each time, never a replay

        def run(c, k):
            for j in range(total // clients):
                if name == '@@apply':
                    body = json.dumps({'data': {'run': run_id, 'k': k, 'j': j},
                                       'attachments': {'cccd': c.doc}})
                    res = c.request('POST', f'/procedures/{PROCEDURE}/@@apply', body.encode(),
                                    {'Content-Type': 'application/json', 'Accept': 'application/json'})
                else:
                    res = c.get(f'/dossiers/{random.choice(codes)}', headers=JSON_H)
                statuses.append(res.status)
        threads = [threading.Thread(target=run, args=(c, k)) for k, c in enumerate(users)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(600)
        elapsed = time.perf_counter() - started
        bad = [s for s in statuses if s != (201 if name == '@@apply' else 200)]
        out[name] = {'per_second': len(statuses) / elapsed, 'errors': len(bad),
                     'statuses': sorted(set(bad))}
    return out


def startup_seconds(ini, port, log):
    started = time.perf_counter()
    proc = start_app(ini, port, log)
    Client(('127.0.0.1', port)).get('/procedures/', headers=JSON_H)
    return proc, time.perf_counter() - started


def warm_page_cache(path):
    """Read the database file once, so that it is in the OS page cache, as on a running server.

    A server that has run for a while with more RAM than its Data.fs (24 GiB
    here against 6.7 GB at a million dossiers) reads its records from the
    page cache. Without this, a freshly packed million-dossier file is mostly
    on disk (2.2 of 6.3 GB were cached after the pack), and every dossier
    page of the bench, each a different dossier, waits on a few disk reads:
    a figure of the disk, not of the code (see NOTES.md). Returns the seconds taken.
    """
    started = time.perf_counter()
    with open(path, 'rb') as f:
        while f.read(1 << 24):
            pass
    return time.perf_counter() - started


def run_size(size, baseline_address, built=None):
    """Build (or reuse: ``built`` = (folder, facts) of an earlier run) and measure one size."""
    if built:
        folder, facts = built
        ini = folder / 'test.ini'
    else:
        folder = Path(tempfile.mkdtemp(prefix=f'bench-scale-{size}-'))
        ini, facts = build(folder, size)
    sampled, procedure = sample(ini, n=600)
    warm_codes, codes = sampled[0::2], sampled[1::2]
    if WARM:
        facts['page_cache_warm_seconds'] = warm_page_cache(folder / 'var' / 'Data.fs')
    port = free_port()
    with open(folder / 'app.log', 'ab') as log:
        proc, facts['startup_seconds'] = startup_seconds(ini, port, log)
        try:
            base = Client(baseline_address)
            facts['baseline'] = measure(lambda: base.get('/'), n=N, warmup=5)
            warm_up(port, warm_codes)
            facts['latency'] = latencies(port, codes, procedure)
            facts['throughput'] = {c: throughput([port], codes, c, total=8 * c)
                                   for c in (8, 32)}
        finally:
            stop(proc)
    return facts


def report(results):
    lines = [f'tthc-docs scale bench, {time.strftime("%Y-%m-%d %H:%M")}, '
             f'{os.cpu_count()} cores (shared), FileStorage, one pserve process (waitress, 8 threads)',
             'Latency over HTTP on loopback, ms (median / p95), x = median / bare Pyramid+ZODB GET', '']
    for r in results:
        b = r['baseline']
        lines += [f"== {r['dossiers']:,} dossiers, {r['dossiers'] // 5:,} citizens, {PROCEDURES:,} procedures",
                  f"generation: {r['dossiers_per_second']:.0f} dossiers/s; Data.fs (packed) "
                  f"{r['data_fs_bytes'] / 1e6:.1f} MB; {r['bytes_per_dossier']:,.0f} bytes per dossier beyond blobs",
                  f"start-up (pserve to first answer): {r['startup_seconds']:.1f} s",
                  (f"Data.fs read into the OS page cache first ({r['page_cache_warm_seconds']:.1f} s)"
                   if 'page_cache_warm_seconds' in r else
                   'Data.fs measured as found in the OS page cache (not read first)'),
                  f"{'baseline: bare Pyramid+ZODB GET':<28} {b['median']:8.2f} {b['p95']:8.2f}"]
        for name, s in r['latency'].items():
            lines.append(f"{name:<28} {s['median']:8.2f} {s['p95']:8.2f}   x{s['median'] / b['median']:6.1f}")
        for clients, by_name in r['throughput'].items():
            for name, t in by_name.items():
                lines.append(f"{clients:>2} clients {name:<24} {t['per_second']:7.1f} req/s"
                             + (f"  ({t['errors']} answered {t.get('statuses')})"
                                if t['errors'] else ''))
        lines.append('')
    if len(results) > 1:
        first, last = results[0], results[-1]
        lines.append(f"ratio of medians, {last['dossiers']:,} / {first['dossiers']:,} dossiers:")
        for name in first['latency']:
            ratio = last['latency'][name]['median'] / first['latency'][name]['median']
            lines.append(f"  {name:<28} x{ratio:5.2f}" + ('' if ratio <= 1.2 else '   (not flat)'))
    return '\n'.join(lines) + '\n'


def _earlier(size):
    """With BENCH_SCALE_REMEASURE=1: the database and generation facts of the last run."""
    if not os.environ.get('BENCH_SCALE_REMEASURE') or not (OUT / 'scale.json').exists():
        return None
    facts = next((f for f in json.loads((OUT / 'scale.json').read_text())
                  if f['dossiers'] == size), None)
    folders = sorted(Path(tempfile.gettempdir()).glob(f'bench-scale-{size}-*'))
    if facts is None or not folders:
        return None
    keep = ('dossiers', 'citizens_seconds', 'dossiers_per_second', 'data_fs_bytes',
            'bytes_per_dossier')
    return folders[-1], {k: facts[k] for k in keep}


def main():
    results = []
    with serving(baseline_app().app, threads=8) as address:
        for size in SIZES:
            print(f'== {size:,} dossiers: generating (this takes a while)', flush=True)
            results.append(run_size(size, address, _earlier(size)))
            print(report(results[-1:]), flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    text = report(results)
    (OUT / 'scale.txt').write_text(text)
    (OUT / 'scale.json').write_text(json.dumps(results, indent=1, default=str))
    series = {name: [(r['dossiers'], r['latency'][name]['median']) for r in results]
              for name in results[0]['latency']}
    series['bare Pyramid+ZODB'] = [(r['dossiers'], r['baseline']['median']) for r in results]
    (OUT / 'scale-latency.svg').write_text(line_chart(
        series, 'Median latency against database size', 'dossiers', 'ms'))
    print(text)
    print(f'written: {OUT}/scale.txt, scale.json, scale-latency.svg')


if __name__ == '__main__':
    main()
