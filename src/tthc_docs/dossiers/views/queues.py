"""Work lists: the officers' queues and the citizen's own dossiers.

Read from the registry's indexes (sorted by due date, overdue first), a page
at a time; nothing here scans all dossiers.
"""
from collections import namedtuple
from urllib.parse import urlencode

from pyramid.view import view_config, view_defaults

from tthc_docs import errors, timeutil
from tthc_docs.dossiers import deadlines, queues, states, workflow
from tthc_docs import security as s
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.site.content import Site
from tthc_docs.text.numbers import parse_bounded_int
from tthc_docs.dossiers.serialise import received_for_json, summary_json
from tthc_docs.dossiers.views import kept
from tthc_docs.web.respond import wants_json
from tthc_docs.web.options import fixed_options, options
from tthc_docs.web.views import ResourceViews

MAX_LIMIT = 100
MAX_QUERY = 200
#: The urgency filter's words (the rule: ``dossiers/queues.py``).
URGENCY_LABELS = (('overdue', 'Quá hạn'), ('due_soon', 'Sắp đến hạn'))
#: The search form's states, in the workflow's order, by their labels.
STATE_CHOICES = tuple((x, states.STATE_LABELS[x]) for x in states.STATES)
MAX_OFFSET = 10 ** 9   # past any real listing; islice refuses huge stops
#: The default queue: every dossier something may still happen to (``states.ACTIVE``).
DEFAULT_STATES = states.in_order(states.ACTIVE)
_PAGE = [{'name': 'offset', 'in': 'query', 'schema': {'type': 'integer', 'minimum': 0,
                                                         'maximum': MAX_OFFSET}},
         {'name': 'limit', 'in': 'query', 'schema': {'type': 'integer', 'maximum': MAX_LIMIT}}]
_SEARCH = [
    {'name': 'q', 'in': 'query', 'schema': {'type': 'string', 'maxLength': MAX_QUERY},
     'description': "a dossier code, or words of the applicant's name (with or without "
                    'diacritics)'},
    {'name': 'procedure', 'in': 'query', 'schema': {'type': 'string'},
     'description': "one procedure's code"},
    {'name': 'urgency', 'in': 'query', 'schema': {'type': 'string', 'enum': ['overdue', 'due_soon']},
     'description': 'overdue, or due by the end of the next working day'}]
_LIST = {'description': '{items: [...], total, offset, limit}'}
OPENAPI_PATHS = {
    '/@@queue': {'get': {
        'summary': "The officer's agency queue, earliest due first (overdue on top); a "
                   "reception officer's also holds what the desk received for another agency "
                   "while the desk has something to do (intake, hand-back), each such row with "
                   "`received_for: {agency, agency_name, label}` (else null)",
        'parameters': _PAGE + [
            {'name': 'status', 'in': 'query', 'schema': {'type': 'string'},
             'description': 'comma-separated states (default: every state that is not final)'},
            {'name': 'step', 'in': 'query', 'schema': {'type': 'string'}}] + _SEARCH,
        'responses': {'200': _LIST, '401': {'description': 'not logged in'},
                      '403': {'description': 'not an officer'},
                      '422': {'description': 'bad paging, state, urgency or search'}}}},
    '/@@sign-queue': {'get': {
        'summary': "Dossiers awaiting the leader's signature; each item's `sign_url` is its "
                   "one-time-code page, `mobile_url` the phone-sized list (/@@sign-mobile)",
        'parameters': _PAGE + _SEARCH, 'responses': {'200': _LIST}}},
    '/@@my-dossiers': {'get': {'summary': "The citizen's own dossiers, newest first",
                               'parameters': _PAGE, 'responses': {'200': _LIST}}},
}


def _paging(request):
    """``?offset=`` and ``?limit=`` within bounds, or 422 naming the wrong one."""
    offset = parse_bounded_int(request.params.get('offset'), 'offset', 0, MAX_OFFSET, default=0)
    limit = parse_bounded_int(request.params.get('limit'), 'limit', 1, MAX_LIMIT, default=20)
    return offset, limit


