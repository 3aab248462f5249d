"""The web layer shared by every concept.

For views (see each module's docstring for the why):
- ``respond.respond(request, body, template=, page=, redirect=, status=, location=, headers=,
  flash=)``: one answer as JSON or as the page / a redirect; ``respond.show_again``
  shows a page again with the error; ``respond.ask`` the blank page that asks for
  input (the error to a JSON client); ``respond.render`` renders a template or JSON.
  No view outside ``web/`` branches on the representation.
- ``views.ResourceViews``: the base of a family's ``@view_defaults`` class.
- ``forms.FormView``: the base of a deform page (schema, buttons, ``<button>_success``).
- ``body.read_json`` / ``reject_unknown`` / ``read_data``: reading a request's body.
- ``fields.invalid_fields`` / ``invalid`` / ``deserialize``: colander errors as API.md's ``fields``.
- ``openapi``: ``/@@openapi.json`` from the ``OPENAPI_PATHS`` beside the views.

Around views: ``errors`` (exception views), ``tweens``, ``bodylimit``, ``i18n``, ``ui``, ``server``.
"""


def includeme(config):
    config.scan(".errors")
    config.include(".unavailable")
    config.include(".gate")
    config.scan(".openapi")
