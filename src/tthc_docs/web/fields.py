"""colander's error tree as API.md's ``fields``: ``{"steps.1.days": "why"}``.

Every place that validates with colander (the catalog's and the e-forms'
schemas, the JSON bodies of the views) answers a 422 whose ``fields`` a
client reads the same way, so the conversion is written once, here.

Pure module: colander and ``tthc_docs.errors`` only (no Pyramid, no
deform), so domain schemas may import it without pulling in the web.
"""
import colander

from tthc_docs import errors

#: The key of an error that belongs to the whole object, not to one field.
WHOLE = "_form"


def invalid_fields(exc, translate=None, whole=WHOLE, key=None):
    """``{dotted path: message}`` of a ``colander.Invalid``, one entry per bad field.

    ``translate``: colander's ``asdict`` translator (our schemas' messages are
    Vietnamese already; colander's own few English ones need it).  ``whole``:
    the key for an error on the root node itself (a path of "").  ``key``:
    a function that rewrites a path (e.g. drops a sequence item's name), for
    schemas whose node names are not what a client calls the field.
    """
    found = {}
    for path, messages in exc.asdict(translate=translate, separator=None).items():
        if key is not None:
            path = key(path)
        # one message is kept as it is (a ``text.messages.Message`` stays translatable)
        found[path or whole] = messages[0] if len(messages) == 1 else '; '.join(messages)
    if not found:  # an Invalid with no message anywhere still names the problem
        found[whole] = str(exc) or errors.Invalid.default_message
    return found


def invalid(exc, message, **options):
    """The API's :class:`errors.Invalid` (422) for a ``colander.Invalid``.

    Raise it ``from None``: the colander tree is in ``fields`` already, and a
    chained traceback would only repeat it.  ``options`` as :func:`invalid_fields`.
    """
    return errors.Invalid(message, invalid_fields(exc, **options))


def deserialize(schema, data, message, **options):
    """``schema.deserialize(data)``, or the 422 that names every bad field."""
    try:
        return schema.deserialize(data)
    except colander.Invalid as exc:
        raise invalid(exc, message, **options) from None