def _officer(request, roles=s.OFFICER_ROLES):
    account = request.account
    if account is None:
        raise errors.NotLoggedIn('Cần đăng nhập.')
    if not account.agency or not set(account.roles) & set(roles):
        raise errors.NotAllowed('Chỉ cán bộ của cơ quan tiếp nhận mới xem được hàng đợi.')
    return account


def _statuses(request):
    raw = request.params.get('status')
    if not raw:
        return DEFAULT_STATES
    wanted = tuple(x.strip() for x in raw.split(',') if x.strip())
    bad = [x for x in wanted if x not in states.STATES]
    if bad:
        raise errors.Invalid('Trạng thái không hợp lệ.', {'status': ', '.join(bad)})
    return wanted


def _listing(request, dossiers, total, offset, limit):
    now = timeutil.now()
    calendar = calendar_for(request.context)
    folder = request.resource_url(request.context['dossiers'])
    return {'items': [summary_json(request, d, now, calendar, folder) for d in dossiers],
            'total': total, 'offset': offset, 'limit': limit,
            'labels': states.STATE_LABELS}


def _query(request, statuses):
    """The queue's search and filters (``q``, ``procedure``, ``step``, ``urgency``)."""
    urgency = request.params.get('urgency') or None
    if urgency is not None and urgency not in queues.URGENCIES:
        raise errors.Invalid('Mức khẩn không hợp lệ.',
                             {'urgency': errors.Words('một trong: ${choices}',
                                                      choices=', '.join(queues.URGENCIES))})
    text = (request.params.get('q') or '').strip()
    if len(text) > MAX_QUERY:
        raise errors.Invalid('Nội dung tìm kiếm quá dài.',
                             {'q': errors.Words('tối đa ${n} ký tự', n=MAX_QUERY)})
    return queues.QueueQuery(statuses=tuple(statuses), step=request.params.get('step') or None,
                             procedure=request.params.get('procedure') or None,
                             text=text, urgency=urgency)


def _desk_states(account, statuses, step):
    """The states in which the desk's rows join the queue: its reception's, never by step.

    Location-independent filing (Decree 118/2025/NĐ-CP): a desk that received
    a dossier for another agency does its intake and may hand the result back
    (``workflow.DESK_STATES``); a step filter is about processing, never the desk's.
    """
    if step or s.RECEPTION not in account.roles:
        return ()
    return tuple(x for x in statuses if x in workflow.DESK_STATES)


def _search(request, statuses, roles=s.OFFICER_ROLES):
    """The officer's queue page as found in the indexes: ``Found`` (nothing rendered yet)."""
    account = _officer(request, roles)
    offset, limit = _paging(request)
    query = _query(request, statuses)
    now = timeutil.now()
    # only the "due soon" filter reads it (a calendar walk saved on every other view)
    soon = (deadlines.due_soon_before(now, calendar_for(request.context))
            if query.urgency == queues.DUE_SOON else None)
    desk_statuses = _desk_states(account, statuses, query.step)
    dossiers, total = request.context['dossiers'].search_queue(
        account.agency, query, now, soon, offset, limit, desk_statuses=desk_statuses)
    return Found(account, statuses, query, dossiers, total, offset, limit)


#: One page of a queue: who asked, what for, and the dossiers found (nothing rendered yet).
Found = namedtuple('Found', 'account statuses query dossiers total offset limit')


def _queue(request, found):
    """The queue's JSON: the rows, the paging and the search as understood."""
    account, query, dossiers = found.account, found.query, found.dossiers
    body = _listing(request, dossiers, found.total, found.offset, found.limit)
    for item, dossier in zip(body['items'], dossiers):
        item['received_for'] = (received_for_json(dossier)
                                if dossier.other_desk == account.agency else None)
    body.update(agency=account.agency, statuses=list(found.statuses), step=query.step,
                q=query.text, procedure=query.procedure, urgency=query.urgency)
    return body


