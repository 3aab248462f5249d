"""The procedure schema: every refusal names its field."""
import copy

import pytest

from tthc_docs.demo.procedures_data import PROCEDURES
from tthc_docs.errors import Invalid
from tthc_docs.catalog.schema import validate


def _fields(data, **bindings):
    with pytest.raises(Invalid) as exc:
        validate(data, **bindings)
    return exc.value.fields


def _record(**changes):
    data = copy.deepcopy(PROCEDURES[0])
    data.update(changes)
    return data


def test_every_demo_procedure_is_valid():
    for data in PROCEDURES:
        validate(copy.deepcopy(data), agencies={"000.00.20.H55"})


def test_steps_longer_than_processing_time_are_refused():
    assert "steps" in _fields(_record(processing_days=1))


def test_negative_fee_is_refused():
    assert "fee" in _fields(_record(fee=-1000))


def test_unknown_doc_type_names_the_requirement():
    data = _record()
    data["requirements"][1]["doc_type"] = "giay-la"
    assert "requirements.1.doc_type" in _fields(data)


def test_unknown_role_names_the_step():
    data = _record()
    data["steps"][2]["role"] = "boss"
    assert "steps.2.role" in _fields(data)


def test_taken_code_is_refused():
    assert "code" in _fields(_record(), taken_codes={"1.001193"})


def test_unknown_form_template_is_refused():
    assert "form" in _fields(_record(), forms={"to-khai-khac"})


def test_unknown_agency_is_refused():
    assert "agencies" in _fields(_record(), agencies={"000.00.01.H55"})


def test_duplicate_requirement_ids_are_refused():
    data = _record()
    data["requirements"][1]["id"] = data["requirements"][0]["id"]
    assert "requirements" in _fields(data)


def test_fractional_days_are_refused():
    assert "processing_days" in _fields(_record(processing_days=2.5))


def test_online_fee_defaults_to_half_the_fee():
    assert validate(_record(fee=15001, online_fee=None))["online_fee"] == 7500


def test_explicit_online_fee_is_kept():
    clean = validate(_record(fee=50000, online_fee=0))
    assert clean["online_fee"] == 0 and clean["online_fee_set"]


def test_money_with_thousands_dots_is_read():
    assert validate(_record(fee="1.000.000"))["fee"] == 1000000
