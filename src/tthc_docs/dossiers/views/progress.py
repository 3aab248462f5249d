"""The dossier page's timeline rows: each stage's words and dates made ready once.

The template's loop over the stages was the costliest part of the dossier
page (issue 15): for each stage it translated three values (the stage's
name, its state in words, who holds it: each a stream joined, its spaces
folded, then looked up), formatted up to three dates and tested ten
conditions over the stage again.  Here each stage becomes the texts its row
shows, translated from the table the templates keep and formatted once;
``templates/dossiers/view.pt`` only places them, its labels still its own.
The stages themselves (what is done, due, late) are ``dossiers.timeline``'s.
"""
from tthc_docs import timeutil
from tthc_docs.dossiers import timeline
from tthc_docs.web.i18n import fixed_words
from tthc_docs.web.ui import plurals

#: The states in which a stage is the one under way (``aria-current``, its start shown).
UNDER_WAY = (timeline.CURRENT, timeline.PAUSED)


def rows(request, stages):
    """``[{css, current, name, word, holder, unit, started, finished, appointment, due,
    days, late_done, late_now}]`` from ``dossier_json``'s ``timeline``, in the page's language."""
    words, plural, when = fixed_words(request), plurals(request), timeutil.format_datetime
    out = []
    for st in stages:
        state, late, due = st['state'], st['late'], st['due_at']
        under_way = state in UNDER_WAY
        out.append({
            'css': f"stage stage-{state} {'late' if late else ''}",
            'current': 'step' if under_way else None,
            'name': words(st['name']) if st['fixed'] else st['name'],
            'word': words(timeline.STATE_WORDS[state]),
            'holder': words(timeline.HOLDER_TITLES.get(st['role'], st['role'])),
            'unit': st['unit'],
            'started': when(st['started_at']) if st['started_at'] and under_way else '',
            'finished': when(st['finished_at']),
            'appointment': when(due) if due and st['key'] == timeline.RETURN else '',
            'due': when(due) if due and st['key'] != timeline.RETURN else '',
            'days': (plural('${n} ngày làm việc', '${n} ngày làm việc', st['days'])
                     if state == timeline.NEXT and st['days'] else ''),
            'late_done': late and state == timeline.DONE,
            'late_now': late and state != timeline.DONE,
        })
    return out
