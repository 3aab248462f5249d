"""The citizen's rendering of a form version: deform widgets from the one schema.

``render_form`` gives the ``<fieldset>`` of a form's fields (no ``<form>``
tag), so the apply page and the editors' preview can put it inside their
own form next to their other inputs.  Inputs are named ``data.<field>``
(address parts ``data.<field>.<part>``), which is what the apply handler
reads; ``read_post`` turns such a post back into the ``data`` dict that
``FormVersion.validate`` takes.  Prefilled fields carry the mark "từ kho dữ
liệu" and the CSS class ``from-vault``.

A form version is immutable once stored, so the blank page of one version
for one profile and one set of vault documents is always the same HTML:
it is built once (deform's form, the prefill's parsing, the widgets'
templates: most of the apply page's time) and kept in a small LRU in
process memory, keyed by the version's ``_p_oid`` and ``_p_serial`` and
by the profile and documents themselves (issue 15). A page shown again
with the citizen's input or errors is rendered afresh.
"""
import json
import os

import colander
import deform
from chameleon.utils import Markup
from pyramid.threadlocal import get_current_request
from translationstring import TranslationString

from tthc_docs import templates
from tthc_docs.eforms import formschema
from tthc_docs.text.messages import Message
from tthc_docs.web.i18n import deform_translator, localize
from tthc_docs.web.pagecache import PageStore

_SEARCH_PATH = (os.path.join(os.path.dirname(templates.__file__), 'forms', 'deform'),
                os.path.join(os.path.dirname(templates.__file__), 'deform'),
                os.path.join(os.path.dirname(deform.__file__), 'templates'))
RENDERER = deform.ZPTRendererFactory(_SEARCH_PATH, translator=deform_translator)
_CHAMELEON_TRANSLATE = RENDERER.loader.kwargs['translate']


def _translate(msgid, domain=None, mapping=None, context=None, target_language=None,
               default=None):
    """The e-form's Chameleon translator: a ``Message`` (a reason or notice built in
    Python with values in it) translated whole in the request's language; everything
    else as deform's own (``web.i18n.deform_translator``: deform's and colander's
    words, ours from the catalog).  deform wraps its translator in translationstring's,
    which would turn a ``Message`` into a plain string and drop its values."""
    if isinstance(msgid, Message):
        return localize(get_current_request(), msgid)
    return _CHAMELEON_TRANSLATE(msgid, domain=domain, mapping=mapping, context=context,
                                target_language=target_language, default=default)


RENDERER.loader.kwargs['translate'] = _translate
PREFIX = 'data.'
#: The blank forms already rendered (a few MiB: a form's HTML is tens of KiB).
BLANK_FORMS = PageStore(4 * 1024 * 1024)


class _Html:
    """A stored rendering, as ``PageStore`` keeps them (it measures ``body``)."""

    __slots__ = ('body',)

    def __init__(self, body):
        self.body = body


def render_form(request, form_version, profile, data=None, errors=None, documents=None,
                legend=None, prefix=PREFIX):
    """HTML (Markup) of the form's fields for this citizen.

    ``data``: what the citizen posted (shown again, even if wrong); ``errors``:
    {field name: reason} as in a 422's ``fields``; ``documents``: the owner's
    vault documents as ``[(id, title, doc_type)]`` for document fields.
    ``request``: its language is part of what a blank rendering is kept under.
    """
    language = getattr(request, 'locale_name', 'vi')
    key = _blank_key(form_version, profile, documents, legend, prefix, language) \
        if not data and not errors else None
    hit = BLANK_FORMS.get(key) if key is not None else None
    if hit is not None:
        return Markup(hit.body)
    html = _render(form_version, profile, data, errors, documents, legend, prefix)
    if key is not None:
        BLANK_FORMS.put(key, _Html(html))
    return Markup(html)


def _blank_key(form_version, profile, documents, legend, prefix, language):
    """What a blank rendering depends on; None for a version not stored yet (a preview)."""
    if getattr(form_version, '_p_oid', None) is None or form_version._p_changed:
        return None
    form_version._p_activate()   # a ghost's serial is not loaded yet
    return (form_version._p_oid, form_version._p_serial,
            json.dumps(profile or {}, sort_keys=True, default=str, ensure_ascii=False),
            tuple(tuple(d) for d in documents or ()), str(legend), prefix, language)


def _render(form_version, profile, data, errors, documents, legend, prefix):
    fields = form_version.fields
    prefill = formschema.prefill_values(fields, profile or {})
    schema = formschema.build_schema(fields, prefill, documents, prefix)
    for node in schema.children:   # deform prints a description untranslated
        if isinstance(node.description, Message):
            node.description = localize(get_current_request(), node.description)
    form = deform.Form(schema, renderer=RENDERER)
    form.widget.template = 'tthc_fields'
    values = dict(prefill)
    values.update(formschema.merge_parts(fields, data or {}))
    for name, message in (errors or {}).items():
        child = _child(form, prefix + name.split('.')[0])
        if child is not None:
            child.error = colander.Invalid(child.schema, message)
    return form.render(_prefixed(fields, values, prefix), legend=legend,
                       prefilled=bool(prefill), datalists=_lists(fields))


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
