"""The BTree folder base: one way in, names that traverse safely."""
import pytest

from tthc_docs.container import BadName, Container


class Thing:
    __parent__ = None


def test_add_sets_name_and_parent():
    folder = Container()
    thing = folder.add("a", Thing())
    assert thing.__name__ == "a" and thing.__parent__ is folder
    assert folder["a"] is thing and "a" in folder and len(folder) == 1


def test_add_refuses_a_duplicate_name():
    folder = Container()
    folder.add("a", Thing())
    with pytest.raises(KeyError):
        folder.add("a", Thing())
    assert len(folder) == 1


def test_add_refuses_an_object_that_has_a_parent():
    one, two = Container(), Container()
    thing = one.add("a", Thing())
    with pytest.raises(ValueError):
        two.add("a", thing)


@pytest.mark.parametrize("name", ["", "@@view", "../x", "a/b", ".hidden", "a b", None, 5, "x" * 201])
def test_names_that_would_break_traversal_are_refused(name):
    with pytest.raises(BadName):
        Container().add(name, Thing())


def test_remove_detaches_and_counts():
    folder = Container()
    thing = folder.add("a", Thing())
    folder.remove("a")
    assert thing.__parent__ is None and len(folder) == 0 and "a" not in folder


def test_iteration_is_sorted_by_name():
    folder = Container()
    for name in ("c", "a", "b"):
        folder.add(name, Thing())
    assert list(folder) == ["a", "b", "c"]
    assert [k for k, _ in folder.items()] == ["a", "b", "c"]


def test_an_empty_container_is_truthy():
    assert Container()
