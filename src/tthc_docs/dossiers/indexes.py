"""Indexes of the dossier registry: BTrees kept up to date on every write.

Each index maps a value (a status, an agency, an owner, a step, or a
composite queue key) to an ``OOTreeSet`` of ``(sort key, code)`` pairs, so
that a listing reads one sorted range and a page costs what it shows, never a
scan of all dossiers. A reverse map remembers what each code was indexed
under, so re-indexing touches only what changed (fewer write conflicts), and
a ``BTrees.Length`` per value answers ``count`` without walking the set.
The indexes every dossier is in share one reverse map (``DossierIndexes.rev``:
code -> everything it is indexed by, its search terms too from evolve step
29): one bucket written per change, not one per index (issues 14, 15; evolve
steps 25, 29). Evolve step 27 dropped the indexes no listing read (status,
agency, step, open dossiers by due) but the count by status (``status_counts``);
the reverse map still says where each dossier is in every one (``value_of``).
Evolve step 32 stores its entries and the sets' members as strings (``packed``).
"""
import heapq
from datetime import timezone
from itertools import islice

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree, OOTreeSet
from persistent import Persistent

from tthc_docs.dossiers import queue_memo
from tthc_docs.dossiers.packed import PackedSets, pack, unpack
from tthc_docs.text.folding import tokenize

#: Sorts after every real due date: dossiers without one come last.
NO_DUE = '~'


def due_key(due):
    """A sortable text for a due datetime (UTC), ``NO_DUE`` when absent."""
    if due is None:
        return NO_DUE
    return due.astimezone(timezone.utc).strftime('%Y%m%d%H%M%S')


class SortedIndex(PackedSets):
    """value -> sorted set of (sort key, code), with counts and a reverse map.

    ``shared``: the reverse map is kept by the caller (``DossierIndexes.rev``),
    who passes ``old``, what the code was indexed under, to ``index`` and
    ``unindex``; ``_rev`` is then None.
    """

    def index(self, code, value, sort_key, old=None):
        """Record ``code`` under ``value``; a no-op when nothing changed."""
        if self._rev is not None:
            old = self._rev.get(code)
        if old == (value, sort_key):
            return
        if old is not None:
            self._discard(code, *old)
        members = self._sets.get(value)
        if members is None:
            members = self._sets[value] = OOTreeSet()
            self._counts[value] = Length()
        members.insert(self._member(sort_key, code))
        self._counts[value].change(1)
        if self._rev is not None:
            self._rev[code] = (value, sort_key)

    def unindex(self, code, old=None):
        if self._rev is not None:
            old = self._rev.pop(code, None)
        if old is not None:
            self._discard(code, *old)

    def _discard(self, code, value, sort_key):
        members, member = self._sets.get(value), self._member(sort_key, code)
        if members is not None and member in members:
            members.remove(member)
            self._counts[value].change(-1)

    def count(self, value):
        counter = self._counts.get(value)
        return counter() if counter is not None else 0

    def codes(self, value, reverse=False):
        """Codes indexed under ``value`` in sort order (lazily)."""
        members = self._sets.get(value)
        if members is None:
            return iter(())
        pairs = self._decoded(reversed(list(members)) if reverse else iter(members))
        return (code for _, code in pairs)

    def codes_between(self, value, low, high):
        """Codes under ``value`` whose sort key is in ``[low, high)`` (lazily, in order)."""
        return (code for _, code in self.pairs_between(value, low, high))

    def values_between(self, low, high):
        """The distinct values in ``[low, high]`` (for composite prefixes)."""
        return list(self._sets.keys(low, high))

    def streams(self, values):
        """One sorted stream of ``(sort key, code)`` per value that holds any."""
        return [self._pairs(self._sets[v]) for v in values if v in self._sets]

    def pairs_between(self, value, low, high):
        """``(sort key, code)`` pairs under ``value`` with the key in ``[low, high)``."""
        members = self._sets.get(value)
        if members is None:
            return iter(())
        return self._pairs(members, low, high)

    def value_of(self, code):
        """What ``code`` is indexed under now (None when it is not); own reverse map only."""
        old = self._rev.get(code)
        return old[0] if old is not None else None


