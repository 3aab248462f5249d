"""Public tracking: anyone types a dossier code and sees where it stands.

Nothing personal is shown (no name, no data, no documents): the code, the
procedure, the status and the dates only.
"""
from pyramid.view import view_config, view_defaults

from tthc_docs.dossiers import codes
from tthc_docs import errors, timeutil
from tthc_docs.site.content import Site
from tthc_docs.dossiers.serialise import track_json
from tthc_docs.text.messages import Message
from tthc_docs.web.pagecache import Until
from tthc_docs.web.respond import ask, show_again
from tthc_docs.web.views import ResourceViews

OPENAPI_PATHS = {
    '/@@track': {'get': {
        'summary': 'Public tracking of a dossier by its code (nothing personal)',
        'parameters': [{'name': 'code', 'in': 'query', 'required': True,
                        'schema': {'type': 'string'}}],
        'responses': {
            '200': {'description': '{code, procedure, status, received_at, due_at (the legal due date), '
                                   'appointment_at (the current appointment), returned_at}'},
            '404': {'description': 'no such dossier'},
            '422': {'description': 'missing or malformed code'}}}},
}


TRACK_PT = 'tthc_docs.templates:dossiers/track.pt'


def lookup(request, code):
    """The dossier with ``code`` (any case, spaces ignored); 422 when malformed, 404 when unknown."""
    code = codes.as_typed(code)
    if not code:
        raise errors.Invalid('Cần nhập mã hồ sơ.', {'code': 'bắt buộc'})
    if codes.parse_code(code) is None:
        raise errors.Invalid('Mã hồ sơ không đúng định dạng.',
                             {'code': 'dạng 000.00.20.H55-270203-0001'})
    dossier = request.context['dossiers'].get(code)
    if dossier is None:
        raise errors.NotFound(Message('Không có hồ sơ mã ${code}.', code=code))
    return dossier


@view_defaults(context=Site, name='track')
class TrackingViews(ResourceViews):
    """``/@@track?code=``: anyone, nothing personal."""

    @view_config(request_method='GET')
    def track(self):
        """The dossier's public facts; a browser without a code gets the blank form.

        The same for every anonymous visitor: kept by the dossier's serial and
        the moment it turns overdue, and answered before the transaction until
        then (web/pagecache.py); a blank or failed look-up by its address alone.
        """
        code = (self.request.params.get('code') or '').strip()
        blank = {'code': code, 'result': None}
        try:
            dossier = lookup(self.request, code)
        except (errors.Invalid, errors.NotFound) as exc:
            if not code:
                return self.public((), lambda: ask(self.request, exc, TRACK_PT, blank))
            return self.public((), lambda: show_again(self.request, exc, TRACK_PT, blank))
        # The serial and the moment it turns late settle the answer: before that
        # moment it is not overdue, after it (Until(None)) lateness changes only by events.
        changes = Until(dossier.overdue_changes_at(timeutil.now()))
        return self.public((dossier, changes), lambda: self.facts(dossier))

    def facts(self, dossier):
        body = track_json(self.request, dossier)
        return self.respond(body, template=TRACK_PT,
                            page={'code': dossier.code, 'result': body, 'error': None})
