"""The base of every deform page: declare the schema and buttons, implement ``<button>_success``.

In the manner of Substance D's ``FormView`` and Kotti's ``BaseFormView``, a
page is a class::

    @view_config(context=ProcedureCatalog, name="add", permission=s.EDIT,
                 request_method=("GET", "POST"))
    class AddProcedure(FormView):
        schema = ProcedureSchema()
        buttons = (("save", "Lưu bản nháp"),)
        template = "tthc_docs.templates:procedures/edit.pt"
        title = "Thêm thủ tục hành chính"

        def save_success(self, appstruct):
            procedure = self.context.create(finish(appstruct), self.request.account.login)
            return HTTPSeeOther(self.request.resource_url(procedure))

``GET`` shows the form filled with :meth:`appstruct`.  ``POST`` with a
button's name validates and calls ``<name>_success(appstruct)`` (the CSRF
token already checked and removed).  The page comes back with the reasons
in one of two ways, both through :meth:`show`: deform's own field errors
when the input does not fit the schema, or a :class:`~tthc_docs.errors.DomainError`
raised by the success method (a rule only the domain can check, e.g. a
code taken by a concurrent save), whose ``fields`` mark those fields and
whose message heads the form.  A failed save is never half-kept: the
transaction is doomed.

The template receives ``form`` (the HTML), ``title``, ``js`` and ``css``
(the widgets' static files) and whatever :meth:`page` adds.
"""
import os

import colander
import deform
import peppercorn
from pyramid.csrf import get_csrf_token

from tthc_docs import templates
from tthc_docs.errors import DomainError
from tthc_docs.web.i18n import _, deform_translator
from tthc_docs.web.respond import render

#: deform's templates, but the sequence widgets from ``templates/deform`` (no inline
#: script, which the Content-Security-Policy forbids; ``static/deform-init.js``).
DEFORM_TEMPLATES = (os.path.join(os.path.dirname(templates.__file__), "deform"),
                    os.path.join(os.path.dirname(deform.__file__), "templates"))
RENDERER = deform.ZPTRendererFactory(DEFORM_TEMPLATES, translator=deform_translator)

CSRF = "csrf_token"


class FormView:
    """A deform page: schema + buttons declared, ``<button>_success`` implemented."""

    #: A colander schema instance; cloned per request, so a class attribute is safe.
    schema = None
    #: ``(name, title)`` pairs; each name needs a ``<name>_success`` method.
    buttons = ()
    #: The page template (an asset spec).
    template = None
    title = ""
    #: Extra ``deform.Form`` keywords (``renderer``, ``action`` …).
    form_options = {}
    #: The status of a page shown again; None: 422 for input the schema
    #: refuses, the domain error's own status (409, 422 …) for the others.
    error_status = None

    def __init__(self, context, request):
        self.context, self.request = context, request

    def __call__(self):
        form = self.make_form()
        if self.request.method == "POST":
            for button in form.buttons:
                if button.name in self.request.POST:
                    return self.submit(form, button.name)
        return self.show(form, form.render(self.appstruct()))

    # -- what a page may override --------------------------------------------
    def make_schema(self):
        """The unbound schema of this request; override to adjust widgets or drop a node."""
        return self.schema.clone()

    def bindings(self):
        """Bind keywords beyond ``request`` and ``context`` (what deferred values check against)."""
        return {}

    def appstruct(self):
        """The values a GET shows; nothing by default (an add form)."""
        return colander.null

    def pstruct(self):
        """The posted form as deform reads it; override to drop blank trailing rows."""
        return peppercorn.parse(self.request.POST.items())

    def page(self):
        """Values the template needs beyond the form, title and static files."""
        return {}

    # -- the machinery ---------------------------------------------------------
    def make_form(self):
        schema = self.make_schema()
        schema.add(colander.SchemaNode(colander.String(), name=CSRF, missing="",
                                       default=get_csrf_token(self.request),
                                       widget=deform.widget.HiddenWidget()))
        schema = schema.bind(request=self.request, context=self.context, **self.bindings())
        buttons = [deform.Button(name, _(title)) for name, title in self.buttons]
        return deform.Form(schema, buttons=buttons, **dict({"renderer": RENDERER},
                                                           **self.form_options))

    def submit(self, form, button):
        """Validate, then ``<button>_success``; the page again with the reasons otherwise."""
        try:
            appstruct = form.validate_pstruct(self.pstruct())
        except deform.ValidationFailure as failure:
            return self.show(form, failure.render(), self.error_status or 422)
        appstruct.pop(CSRF, None)
        try:
            return getattr(self, f"{button}_success")(appstruct)
        except DomainError as error:
            return self.show_error(form, error, appstruct)

    def show_error(self, form, error, appstruct):
        """The form again with a domain error: its fields marked, its message on top."""
        self.request.tm.doom()
        for name, message in error.fields.items():
            if name in form.schema:
                form[name].error = colander.Invalid(form[name].schema, message)
        form.error = colander.Invalid(form.schema, error.message)
        return self.show(form, form.render(appstruct), self.error_status or error.status)

    def show(self, form, html, status=None):
        """The page with ``html`` as its form."""
        resources = form.get_widget_resources()
        values = {"form": html, "title": self.title,
                  "js": [self.static_url(path) for path in resources["js"]],
                  "css": [self.static_url(path) for path in resources["css"]]}
        values.update(self.page())
        return render(self.request, self.template, values, status)

    def static_url(self, path):
        """A widget's file: deform names some by asset spec, most relative to its static/."""
        return self.request.static_url(path if ":" in path else f"deform:static/{path}")
