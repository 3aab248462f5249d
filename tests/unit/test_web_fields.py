"""colander.Invalid -> API.md's ``fields``: one converter for every schema."""
import colander
import pytest

from tthc_docs import errors
from tthc_docs.web.fields import deserialize, invalid, invalid_fields


class Step(colander.MappingSchema):
    days = colander.SchemaNode(colander.Int(), validator=colander.Range(1, 10, min_err="Ít nhất 1."))


class Steps(colander.SequenceSchema):
    step = Step()


class Procedure(colander.MappingSchema):
    name = colander.SchemaNode(colander.String(), missing_msg="Bắt buộc nhập.")
    steps = Steps()


def _error(data, schema=None):
    with pytest.raises(colander.Invalid) as info:
        (schema or Procedure()).deserialize(data)
    return info.value


def test_each_bad_field_is_named_by_its_dotted_path():
    fields = invalid_fields(_error({"steps": [{"days": 3}, {"days": 0}]}))
    assert fields == {"name": "Bắt buộc nhập.", "steps.1.days": "Ít nhất 1."}


def test_an_error_on_the_whole_object_goes_under_form():
    schema = Procedure(validator=lambda node, value: (_ for _ in ()).throw(
        colander.Invalid(node, "Cả biểu mẫu sai.")))
    fields = invalid_fields(_error({"name": "x", "steps": []}, schema))
    assert fields == {"_form": "Cả biểu mẫu sai."}


def test_the_whole_object_key_and_the_paths_can_be_renamed():
    schema = Procedure(validator=lambda node, value: (_ for _ in ()).throw(
        colander.Invalid(node, "Sai.")))
    assert invalid_fields(_error({"name": "x", "steps": []}, schema), whole="") == {"": "Sai."}
    fields = invalid_fields(_error({"name": "x", "steps": [{"days": 0}]}),
                            key=lambda path: path.replace("steps.", "buoc."))
    assert fields == {"buoc.0.days": "Ít nhất 1."}


def test_colanders_own_english_words_are_translated():
    fields = invalid_fields(_error({"steps": []}), translate=lambda msg: "Bắt buộc.")
    assert fields == {"name": "Bắt buộc."}


def test_invalid_is_the_apis_422_with_the_fields():
    error = invalid(_error({"steps": []}), "Dữ liệu không hợp lệ.")
    assert isinstance(error, errors.Invalid)
    assert error.as_json() == {"error": {"status": 422, "message": "Dữ liệu không hợp lệ.",
                                         "fields": {"name": "Bắt buộc nhập."}}}


def test_deserialize_returns_clean_data_or_raises_the_422():
    assert deserialize(Procedure(), {"name": "a", "steps": [{"days": "2"}]}, "x") == {
        "name": "a", "steps": [{"days": 2}]}
    with pytest.raises(errors.Invalid) as info:
        deserialize(Procedure(), {"name": "a", "steps": [{"days": "11"}]}, "Sai.")
    assert list(info.value.fields) == ["steps.0.days"]
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_an_error_class_has_its_own_words_when_the_raiser_has_none():
    assert errors.NotFound().as_json() == {"error": {
        "status": 404, "message": "Không tìm thấy trang hoặc đối tượng yêu cầu."}}
    assert errors.StateConflict().as_json()["error"]["allowed"] == []
    assert errors.BY_STATUS[422] is errors.Invalid
