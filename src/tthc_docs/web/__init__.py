"""The web layer shared by every concept.

For views (see each module's docstring for the why):
- ``respond.respond(request, body, template=, page=, redirect=, status=, location=, headers=)``:
  one answer as JSON or as the page / a redirect; ``respond.show_again`` shows a
  page again with the error; ``respond.render`` renders a template or JSON.
- ``views.ResourceViews``: the base of a family's ``@view_defaults`` class.
- ``forms.FormView``: the base of a deform page (schema, buttons, ``<button>_success``).
- ``body.read_json`` / ``reject_unknown`` / ``read_data``: reading a request's body.
- ``fields.invalid_fields`` / ``invalid`` / ``deserialize``: colander errors as API.md's ``fields``.
- ``openapi``: ``/@@openapi.json`` from the ``OPENAPI_PATHS`` beside the views.
- ``base``: the OLD path (``resource_view``, ``wants_json``), until every family is ported.

Around views: ``errors`` (exception views), ``tweens``, ``bodylimit``, ``i18n``, ``ui``, ``server``.
"""


def includeme(config):
    config.scan(".errors")
    config.scan(".openapi")
