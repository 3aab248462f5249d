"""Vault grants and reuse notes keep the moment they were made as ISO text, not a datetime.

Issue 15: a filing rewrites a bucket of its vault's ``grants`` (doc, dossier,
agency) and one of its ``reuse`` notes (doc, dossier); each value was a
datetime with its +07:00 zone, which pickles as several objects, so the two
buckets cost about four times what they cost with the same moment as text
(``vaults.content.noted_at``). This step rewrites the values already stored;
``datetime.fromisoformat`` gives each moment back exactly. Nothing reads the
values but this step: the keys (who may read which document for which
dossier) do not change.
"""
import logging
from datetime import datetime

from tthc_docs.migrations import breathe

log = logging.getLogger(__name__)
EVERY = 5_000


def evolve(site):
    vaults, done = site.get("vaults"), 0
    for n, vault in enumerate(vaults.values() if vaults is not None else (), 1):
        done += _as_text(vault.grants) + _as_text(vault.reuse)
        breathe(vault, n, EVERY)
    log.info("vault grants and reuse notes: %d moments kept as text", done)


def _as_text(tree):
    """Rewrite the datetime values of ``tree`` as ISO text; how many were rewritten."""
    old = [(key, at) for key, at in tree.items() if isinstance(at, datetime)]
    for key, at in old:
        tree[key] = at.isoformat()   # an existing key: the tree keeps its shape
    return len(old)
