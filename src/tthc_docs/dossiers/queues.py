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
- ``urgency``: ``overdue`` or ``due_soon`` (due by the end of the next
  working day, ``deadlines.due_soon_before``).  "Due soon" only among the
  dossiers whose clock runs: a supplement request stops it (Decree 61/2018
  art. 16(2)(c)), and a ready result owes nothing more.  "Overdue" finds
  exactly the rows the listing flags overdue (``deadlines.is_overdue``):
  those whose clock runs and whose legal due date has passed, and those
  whose clock stopped (``CLOCK_STOPPED``) after their due date: the pause
  stops the count, it does not undo the lateness incurred before it.

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
#: The states whose clock has stopped: at the supplement request (Decree 61/2018
#: art. 16(2)(c)) or when the result was ready.  Late only when it stopped after the
#: legal due date, which the index cannot tell: ``search`` asks ``stopped_late``.
CLOCK_STOPPED = frozenset({states.SUPPLEMENT_REQUESTED, states.RESULT_READY})
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


def search(ix, agency, query, now, soon_before, offset, limit, desk_statuses=(),
           stopped_late=None):
    """``(codes of the page, total)`` of ``agency``'s queue narrowed by ``query``.

    ``desk_statuses``: the states in which what the agency's desk received
    for another agency joins the listing (location-independent filing,
    Decree 118/2025/NĐ-CP; none for an officer who is not the desk's
    reception, and none when a processing step is asked for).
    ``stopped_late(code)``: whether a dossier whose clock stopped was late
    when it stopped (the dossier's own ``overdue``); without it the
    ``overdue`` filter leaves out every dossier whose clock stopped.
    """
    sources = _sources(ix, agency, query, desk_statuses, stopped_late is not None)
    low, high = due_range(query.urgency, now, soon_before)
    keep = _late_only(ix, stopped_late) if query.urgency == OVERDUE and stopped_late else None
    code = as_code(query.text, agency)
    if code is not None:
        found = [code] if (keep is None or keep(code)) and any(
            _keeps(ix, terms, code, agency, statuses, query, low, high)
            for _, terms, statuses in sources) else []
        return found[offset:offset + limit], len(found)
    terms = _terms(query)
    if not terms:
        return _by_queue_key(ix, agency, sources, query.step, low, high, offset, limit, keep)
    return _by_terms(ix, agency, sources, query.step, terms, low, high, offset, limit, keep)


def _late_only(ix, stopped_late):
    """Keep a code unless its clock stopped in time (asked of those in ``CLOCK_STOPPED`` only)."""
    def keep(code):
        return ix.value_of('status', code) not in CLOCK_STOPPED or stopped_late(code)
    return keep


def urgency_states(urgency, stopped_too=False):
    """The states an urgency filter reads: the clock runs, or (overdue) it stopped late."""
    if urgency == OVERDUE and stopped_too:
        return CLOCK_RUNS | CLOCK_STOPPED
    return CLOCK_RUNS


def _sources(ix, agency, query, desk_statuses, stopped_too=False):
    """``[(sorted index, term index, statuses)]``: the agency's own queue, then its desk's rows."""
    chosen = urgency_states(query.urgency, stopped_too)

    def narrowed(statuses):
        return tuple(s for s in statuses if s in chosen) if query.urgency else tuple(statuses)
    sources = [(ix.queue, ix.terms, narrowed(query.statuses))]
    if desk_statuses and not query.step and ix.desk is not None and ix.desk_terms is not None:
        sources.append((ix.desk, ix.desk_terms, narrowed(desk_statuses)))
    return sources


def _terms(query):
    """``[(term, prefix)]``: the name's words (the last as typed, a prefix), the procedure."""
    words = tokenize(query.text) if query.text else ()
    terms = [('w:' + word, i == len(words) - 1) for i, word in enumerate(words)]
    if query.procedure:
        terms.append(('p:' + query.procedure, False))
    return terms


def _keeps(ix, term_index, code, agency, statuses, query, low, high):
    """Whether the one dossier a code names belongs in this listing."""
    entry = ix.term_entry(term_index, code)
    if entry is None:
        return False
    where, status, due, terms = entry
    return (where == agency and status in statuses and low <= due < high
            and (not query.procedure or 'p:' + query.procedure in terms)
            and (not query.step or ix.value_of('queue', code)[2] == query.step))


def _by_queue_key(ix, agency, sources, step, low, high, offset, limit, keep=None):
    keyed = [(index, ix.queue_values(agency, statuses, step) if index is ix.queue
              else [(agency, s) for s in statuses])
             for index, _, statuses in sources]
    merged = heapq.merge(*(index.pairs_between(v, low, high)
                           for index, values in keyed for v in values))
    if keep is not None:
        return _kept(merged, keep, offset, limit)
    return _counted(keyed, merged, low, high, offset, limit)


def _kept(merged, keep, offset, limit):
    """A page of the codes of ``merged`` that ``keep`` keeps, and their total."""
    found = [code for _, code in merged if keep(code)]
    return found[offset:offset + limit], len(found)


def _by_terms(ix, agency, sources, step, terms, low, high, offset, limit, keep=None):
    """Walk the rarest term's dossiers in due order; keep those the other terms match."""
    def keys_of(term, prefix):
        return [(index, [k for s in statuses for k in index.keys(agency, s, term, prefix)])
                for _, index, statuses in sources]
    keyed = [(term, prefix, keys_of(term, prefix)) for term, prefix in terms]
    keyed.sort(key=lambda t: sum(index.count(k) for index, keys in t[2] for k in keys))
    (_, driver_prefix, driver), others = keyed[0], keyed[1:]
    merged = heapq.merge(*(index.pairs_between(k, low, high)
                           for index, keys in driver for k in keys))
    if not others and not step and not driver_prefix:   # one whole term: nothing to check
        if keep is not None:
            return _kept(merged, keep, offset, limit)
        return _counted(driver, merged, low, high, offset, limit)

    def matching():
        last = None
        for pair in merged:
            if pair == last:      # under two words that begin alike
                continue
            last = pair
            code = pair[1]
            entry = ix.term_entry(ix.terms, code)[3]
            if all(_has(entry, term, prefix) for term, prefix, _ in others) and (
                    not step or ix.value_of('queue', code)[2] == step) and (
                    keep is None or keep(code)):
                yield code
    found = list(matching())
    return found[offset:offset + limit], len(found)


def _counted(keyed, merged, low, high, offset, limit):
    """A page of ``merged`` and the total, counted from the indexes' counters when it can.

    ``keyed``: ``[(index, keys)]``, the ranges ``merged`` was made of.
    """
    if (low, high) == ('', _AFTER_ALL):
        total = sum(index.count(k) for index, keys in keyed for k in keys)
    else:
        total = sum(1 for index, keys in keyed for k in keys
                    for _ in index.pairs_between(k, low, high))
    return [code for _, code in islice(merged, offset, offset + limit)], total


def _has(terms, term, prefix):
    if prefix:
        return any(t.startswith(term) for t in terms)
    return term in terms


def procedures_in(ix, agency, statuses, desk_statuses=()):
    """``{procedure code: dossiers}`` of an agency's queue in ``statuses`` (the filter's choices)."""
    counts = {}
    sources = [(ix.terms, statuses)]
    if desk_statuses and ix.desk_terms is not None:
        sources.append((ix.desk_terms, desk_statuses))
    for index, chosen in sources:
        for status in chosen:
            for term, n in index.counts(agency, status, 'p:'):   # one range, no set read
                counts[term[2:]] = counts.get(term[2:], 0) + n
    return counts
