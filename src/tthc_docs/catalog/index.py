"""The search index of the procedure catalog, kept in BTrees.

A query must not scan the catalog (1,880 procedures in a real province), so
the catalog updates this index on every write and a search only intersects
posting sets: folded word -> documents (in the name, and anywhere in the
text), facet value -> documents (field, level, agency, state). Documents
are small integers (one per code) so that the intersections run on
integer sets in C. Ranking puts the
procedures whose name contains the query as a phrase first, then those
whose name has every word, then the rest; each group in name order.

Plain persistent code (no web imports), tested on its own.
"""
import heapq

from BTrees.IIBTree import IITreeSet, difference, intersection, union
from BTrees.IOBTree import IOBTree
from BTrees.OIBTree import OIBTree
from BTrees.OOBTree import OOBTree, OOTreeSet
from persistent import Persistent

from tthc_docs.text.folding import fold, slug, tokenize

FACETS = ("field", "level", "agency", "state")
#: The last word of a query also matches as a prefix when it is this long.
MIN_PREFIX = 3
#: Facet counts of results up to this size are tallied from the entries.
TALLY_MAX = 600


class SearchResult:
    """One page of codes, the total and facet counts over the whole result."""

    def __init__(self, codes, total, facets):
        self.codes = codes
        self.total = total
        self.facets = facets