def _queue_parts(request, found):
    """What a queue page is made of (web/pagecache.private): its rows' dossiers (``kept``),
    the total, the agencies the rows name and, for the page, the search form's choices
    (the procedures in the queue with their counts, named from the catalog's index)."""
    site = request.context
    agencies = site['agencies']
    others = sorted({d.agency for d in found.dossiers if d.other_desk == found.account.agency})
    values = [found.total] + [agencies.by_code(code) for code in others]
    if not wants_json(request):
        counts = _procedure_counts(request, found.account, found.query.step)
        values += [tuple(sorted(counts.items())), site['procedures'].index()]
    return kept.listing_parts(request, found.dossiers, *values)


def _procedure_counts(request, account, step):
    """``{procedure: dossiers}`` in the agency's default queue (the search form's choices)."""
    desk_statuses = _desk_states(account, DEFAULT_STATES, step)
    return request.context['dossiers'].procedures_in_queue(account.agency, DEFAULT_STATES,
                                                           desk_statuses)


def _filters(request, body):
    """What the page's search form offers: states, the queue's procedures, urgencies."""
    catalog = request.context['procedures']
    counts = _procedure_counts(request, request.account, body['step'])
    if body['procedure']:          # the chosen one stays offered, even with no open dossier
        counts.setdefault(body['procedure'], 0)
    names = catalog.names(counts)      # from the catalog's index: no procedure is loaded
    procedures = sorted(((code, names[code], n) for code, n in counts.items()),
                        key=lambda p: p[1])
    kept = {k: v for k, v in (('q', body['q']), ('procedure', body['procedure']),
                              ('urgency', body['urgency']), ('step', body['step']),
                              ('status', request.params.get('status'))) if v}
    return {'state_options': fixed_options(request, STATE_CHOICES, request.params.get('status')),
            'procedure_options': options(((code, f'{name} ({n})') for code, name, n in procedures),
                                         body['procedure']),
            'urgency_options': fixed_options(request, URGENCY_LABELS, body['urgency']),
            'kept_query': urlencode(kept),
            'pager_prefix': urlencode(kept) + '&' if kept else ''}


QUEUE_PT = 'tthc_docs.templates:dossiers/queue.pt'
MINE_PT = 'tthc_docs.templates:dossiers/mine.pt'


@view_defaults(context=Site, request_method='GET')
class QueueViews(ResourceViews):
    """The agency's queue, the leader's signing queue, the citizen's own dossiers."""

    @view_config(name='queue')
    def queue(self):
        """Kept per officer, search and version of its rows (web/pagecache.private)."""
        found = _search(self.request, _statuses(self.request))
        return self.private(_queue_parts(self.request, found), lambda: self.page(found))

    def page(self, found):
        body = _queue(self.request, found)
        return self.respond(body, template=QUEUE_PT, page=lambda: _filters(self.request, body))

    @view_config(name='sign-queue')
    def sign_queue(self):
        """What awaits the leader: each row opens the one-time-code confirmation page.

        The same list as ``@@sign-mobile`` (phone-sized): both stay, and each
        page links the other.
        """
        body = _queue(self.request, _search(self.request, (states.AWAITING_SIGNATURE,),
                                            roles={s.LEADER}))
        for item in body['items']:
            item['sign_url'] = item['url'] + '/@@sign'
        body['mobile_url'] = self.request.application_url + '/@@sign-mobile'
        return self.respond(body, template=QUEUE_PT, page=lambda: _filters(self.request, body))

    @view_config(name='my-dossiers')
    def my_dossiers(self):
        account = self.request.account
        if account is None:
            raise errors.NotLoggedIn('Cần đăng nhập.')
        offset, limit = _paging(self.request)
        dossiers, total = self.context['dossiers'].for_owner(account.login, offset, limit)
        # Kept per citizen and version of the dossiers listed (web/pagecache.private).
        return self.private(kept.listing_parts(self.request, dossiers, total),
                            lambda: self.respond(_listing(self.request, dossiers, total,
                                                          offset, limit), template=MINE_PT))
