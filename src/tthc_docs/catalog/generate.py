"""`tthc-docs generate-catalog CONFIG --procedures 1880`: a province-scale catalog.

Thái Nguyên publishes about 1,880 procedures; a demo or a load test needs a
catalog of that size and shape, not 30 hand-written records. The generator
builds plausible records (about four in five at province level, spread over
the departments' real fields, the rest at commune level; processing days,
fees, requirements and steps in realistic ranges; deterministic for a seed)
and hands them to the import's own code (`import_export.check` then
`apply`), so they are validated, created and published exactly as an
imported file would be, district level refused included. The hand-written
demo procedures are left as they are.
"""
import random
import sys

import transaction

from tthc_docs.catalog import generate_data as d
from tthc_docs.catalog import import_export

PROVINCE_SHARE = 0.8
CODE_SUFFIX = ".000.00.00.H55"  # local records carry the province's agency code (Decision 20/2020)


class Units:
    """The site's agencies the records name: the centre, the departments, the communes."""

    def __init__(self, tree):
        agencies = tree.all()
        self.centre = next((a.code for a in agencies if a.name.startswith("Trung tâm Phục vụ")), None)
        self.communes = [a.code for a in agencies if a.level == "commune"]
        self.departments = {a.name: a.code for a in agencies if a.name.startswith("Sở ")}
        self.fallback = self.centre or (agencies[0].code if agencies else None)

    def for_department(self, name):
        """The centre receives for every department (one-stop shop), and the department settles."""
        return sorted({c for c in (self.centre, self._department(name)) if c}) or [self.fallback]

    def _department(self, name):
        return next((code for full, code in self.departments.items() if full.startswith(name)), None)

    def for_commune(self, rng):
        """A handful of communes' desks, and the centre, which may receive anything."""
        chosen = rng.sample(self.communes, min(3, len(self.communes)))
        return sorted({c for c in chosen + [self.centre] if c}) or [self.fallback]


def steps(days, rng):
    """Reception, specialist, leader and return, with days that fit ``days``."""
    reception = 0 if days < 3 else 1
    leader = 0 if days < 2 else max(1, days // 10)
    specialist = max(0, days - reception - leader - rng.choice([0, 0, 1]))
    return [
        {"id": "tiep-nhan", "name": "Tiếp nhận, kiểm tra hồ sơ", "role": "reception", "days": reception},
        {"id": "tham-dinh", "name": "Thẩm định hồ sơ, dự thảo kết quả", "role": "specialist",
         "days": specialist},
        {"id": "phe-duyet", "name": "Lãnh đạo xem xét, ký duyệt", "role": "leader", "days": leader},
        {"id": "tra-ket-qua", "name": "Trả kết quả", "role": "reception", "days": 0},
    ]


def requirements(rng):
    """The declaration and the applicant's ID, then up to three more papers."""
    chosen = d.REQUIREMENTS[:2] + rng.sample(d.REQUIREMENTS[2:], rng.randint(0, 3))
    return [{"id": f"tp-{k + 1}", "name": name, "doc_type": doc_type, "copies": 1,
             "required": doc_type != "giay-uy-quyen"} for k, (doc_type, name) in enumerate(chosen)]


def record(i, level, field, obj, agencies, rng):
    """One import record; the code is national-style with the province's suffix."""
    days = rng.choice(d.DAYS[level])
    return {
        "code": f"{rng.choice('12')}.{900000 + i:06d}{CODE_SUFFIX}",
        "name": f"{rng.choice(d.ACTIONS)} {obj}", "field": field, "level": level,
        "agencies": agencies, "processing_days": days, "fee": rng.choice(d.FEES),
        "methods": ["counter", "post", "online"],
        "online_level": rng.choice(["toan-trinh", "mot-phan", "mot-phan"]),
        "target_group": rng.choice(d.TARGETS), "result_doc_type": rng.choice(["quyet-dinh", "other"]),
        "requirements": requirements(rng), "steps": steps(days, rng),
        "legal_basis": [d.LEGAL_BASIS],
    }


def generate(n, units, seed=1880):
    """``n`` records: province-level ones across the departments' fields, the rest at commune level."""
    rng = random.Random(seed)
    province = [(dep, f, o) for dep, fields in d.PROVINCE_FIELDS.values() for f, objs in fields.items()
                for o in objs]
    commune = [(f, o) for f, objs in d.COMMUNE_FIELDS.items() for o in objs]
    out = []
    for i in range(n):
        if rng.random() < PROVINCE_SHARE or not units.communes:
            dep, field, obj = rng.choice(province)
            out.append(record(i, "province", field, obj, units.for_department(dep), rng))
        else:
            field, obj = rng.choice(commune)
            out.append(record(i, "commune", field, obj, units.for_commune(rng), rng))
    return out


def progress(done, total, out=sys.stderr, width=40):
    """A one-line progress bar, redrawn in place."""
    filled = width * done // max(total, 1)
    out.write(f"\rĐang tạo thủ tục [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        out.write("\n")
    out.flush()


def build(site, n, by="generate-catalog", seed=1880, chunk=50, bar=progress):
    """Generate, check and import ``n`` procedures; returns (records, bad). Nothing written if any is bad."""
    rows = generate(n, Units(site["agencies"]), seed)
    records = [import_export.Record(f"thủ tục sinh {i + 1}", row) for i, row in enumerate(rows)]
    bad = import_export.check(records, site)
    if bad:
        return records, bad
    for start in range(0, len(records), chunk):
        import_export.apply(records[start:start + chunk], site, by)
        bar(min(start + chunk, len(records)), len(records))
    return records, bad


def add_args(parser):
    parser.add_argument("config", help="the .ini file")
    parser.add_argument("--procedures", type=int, default=1880, help="how many (default: 1880)")
    parser.add_argument("--seed", type=int, default=1880, help="the same seed gives the same catalog")


def cmd_generate(args):
    from tthc_docs.cli import load_settings, opened_root
    from tthc_docs.site.content import get_site
    with opened_root(load_settings(args.config)) as root:
        site = get_site(root._p_jar)
        records, bad = build(site, args.procedures, seed=args.seed)
        for line in import_export.report(records, bad, not bad):
            print(line)
        if bad:
            return 1
        transaction.commit()
    levels = [r.clean["level"] for r in records]
    print(f"Cấp tỉnh: {levels.count('province')}, cấp xã: {levels.count('commune')}.")
    return 0
