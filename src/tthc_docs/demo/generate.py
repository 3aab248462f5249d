"""`tthc-docs generate CONFIG --procedures 2000 --citizens 200000 --dossiers 1000000`.

A province files about a million dossiers a year; benchmarks and load tests
need a database of that size and shape, filled the way the app fills it.
So nothing here writes an object directly: procedures come from
`generate-catalog`'s builder (the import's own checks), citizens from
``People.create`` (account and vault) with ``Vault.update_profile`` and
``Vault.add_document`` (the upload checks), dossiers from
``filing.file_application`` (codes, indexes, grants, the outbox), a third
of them are received by the desk through ``actions.fire``, and their outbox
records are reported delivered through ``Outbox.settle``, as the relay does. Batches
are committed one by one, so the run can be stopped and resumed (it counts
what is there already).

Every name, ID number and address is invented (the numbers only have the
right shape). Generated accounts have the demo password, hashed at the
cheapest argon2 cost to keep generation fast; the first login rehashes it at
the configured cost (``Account.check_password``). Refused unless
``tthc_docs.allow_demo = true``: fake citizens never enter a real database.
"""
import gc
import random
import sys
import time
from datetime import timedelta

import transaction

from tthc_docs import roles, timeutil
from tthc_docs.demo import DEMO_PASSWORD
from tthc_docs.demo.agencies import DEMO_AGENCY

FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô',
          'Dương', 'Lý', 'Ma', 'Nông', 'Hà', 'Triệu', 'Lục']
