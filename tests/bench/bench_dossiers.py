"""Dossiers under load: @@apply, GET /dossiers/<code> and the officer queue, 100,000 dossiers.

Setup (not timed): a demo database, then BENCH_DOSSIERS dossiers (default
100,000) built directly through the resource API (``Dossier`` +
``registry.file`` + ``workflow``), committed in batches, bounded by
BENCH_SETUP_SECONDS (default 600): if the bound is hit, the figures are for
what was built and the line says so. A third are received (so they carry a
due date and sort in the queue), spread in time order over 200 filing days.

Then each endpoint is timed through WebTest beside the bare Pyramid+ZODB
baseline of ``harness``. Run: ``.venv/bin/python tests/bench/bench_dossiers.py``.
"""
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import transaction
import ZODB
from ZODB.FileStorage import FileStorage

sys.path.insert(0, str(Path(__file__).parent))
from bench_app import demo_settings, init_demo, login  # noqa: E402
from harness import measure, measure_baseline, report, report_baseline  # noqa: E402

TOTAL = int(os.environ.get('BENCH_DOSSIERS', 100_000))
SETUP_SECONDS = float(os.environ.get('BENCH_SETUP_SECONDS', 600))
N = int(os.environ.get('BENCH_N', 200))
BATCH = 5000
CODE = '9.990009'
AGENCY = '000.00.20.H55'


def procedure_data():
    return {
        'code': CODE, 'name': 'Thủ tục đo hiệu năng', 'field': 'Hộ tịch', 'level': 'province',
        'agencies': [AGENCY], 'processing_days': 5, 'fee': 0, 'online_fee': 0, 'form': None,
        'steps': [{'id': 'xu-ly', 'name': 'Thẩm định', 'role': 'specialist', 'days': 3},
                  {'id': 'phe-duyet', 'name': 'Ký duyệt', 'role': 'leader', 'days': 1}],
        'requirements': [{'id': 'khai-sinh', 'name': 'Giấy khai sinh',
                          'doc_type': 'giay-khai-sinh', 'copies': 1, 'required': True}],
        'result_doc_type': 'other', 'legal_basis': []}


def add_procedure(site):
    site['procedures'].create(procedure_data(), 'editor1')
    site['procedures'].publish(CODE, 'editor1')


def build(folder):
    """Add TOTAL dossiers in batches; returns (built, seconds)."""
    from tthc_docs import timeutil
    from tthc_docs.dossiers import workflow
    from tthc_docs.dossiers.calendar import WorkingCalendar
    from tthc_docs.dossiers.content import Dossier
    from tthc_docs.site.content import get_site
    db = ZODB.DB(FileStorage(str(folder / 'Data.fs'), blob_dir=str(folder / 'blobs')))
    conn = db.open()
    site = get_site(conn)
    version = site['procedures'][CODE].published_version()
    reception = site['people']['reception1']
    calendar, rng = WorkingCalendar(), random.Random(7)
    start, now, built = time.perf_counter(), timeutil.now(), 0
    while built < TOTAL and time.perf_counter() - start < SETUP_SECONDS:
        registry = site['dossiers']
        for _ in range(min(BATCH, TOTAL - built)):
            # Filed in time order, as they arrive: 200 days back to today.
            when = now - timedelta(days=200) + timedelta(seconds=built * 172800 // TOTAL)
            owner = f'bench{built % 5000}'
            dossier = Dossier(owner=owner, vault_id='v-bench', procedure=version,
                              agency=AGENCY, channel='online', data={'n': built},
                              form_name=None, form_version=None, attachments=[],
                              fee_amount=0, submitted_at=when, submitted_by=owner)
            registry.file(dossier, when)
            dossier.add_history('submit', owner, '', at=when)
            if built % 3 == 0:
                ctx = workflow.Context(login='reception1', roles=frozenset({'reception'}),
                                       now=when, calendar=calendar, name=reception.full_name)
                dossier.transition('receive', ctx)
            built += 1
        transaction.commit()
        conn.cacheMinimize()
    elapsed = time.perf_counter() - start
    conn.close()
    db.close()
    return built, elapsed


def main():
    folder = Path(tempfile.mkdtemp(prefix='bench-dossiers-'))
    init_demo(folder, add_procedure)
    built, seconds = build(folder)
    bound = '' if built == TOTAL else f' (setup bound of {SETUP_SECONDS:.0f} s hit)'
    print(f'setup: {built} dossiers in {seconds:.1f} s{bound}', flush=True)

    from tthc_docs import main as make_app
    from webtest import TestApp
    app = make_app({}, **demo_settings(folder))
    citizen = login(TestApp(app, extra_environ={'HTTP_HOST': 'example.com'}), 'citizen1')
    officer = login(TestApp(app, extra_environ={'HTTP_HOST': 'example.com',
                                                'REMOTE_ADDR': '10.0.0.9'}), 'reception1')
    doc = _vault_doc(app, 'giay-khai-sinh')
    counter = iter(range(10**9))
    json_h = {'Accept': 'application/json'}

    def apply_once():
        body = {'data': {'n': next(counter)}, 'attachments': {'khai-sinh': doc}}
        citizen.post_json(f'/procedures/{CODE}/@@apply', body, headers=json_h, status=201)

    baseline = measure_baseline(n=N)
    report_baseline(baseline)
    report('POST /procedures/<code>/@@apply', measure(apply_once, n=N, warmup=10), baseline)
    codes = _some_codes(app, 500)
    rng = random.Random(3)
    report('GET /dossiers/<code> (officer, random)',
           measure(lambda: officer.get(f'/dossiers/{rng.choice(codes)}', headers=json_h),
                   n=N), baseline)
    report('GET /@@queue (open states, page 1)',
           measure(lambda: officer.get('/@@queue', headers=json_h), n=N), baseline)
    report('GET /@@queue?status=received&offset=200',
           measure(lambda: officer.get('/@@queue?status=received&offset=200', headers=json_h),
                   n=N), baseline)
    total = officer.get('/@@queue', headers=json_h).json['total']
    print(f'queue total: {total} open dossiers in the agency', flush=True)


def _vault_doc(app, doc_type):
    from tthc_docs.site.content import get_site
    conn = app.registry._zodb_databases[''].open()
    try:
        vault = get_site(conn)['vaults'].for_owner('citizen1')
        return next(d.id for d in vault.documents.values() if d.doc_type == doc_type)
    finally:
        conn.close()


def _some_codes(app, n):
    from itertools import islice

    from tthc_docs.site.content import get_site
    conn = app.registry._zodb_databases[''].open()
    try:
        registry = get_site(conn)['dossiers']
        every = max(1, len(registry) // n)
        return list(islice(registry.keys(), 0, None, every))[:n]
    finally:
        conn.close()


if __name__ == '__main__':
    main()
