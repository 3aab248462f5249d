"""One dossier: read it, fire an action on it, rate it.

Thin: each view parses the request, calls ``dossiers.actions.fire`` (which
decides who may do what, with the pure ``workflow``), and answers with
``dossier_json``. The ACL only lets the owner and the handling agency's
officers in at all.
"""
from pyramid.view import view_config, view_defaults

from tthc_docs import timeutil
from tthc_docs.dossiers import actions, workflow
from tthc_docs import security as s
from tthc_docs.dossiers.content import Dossier
from tthc_docs.site.content import find_site
from tthc_docs.dossiers.schema import RateSchema, TransitionSchema, load
from tthc_docs.dossiers.serialise import dossier_json, dossier_url
from tthc_docs.dossiers.views import kept, progress, supplement
from tthc_docs.dossiers.views.services import services_for
from tthc_docs.vaults.views.documents import REFUSED_FILE
from tthc_docs.web.body import read_json
from tthc_docs.web import gate
from tthc_docs.web.confirm import CONFIRMED, confirm_page, needs_confirmation
from tthc_docs.web.respond import show_again, wants_json
from tthc_docs.web.views import ResourceViews

_ERR = {'description': 'error', 'content': {'application/json': {
    'schema': {'$ref': '#/components/schemas/Error'}}}}
_VERIFIED = {'type': 'array', 'items': {'type': 'object', 'properties': {
    'vault': {'type': 'string'}, 'document': {'type': 'string'}, 'sha256': {'type': 'string'},
    'url': {'type': 'string', 'description': 'where the current user downloads it'},
    'verification': {'type': 'object', 'description': "officers only, signed documents only: "
                     "the system's check {signed, intact, trusted, signer, signed_at, "
                     "timestamped, dossier, problems}"}}}}
_DOSSIER = {'description': 'the dossier', 'content': {'application/json': {'schema': {
    'type': 'object', 'properties': dict({k: {} for k in (
        'code', 'procedure', 'status', 'channel', 'received_at', 'overdue', 'fee',
        'history', 'actions', 'data')},
        due_at={'type': 'string', 'format': 'date-time', 'nullable': True,
                'description': 'the legal due date: set at receipt, moved only by a '
                               'supplement pause; overdue is measured on it'},
        appointment_at={'type': 'string', 'format': 'date-time', 'nullable': True,
                        'description': 'the current appointment: due_at until an '
                                       'apology moved it later'},
        applicant_name={'type': 'string', 'nullable': True},
        agency={'type': 'string', 'description': 'the handling agency (unit code)'},
        agency_name={'type': 'string'},
        receiving_agency={'type': 'string', 'description': 'the desk that received it (unit '
                          'code): its counter, or the handling agency for an online filing'},
        receiving_agency_name={'type': 'string'},
        attachments=_VERIFIED, results=_VERIFIED,
        form={'type': 'object', 'description': '{name, version, title, rows: [{name, title, '
              'value}] labelled by the version the dossier was filled with, url}'},
        timeline={'type': 'array', 'description': "the procedure's stages in order: {key, name, "
                  'role, unit, state (done, current, paused, next, skipped), started_at, '
                  'finished_at, due_at, days, late, fixed}', 'items': {'type': 'object'}},
        papers={'type': 'array', 'description': 'every paper issued (Circular 01/2018 Mẫu '
                '01-05, payment receipt), oldest first; its content is fixed at its event, '
                'its PDF rendered when the server is idle: until then `ready` is false, '
                '`sha256` and `size` null, and `url` already serves the same bytes',
                'items': {'type': 'object', 'properties': {
                    'id': {'type': 'string'}, 'kind': {'type': 'string'},
                    'ready': {'type': 'boolean'},
                    'sha256': {'type': 'string', 'nullable': True},
                    'size': {'type': 'integer', 'nullable': True},
                    'url': {'type': 'string'}}}},
        slips={'type': 'array', 'description': 'the slips the state has produced',
               'items': {'type': 'object', 'properties': {
                   'name': {'type': 'string'}, 'url': {'type': 'string'}}}})}}}}
