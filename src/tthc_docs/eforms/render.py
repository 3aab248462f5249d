"""The citizen's rendering of a form version: deform widgets from the one schema.

``render_form`` gives the ``<fieldset>`` of a form's fields (no ``<form>``
tag), so the apply page and the editors' preview can put it inside their
own form next to their other inputs.  Inputs are named ``data.<field>``
(address parts ``data.<field>.<part>``), which is what the apply handler
reads; ``read_post`` turns such a post back into the ``data`` dict that
``FormVersion.validate`` takes.  Prefilled fields carry the mark "từ kho dữ
liệu" and the CSS class ``from-vault``.
"""
import os

import colander
import deform
from chameleon.utils import Markup

from tthc_docs import templates
from tthc_docs.eforms import formschema

_SEARCH_PATH = (os.path.join(os.path.dirname(templates.__file__), 'forms', 'deform'),
                os.path.join(os.path.dirname(templates.__file__), 'deform'),
                os.path.join(os.path.dirname(deform.__file__), 'templates'))
RENDERER = deform.ZPTRendererFactory(_SEARCH_PATH, translator=formschema.translate)
PREFIX = 'data.'


def render_form(request, form_version, profile, data=None, errors=None, documents=None,
                legend=None, prefix=PREFIX):
    """HTML (Markup) of the form's fields for this citizen.

    ``data``: what the citizen posted (shown again, even if wrong); ``errors``:
    {field name: reason} as in a 422's ``fields``; ``documents``: the owner's
    vault documents as ``[(id, title, doc_type)]`` for document fields.
    ``request`` is accepted for symmetry with other helpers (unused).
    """
    fields = form_version.fields
    prefill = formschema.prefill_values(fields, profile or {})
    schema = formschema.build_schema(fields, prefill, documents, prefix)
    form = deform.Form(schema, renderer=RENDERER)
    form.widget.template = 'tthc_fields'
    values = dict(prefill)
    values.update(formschema.merge_parts(fields, data or {}))
    for name, message in (errors or {}).items():
        child = _child(form, prefix + name.split('.')[0])
        if child is not None:
            child.error = colander.Invalid(child.schema, message)
    html = form.render(_prefixed(fields, values, prefix), legend=legend,
                       prefilled=bool(prefill), datalists=_lists(fields))
    return Markup(html)


def _child(form, name):
    for child in form.children:
        if child.name == name:
            return child
    return None


def _prefixed(fields, values, prefix):
    out = {}
    for field in fields:
        name = field['name']
        if name not in values:
            continue
        value = values[name]
        if field['type'] == 'address' and isinstance(value, dict):
            value = {f'{prefix}{name}.{k}': v for k, v in value.items()}
        out[prefix + name] = value
    return out


def _lists(fields):
    if any(f['type'] == 'address' for f in fields):
        return formschema.address_datalists()
    return {}


def read_post(post, prefix=PREFIX):
    """The ``data`` dict of a browser post: ``data.<name>`` inputs, blanks dropped."""
    data = {}
    for key, value in post.items():
        if key.startswith(prefix) and isinstance(value, str) and value.strip():
            data[key[len(prefix):]] = value.strip()
    return data