class TermIndex(PackedSets):
    """``(agency, status, term)`` -> sorted set of ``(due key, code)``; a code under several terms.

    The queues' search (``dossiers/queues.py``): a term is a folded word of the
    applicant's name (``w:nguyen``) or the procedure (``p:1.001193``).  The
    reverse map keeps each code's ``(agency, status, due key, terms)``, so a
    candidate found under one term is checked against the others without
    loading the dossier. ``shared``: kept by the caller, as for ``SortedIndex``
    (``DossierIndexes.rev`` from evolve step 29: one reverse-map bucket written
    per filing and change of state instead of two, issue 15).
    """

    shared = property(lambda self: self._rev is None, doc='The caller keeps the reverse map.')

    def index(self, code, agency, status, due, terms, old=None):
        entry = (agency, status, due, tuple(sorted(set(terms))))
        if self._rev is not None:
            old = self._rev.get(code)
        if old == entry:
            return
        if old is not None:
            self._drop(code, old)
        for term in entry[3]:
            key = (agency, status, term)
            members = self._sets.get(key)
            if members is None:
                members = self._sets[key] = OOTreeSet()
                self._counts[key] = Length()
            members.insert(self._member(due, code))
            self._counts[key].change(1)
        if self._rev is not None:
            self._rev[code] = entry

    def unindex(self, code, old=None):
        if self._rev is not None:
            old = self._rev.pop(code, None)
        if old is not None:
            self._drop(code, old)

    def _drop(self, code, entry):
        agency, status, due, terms = entry
        for term in terms:
            key = (agency, status, term)
            members, member = self._sets.get(key), self._member(due, code)
            if members is not None and member in members:
                members.remove(member)
                self._counts[key].change(-1)

    def entry(self, code):
        """``(agency, status, due key, terms)`` of ``code``, or None; own reverse map only."""
        return self._rev.get(code)

    def keys(self, agency, status, term, prefix=False):
        """The index keys of ``term`` (every term it begins, with ``prefix``)."""
        if prefix:
            return list(self._sets.keys((agency, status, term),
                                        (agency, status, term + '\uffff')))
        key = (agency, status, term)
        return [key] if key in self._sets else []

    def count(self, key):
        counter = self._counts.get(key)
        return counter() if counter is not None else 0

    def counts(self, agency, status, prefix):
        """``(term, count)`` of each of ``agency``'s terms in ``status`` that begins with ``prefix``."""
        high = (agency, status, prefix + '\uffff')
        return ((key[2], n()) for key, n in self._counts.items((agency, status, prefix), high))

    def pairs_between(self, key, low, high):
        members = self._sets.get(key)
        if members is None:
            return iter(())
        return self._pairs(members, low, high)


def search_terms(dossier):
    """What a queue's search finds ``dossier`` by: its applicant's words, its procedure."""
    words = ['w:' + word for word in tokenize(dossier.applicant_name or '')]
    return words + ['p:' + dossier.procedure_code]


def page(iterator, offset, limit):
    """One page of a lazy listing."""
    return list(islice(iterator, offset, offset + limit))


#: The indexes every dossier is in, whose reverse map is ``DossierIndexes.rev``.
SHARED = ('status', 'agency', 'owner', 'step', 'due', 'queue')
#: Those of them kept from evolve step 27 on: the ones a listing reads.
KEPT = ('owner', 'queue')


def term_part(entry):
    """``(agency, status, due key, terms)`` of a ``DossierIndexes.rev`` entry that has terms."""
    if entry is None or len(entry) < 8:
        return None
    return entry[1], entry[0], entry[5], entry[7]


def shared_pairs(entry, code):
    """``{index name: (value, sort key) or None}`` of a ``DossierIndexes.rev`` entry."""
    if entry is None:
        return dict.fromkeys(SHARED)
    status, agency, owner, filed, step, due, open_ = entry[:7]
    return {'status': (status, code), 'agency': (agency, filed), 'owner': (owner, filed),
            'step': (step, due), 'due': ('open', due) if open_ else None,
            'queue': ((agency, status, step), due)}


