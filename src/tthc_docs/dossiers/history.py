"""A dossier's history: the newest entries in the dossier's own record, older ones sealed.

Every event of a dossier appends one entry (who, when, what, the note), and
every event also changes the dossier, so its record is written anyway. Kept
whole in that record, the history made each event rewrite every entry ever
made: a dossier assigned and re-assigned fifty times rewrote fifty entries
per assignment (issue 15). So at most ``INLINE`` entries stay in the
dossier's record (where evolve step 25 put them: a dossier of a usual life,
some ten events, keeps them all there and costs no extra record); when a new
entry finds them full, they are sealed into a ``HistoryPage`` of their own,
stored once and never written again, and the new entry starts a fresh list.

A dossier stored before this module (its whole history inline, however long)
is already in this shape: its next event seals what it has. No evolve step.
Pure: no web imports; the persistent page is the only database part.
"""
from persistent import Persistent

#: How many entries the dossier's own record keeps before they are sealed.
INLINE = 16


class HistoryPage(Persistent):
    """Entries of a dossier's history, oldest first, sealed: never changed once stored."""

    def __init__(self, entries):
        self.entries = tuple(entries)

    def as_json(self, plain):
        """``plain(entries)``, made once per page and process: a sealed page never changes.

        Copies of the entries, so that a caller may add to them (``papers``).
        """
        made = getattr(self, '_v_json', None)
        if made is None:
            made = self._v_json = plain(list(self.entries))
        return [dict(item) for item in made]


def entries(pages, inline):
    """The whole history, oldest first: ``inline`` itself when nothing was sealed.

    ``inline`` itself, not a copy, so that the evolve steps which repair an
    entry in place (9, 12) still do on the dossiers they meet (all inline).
    """
    if not pages:
        return inline
    found = [entry for page in pages for entry in page.entries]
    found.extend(inline)
    return found


def append(pages, inline, entry):
    """``(pages, inline)`` after ``entry``: ``inline`` sealed into a new page first when full."""
    if len(inline) >= INLINE:
        pages, inline = tuple(pages) + (HistoryPage(inline),), []
    inline.append(entry)
    return pages, inline
