"""No module of the package is over 400 lines (STYLE.md: one idea a newcomer reads in one sitting).

Only the code that ships: ``src/`` and the top-level ``migrations/``
(installed as ``tthc_docs.migrations``). Tests may be longer.
"""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 400
MODULES = sorted(p for folder in ("src", "migrations") for p in (ROOT / folder).rglob("*.py"))


def test_the_package_is_found():
    """A moved tree must not make the size check pass by finding nothing."""
    assert any(p.name == "app.py" for p in MODULES)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_module_is_at_most_400_lines(path):
    with path.open(encoding="utf-8") as lines:
        count = sum(1 for _ in lines)
    assert count <= LIMIT, f"{path.relative_to(ROOT)} has {count} lines; split it along its seams"
