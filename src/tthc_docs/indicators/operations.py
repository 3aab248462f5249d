"""What a one-stop office watches through the day (beyond the Decision).

- today's intake per desk (the officer who received), from the counters;
- dossiers due in the next three working days, per officer in charge;
- the officers (and agencies) with the most overdue work;
- the average wait for a supplement over the period, and who waits now.

Open dossiers are read from the registry's queue index, which keeps each
agency's dossiers sorted by legal due date: overdue ones are a prefix of
each list and due-soon ones the next slice, so nothing scans all dossiers
(only the backlog is read). Overdue is measured on the legal due date
(``deadlines.is_overdue``), never the apology's appointment.
"""
from tthc_docs.dossiers import deadlines, states
from tthc_docs.dossiers.indexes import due_key
from tthc_docs.indicators.facts import PROVINCE, day

#: Due soon: within this many working days (the issue's "next three working days").
DUE_SOON_DAYS = 3
#: The most dossiers a list reads (a backlog bigger than this is reported as capped).
CAP = 5000
RUNNING = tuple(sorted(states.OPEN - {states.SUPPLEMENT_REQUESTED}))
UNASSIGNED = ''


def _queue_values(index, unit, statuses):
    low, high = ((unit,), (unit, '\uffff')) if unit != PROVINCE else ((), ('\uffff',))
    return [v for v in index.queue.values_between(low, high) if v[1] in statuses]


def _codes(registry, unit, statuses, low, high):
    ix = registry.indexes
    for value in _queue_values(ix, unit, statuses):
        yield from ix.queue.codes_between(value, low, high)


def overdue(registry, unit, now, limit=CAP):
    """Open dossiers past their legal due date (the clock running), up to ``limit``."""
    found = []
    for code in _codes(registry, unit, RUNNING, '0', due_key(now)):
        if len(found) >= limit:
            break
        d = registry[code]
        if d.overdue(now):
            found.append(d)
    return found


def due_soon(registry, unit, now, calendar, within=DUE_SOON_DAYS):
    """Open dossiers due within ``within`` working days from today, not yet late."""
    horizon = deadlines.appointment(deadlines.add_after(_today(now), within, calendar))
    found = []
    for code in _codes(registry, unit, RUNNING, due_key(now), due_key(horizon) + '~'):
        if len(found) >= CAP:
            break
        found.append(registry[code])
    return found


def waiting_supplement(registry, unit):
    return [registry[c] for c in _codes(registry, unit, (states.SUPPLEMENT_REQUESTED,), '', '\uffff')][:CAP]


def by_person(dossiers):
    """``[(login or '', count)]``, most first."""
    counts = {}
    for d in dossiers:
        who = d.assignee or UNASSIGNED
        counts[who] = counts.get(who, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def by_agency(dossiers):
    counts = {}
    for d in dossiers:
        counts[d.agency] = counts.get(d.agency, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def summary(site, store, unit, now, calendar, start, end):
    """The operations section of the dashboard, as JSON-ready values."""
    registry = site['dossiers']
    today = day(now)
    late = overdue(registry, unit, now)
    soon = due_soon(registry, unit, now, calendar)
    wait_n = store.total(unit, 'supp_wait_n', start, end)
    wait_h = store.total(unit, 'supp_wait_hours', start, end)
    return {
        'today': today,
        'intake_today': sorted(store.by_sub(unit, 'intake', _today(now), _today(now)).items(),
                               key=lambda kv: (-kv[1], kv[0])),
        'due_soon_by_officer': by_person(soon), 'due_soon_total': len(soon),
        'overdue_by_officer': by_person(late), 'overdue_by_agency': by_agency(late),
        'overdue_total': len(late), 'capped': len(late) >= CAP,
        'supplement_wait_days': round(wait_h / 24 / wait_n, 1) if wait_n else None,
        'supplement_waits': wait_n,
        'waiting_supplement': len(waiting_supplement(registry, unit)),
    }


def _today(now):
    return now.astimezone(deadlines.VN_TZ).date() if now.tzinfo else now.date()
