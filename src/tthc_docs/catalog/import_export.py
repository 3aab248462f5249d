"""Import and export of the procedure catalog (JSON and CSV).

`tthc-docs import-procedures CONFIG FILE` reads a catalog, validates every
record with the editors' schema and reports each bad record with its index
(JSON) or line (CSV) and the reason. It imports nothing when a record is
bad, unless `--skip-invalid` asks for the good ones. A record whose code
exists becomes a new version (an unchanged one is left alone), and imported
versions are published unless `--draft`. `export-procedures` writes the same
format, so an export re-imports as "unchanged".

CSV: one row per procedure; scalar columns as text, list columns
(agencies, methods, requirements, steps, citizen_steps, legal_basis) as
JSON arrays in their cells.

``receivable_anywhere`` (true/false; optional): whether any desk of the
province may receive the procedure's dossiers (``catalog.channels``: left
out, it follows the default, procedures that accept online filing).

An optional ``effective_from`` (YYYY-MM-DD) says when the procedure took
effect. The rule of 1 July 2025 (`catalog.levels`) is applied here: a
district-level record in force on or after that day (or undated) is
refused with its line and the rule; an older one is stored at the level
that succeeded the district, and the report says so.
"""
import csv
import io
import json
import os

import transaction

from tthc_docs.errors import Invalid
from tthc_docs.catalog import channels, levels
from tthc_docs.catalog.schema import validate

SCALARS = ("code", "name", "field", "level", "processing_days", "fee", "online_fee", "form",
           "online_level", "target_group", "result_doc_type", "result_name",
           "result_title", "receivable_anywhere")
LISTS = ("agencies", "methods", "requirements", "steps", "citizen_steps", "legal_basis")
COLUMNS = SCALARS + LISTS


class Unreadable(Exception):
    """The file is not a catalog at all (bad JSON, no header, unknown format)."""


class Record:
    """One record of a file: where it is, what it says, and its verdict."""

    def __init__(self, where, data):
        self.where = where
        self.data = data
        self.clean = None
        self.errors = {}
        self.outcome = None
        self.notes = []

    @property
    def code(self):
        return self.data.get("code") if isinstance(self.data, dict) else None


# -- reading ---------------------------------------------------------------
def file_format(path, fmt=None):
    fmt = fmt or os.path.splitext(path)[1].lstrip(".").lower()
    if fmt not in ("json", "csv"):
        raise Unreadable(f"không rõ định dạng tệp (cần .json hoặc .csv): {path}")
    return fmt


def read_records(path, fmt=None):
    """The records of a JSON or CSV file, each with its index or line."""
    fmt = file_format(path, fmt)
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    return parse_json(text) if fmt == "json" else parse_csv(text)


def parse_json(text):
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise Unreadable(f"JSON không hợp lệ: {exc}") from None
    if isinstance(data, dict):
        data = data.get("procedures")
    if not isinstance(data, list):
        raise Unreadable("JSON phải là một danh sách thủ tục hoặc {\"procedures\": [...]}.")
    return [Record(f"bản ghi {i}", item) for i, item in enumerate(data)]


def parse_csv(text):
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "code" not in reader.fieldnames:
        raise Unreadable("CSV thiếu dòng tiêu đề có cột 'code'.")
    records = []
    for row in reader:
        record = Record(f"dòng {reader.line_num}", {})
        for key, value in row.items():
            if key is None:
                record.errors[""] = "Dòng có nhiều cột hơn tiêu đề."
                continue
            if value is None or value == "":
                continue
            if key in LISTS:
                try:
                    value = json.loads(value)
                except ValueError:
                    record.errors[key] = "Cột này phải là một mảng JSON."
                    continue
            record.data[key] = value
        records.append(record)
    return records


# -- validating and importing ------------------------------------------------
def check(records, site):
    """Validate every record; returns the bad ones (each with its errors)."""
    agencies = {a.code for a in site["agencies"].all()}
    forms = set(site["forms"].keys())
    seen = {}
    for record in records:
        if record.errors:
            continue
        if not isinstance(record.data, dict):
            record.errors[""] = "Bản ghi phải là một đối tượng."
            continue
        if not level_rule(record):
            continue
        try:
            record.clean = validate(dict(record.data), agencies=agencies, forms=forms)
        except Invalid as exc:
            record.errors = exc.fields
            continue
        code = record.clean["code"]
        if code in seen:
            record.errors["code"] = f"Mã {code} trùng với {seen[code]}."
            record.clean = None
        else:
            seen[code] = record.where
    return [r for r in records if r.errors]


def level_rule(record):
    """Apply the rule of 1 July 2025 to a record's level; False when it refuses the record."""
    data = record.data
    try:
        effective = levels.parse_effective(data.pop("effective_from", None))
    except ValueError as exc:
        record.errors["effective_from"] = str(exc)
        return False
    refusal = levels.district_refusal(data.get("level"), effective)
    if refusal:
        record.errors["level"] = refusal
        return False
    if data.get("level") == levels.DISTRICT:
        data["level"] = levels.successor(levels.DISTRICT)
        record.notes.append(f"cấp huyện (hiệu lực {effective:%d/%m/%Y}) chuyển thành "
                            f"{levels.LEVEL_TITLES[data['level']].lower()}")
    return True


