"""``tthc_docs.lazy``: a module named lazily is imported on first use, and only then."""
import pytest

from tthc_docs.lazy import lazy_module


def test_nothing_is_imported_until_a_name_is_read():
    missing = lazy_module("tthc_docs_no_such_module")   # would fail if imported now
    with pytest.raises(ModuleNotFoundError):
        missing.anything


def test_the_scan_looking_for_hooks_imports_nothing():
    missing = lazy_module("tthc_docs_no_such_module")
    assert getattr(missing, "__venusian_callbacks__", None) is None


def test_a_name_reads_through_to_the_module():
    path = lazy_module("posixpath")
    assert path.join("a", "b") == "a/b"
    assert "imported" in repr(path) and "not yet" not in repr(path)
