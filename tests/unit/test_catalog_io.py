"""Import and export of the catalog: all-or-nothing, reports, new versions, round trips."""
import copy
import json

import pytest

from tthc_docs.catalog import import_export as catalog_io
from tthc_docs.demo.procedures_data import PROCEDURES
from tthc_docs.people.agencies import Agency, AgencyTree
from tthc_docs.eforms.content import FormLibrary
from tthc_docs.catalog.content import ProcedureCatalog
from tthc_docs.site.content import Site


@pytest.fixture
def site():
    root = Site()
    root.add("procedures", ProcedureCatalog())
    root.add("forms", FormLibrary())
    agencies = root.add("agencies", AgencyTree())
    agencies.add_agency(agencies, Agency("000.00.20.H55", "Trung tâm Phục vụ hành chính công", "province"))
    return root


def _records(n=3, **changes):
    out = []
    for data in copy.deepcopy(PROCEDURES[:n]):
        data.update(dict({"form": None}, **changes))
        out.append(data)
    return out


def _write_json(tmp_path, records):
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_valid_file_is_imported_and_published(site, tmp_path):
    _records_, bad, imported = catalog_io.import_file(site, _write_json(tmp_path, _records()), "import")
    assert imported and not bad and site["procedures"]["1.001193"].state == "published"


def test_one_bad_record_imports_nothing(site, tmp_path):
    records = _records()
    records[2]["fee"] = -1
    _all, bad, imported = catalog_io.import_file(site, _write_json(tmp_path, records), "import")
    assert not imported and len(site["procedures"]) == 0 and [r.where for r in bad] == ["bản ghi 2"]


def test_report_names_the_record_and_the_reason(site, tmp_path):
    records = _records()
    records[1]["steps"][0]["role"] = "boss"
    lines = catalog_io.report(*catalog_io.import_file(site, _write_json(tmp_path, records), "import"))
    assert lines[0].startswith("LỖI bản ghi 1 (mã 1.000894): steps.0.role:")


def test_skip_invalid_imports_the_good_ones(site, tmp_path):
    records = _records()
    records[0]["level"] = "village"
    catalog_io.import_file(site, _write_json(tmp_path, records), "import", skip_invalid=True)
    assert sorted(site["procedures"].keys()) == ["1.000656", "1.000894"]


def test_duplicate_codes_in_one_file_are_refused(site, tmp_path):
    records = _records(1) + _records(1)
    _all, bad, imported = catalog_io.import_file(site, _write_json(tmp_path, records), "import")
    assert not imported and "trùng" in bad[0].errors["code"]


def test_unknown_form_template_is_refused(site, tmp_path):
    _all, bad, _ = catalog_io.import_file(site, _write_json(tmp_path, _records(1, form="khong-co")), "x")
    assert "form" in bad[0].errors


def test_reimport_with_changes_makes_a_new_version(site, tmp_path):
    catalog_io.import_file(site, _write_json(tmp_path, _records(1)), "import")
    catalog_io.import_file(site, _write_json(tmp_path, _records(1, processing_days=4)), "import")
    procedure = site["procedures"]["1.001193"]
    assert procedure.published_version().version == 2 and procedure.published_version(1).processing_days == 3


def test_reimport_unchanged_makes_no_version(site, tmp_path):
    path = _write_json(tmp_path, _records(1))
    catalog_io.import_file(site, path, "import")
    records, _bad, _ = catalog_io.import_file(site, path, "import")
    assert records[0].outcome == "unchanged" and len(site["procedures"]["1.001193"].versions) == 1


def test_csv_round_trip(site, tmp_path):
    catalog_io.import_file(site, _write_json(tmp_path, _records()), "import")
    path = tmp_path / "out.csv"
    path.write_text(catalog_io.dumps(catalog_io.export_records(site), "csv"), encoding="utf-8")
    records, bad, imported = catalog_io.import_file(site, str(path), "import")
    assert imported and not bad and {r.outcome for r in records} == {"unchanged"}


def test_json_export_round_trip(site, tmp_path):
    catalog_io.import_file(site, _write_json(tmp_path, _records()), "import")
    path = tmp_path / "out.json"
    path.write_text(catalog_io.dumps(catalog_io.export_records(site), "json"), encoding="utf-8")
    records, _bad, _ = catalog_io.import_file(site, str(path), "import")
    assert [r.outcome for r in records] == ["unchanged"] * 3


def test_csv_bad_row_is_reported_by_line(site, tmp_path):
    path = tmp_path / "in.csv"
    rows = catalog_io.dumps(_records(2), "csv").splitlines()
    rows[2] = rows[2].replace('"[{""id"": ""tiep-nhan""', '"[{""id"": ""Tiep Nhan""', 1)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    _all, bad, imported = catalog_io.import_file(site, str(path), "import")
    assert not imported and bad[0].where == "dòng 3" and "steps.0.id" in bad[0].errors


def test_csv_list_cell_that_is_not_json_is_reported(site, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("code,name,agencies\n1.1,Tên,000.00.20.H55\n", encoding="utf-8")
    _all, bad, _ = catalog_io.import_file(site, str(path), "import")
    assert bad[0].errors["agencies"] == "Cột này phải là một mảng JSON."


def test_malformed_json_file_is_unreadable(site, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(catalog_io.Unreadable):
        catalog_io.import_file(site, str(path), "import")


def test_non_object_record_is_reported(site, tmp_path):
    _all, bad, _ = catalog_io.import_file(site, _write_json(tmp_path, ["chuỗi"]), "import")
    assert bad[0].where == "bản ghi 0"


# -- the rule of 1 July 2025 (Law on Organisation of Local Government 2025) --
def _csv_with_district(tmp_path, effective):
    path = tmp_path / "district.csv"
    records = _records(2)
    records[1]["level"] = "district"
    rows = catalog_io.dumps(records, "csv").splitlines()
    rows[0] += ",effective_from"
    rows[1] += ","
    rows[2] += "," + effective
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_district_level_after_the_change_is_refused_with_line_and_rule(site, tmp_path):
    records, bad, imported = catalog_io.import_file(site, _csv_with_district(tmp_path, "2025-09-01"), "import")
    assert not imported and [b.where for b in bad] == ["dòng 3"]
    line = catalog_io.report(records, bad, imported)[0]
    assert line.startswith("LỖI dòng 3") and "cấp huyện" in line
    assert "Luật Tổ chức chính quyền địa phương năm 2025" in line and "01/09/2025" in line


def test_undated_district_level_is_refused(site, tmp_path):
    _records_, bad, imported = catalog_io.import_file(site, _write_json(tmp_path, _records(1, level="district")),
                                                      "import")
    assert not imported and "không ghi ngày hiệu lực" in bad[0].errors["level"]


def test_district_level_before_the_change_is_stored_at_commune_level(site, tmp_path):
    records, bad, imported = catalog_io.import_file(site, _csv_with_district(tmp_path, "2024-03-01"), "import")
    code = records[1].code
    assert imported and not bad and site["procedures"][code].published_version().level == "commune"
    assert any(line.startswith("GHI CHÚ dòng 3") for line in catalog_io.report(records, bad, imported))


def test_bad_effective_date_is_reported(site, tmp_path):
    _r, bad, _ = catalog_io.import_file(site, _write_json(tmp_path, _records(1, effective_from="1/7/2025")),
                                        "import")
    assert "YYYY-MM-DD" in bad[0].errors["effective_from"]
