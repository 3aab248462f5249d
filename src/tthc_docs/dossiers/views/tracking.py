"""Public tracking: anyone types a dossier code and sees where it stands.

Nothing personal is shown (no name, no data, no documents): the code, the
procedure, the status and the dates only.
"""
from pyramid.view import view_config

from tthc_docs.dossiers import codes
from tthc_docs import errors
from tthc_docs.site.content import Site
from tthc_docs.dossiers.serialise import track_json

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


def lookup(request, code):
    """The dossier with ``code``; 422 when malformed, 404 when unknown."""
    code = (code or '').strip()
    if not code:
        raise errors.Invalid('Cần nhập mã hồ sơ.', {'code': 'bắt buộc'})
    if codes.parse_code(code) is None:
        raise errors.Invalid('Mã hồ sơ không đúng định dạng.',
                             {'code': 'dạng 000.00.20.H56-270203-0001'})
    dossier = request.context['dossiers'].get(code)
    if dossier is None:
        raise errors.NotFound(f'Không có hồ sơ mã {code}.')
    return dossier


@view_config(context=Site, name='track', request_method='GET', accept='application/json',
             renderer='json')
def track(request):
    return track_json(request, lookup(request, request.params.get('code')))


@view_config(context=Site, name='track', request_method='GET', accept='text/html',
             renderer='tthc_docs.templates:dossiers/track.pt')
def track_page(request):
    code = request.params.get('code', '').strip()
    result, error = None, None
    if code:
        try:
            result = track_json(request, lookup(request, code))
        except (errors.Invalid, errors.NotFound) as exc:
            error = exc.message
            request.response.status_int = exc.status
    return {'code': code, 'result': result, 'error': error}
