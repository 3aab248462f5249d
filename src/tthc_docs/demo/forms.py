"""Demo form templates: one per form that a demo procedure names, published.

Each goes through the editors' schema, as if an editor had saved it, so a
broken demo form fails loudly here rather than in front of a citizen.
"""
import colander

from tthc_docs import timeutil
from tthc_docs.eforms.schema import clean_template, template_schema
from tthc_docs.demo.forms_data import FORMS

EDITOR = 'editor1'


def checked(definition):
    """The definition through the editor's schema (ValueError naming the problem)."""
    try:
        return clean_template(template_schema(with_name=True).deserialize(definition))
    except colander.Invalid as exc:
        raise ValueError(f'demo form {definition["name"]}: {exc.asdict()}') from None


def load(site, settings):
    library = site['forms']
    now = timeutil.now()
    for name, definition in FORMS.items():
        if name in library:
            continue
        clean = checked(definition)
        template = library.create(name, clean['title'], clean['fields'], EDITOR, now)
        template.publish(EDITOR, now)