OPENAPI_PATHS = {
    '/dossiers/{code}': {'get': {
        'summary': 'A dossier (owner, officers of the handling agency, reception of the desk '
                   'that received it)',
        'parameters': [{'name': 'code', 'in': 'path', 'required': True,
                        'schema': {'type': 'string'}}],
        'responses': {'200': _DOSSIER, '403': _ERR, '404': _ERR}}},
    '/dossiers/{code}/@@transition': {'parameters': [{'name': 'code', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'post': {
        'summary': 'Fire a workflow action',
        'requestBody': {'content': {'application/json': {'schema': {
            'type': 'object', 'required': ['action'], 'properties': {
                'action': {'type': 'string', 'enum': list(workflow.ACTIONS)},
                'note': {'type': 'string'}, 'assignee': {'type': 'string'},
                'otp': {'type': 'string', 'pattern': '^[0-9]{6}$',
                        'description': "sign: the leader's one-time code (required)"},
                'new_due': {'type': 'string', 'format': 'date'},
                'attachments': {'type': 'object'}}}}}},
        'responses': {'200': _DOSSIER, '403': _ERR, '409': _ERR, '422': _ERR}}},
    '/dossiers/{code}/@@supplement': {'parameters': [{'name': 'code', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'post': {
        'summary': "The owner hands a supplement in from the dossier page (browsers): the "
                   "same `supplement` action as @@transition, with uploads",
        'requestBody': {'content': {'multipart/form-data': {'schema': {
            'type': 'object', 'properties': {
                'note': {'type': 'string'},
                'attachments.{requirement}': {'type': 'string',
                                              'description': 'a vault document id'},
                'file.{requirement}': {'type': 'string', 'format': 'binary',
                                       'description': 'a new file (PDF, JPEG, PNG)'}}}}}},
        'responses': {'303': {'description': 'browsers: to the dossier page, with a message'},
                      '200': _DOSSIER, '400': _ERR, '403': _ERR, '409': _ERR, '413': _ERR,
                      '415': _ERR, '422': _ERR}}},
    '/dossiers/{code}/@@rate': {'parameters': [{'name': 'code', 'in': 'path', 'required': True, 'schema': {'type': 'string'}}], 'post': {
        'summary': 'The owner rates a returned dossier, once',
        'requestBody': {'content': {'application/json': {'schema': {
            'type': 'object', 'required': ['score'], 'properties': {
                'score': {'type': 'integer', 'minimum': 1, 'maximum': 5},
                'comment': {'type': 'string'}}}}}},
        'responses': {'200': {'description': 'the rating'}, '403': _ERR, '409': _ERR,
                      '422': _ERR}}},
}


VIEW_PT = 'tthc_docs.templates:dossiers/view.pt'
# The inputs of the action form and the actions that use them (actions.js shows only these).
ACTION_INPUTS = {
    'note': ' '.join(a for a in workflow.ACTIONS if a != 'sign'),
    'assignee': ' '.join(sorted(actions.ASSIGNING)), 'otp': 'sign', 'new_due': 'apologize',
}


def form_body(request):
    """JSON for JSON clients; the form fields of a browser's POST otherwise.

    The schemas (``dossiers.schema``) check either; a browser's empty box
    means "not given", and its CSRF token and confirmation mark are not fields.
    """
    if request.content_type == 'application/json':
        return read_json(request)
    data = {k: v for k, v in request.POST.items() if k not in ('csrf_token', CONFIRMED) and v != ''}
    if 'score' in data:
        data['score'] = data['score'].strip()
    return data


@view_defaults(context=Dossier, permission=s.VIEW)
class DossierViews(ResourceViews):
    """The dossier page, its actions and its rating."""

    @view_config(request_method='GET')
    def show(self):
        """The dossier; officers see the verdicts stored at issuance, ``?verify=1`` checks anew."""
        again = self.request.params.get('verify') in ('1', 'true')

        def produce():
            body = dossier_json(self.request, self.context, verify='fresh' if again else True,
                                page=not wants_json(self.request))
            return self.respond(body, template=VIEW_PT, page=lambda: self.page_extras(body))
        # Kept per viewer and version (web/pagecache.private); a check made now never is.
        parts = None if again else kept.dossier_parts(self.request, self.context)
        return produce() if parts is None else self.private(parts, produce)

    def page_extras(self, body, chosen=None):
        """The history's words, the dossier itself, whom an assigning action may name,
        and the owner's supplement form (``chosen``: as posted, after a refusal)."""
        assigning = actions.ASSIGNING & set(body['actions'])
        form = supplement.form_values(self.request, self.context, body['actions'], chosen)
        return {'supplement_form': form, 'error': None, 'field_errors': {},
                # the owner supplements through the form, with documents, not the bare menu
                'menu_actions': [a for a in body['actions']
                                 if form is None or a != supplement.ACTION],
                'labels': workflow.HISTORY_LABELS, 'dossier': self.context,
                'stages': progress.rows(self.request, body['timeline']),
                'inputs': ACTION_INPUTS, 'result_titles': self.result_titles(),
                'officers': (actions.assignable(find_site(self.context)['people'], self.context)
                             if assigning else [])}

    def result_titles(self):
        """{document id: title} of the dossier's results: a person reads names, not ids."""
        vaults, titles = find_site(self.context)['vaults'], {}
        for ref in self.context.results:
            vault = vaults.get(ref['vault'])
            doc = vault.documents.get(ref['document']) if vault is not None else None
            titles[ref['document']] = doc.title if doc is not None else ref['document']
        return titles

    @view_config(name='transition', request_method='POST')
    def transition(self):
        body = load(TransitionSchema, form_body(self.request), 'Thao tác')
        action = body.pop('action')
        # A signature without its one-time code is refused at once, not asked about.
        asks = action in workflow.ACTION_CONFIRM and (action != 'sign' or body.get('otp'))
        if asks and needs_confirmation(self.request):
            return self.confirm(action, body)
        if action == 'sign':
            gate.leave(self.request)      # a remote signature waits on the leader's phone
        self.fire(action, body)
        return self.respond(lambda: dossier_json(self.request, self.context),
                            redirect=dossier_url(self.request, self.context),
                            flash=workflow.ACTION_DONE.get(action))

    def confirm(self, action, body):
        """The second page before an action that cannot be undone (browsers only)."""
        title, message, button = workflow.ACTION_CONFIRM[action]
        facts = [('Mã hồ sơ', self.context.code), ('Thủ tục', self.context.procedure_name)]
        if body.get('note'):
            facts.append(('Ghi chú, lý do', body['note']))
        return confirm_page(self.request, title, message, dossier_url(self.request, self.context),
                            button=button, facts=facts)

    @view_config(name='supplement', request_method='POST')
    def supplement(self):
        """The owner's supplement from the page's form: chosen documents and uploads.

        The same ``supplement`` action as ``@@transition`` (same schema, same
        ``actions.fire``); whether it may be fired is checked before any file
        is stored. A refused file or document: the page again, the reason
        beside its box, the note and choices kept, nothing of the attempt kept.
        """
        request, body = self.request, supplement.posted(self.request)
        try:
            actions.check(self.context, supplement.ACTION, request.account, timeutil.now(),
                          services_for(request, self.context))
            supplement.store_uploads(request, self.context, body)
            params = load(TransitionSchema, body, 'Thao tác')
            params.pop('action')
            self.fire(supplement.ACTION, params)
        except REFUSED_FILE as exc:
            values = dossier_json(request, self.context)
            values.update(self.page_extras(values, chosen=body))
            return show_again(request, exc, VIEW_PT, values, doom=True)
        return self.respond(lambda: dossier_json(request, self.context),
                            redirect=dossier_url(request, self.context),
                            flash=workflow.ACTION_DONE[supplement.ACTION])

    @view_config(name='rate', request_method='POST')
    def rate(self):
        rating = self.fire(actions.RATE, load(RateSchema, form_body(self.request), 'Đánh giá'))
        return self.respond({'code': self.context.code, 'score': rating['score'],
                             'comment': rating['comment'], 'at': timeutil.iso(rating['at'])},
                            redirect=dossier_url(self.request, self.context),
                            flash='Cảm ơn bạn đã đánh giá.')

    def fire(self, action, params):
        """``actions.fire`` on this dossier, by this account, now."""
        return actions.fire(self.context, action, self.request.account, params, timeutil.now(),
                            services_for(self.request, self.context))