def apply(records, site, by, publish=True):
    """Create or update each valid record; outcome: created, updated or unchanged."""
    catalog = site["procedures"]
    for record in records:
        if record.clean is None:
            continue
        code = record.clean["code"]
        procedure = catalog.get(code)
        if procedure is None:
            catalog.create(record.clean, by)
            record.outcome = "created"
        elif _unchanged(procedure, record.clean):
            record.outcome = "unchanged"
            continue
        else:
            catalog.update(code, record.clean, by)
            record.outcome = "updated"
        if publish:
            catalog.publish(code, by, note="Nhập từ tệp")


def _unchanged(procedure, clean):
    current = procedure.draft_version() or procedure.published_version()
    return current is not None and current.content() == {k: clean.get(k) for k in current.content()}


def import_file(site, path, by, skip_invalid=False, publish=True, fmt=None):
    """Check then import; returns (records, bad, imported: bool). Nothing is written if refused."""
    records = read_records(path, fmt)
    bad = check(records, site)
    if bad and not skip_invalid:
        return records, bad, False
    apply(records, site, by, publish)
    return records, bad, True


def report(records, bad, imported):
    """The lines a person reads: each bad record with where and why, then totals."""
    lines = []
    for record in bad:
        reasons = "; ".join(f"{k or 'bản ghi'}: {v}" for k, v in sorted(record.errors.items()))
        lines.append(f"LỖI {record.where} (mã {record.code or '?'}): {reasons}")
    for record in records:
        if record.notes and not record.errors:
            lines.append(f"GHI CHÚ {record.where} (mã {record.code or '?'}): " + "; ".join(record.notes))
    counts = {}
    for record in records:
        if record.outcome:
            counts[record.outcome] = counts.get(record.outcome, 0) + 1
    if not imported:
        lines.append(f"Không nhập bản ghi nào: {len(bad)}/{len(records)} bản ghi không hợp lệ "
                     "(dùng --skip-invalid để chỉ nhập các bản ghi hợp lệ).")
    else:
        lines.append(f"Đã nhập: {counts.get('created', 0)} mới, {counts.get('updated', 0)} cập nhật, "
                     f"{counts.get('unchanged', 0)} không đổi, {len(bad)} bỏ qua vì lỗi.")
    return lines


# -- exporting -------------------------------------------------------------
def export_records(site, include_unpublished=False):
    """The catalog as import records: published versions (or the latest, for editors)."""
    records = []
    for procedure in site["procedures"].values():
        version = procedure.published_version()
        if version is None and include_unpublished:
            version = procedure.latest_version()
        if version is None:
            continue
        data = version.content()
        if not data.pop("online_fee_set"):
            data["online_fee"] = None
        data["receivable_anywhere"] = channels.receivable_anywhere(version)
        records.append({k: data[k] for k in COLUMNS})
    return records


def dumps(records, fmt):
    if fmt == "json":
        return json.dumps({"procedures": records}, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: (json.dumps(v, ensure_ascii=False) if k in LISTS else
                             ("" if v is None else v)) for k, v in record.items()})
    return out.getvalue()


# -- the CLI subcommands ---------------------------------------------------
def import_args(parser):
    parser.add_argument("config", help="the .ini file")
    parser.add_argument("file", help="a .json or .csv catalog")
    parser.add_argument("--skip-invalid", action="store_true", help="import the valid records only")
    parser.add_argument("--draft", action="store_true", help="leave imported versions as drafts")
    parser.add_argument("--format", choices=("json", "csv"), help="default: by file extension")
    parser.add_argument("--by", default="import", help="recorded as the author of the versions")


def export_args(parser):
    parser.add_argument("config", help="the .ini file")
    parser.add_argument("file", help="the .json or .csv file to write ('-' for stdout, JSON)")
    parser.add_argument("--format", choices=("json", "csv"), help="default: by file extension")
    parser.add_argument("--all", action="store_true", help="also procedures never published")


def cmd_import(args):
    from tthc_docs.cli import load_settings, opened_root
    from tthc_docs.site.content import get_site
    settings = load_settings(args.config)
    with opened_root(settings) as root:
        site = get_site(root._p_jar)
        try:
            records, bad, imported = import_file(site, args.file, args.by, args.skip_invalid,
                                                 not args.draft, args.format)
        except (Unreadable, OSError) as exc:
            print(f"LỖI: {exc}")
            return 2
        for line in report(records, bad, imported):
            print(line)
        if not imported:
            return 1
        transaction.commit()
    return 0


def cmd_export(args):
    from tthc_docs.cli import load_settings, opened_root
    from tthc_docs.site.content import get_site
    settings = load_settings(args.config)
    fmt = args.format or ("json" if args.file == "-" else file_format(args.file))
    with opened_root(settings) as root:
        records = export_records(get_site(root._p_jar), args.all)
    text = dumps(records, fmt)
    if args.file == "-":
        print(text, end="")
    else:
        with open(args.file, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        print(f"Đã xuất {len(records)} thủ tục vào {args.file}.")
    return 0
