"""Demo procedures: the records of `procedures_data`, validated and published.

Loaded before the form templates (the demo's order), so the form names are
checked by shape only here; the forms' own demo builds one template per
name. Safe to run twice: existing codes are skipped.
"""
import copy

from tthc_docs.catalog.schema import validate
from tthc_docs.demo.procedures_data import PROCEDURES

DEMO_EDITOR = "editor1"


def load(site, settings):
    catalog = site["procedures"]
    agencies = {a.code for a in site["agencies"].all()} or None
    for record in PROCEDURES:
        if record["code"] in catalog:
            continue
        data = validate(copy.deepcopy(record), agencies=agencies)
        catalog.create(data, DEMO_EDITOR)
        catalog.publish(data["code"], DEMO_EDITOR, note="Dữ liệu mẫu")
