"""Procedure versions: draft -> published -> retired; published versions never change."""
import copy

import pytest

from tthc_docs.demo.procedures_data import PROCEDURES
from tthc_docs.errors import Invalid, StateConflict
from tthc_docs.catalog.content import ProcedureCatalog
from tthc_docs.catalog.schema import validate


def _data(i=0, **changes):
    return dict(validate(copy.deepcopy(PROCEDURES[i])), **changes)


@pytest.fixture
def catalog():
    cat = ProcedureCatalog()
    cat.create(_data(), "editor1")
    return cat


def test_new_procedure_is_a_draft(catalog):
    procedure = catalog["1.001193"]
    assert procedure.state == "draft" and procedure.published_version() is None


def test_publishing_puts_version_one_in_force(catalog):
    catalog.publish("1.001193", "editor1")
    version = catalog["1.001193"].published_version()
    assert version.version == 1 and version.name == "Đăng ký khai sinh"


def test_published_version_refuses_attribute_changes(catalog):
    version = catalog.publish("1.001193", "editor1")
    with pytest.raises(StateConflict):
        version.name = "Khác"


def test_published_version_lists_are_copies(catalog):
    version = catalog.publish("1.001193", "editor1")
    version.steps[0]["days"] = 99
    version.requirements.append({"id": "x"})
    assert version.steps[0]["days"] == 1 and len(version.requirements) == 5


def test_editing_a_published_procedure_makes_a_new_draft(catalog):
    catalog.publish("1.001193", "editor1")
    catalog.update("1.001193", _data(name="Đăng ký khai sinh (sửa)"), "editor1")
    procedure = catalog["1.001193"]
    assert procedure.published_version().name == "Đăng ký khai sinh"
    assert procedure.draft_version().version == 2 and procedure.state == "published"


def test_editing_a_draft_twice_keeps_one_draft(catalog):
    catalog.update("1.001193", _data(name="A"), "editor1")
    catalog.update("1.001193", _data(name="B"), "editor1")
    assert [h["version"] for h in catalog["1.001193"].history()] == [1]


def test_publishing_the_new_draft_supersedes_the_old_version(catalog):
    catalog.publish("1.001193", "editor1")
    catalog.update("1.001193", _data(processing_days=5), "editor1")
    catalog.publish("1.001193", "editor1")
    procedure = catalog["1.001193"]
    assert [(h["version"], h["state"]) for h in procedure.history()] == [(2, "published"), (1, "superseded")]


def test_old_published_version_stays_readable(catalog):
    catalog.publish("1.001193", "editor1")
    catalog.update("1.001193", _data(processing_days=5), "editor1")
    catalog.publish("1.001193", "editor1")
    assert catalog["1.001193"].published_version(1).processing_days == 3


def test_publish_without_draft_is_a_conflict(catalog):
    catalog.publish("1.001193", "editor1")
    with pytest.raises(StateConflict):
        catalog.publish("1.001193", "editor1")


def test_retired_procedure_is_not_usable(catalog):
    catalog.publish("1.001193", "editor1")
    catalog.retire("1.001193", "editor1")
    assert catalog["1.001193"].state == "retired" and catalog["1.001193"].published_version() is None


def test_retiring_a_draft_is_a_conflict(catalog):
    with pytest.raises(StateConflict):
        catalog.retire("1.001193", "editor1")


def test_duplicate_code_is_refused(catalog):
    with pytest.raises(Invalid) as exc:
        catalog.create(_data(), "editor1")
    assert "code" in exc.value.fields


def test_code_cannot_change_on_update(catalog):
    with pytest.raises(Invalid):
        catalog.update("1.001193", _data(code="9.999999"), "editor1")


def test_search_sees_published_procedures_only_for_the_public(catalog):
    assert catalog.search("khai sinh").total == 0 and catalog.search("khai sinh", editor=True).total == 1


def test_search_follows_publication(catalog):
    catalog.publish("1.001193", "editor1")
    assert catalog.search("khai sinh").codes == ["1.001193"]


def test_events_record_who_did_what(catalog):
    catalog.publish("1.001193", "editor1", note="QĐ 123")
    assert [(e["action"], e["by"]) for e in catalog["1.001193"].events] == [("save", "editor1"), ("publish", "editor1")]

