"""The queues' search terms join the one reverse map every dossier index shares.

``DossierIndexes.terms`` (the officers' search by name word and procedure,
step 20) kept a reverse map of its own, code -> ``(agency, status, due key,
terms)``, beside the shared one (``indexes.rev``, step 25), which already held
the agency, the state and the due key. So every filing and every change of
state wrote a bucket of each: some 3 KB and a few hundred pickled objects more
per commit than one map needs (issue 15). This step adds each dossier's terms
to its entry in ``indexes.rev`` and drops the terms' own map; the term index
is then kept through the shared one (``TermIndex(shared=True)``).
"""
import logging

from tthc_docs.migrations import breathe

log = logging.getLogger(__name__)
EVERY = 20_000


def evolve(site):
    indexes = site["dossiers"].indexes
    indexes._p_activate()   # a ghost's __dict__ is empty
    terms = indexes.terms
    terms._p_activate()
    if terms.shared:
        return   # a registry made since: nothing to move
    own, rev, n = terms._rev, indexes.rev, 0
    for n, (code, entry) in enumerate(list(rev.items()), 1):
        found = own.get(code)
        rev[code] = entry[:7] + ((found[3] if found is not None else ()),)
        breathe(indexes, n, EVERY)
    terms._rev = None
    log.info("search terms of %d dossiers moved into the shared reverse map", n)
