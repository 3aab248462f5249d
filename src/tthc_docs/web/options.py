"""The ``<option>`` rows of a page's choice lists, built in Python (issue 15).

A template loop pays, for every row, a scope look-up per name, an escape
per value, a translation per label and the ``selected`` test: the vault's
29 document types were a tenth of its page.  A list of fixed words
(document types, states, urgencies) reads the same for every visitor of a
language, so its rows are built once per language and kept; the row the
visitor chose is marked as the page is made.  A list from the data (the
queue's procedures) is built here on each page, without the template's
per-row machinery.

The markup is Chameleon's, character for character: values escaped as its
attributes are (``&``, ``<``, ``>``, ``"``), labels as its text is (``&``,
``<``, ``>``), and a translated label is the translation of the escaped
Vietnamese text, inserted as it is (``i18n:translate`` on a ``${label}``).
"""
from tthc_docs.web.chrome import Markup
from tthc_docs.web.i18n import localize

#: Above this many kept lists the table starts again (callers pass fixed lists only).
MAX_KEPT = 256

_kept = {}


def attribute(value):
    """``value`` as Chameleon writes it inside a double-quoted attribute."""
    return text(value).replace('"', "&quot;")


def text(value):
    """``value`` as Chameleon writes it in an element's content."""
    value = str(value)
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def fixed_options(request, choices, selected=None):
    """The rows of ``choices`` ((value, Vietnamese label) pairs) in the page's language.

    Built once per language and list, then kept; ``selected``: the value
    whose row is marked (none when no row has it).
    """
    key = (request.locale_name, tuple(choices))
    rows = _kept.get(key)
    if rows is None:
        rows = _keep(key, [(value, localize(request, " ".join(text(label).split())))
                           for value, label in choices])
    return _marked(rows, selected)


def options(choices, selected=None):
    """The rows of ``choices`` ((value, label) pairs, labels shown as they are), made now."""
    return _marked(_rows((value, text(label)) for value, label in choices), selected)


def _keep(key, labelled):
    if len(_kept) >= MAX_KEPT:
        _kept.clear()
    rows = _kept[key] = _rows(labelled)
    return rows


def _rows(labelled):
    """``(values, plain, rows)``: each row's value, all rows joined, and each row alone."""
    rows = [(value, f'<option value="{attribute(value)}"', f">{label}</option>")
            for value, label in labelled]
    return ([value for value, _, _ in rows], Markup("\n".join(a + b for _, a, b in rows)), rows)


def _marked(built, selected):
    values, plain, rows = built
    if selected is None or selected not in values:
        return plain
    return Markup("\n".join(a + (' selected="selected"' if value == selected else "") + b
                            for value, a, b in rows))