class DossierIndexes(Persistent):
    """Every index the registry keeps, updated by :meth:`reindex`."""

    #: None in indexes made before evolve step 20, which builds it: the steps
    #: before it re-index dossiers of such a database and must leave it alone.
    terms = None
    #: (receiving desk, status) -> by due, for the dossiers a desk received for
    #: another agency (location-independent filing); None in registries made
    #: before evolve step 21, which builds it.
    desk = None
    #: the same search terms for the desk's rows, keyed by the receiving desk
    #: (``(desk, status, term)``); None before the step that builds ``desk``.
    desk_terms = None
    #: code -> ``(status, agency, owner, filed, step, due key, open, terms)``: the one
    #: reverse map of the ``SHARED`` indexes (``shared_pairs``) and of ``terms``
    #: (``term_part``); None before evolve step 25, when each of them kept its
    #: own; without ``terms`` before evolve step 29, when ``terms`` kept its own.
    rev = None
    #: status -> ``Length``: how many dossiers are in each state. None before
    #: evolve step 27, when the ``status`` index (and ``agency``, ``step``,
    #: ``due``) were kept whole, for nothing but that count.
    status_counts = None
    status = agency = step = due = None   # SortedIndex each, before evolve step 27
    #: agency -> ``Length``, bumped by every change of its queue's entries (``queue_memo``)
    versions = None
    #: Whether ``rev`` holds its entries ``pack``ed: from evolve step 32, which packs
    #: them; until then (the steps before it meet tuples) they stay tuples.
    packed = False

    def __init__(self):
        self.owner = SortedIndex(shared=True)    # owner login -> by filing time
        self.queue = SortedIndex(shared=True)    # (agency, status, step) -> by due
        self.status_counts = OOBTree()           # status -> Length
        self.rev = OOBTree()
        self.terms = TermIndex(shared=True)   # (agency, status, term) -> by due (the queues' search)
        self.desk = SortedIndex()       # (receiving desk, status) -> by due
        self.desk_terms = TermIndex()   # (receiving desk, status, term) -> by due
        self.packed = True

    def reindex(self, dossier, open_):
        """Index ``dossier`` as it is now; ``open_``: still owes a result."""
        code = dossier.code
        before = queue_memo.footprint(self, code)
        filed = dossier.submitted_at.astimezone(timezone.utc).strftime('%Y%m%d%H%M%S%f')
        due = due_key(dossier.due_at)
        step = dossier.current_step_id or ''
        entry = (dossier.status, dossier.agency, dossier.owner, filed, step, due, bool(open_))
        if self.terms is not None and self.terms.shared:
            entry += (tuple(sorted(set(search_terms(dossier)))),)
        self._index_shared(code, entry)
        if self.terms is not None and not self.terms.shared:
            self.terms.index(code, dossier.agency, dossier.status, due, search_terms(dossier))
        self.index_desk(dossier)
        queue_memo.bump(self, before, queue_memo.footprint(self, code))

    def entry(self, code):
        """``code``'s reverse-map entry as a tuple (``shared_pairs``, ``term_part``), or None."""
        found = self.rev.get(code) if self.rev is not None else None
        return unpack(found) if self.packed and found is not None else found

    def _index_shared(self, code, entry):
        """The ``SHARED`` indexes: only those whose pair changed are touched."""
        old = self.entry(code)
        if old is not None and old == entry:
            return
        before, after = shared_pairs(old, code), shared_pairs(entry, code)
        for name in self._maintained():
            index, pair = getattr(self, name), after[name]
            if pair is None:
                index.unindex(code, before[name])
            else:
                index.index(code, *pair, old=before[name])
        self._count_status(before['status'], after['status'])
        if term_part(entry) is not None:
            self.terms.index(code, *term_part(entry), old=term_part(old))
        if self.rev is not None:
            self.rev[code] = pack(entry) if self.packed else entry

    def _maintained(self):
        """The ``SHARED`` indexes this registry keeps: all six until evolve step 27 drops four.

        Until then every step re-indexes the old way, so that step 25 (which
        merges their reverse maps) and step 27 meet them whole and right.
        """
        return KEPT if self.status_counts is not None else SHARED

    def _count_status(self, before, after):
        """One dossier moved from the state of ``before`` to that of ``after`` (pairs or None)."""
        if self.status_counts is None or before == after:
            return
        for pair, n in ((before, -1), (after, 1)):
            if pair is not None:
                counter = self.status_counts.get(pair[0])
                if counter is None:
                    counter = self.status_counts[pair[0]] = Length()
                counter.change(n)

    def status_count(self, status):
        """How many dossiers are in ``status`` now."""
        if self.status_counts is None:
            return self.status.count(status)
        counter = self.status_counts.get(status)
        return counter() if counter is not None else 0

    def value_of(self, name, code):
        """What ``code`` is indexed under in the ``SHARED`` index ``name`` (None when not)."""
        if self.rev is None:
            return getattr(self, name).value_of(code)
        pair = shared_pairs(self.entry(code), code)[name]
        return pair[0] if pair is not None else None

    def index_desk(self, dossier):
        """Index ``dossier`` under the desk that received it for another agency (else not)."""
        if self.desk is None:
            return   # before the evolve step that indexes every dossier at once
        if dossier.other_desk:
            due = due_key(dossier.due_at)
            self.desk.index(dossier.code, (dossier.other_desk, dossier.status), due)
            if self.desk_terms is not None:
                self.desk_terms.index(dossier.code, dossier.other_desk, dossier.status, due,
                                      search_terms(dossier))
        else:
            self.desk.unindex(dossier.code)
            if self.desk_terms is not None:
                self.desk_terms.unindex(dossier.code)

    def unindex(self, code):
        queue_memo.bump(self, queue_memo.footprint(self, code), None)
        old = self.entry(code)
        if old is not None:
            del self.rev[code]
        before = shared_pairs(old, code)
        for name in self._maintained():
            getattr(self, name).unindex(code, before[name])
        self._count_status(before['status'], None)
        if self.terms is not None:
            self.terms.unindex(code, term_part(old))
        for index in (self.desk, self.desk_terms):
            if index is not None:
                index.unindex(code)

    def term_entry(self, index, code):
        """``(agency, status, due key, terms)`` of ``code`` in the term index ``index``, or None."""
        if index is self.terms and index.shared:
            return term_part(self.entry(code))
        return index.entry(code)

    def queue_values(self, agency, statuses=None, step=None):
        """The composite queue keys of an agency, narrowed by statuses and step."""
        found = self.queue.values_between((agency,), (agency, '\uffff'))
        return [v for v in found
                if (statuses is None or v[1] in statuses) and (step is None or v[2] == step)]

    def queue_count(self, agency, statuses=None, step=None):
        return sum(self.queue.count(v) for v in self.queue_values(agency, statuses, step))

    def desk_values(self, desk, statuses):
        """The desk index's keys for ``desk`` in ``statuses`` that hold dossiers."""
        if self.desk is None:
            return []
        return [(desk, status) for status in statuses if self.desk.count((desk, status))]

    def work_codes(self, agency, statuses=None, step=None, desk_statuses=()):
        """An agency's queue merged with what its desk received for others, earliest due first.

        ``desk_statuses``: the states in which the desk's rows belong in the
        list (none for an officer who is not the desk's reception).
        """
        streams = self.queue.streams(self.queue_values(agency, statuses, step))
        if self.desk is not None:
            streams += self.desk.streams(self.desk_values(agency, desk_statuses))
        return (code for _, code in heapq.merge(*streams))

    def work_count(self, agency, statuses=None, step=None, desk_statuses=()):
        return (self.queue_count(agency, statuses, step)
                + sum(self.desk.count(v) for v in self.desk_values(agency, desk_statuses)))
