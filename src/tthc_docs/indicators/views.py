"""``GET /@@indicators`` (API.md), the dashboards, the exports, the public page.

Who sees what: the province's scores are public; a unit's (an agency's
code) only its own officers' and the admins'. The operations section and
the lists of dossiers behind a figure are for the unit's officers and the
admins (the province's for admins). Thin: ``report`` reads the counters,
``decision`` scores, ``operations`` reads the queue index.
"""
from pyramid.response import Response
from pyramid.view import view_config, view_defaults

from tthc_docs import errors, roles, timeutil
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.indicators import charts, decision, export, operations, report
from tthc_docs.indicators.facts import PROVINCE
from tthc_docs.indicators.hooks import store_of
from tthc_docs.site.content import Site
from tthc_docs.web.views import ResourceViews

DASHBOARD_PT = 'tthc_docs.templates:indicators/dashboard.pt'
PUBLIC_PT = 'tthc_docs.templates:indicators/public.pt'
LIST_PT = 'tthc_docs.templates:indicators/dossiers.pt'
_ERR = {'description': 'error', 'content': {'application/json': {
    'schema': {'$ref': '#/components/schemas/Error'}}}}
_QUERY = [{'name': 'from', 'in': 'query', 'schema': {'type': 'string', 'format': 'date'}},
          {'name': 'to', 'in': 'query', 'schema': {'type': 'string', 'format': 'date'}},
          {'name': 'unit', 'in': 'query', 'schema': {'type': 'string'},
           'description': "an agency's code or `province` (default)"}]
_INDICATOR = {'type': 'object', 'properties': {
    'id': {'type': 'string'}, 'name': {'type': 'string'},
    'value': {'type': 'number', 'nullable': True}, 'numerator': {'type': 'number'},
    'denominator': {'type': 'number'}, 'points': {'type': 'number', 'nullable': True},
    'max_points': {'type': 'number'}}}
_BODY = {'type': 'object', 'properties': {
    'from': {'type': 'string'}, 'to': {'type': 'string'}, 'unit': {'type': 'string'},
    'indicators': {'type': 'array', 'items': _INDICATOR},
    'total': {'type': 'object', 'properties': {'points': {'type': 'number'},
                                               'max_points': {'type': 'number'}}}}}
_REFUSALS = {'401': _ERR, '403': _ERR, '404': _ERR, '422': _ERR}
OPENAPI_PATHS = {
    '/@@indicators': {'get': {
        'summary': 'Service-quality indicators of Decision 766/QĐ-TTg for a unit and period '
                   '(province: anyone; an agency: its officers and admins)',
        'parameters': _QUERY,
        'responses': dict({'200': {'description': 'the scored indicators', 'content': {
            'application/json': {'schema': _BODY}}}}, **_REFUSALS)}},
    '/@@indicators.csv': {'get': {'summary': 'The same indicators as CSV', 'parameters': _QUERY,
                                  'responses': dict({'200': {'description': 'text/csv'}},
                                                    **_REFUSALS)}},
    '/@@indicators.xlsx': {'get': {'summary': 'The same indicators as an XLSX workbook',
                                   'parameters': _QUERY,
                                   'responses': dict({'200': {'description': 'XLSX'}},
                                                     **_REFUSALS)}},
    '/@@service-index': {'get': {'summary': "The province's public scores (this year so far)",
                                 'responses': {'200': {'description': 'the scored indicators',
                                                       'content': {'application/json': {
                                                           'schema': _BODY}}}}}},
    '/@@operations': {'get': {
        'summary': "A unit's day: intake per desk, due soon and overdue per officer, "
                   'supplement waits (its officers and admins)',
        'parameters': _QUERY,
        'responses': dict({'200': {'description': 'the figures, each with the url of its list'}},
                          **_REFUSALS)}},
    '/@@indicator-dossiers': {'get': {
        'summary': 'The dossiers behind an operations figure',
        'parameters': [{'name': 'list', 'in': 'query', 'required': True, 'schema': {
            'type': 'string', 'enum': ['overdue', 'due-soon', 'intake', 'supplement']}},
            {'name': 'unit', 'in': 'query', 'schema': {'type': 'string'}},
            {'name': 'who', 'in': 'query', 'schema': {'type': 'string'}},
            {'name': 'agency', 'in': 'query', 'schema': {'type': 'string'}}],
        'responses': dict({'200': {'description': '{items: [{code, url, procedure, status, '
                                                  'due_at, assignee}], total}'}}, **_REFUSALS)}},
}
LISTS = ('overdue', 'due-soon', 'intake', 'supplement')
#: The dashboard's period switch (translated by value in the page).
PERIOD_LABELS = ('Tháng này', 'Tháng trước', 'Năm nay')


