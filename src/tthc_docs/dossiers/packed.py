"""How the dossier indexes store what a filing writes: one string where a tuple was (issue 15).

A filing and every change of state rewrite a bucket of the indexes' reverse
map (``DossierIndexes.rev``) and one of each set it enters (the owner's,
the queue's, one per search term), each bucket whole; ZODB looks at every
object it pickles, a Python call each. A reverse-map entry was a tuple of
some fifteen objects and a set member a ``(sort key, code)`` pair of three;
each is now one string, read back on the way out, so the indexes' callers
see the tuples they always saw. Indexes made before evolve step 32 hold the
tuples until that step packs them (``packed``): the steps before it meet
them so.
"""
from BTrees.OOBTree import OOBTree
from persistent import Persistent

#: What separates the fields of a packed ``DossierIndexes.rev`` entry or set member,
#: and an entry's search terms. Neither can occur in a field (codes, logins and
#: step ids are validated names, the terms folded words and procedure codes;
#: :func:`separator_free` refuses one that would), and both sort before every
#: character a field has, so a packed member sorts as its ``(sort key, code)`` pair did.
FIELD, TERM = '\x1f', '\x1e'


def separator_free(text):
    """``text``, which is to be packed; a ValueError if it holds a separator.

    Why: a separator inside a field would split it on the way out, and the
    dossier would be listed under a value it never had (or its entry would
    not unpack at all). Validation keeps separators out of every field
    today; this makes a field that escaped it fail where it is written,
    not where it is read months later.
    """
    if FIELD in text or TERM in text:
        raise ValueError(f'an index field holds a separator (\\x1e or \\x1f): {text!r}')
    return text


def pack(entry):
    """A ``DossierIndexes.rev`` entry (with terms) as the one string it is stored as.

    Why: a filing and every change of state rewrite a bucket of the reverse
    map, some thirty entries, and ZODB looks at every object it pickles (a
    Python call each): the tuple of an entry with its terms was some fifteen
    objects, the string is one; the bucket costs a fifth as much (issue 15).
    """
    *fields, open_, terms = entry
    terms = TERM.join(map(separator_free, terms))
    return FIELD.join((*map(separator_free, fields), '1' if open_ else '', terms))


def unpack(text):
    """The ``(status, agency, owner, filed, step, due key, open, terms)`` of a ``pack``ed entry."""
    *fields, open_, terms = text.split(FIELD)
    return (*fields, bool(open_), tuple(terms.split(TERM)) if terms else ())


def pair(member):
    """The ``(sort key, code)`` of a packed set member."""
    sort_key, _, code = member.partition(FIELD)
    return sort_key, code


class PackedSets(Persistent):
    """Sets of ``(sort key, code)``, each member stored as one string (``packed``).

    Why one string: a filing inserts into half a dozen of these sets, each a
    bucket rewritten whole, and ZODB looks at every object it pickles (a
    Python call each): a pair was three objects, its string is one (issue 15).
    Sets of indexes made before evolve step 32, which packs them, hold the
    pairs themselves until then (the steps before it meet them so).
    """

    #: False in an index made before evolve step 32
    packed = False

    def __init__(self, shared=False):
        self._sets = OOBTree()
        self._counts = OOBTree()
        self._rev = None if shared else OOBTree()
        self.packed = True

    def _member(self, sort_key, code):
        """How ``(sort key, code)`` is stored in a set."""
        if not self.packed:
            return sort_key, code
        return separator_free(sort_key) + FIELD + separator_free(code)

    def _pairs(self, members, low=None, high=None):
        """``(sort key, code)`` of each of ``members`` in order (its key in ``[low, high)``)."""
        if low is None:
            found = iter(members)
        elif self.packed:
            found = members.keys(low, high, excludemax=True)
        else:
            found = members.keys((low, ''), (high, ''), excludemax=True)
        return self._decoded(found)

    def _decoded(self, found):
        """``found`` (stored members) as ``(sort key, code)`` pairs, each read when asked for."""
        return map(pair, found) if self.packed else found
