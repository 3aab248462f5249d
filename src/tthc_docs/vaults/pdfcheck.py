"""The PDF check of an upload, with a budget: nodes visited, bytes inflated, time.

A citizen's file is untrusted.  The page-tree walk used to bound depth and
real pages but not intermediate nodes: a 3 KB file whose ``/Kids`` arrays
repeat one node ``w`` times per level cost ``w ** depth`` visits (7 s for
3 KB, forever for 30 KB), and a node that names its own ancestor looped
until the depth limit.  Here every node visited is counted and may be
visited once; the walk stops at a deadline; pyHanko inflates streams under
tight ``DecodeLimits``; and whatever a parser raises, whatever its type,
means "this file is damaged" (422), never a 500.

Pure: no web imports, no database.  ``uploads.inspect`` calls ``check_pdf``.
"""
from __future__ import annotations

import io
import time
from dataclasses import dataclass

from tthc_docs import errors

MiB = 1024 * 1024


@dataclass(frozen=True)
class Budget:
    """What one PDF check may spend; the defaults fit a 5,000-page scan."""

    max_nodes: int = 20_000        # page-tree nodes visited (pages and their parents)
    max_depth: int = 32            # levels of /Kids
    max_pages: int = 5_000
    max_inflated: int = 32 * MiB   # bytes pyHanko may decode for the whole file
    seconds: float = 2.0           # wall time for the walk


class OverBudget(Exception):
    """The file would cost more than its budget to check; ``str()`` says which part."""


class _Walk:
    """One page-tree walk: counts nodes, refuses repeats, watches the clock."""

    def __init__(self, budget: Budget):
        self.budget = budget
        self.nodes = 0
        self.seen: set = set()
        self.deadline = time.monotonic() + budget.seconds

    def enter(self, ref, depth):
        self.nodes += 1
        if self.nodes > self.budget.max_nodes:
            raise OverBudget(f'cây trang có quá {self.budget.max_nodes} nút')
        if depth > self.budget.max_depth:
            raise OverBudget(f'cây trang sâu quá {self.budget.max_depth} cấp')
        if time.monotonic() > self.deadline:
            raise OverBudget('đọc cây trang quá lâu')
        if ref is not None:
            key = (ref.idnum, ref.generation)
            if key in self.seen:
                raise OverBudget('cây trang có nút lặp lại hoặc vòng lặp')
            self.seen.add(key)

    def count(self, node, ref=None, depth=0, parent=None) -> int:
        """Pages under ``node``; resolving each page's /Contents proves its xref offset.

        A node whose ``/Parent`` names another node than the one that lists it
        is a damaged (or crafted) tree.
        """
        self.enter(ref, depth)
        _check_parent(node, parent)
        if node.get('/Type') == '/Page' or '/Kids' not in node:
            node.get('/Contents')
            return 1
        total = 0
        for kid in node['/Kids']:   # list iteration: raw values, references unresolved
            kid_ref = kid if hasattr(kid, 'idnum') else None
            total += self.count(kid.get_object() if kid_ref else kid, kid_ref, depth + 1, ref)
            if total > self.budget.max_pages:
                raise OverBudget(f'có quá {self.budget.max_pages} trang')
        return total


def _check_parent(node, parent):
    named = node.raw_get('/Parent') if '/Parent' in node else None
    if parent is None or not hasattr(named, 'idnum'):
        return
    if (named.idnum, named.generation) != (parent.idnum, parent.generation):
        raise OverBudget('nút cây trang chỉ sai nút cha (/Parent)')


def _check_count(pages, budget):
    """An absurd root /Count (negative, not a number, past the page limit) is refused."""
    count = pages.get('/Count', 0)
    if isinstance(count, bool) or not isinstance(count, int) or \
            not 0 <= count <= budget.max_pages:
        raise OverBudget('số trang khai báo (/Count) bất thường')


def decode_limits(budget: Budget):
    """pyHanko's stream limits, tightened to ``budget.max_inflated`` for the whole file."""
    from pyhanko.pdf_utils import decode_limits as dl
    stream = dl.StreamDecodeLimits(max_ratio=1100, max_output_size=budget.max_inflated)
    return dl.DecodeLimits(
        per_stream=stream, per_purpose=dict(dl.DEFAULT_PURPOSE_LIMITS),
        document_budget=dl.DocumentDecodeBudget(base_allowance=budget.max_inflated,
                                                max_ratio=1))


def count_pages(data: bytes, budget: Budget = Budget()) -> int:
    """Pages of the PDF in ``data``; raises whatever pyHanko raises, or OverBudget.

    Refuses an encrypted file with ``errors.Invalid``: it cannot be checked.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader
    reader = PdfFileReader(io.BytesIO(data), strict=False, decode_limits=decode_limits(budget))
    if reader.encrypted:
        raise _broken('Tệp PDF được mã hóa hoặc đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.')
    raw = reader.root.raw_get('/Pages')
    pages = raw.get_object()
    _check_count(pages, budget)
    return _Walk(budget).count(pages, raw if hasattr(raw, 'idnum') else None)


def check_pdf(data: bytes, budget: Budget = Budget()) -> dict:
    """``{'pages': n}`` for a sound PDF; ``errors.Invalid`` (422) saying why otherwise."""
    if b'%%EOF' not in data[-2048:]:
        raise _broken('Tệp PDF bị cắt cụt (thiếu phần kết thúc %%EOF); '
                      'hãy tải lên lại tệp đầy đủ.')
    try:
        pages = count_pages(data, budget)
    except errors.DomainError:
        raise
    except OverBudget as exc:
        raise _broken(f'Tệp PDF có cấu trúc bất thường, không kiểm tra được ({exc}).') from None
    except Exception as exc:  # noqa: BLE001 - any parser failure means a damaged file
        raise _broken(f'Tệp PDF bị hỏng, không đọc được ({_short(exc)}).') from None
    if pages == 0:
        raise _broken('Tệp PDF không có trang nào.')
    return {'pages': pages}


def _broken(reason: str) -> errors.Invalid:
    return errors.Invalid(reason, {'file': reason})


def _short(exc: Exception) -> str:
    return (str(exc) or type(exc).__name__)[:160]