MIDDLE = {'Nam': ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu'], 'Nữ': ['Thị', 'Thu', 'Ngọc', 'Thanh']}
GIVEN = {'Nam': ['Hùng', 'Dũng', 'Tuấn', 'Long', 'Phong', 'Sơn', 'Bảo', 'Khánh', 'Quý'],
         'Nữ': ['Lan', 'Hoa', 'Mai', 'Hương', 'Trang', 'Thảo', 'Ngân', 'Yến', 'Huyền']}
STREETS = ['Hoàng Văn Thụ', 'Lương Ngọc Quyến', 'Quang Trung', 'Bắc Kạn', 'Cách Mạng Tháng Tám',
           'Phan Đình Phùng', 'Minh Cầu', 'Đội Cấn']
#: Every citizen holds these; a dossier is filed for a procedure they satisfy.
HELD = ('don-de-nghi', 'cccd')
EXTRA = ('ban-sao-chung-thuc', 'ban-ve-thiet-ke', 'other')
RECEIVED_SHARE = 3   # one dossier in three is received by the desk


def citizen_login(i):
    return f'congdan{i:06d}'


def tiny_pdf(text):
    """A valid one-page PDF saying ``text`` (ASCII), built by hand: cheap at 200,000 vaults."""
    stream = f'BT /F1 14 Tf 72 760 Td ({text}) Tj ET'.encode()
    objects = [b'<< /Type /Catalog /Pages 2 0 R >>',
               b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
               b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] '
               b'/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
               b'<< /Length %d >>\nstream\n' % len(stream) + stream + b'\nendstream',
               b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    out, offsets = bytearray(b'%PDF-1.4\n'), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % n + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    out += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (
        len(objects) + 1, xref)
    return bytes(out)


def profile(i, rng):
    """A plausible, invented profile (the ID number only has the right shape)."""
    sex = rng.choice(['Nam', 'Nữ'])
    year = rng.randint(1950, 2006)
    digit = (0 if sex == 'Nam' else 1) + (2 if year >= 2000 else 0)
    street = f'{rng.randint(1, 300)} {rng.choice(STREETS)}, phường Phan Đình Phùng, tỉnh Thái Nguyên'
    return {'full_name': f'{rng.choice(FAMILY)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}',
            'birth_date': f'{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}', 'sex': sex,
            'id_number': f'019{digit}{year % 100:02d}{i % 1000000:06d}',
            'permanent_address': street, 'current_address': street,
            'phone': f'09{rng.randint(10000000, 99999999)}'}


def add_citizen(site, i, rng):
    """Account, vault, profile and documents of generated citizen ``i``."""
    from tthc_docs.vaults.content import UPLOADED
    login = citizen_login(i)
    values = profile(i, rng)
    site['people'].create(login, DEMO_PASSWORD, values['full_name'], [roles.CITIZEN])
    vault = site['vaults'].for_owner(login)
    vault.update_profile(values, by=login, bind_id_number=True)  # as the counter binds it from the card
    for doc_type in HELD + (EXTRA[i % len(EXTRA)],):
        vault.add_document(tiny_pdf(f'{doc_type} - {login} - TAI LIEU MAU'),
                           title=doc_type, doc_type=doc_type, kind=UPLOADED, added_by=login,
                           filename=f'{doc_type}.pdf')
    return vault


def fitting_procedures(site):
    """Published procedure codes by the extra document type a citizen needs for them."""
    by_extra = {extra: [] for extra in EXTRA}
    for code, procedure in site['procedures'].items():
        version = procedure.published_version() if procedure.state == 'published' else None
        if version is None or version.form:
            continue
        needed = {r.get('doc_type') for r in version.requirements or () if r.get('required', True)}
        for extra in EXTRA:
            if needed <= set(HELD) | {extra}:
                by_extra[extra].append(code)
    return by_extra


class Filer:
    """Files generated dossiers through ``filing.file_application``, a third received."""

    def __init__(self, site, settings, rng, start, span):
        from tthc_docs.dossiers.calendar import calendar_for
        self.site, self.rng, self.start, self.span = site, rng, start, span
        self.period = timeutil.now() - start
        self.created = 0
        self.by_extra = fitting_procedures(site)
        self.reception = site['people'].get('reception1')
        self.calendar = calendar_for(site, settings)

    def file(self, n, citizens):
        """Dossier ``n`` of ``span``, dated in order from ``start`` to now.

        A resumed run dates its dossiers among the earlier ones; one that
        meets an earlier filing of the same citizen, procedure and papers
        minutes apart is that filing replayed (``DossierRegistry.replay``),
        so it is skipped, not counted.
        """
        from tthc_docs.dossiers import actions, filing
        i = self.rng.randrange(citizens)
        account = self.site['people'][citizen_login(i)]
        vault = self.site['vaults'].for_owner(account.login)
        extra = EXTRA[i % len(EXTRA)]
        code = self.rng.choice(self.by_extra[extra])
        version = self.site['procedures'][code].published_version()
        docs = {d.doc_type: d.id for d in vault.documents.values()}
        attachments = {r['id']: docs[r['doc_type']] for r in version.requirements
                       if r.get('doc_type') in docs}
        agency = DEMO_AGENCY if DEMO_AGENCY in version.agencies else self.rng.choice(version.agencies)
        now = self.start + self.period * n / max(self.span, 1)
        dossier, created = filing.file_application(
            self.site, account, code, {'data': {}, 'attachments': attachments, 'agency': agency},
            now)
        if not created:
            return dossier
        self.created += 1
        if dossier.fee_amount:   # paid online through the gateway, as most are
            dossier.record_payment('devgateway', f'GEN-{dossier.code}', dossier.fee_amount, now)
        if n % RECEIVED_SHARE == 0 and agency == DEMO_AGENCY and self.reception is not None:
            actions.fire(dossier, 'receive', self.reception, {}, now + timedelta(hours=2),
                         actions.Services(site=self.site, calendar=self.calendar))
        self.delivered(dossier, now + timedelta(hours=3))
        return dossier

    def delivered(self, dossier, when):
        """The relay's report for each of the dossier's records: delivered.

        A running relay hands every event to the national portal within
        seconds (``sync.sender``), so a province's database holds delivered
        records, not a year of pending ones; reporting through
        ``Outbox.settle`` gives the generated database that steady state.
        """
        from tthc_docs.sync.outbox import PENDING
        box = self.site['outbox']
        code = dossier.code
        for rec in list(box.records.values((code, 0), (code, 10 ** 9))):
            if rec.state == PENDING:
                box.settle(rec.key, rec.attempts + 1, 'delivered', when)


def progress(label, done, total, started, out=sys.stderr, width=30):
    """``label [#####.....] done/total  rate/s  ETA``, redrawn in place."""
    elapsed = max(time.perf_counter() - started, 1e-6)
    rate = done / elapsed
    eta = (total - done) / rate if rate else 0
    filled = width * done // max(total, 1)
    out.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
              f"{rate:,.0f}/s ETA {eta / 60:.1f} min ")
    if done >= total:
        out.write('\n')
    out.flush()