def may_see(account, unit):
    """Province: everyone. A unit: its own officers and the admins."""
    if unit == PROVINCE:
        return True
    if account is None:
        return False
    return roles.ADMIN in account.roles or (
        account.agency == unit and bool(set(account.roles) & set(roles.OFFICER_ROLES)))


def may_operate(account, unit):
    """The operations and the dossiers behind them: the unit's officers, admins."""
    if account is None:
        return False
    if roles.ADMIN in account.roles:
        return True
    return unit != PROVINCE and may_see(account, unit)


@view_defaults(context=Site, request_method='GET')
class IndicatorViews(ResourceViews):
    """The indicators of one unit and period, as JSON, page, CSV or XLSX."""

    def _unit(self, check=may_see):
        unit = self.request.params.get('unit') or PROVINCE
        name = report.unit_name(self.context, unit)
        if not check(self.request.account, unit):
            if self.request.account is None:
                raise errors.NotLoggedIn('Cần đăng nhập để xem chỉ số của đơn vị này.')
            raise errors.NotAllowed('Chỉ cán bộ của đơn vị và quản trị viên được xem.')
        return unit, name

    def _body(self):
        unit, name = self._unit()
        start, end = report.period(self.request.params, timeutil.now().date())
        body = report.scored(store_of(self.context), unit, start, end)
        return body, name

    @view_config(name='indicators')
    def indicators(self):
        body, name = self._body()
        return self.respond(body, template=DASHBOARD_PT, page=lambda: self._page(body, name))

    @view_config(name='indicators.csv')
    def csv(self):
        body, _name = self._body()
        return _download(export.as_csv(body), 'text/csv; charset=utf-8', body, 'csv')

    @view_config(name='indicators.xlsx')
    def xlsx(self):
        body, _name = self._body()
        return _download(export.as_xlsx(body), 'application/vnd.openxmlformats-officedocument.'
                         'spreadsheetml.sheet', body, 'xlsx')

    @view_config(name='service-index')
    def public(self):
        today = timeutil.now().date()
        body = report.scored(store_of(self.context), PROVINCE, today.replace(month=1, day=1), today)
        return self.respond(body, template=PUBLIC_PT, page=lambda: {
            'groups_svg': _groups_svg(body), 'group_names': decision.GROUP_NAMES})

    @view_config(name='operations')
    def operations(self):
        unit, name = self._unit(may_operate)
        start, end = report.period(self.request.params, timeutil.now().date())
        def page():
            body = report.scored(store_of(self.context), unit, start, end)
            return dict(body, **self._page(body, name))
        return self.respond(self._operations(unit, start, end), template=DASHBOARD_PT, page=page)

    @view_config(name='indicator-dossiers')
    def dossiers(self):
        unit, name = self._unit(may_operate)
        which = self.request.params.get('list')
        if which not in LISTS:
            raise errors.Invalid('Danh sách không hợp lệ.', {'list': ', '.join(LISTS)})
        found = self._list(which, unit)
        items = [{'code': d.code, 'url': self.request.resource_url(d), 'procedure': d.procedure_name,
                  'agency': d.agency, 'status': d.status, 'assignee': d.assignee,
                  'due_at': timeutil.iso(d.due_at)} for d in found[:500]]
        return self.respond({'list': which, 'unit': unit, 'items': items, 'total': len(found)},
                            template=LIST_PT, page={'unit_name': name})

    # -- helpers ------------------------------------------------------------------------

    def _list(self, which, unit):
        site, now, params = self.context, timeutil.now(), self.request.params
        registry = site['dossiers']
        if which == 'intake':
            store = store_of(site)
            codes = store.listed(unit, '@intake', now.astimezone(timeutil.VN_TZ).date().isoformat(),
                                 params.get('who', ''))
            return [registry[c] for c in codes if c in registry]
        if which == 'overdue':
            found = operations.overdue(registry, unit, now)
        elif which == 'due-soon':
            found = operations.due_soon(registry, unit, now, calendar_for(site))
        else:
            found = operations.waiting_supplement(registry, unit)
        if 'who' in params:
            found = [d for d in found if (d.assignee or '') == params['who']]
        if params.get('agency'):
            found = [d for d in found if d.agency == params['agency']]
        return found

    def _operations(self, unit, start, end):
        settings = self.request.registry.settings
        body = operations.summary(self.context, store_of(self.context), unit, timeutil.now(),
                                  calendar_for(self.context, settings), start, end)
        body['unit'] = unit
        body['links'] = {name: self._list_url(name, unit) for name in LISTS}
        return body

    def _list_url(self, which, unit, **extra):
        query = dict({'list': which, 'unit': unit}, **extra)
        return self.request.resource_url(self.context, '@@indicator-dossiers', query=query)

    def _page(self, body, name):
        unit = body['unit']
        start, end = body['from'], body['to']
        months = report.trend(store_of(self.context), unit, *_trend_span(start, end))
        sparks = {ind['id']: charts.sparkline(months[ind['id']], ind['name'],
                                              percent=ind['unit'] == '%')
                  for ind in body['indicators']}
        ops = self._operations(unit, *_dates(start, end)) \
            if may_operate(self.request.account, unit) else None
        query = {'unit': unit, 'from': start, 'to': end}
        return {'unit_name': name, 'sparks': sparks,
                'from_label': timeutil.format_date(_dates(start, end)[0]),
                'to_label': timeutil.format_date(_dates(start, end)[1]), 'groups_svg': _groups_svg(body),
                'group_names': decision.GROUP_NAMES, 'ops': ops, 'query': query,
                'periods': _periods(unit, timeutil.now().date()),
                'list_url': self._list_url,
                'csv_url': self.request.resource_url(self.context, '@@indicators.csv', query=query),
                'xlsx_url': self.request.resource_url(self.context, '@@indicators.xlsx', query=query),
                'units': [(PROVINCE, 'Tỉnh Thái Nguyên')] + [
                    (a.code, a.name) for a in self.context['agencies'].all()
                    if may_see(self.request.account, a.code)]}


