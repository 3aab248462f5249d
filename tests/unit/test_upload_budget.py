"""The upload checker's budget: nodes, depth, pages, inflated bytes and time.

Every file of the hostile corpus (``tests/hostile/``) is refused with a
domain error (413/415/422) and within a second; a check that overran would
leave this test failing, not hanging (it runs in a daemon thread).
"""
import threading
from pathlib import Path

import pytest
from samples import make_pdf

from tthc_docs import errors
from tthc_docs.vaults import uploads
from tthc_docs.vaults.pdfcheck import Budget, check_pdf

CORPUS = Path(__file__).parent.parent / "hostile"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".pdf", ".png", ".jpg"))


def outcome_within(seconds, func, *args):
    """``func(*args)``'s exception (or None), failing the test past ``seconds``."""
    box = {}

    def run():
        try:
            func(*args)
            box["raised"] = None
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            box["raised"] = exc
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert "raised" in box, f"still checking after {seconds} s"
    return box["raised"]


def test_the_corpus_is_there():
    assert len(FILES) >= 25


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_hostile_file_is_refused_within_a_second(path):
    raised = outcome_within(1.0, uploads.inspect, path.read_bytes())
    assert isinstance(raised, errors.DomainError), repr(raised)
    assert 400 <= raised.status < 500


def test_a_sound_pdf_passes_the_default_budget():
    assert check_pdf(make_pdf("một", "hai", "ba")) == {"pages": 3}


def test_the_node_budget_counts_every_node_of_the_page_tree():
    with pytest.raises(errors.Invalid, match="nút"):
        check_pdf(make_pdf("một", "hai", "ba"), Budget(max_nodes=3))


def test_the_page_budget():
    with pytest.raises(errors.Invalid, match="trang"):
        check_pdf(make_pdf("một", "hai", "ba"), Budget(max_pages=2))


def test_the_time_budget():
    with pytest.raises(errors.Invalid, match="lâu"):
        check_pdf(make_pdf("một"), Budget(seconds=-1))


def test_the_inflation_budget_stops_a_deflate_bomb():
    with pytest.raises(errors.Invalid, match="hỏng"):
        check_pdf((CORPUS / "pdf-deflate-bomb.pdf").read_bytes(), Budget(max_inflated=1 << 20))


def test_a_node_listed_twice_is_refused_at_once():
    with pytest.raises(errors.Invalid, match="lặp lại"):
        check_pdf((CORPUS / "pdf-wide-empty-kids.pdf").read_bytes())