def batches(label, total, batch, step, conn):
    """Run ``step(k)`` for k in range(total), committing every ``batch``; a progress bar.

    Python's cyclic collector runs between batches, not inside one: with
    the generator's large cache a full collection takes seconds, and one
    that landed inside an upload check overran the check's wall-clock
    budget (``vaults.pdfcheck``) and refused a one-page PDF.
    """
    started = time.perf_counter()
    gc.disable()
    try:
        for first in range(0, total, batch):
            for k in range(first, min(first + batch, total)):
                step(k)
            transaction.commit()
            conn.cacheGC()
            gc.collect()
            progress(label, min(first + batch, total), total, started)
    finally:
        gc.enable()
    return time.perf_counter() - started


#: Objects the generator's connection keeps between batches: the indexes' and
#: the outbox's BTree buckets, the procedures and the vaults a batch touches
#: again. With the default (5,000) most of a batch's time went to reloading
#: what the last batch had just written (issue 14: profile in docs/bench/NOTES.md).
CACHE_OBJECTS = 300_000


def generate(conn, settings, procedures, citizens, dossiers, seed=2026, batch=5000):
    """Fill the site of ``conn`` up to the numbers asked; returns what was added."""
    from tthc_docs.catalog import generate as catalog
    from tthc_docs.people.content import configure_hasher
    from tthc_docs.site.content import get_site
    site = get_site(conn)
    conn.db().setCacheSize(max(conn.db().getCacheSize(), CACHE_OBJECTS))
    rng = random.Random(seed)
    configure_hasher(1, 8)   # rehashed at the configured cost on first login
    added = {'procedures': 0, 'citizens': 0, 'dossiers': 0}
    if procedures and not any(c.endswith(catalog.CODE_SUFFIX) for c in site['procedures'].keys()):
        catalog.build(site, procedures, seed=seed)
        transaction.commit()
        added['procedures'] = procedures
    have = sum(1 for _ in site['people'].keys(citizen_login(0), citizen_login(999999)))
    if citizens > have:
        batches('Công dân', citizens - have, batch,
                lambda k: add_citizen(site, have + k, random.Random(seed + have + k)), conn)
        added['citizens'] = citizens - have
    have_citizens = max(citizens, have)
    if dossiers and have_citizens:
        already = len(site['dossiers'])
        start = timeutil.now() - timedelta(days=365)
        filer = Filer(site, settings, rng, start, already + dossiers)
        batches('Hồ sơ', dossiers, batch, lambda k: filer.file(already + k, have_citizens), conn)
        added['dossiers'] = filer.created
    return added


def add_args(parser):
    parser.add_argument('config', help='the .ini file (tthc_docs.allow_demo = true)')
    parser.add_argument('--procedures', type=int, default=2000,
                        help='generated catalog size, made once (0: keep the catalog)')
    parser.add_argument('--citizens', type=int, default=200000, help='citizens with vaults')
    parser.add_argument('--dossiers', type=int, default=1000000, help='dossiers to add')
    parser.add_argument('--batch', type=int, default=5000, help='objects per transaction')
    parser.add_argument('--seed', type=int, default=2026)


def cmd_generate(args):
    from tthc_docs.cli import load_settings, opened_root
    settings = load_settings(args.config)
    if not settings['tthc_docs.allow_demo']:
        print('tthc-docs generate: refused: generated citizens need tthc_docs.allow_demo = true',
              file=sys.stderr)
        return 1
    with opened_root(settings) as root:
        added = generate(root._p_jar, settings, args.procedures, args.citizens, args.dossiers,
                         seed=args.seed, batch=args.batch)
    print(f"added {added['procedures']} procedures, {added['citizens']} citizens, "
          f"{added['dossiers']} dossiers")
    return 0
