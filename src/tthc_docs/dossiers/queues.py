"""The officers' queues: search, filters and urgency, read from the registry's indexes.

A queue is an agency's dossiers in some states, earliest legal due date
first, so the overdue ones come on top (Decree 61/2018/NĐ-CP art. 18-19:
the result is due on the appointment of the receipt; DESIGN.md: late
dossiers are seen and minimised).  An officer narrows it by

- ``text``: a dossier code (exact, in any case; or its tail ``YYMMDD-NNNN``
  within the officer's agency), else words of the applicant's name, folded
  (``nguyen van an`` finds "Nguyễn Văn An"; the last word may be the
  beginning of one, as it is typed);
- ``procedure``: one procedure's code; ``step``: one step of the process;
- ``urgency``: ``overdue`` (the legal due date has passed) or ``due_soon``
  (due by the end of the next working day, ``deadlines.due_soon_before``);
  both only among the dossiers whose clock runs: a supplement request stops
  it (Decree 61/2018 art. 16(2)(c)), and a ready result owes nothing more.

Each listing merges a few sorted index ranges (``indexes.SortedIndex`` by
queue key, ``indexes.TermIndex`` by search term): a page costs what it
shows plus the candidates of the rarest search word, never a scan of the
agency's dossiers.  Pure: no web, no database beyond the indexes handed in.
"""
import heapq
from dataclasses import dataclass
from itertools import islice

from tthc_docs.dossiers import states
from tthc_docs.dossiers.codes import CODE_RE
from tthc_docs.dossiers.indexes import NO_DUE, due_key
from tthc_docs.text.folding import tokenize

OVERDUE, DUE_SOON = 'overdue', 'due_soon'
URGENCIES = (OVERDUE, DUE_SOON)
#: The states whose legal clock runs: only these can be overdue or due soon.
CLOCK_RUNS = states.OPEN - {states.SUPPLEMENT_REQUESTED}
_AFTER_ALL = NO_DUE + '~'


@dataclass(frozen=True)
class QueueQuery:
    """What an officer asked of a queue (every part optional but ``statuses``)."""

    statuses: tuple
    step: str = None
    procedure: str = None
    text: str = ''
    urgency: str = None


def due_range(urgency, now, soon_before):
    """The due keys ``[low, high)`` an urgency filter keeps."""
    if urgency == OVERDUE:
        return '', due_key(now)
    if urgency == DUE_SOON:
        return due_key(now), due_key(soon_before)
    return '', _AFTER_ALL


def as_code(text, agency):
    """The dossier code ``text`` names (whole, or its tail within ``agency``), else None."""
    typed = (text or '').strip().upper()
    if CODE_RE.match(typed):
        return typed
    if CODE_RE.match(f'{agency}-{typed}'):
        return f'{agency}-{typed}'
    return None


def search(ix, agency, query, now, soon_before, offset, limit):
    """``(codes of the page, total)`` of ``agency``'s queue narrowed by ``query``."""
    statuses = query.statuses
    if query.urgency:
        statuses = tuple(s for s in statuses if s in CLOCK_RUNS)
    low, high = due_range(query.urgency, now, soon_before)
    code = as_code(query.text, agency)
    if code is not None:
        found = [code] if _keeps(ix, code, agency, statuses, query, low, high) else []
        return found[offset:offset + limit], len(found)
    terms = _terms(query)
    if not terms:
        return _by_queue_key(ix, agency, statuses, query.step, low, high, offset, limit)
    return _by_terms(ix, agency, statuses, query.step, terms, low, high, offset, limit)


def _terms(query):
    """``[(term, prefix)]``: the name's words (the last as typed, a prefix), the procedure."""
    words = tokenize(query.text)
    terms = [('w:' + word, i == len(words) - 1) for i, word in enumerate(words)]
    if query.procedure:
        terms.append(('p:' + query.procedure, False))
    return terms


def _keeps(ix, code, agency, statuses, query, low, high):
    """Whether the one dossier a code names belongs in this listing."""
    entry = ix.terms.entry(code)
    if entry is None:
        return False
    where, status, due, terms = entry
    return (where == agency and status in statuses and low <= due < high
            and (not query.procedure or 'p:' + query.procedure in terms)
            and (not query.step or ix.queue.value_of(code)[2] == query.step))


def _by_queue_key(ix, agency, statuses, step, low, high, offset, limit):
    values = ix.queue_values(agency, statuses, step)
    merged = heapq.merge(*(ix.queue.pairs_between(v, low, high) for v in values))
    return _counted(ix.queue, values, merged, low, high, offset, limit)


def _by_terms(ix, agency, statuses, step, terms, low, high, offset, limit):
    """Walk the rarest term's dossiers in due order; keep those the other terms match."""
    keyed = [(term, prefix, [k for s in statuses for k in ix.terms.keys(agency, s, term, prefix)])
             for term, prefix in terms]
    keyed.sort(key=lambda t: sum(ix.terms.count(k) for k in t[2]))
    (_, driver_prefix, driver), others = keyed[0], keyed[1:]
    merged = heapq.merge(*(ix.terms.pairs_between(k, low, high) for k in driver))
    if not others and not step and not driver_prefix:   # one whole term: nothing to check
        return _counted(ix.terms, driver, merged, low, high, offset, limit)

    def matching():
        last = None
        for pair in merged:
            if pair == last:      # under two words that begin alike
                continue
            last = pair
            code = pair[1]
            entry = ix.terms.entry(code)[3]
            if all(_has(entry, term, prefix) for term, prefix, _ in others) and (
                    not step or ix.queue.value_of(code)[2] == step):
                yield code
    found = list(matching())
    return found[offset:offset + limit], len(found)


def _counted(index, keys, merged, low, high, offset, limit):
    """A page of ``merged`` and the total, counted from the index's counters when it can."""
    if (low, high) == ('', _AFTER_ALL):
        total = sum(index.count(k) for k in keys)
    else:
        total = sum(1 for k in keys for _ in index.pairs_between(k, low, high))
    return [code for _, code in islice(merged, offset, offset + limit)], total


def _has(terms, term, prefix):
    if prefix:
        return any(t.startswith(term) for t in terms)
    return term in terms


def procedures_in(ix, agency, statuses):
    """``{procedure code: dossiers}`` of an agency's queue in ``statuses`` (the filter's choices)."""
    counts = {}
    for status in statuses:
        for key in ix.terms.keys(agency, status, 'p:', prefix=True):
            counts[key[2][2:]] = counts.get(key[2][2:], 0) + ix.terms.count(key)
    return counts
