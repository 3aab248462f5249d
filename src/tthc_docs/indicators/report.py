"""A unit's indicators for a period, read from the counters (never from the dossiers).

``period(params)`` checks API.md's query (``from``, ``to``: 422 when after
one another or over five years apart); ``scored(store, unit, start, end)``
answers API.md's body; ``trend`` gives the month-by-month values a chart
draws. The cost is a few dozen BTree range reads per request, whatever
the number of dossiers (tests/bench/bench_indicators.py).
"""
from datetime import date

from tthc_docs import errors
from tthc_docs.indicators import decision
from tthc_docs.indicators.facts import PROVINCE

#: Figures counted per cohort day (``facts``), summed over the period.
PERIOD_FIGURES = ('filed', 'filed_online', 'fee_bearing', 'paid_online', 'synced', 'reused',
                  'linked', 'settled', 'on_time', 'results', 'e_result', 'digitised',
                  'days_sum', 'days_n', 'returned', 'returned_satisfied',
                  'fb_filed', 'fb_on_time', 'fb_satisfied')
#: Figures of the catalog as it is now.
STATE_FIGURES = ('procs_total', 'procs_published', 'procs_complete', 'procs_online',
                 'procs_fee', 'procs_fee_online')
MAX_YEARS = 5


def parse_day(raw, name):
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise errors.Invalid('Ngày không hợp lệ.', {name: 'dạng YYYY-MM-DD'}) from None


def period(params, today):
    """``(start, end)`` from ``from``/``to`` (default: this month up to today); 422 if wrong."""
    start = parse_day(params['from'], 'from') if params.get('from') else today.replace(day=1)
    end = parse_day(params['to'], 'to') if params.get('to') else today
    if start > end:
        raise errors.Invalid('Ngày bắt đầu sau ngày kết thúc.', {'from': 'phải trước hoặc bằng to'})
    try:
        limit = start.replace(year=start.year + MAX_YEARS)
    except ValueError:          # 29 February
        limit = date(start.year + MAX_YEARS, 3, 1)
    if end >= limit:
        raise errors.Invalid('Khoảng thời gian dài quá 5 năm.', {'to': 'tối đa 5 năm sau from'})
    return start, end


def figures(store, unit, start, end):
    """Every figure the indicators need for ``unit`` over ``start..end``."""
    found = {name: store.total(unit, name, start, end) for name in PERIOD_FIGURES}
    found.update({name: store.now(unit, name) for name in STATE_FIGURES})
    used = store.by_sub(unit, 'filed_online_proc', start, end)
    found['procs_online_used'] = sum(1 for code in used if store.now(unit, 'online_proc', code))
    _period_of_services(found)
    return found


def _period_of_services(found):
    """3.2's denominator: the services offered online, in a period in which dossiers came.

    A period without any dossier says nothing about which services are used
    (API.md: every ratio then has no data).
    """
    found['procs_online_in_use'] = found['procs_online'] if found['filed'] else 0


def scored(store, unit, start, end):
    """API.md's answer: ``{from, to, unit, indicators, total}``."""
    rows, total = decision.score(figures(store, unit, start, end))
    return {'from': start.isoformat(), 'to': end.isoformat(), 'unit': unit,
            'indicators': rows, 'total': total}


def months_between(start, end):
    months, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        months.append(f'{y:04d}-{m:02d}')
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def trend(store, unit, start, end):
    """``{indicator id: [(month, value)]}`` month by month over the period's months."""
    months = months_between(start, end)
    series = {name: store.series(unit, name, months[0], months[-1]) for name in PERIOD_FIGURES}
    state = {name: store.now(unit, name) for name in STATE_FIGURES}
    used = store.series_subs(unit, 'filed_online_proc', months[0], months[-1])
    out = {ind.id: [] for ind in decision.INDICATORS}
    for month in months:
        figs = {name: series[name].get(month, 0) for name in PERIOD_FIGURES}
        figs.update(state)
        figs['procs_online_used'] = sum(1 for code in used.get(month, ())
                                        if store.now(unit, 'online_proc', code))
        _period_of_services(figs)
        for ind in decision.INDICATORS:
            out[ind.id].append((month, decision.value_of(ind, figs)[0]))
    return out


def unit_name(site, unit):
    """The unit's display name; 404 for an unknown unit."""
    if unit == PROVINCE:
        return 'Tỉnh Thái Nguyên'
    agency = site['agencies'].by_code(unit) if isinstance(unit, str) else None
    if agency is None:
        raise errors.NotFound(errors.Words('Không có đơn vị mã ${unit}.', unit=unit))
    return agency.name