class ProcedureIndex(Persistent):
    """Words and facets -> procedure documents (ints), maintained on write."""

    #: Bumped when the stored shape changes, with an evolve step that rebuilds older ones.
    SHAPE = 2
    shape = 1  # what an instance stored before shapes were recorded reads
    #: Bumped by every (un)indexing, so that the index's own ``_p_serial`` changes with any
    #: result (its BTrees change apart from it): the version public search pages are kept by.
    changes = 0

    def __init__(self):
        self.words = OOBTree()       # folded word -> IITreeSet(doc)
        self.name_words = OOBTree()  # folded word of the name -> IITreeSet(doc)
        self.facets = OOBTree()      # facet -> OOBTree(value key -> IITreeSet(doc))
        for facet in FACETS:
            self.facets[facet] = OOBTree()
        self.docs = OIBTree()        # code -> doc
        self.entries = IOBTree()     # doc -> (folded name, words, name words, facets, shown, code)
        self.all = IITreeSet()
        self.by_name = OOTreeSet()   # (folded name, doc), for name order
        self.next_doc = 1
        self.shape = self.SHAPE

    # -- writing ---------------------------------------------------------
    def index(self, code, *, name, text, field, level, agencies, state):
        """(Re)index `code`: its name, its full text and its facet values."""
        doc = self.docs.get(code)
        if doc is None:
            doc = self.docs[code] = self.next_doc
            self.next_doc += 1
        self.changes += 1
        self._forget(doc)
        name_words = frozenset(tokenize(name))
        words = frozenset(tokenize(text)) | name_words | frozenset(tokenize(code))
        values = {"field": [slug(field)], "level": [level],
                  "agency": list(agencies), "state": [state]}
        for word in words:
            _posting(self.words, word).insert(doc)
        for word in name_words:
            _posting(self.name_words, word).insert(doc)
        for facet, keys in values.items():
            for key in keys:
                _posting(self.facets[facet], key).insert(doc)
        shown = {"name": name, "field": field, "level": level, "state": state}
        self.entries[doc] = (fold(name), tuple(words), tuple(name_words),
                             {f: tuple(v) for f, v in values.items()}, shown, code)
        self.all.insert(doc)
        self.by_name.insert((fold(name), doc))

    def unindex(self, code):
        """Forget `code` everywhere; a no-op for an unknown code."""
        doc = self.docs.get(code)
        if doc is not None:
            self.changes += 1
            self._forget(doc)
            del self.docs[code]

    def _forget(self, doc):
        entry = self.entries.get(doc)
        if entry is None:
            return
        folded, words, name_words, values = entry[:4]
        for word in words:
            _discard(self.words, word, doc)
        for word in name_words:
            _discard(self.name_words, word, doc)
        for facet, keys in values.items():
            for key in keys:
                _discard(self.facets[facet], key, doc)
        del self.entries[doc]
        self.all.remove(doc)
        self.by_name.remove((folded, doc))

    # -- reading ---------------------------------------------------------
    def codes(self):
        """Every indexed code."""
        return list(self.docs.keys())

    def summary(self, code):
        """What a result list shows of `code` (name, field, level, state), without loading it."""
        return dict(self.entries[self.docs[code]][4])

    def field_titles(self):
        """{field slug: the field's name as written}, e.g. {"ho-tich": "Hộ tịch"}.

        Read from the first document of each field's posting set: one lookup
        per field, never a walk over the entries (a field only the last
        procedure has would make that a scan of the whole catalog).
        """
        return {key: self.entries[posting.minKey()][4]["field"]
                for key, posting in self.facets["field"].items()}

    def facet_values(self, facet):
        """The values of a facet that some procedure has."""
        return list(self.facets[facet].keys())

    def search(self, q="", *, field=None, level=None, agency=None, states=None,
               start=0, limit=20):
        """Codes matching `q` and the facet filters, ranked, one page of them.

        `states` restricts to those states (the public sees `published`
        only). Facet counts are computed over the filtered result so the
        page can offer "Hộ tịch (12)".
        """
        words = tokenize(q)
        hits = self._text_hits(words, q)
        scope = self._facet_scope(field, level, agency, states)
        if hits is None:
            hits = self.all if scope is None else scope
        elif scope is not None:
            hits = intersection(hits, scope)
        total = len(hits)
        counts = {f: self._counts(f, hits) for f in ("field", "level", "agency")}
        ranked = self._rank(hits, words, start + limit)
        page = [self.entries[doc][5] for doc in ranked[start:start + limit]]
        return SearchResult(page, total, counts)

    def _text_hits(self, words, q):
        """Documents containing every word (the last also as a prefix), or None."""
        if not words:
            return None
        result = None
        for i, word in enumerate(words):
            last = i == len(words) - 1 and not q.endswith(" ")
            posting = self._prefix(self.words, word) if last and len(word) >= MIN_PREFIX \
                else self.words.get(word)
            if not posting:
                return IITreeSet()
            result = posting if result is None else intersection(result, posting)
        return result

    def _prefix(self, tree, word):
        """The union of the postings of every word starting with `word`."""
        result = None
        for posting in tree.values(min=word, max=word + "\uffff"):
            result = posting if result is None else union(result, posting)
        return result

    def _facet_scope(self, field, level, agency, states):
        """Documents allowed by the facet filters, or None when there is none."""
        scope = None
        wanted = [("field", [slug(field)] if field else None),
                  ("level", [level] if level else None),
                  ("agency", [agency] if agency else None),
                  ("state", list(states) if states else None)]
        for facet, keys in wanted:
            if keys is None:
                continue
            found = None
            for key in keys:
                posting = self.facets[facet].get(key)
                if posting is not None:
                    found = posting if found is None else union(found, posting)
            if found is None:
                return IITreeSet()
            scope = found if scope is None else intersection(scope, found)
        return scope

    def _counts(self, facet, hits):
        """{value: number of hits having it} for one facet.

        A small result is tallied from the entries; a large one by
        intersecting it with each value's posting set.
        """
        counts = {}
        if len(hits) <= TALLY_MAX:
            entries = self.entries
            for doc in hits:
                for key in entries[doc][3][facet]:
                    counts[key] = counts.get(key, 0) + 1
            return counts
        for key, posting in self.facets[facet].items():
            n = len(intersection(hits, posting))
            if n:
                counts[key] = n
        return counts

    def _rank(self, hits, words, wanted):
        """The first `wanted` hits: phrase in name, all words in name, others."""
        entries = self.entries
        if not words:
            return self._by_name(hits, wanted)
        in_name = None
        for word in words:
            posting = self.name_words.get(word) or IITreeSet()
            in_name = posting if in_name is None else intersection(in_name, posting)
        in_name = intersection(hits, in_name)
        phrase = fold(" ".join(words))
        first = IITreeSet([d for d in in_name if phrase in entries[d][0]])
        groups = (first, difference(in_name, first), difference(hits, in_name))
        ranked = []
        for group in groups:
            if len(ranked) >= wanted:
                break
            ranked.extend(self._by_name(group, wanted - len(ranked)))
        return ranked

    def _by_name(self, docs, wanted):
        """At most `wanted` of `docs` in the order of their folded names.

        A large set is read off the name-ordered tree until the page is
        full; a small one is looked up and sorted.
        """
        if wanted <= 0 or not docs:
            return []
        if len(docs) > 4 * wanted and len(docs) > 100:
            found = []
            for _name, doc in self.by_name:
                if doc in docs:
                    found.append(doc)
                    if len(found) >= wanted:
                        break
            return found
        entries = self.entries
        return [doc for _name, doc in
                heapq.nsmallest(wanted, ((entries[d][0], d) for d in docs))]


def _posting(tree, key):
    """The document set of `key`, created when missing."""
    posting = tree.get(key)
    if posting is None:
        posting = tree[key] = IITreeSet()
    return posting


def _discard(tree, key, doc):
    """Remove `doc` from the set of `key`; drop the set when it empties."""
    posting = tree.get(key)
    if posting is None:
        return
    if doc in posting:
        posting.remove(doc)
    if not posting:
        del tree[key]