def _dates(start, end):
    from datetime import date
    return date.fromisoformat(start), date.fromisoformat(end)


def _trend_span(start, end):
    """The months a trend shows: the period's, or the twelve up to its end when shorter."""
    first, last = _dates(start, end)
    if (last.year - first.year) * 12 + last.month - first.month < 2:
        first = last.replace(day=1)
        for _ in range(11):
            first = (first.replace(year=first.year - 1, month=12) if first.month == 1
                     else first.replace(month=first.month - 1))
    return first, last


def _periods(unit, today):
    """Links to this month, last month and this year (the dashboard's month/year switch)."""
    this_month = today.replace(day=1)
    last_end = this_month.fromordinal(this_month.toordinal() - 1)
    this, last, year = PERIOD_LABELS
    return [(this, {'unit': unit, 'from': this_month.isoformat(), 'to': today.isoformat()}),
            (last, {'unit': unit, 'from': last_end.replace(day=1).isoformat(),
                             'to': last_end.isoformat()}),
            (year, {'unit': unit, 'from': today.replace(month=1, day=1).isoformat(),
                         'to': today.isoformat()})]


def _groups_svg(body):
    rows = []
    for gid, gname, _weight in decision.GROUPS:
        inds = [i for i in body['indicators'] if i['group'] == gid and i['max_points']]
        stake = sum(i['max_points'] for i in inds if i['points'] is not None)
        got = sum(i['points'] for i in inds if i['points'] is not None)
        rows.append((f'{gid}. {gname}', round(got, 2) if stake else None, stake or _weight))
    return charts.bars(rows, 'Điểm theo nhóm chỉ số')


def _download(data, content_type, body, ext):
    name = f"chi-so-766_{body['unit']}_{body['from']}_{body['to']}.{ext}"
    return Response(body=data, content_type=content_type.split(';')[0],
                    charset='utf-8' if 'charset' in content_type else None,
                    content_disposition=f'attachment; filename="{name}"')
