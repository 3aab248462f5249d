"""colander's error tree as API.md's ``fields``: ``{"steps.1.days": "why"}``.

Every place that validates with colander (the catalog's and the e-forms'
schemas, the JSON bodies of the views) answers a 422 whose ``fields`` a
client reads the same way, so the conversion is written once, here.

Pure module: colander and ``tthc_docs.errors`` only (no Pyramid, no
deform), so domain schemas may import it without pulling in the web.
"""
import colander

from tthc_docs import errors
from tthc_docs.text.messages import Message

#: The key of an error that belongs to the whole object, not to one field.
WHOLE = "_form"
#: What a required field left empty says (colander's "Required").
REQUIRED = "Bắt buộc nhập."
#: colander's and deform's own English messages (their msgids) in Vietnamese: neither
#: ships a Vietnamese catalog.  English needs none: the msgids are English.
COLANDER_VI = {
    "Required": REQUIRED,
    '"${val}" is not iterable': "Phải là một danh sách.",
    "${cstruct} is not iterable": "Phải là một danh sách.",
    '"${val}" is not a mapping type: ${err}': "Phải là một đối tượng gồm các trường.",
    "Shorter than minimum length ${min}": "Quá ngắn: cần ít nhất ${min}.",
    "Longer than maximum length ${max}": "Quá dài: tối đa ${max}.",
    "Invalid value": "Giá trị không hợp lệ.",
    '"${val}" is not a number': '"${val}" không phải là số.',
    "${val} is less than minimum value ${min}": "${val} nhỏ hơn giá trị tối thiểu ${min}.",
    "${val} is greater than maximum value ${max}": "${val} lớn hơn giá trị tối đa ${max}.",
    '"${val}" is not one of ${choices}': '"${val}" không thuộc các lựa chọn: ${choices}.',
    "Invalid date": "Ngày không hợp lệ.",
    "Incomplete date": "Ngày chưa đủ.",
    "Invalid email address": "Địa chỉ thư điện tử không hợp lệ.",
    "String does not match expected pattern": "Chuỗi không đúng dạng yêu cầu.",
    "${val} is not a string: ${err}": "Phải là chuỗi.",
    'Unrecognized keys in mapping: "${val}"': "Có trường không được hỗ trợ.",
    # deform's page-level messages
    "There was a problem with your submission": "Dữ liệu đã nhập có lỗi",
    "Errors have been highlighted below": "Các lỗi được đánh dấu ở từng trường bên dưới.",
    "There was a problem with this section": "Phần này có lỗi",
    "Add ${subitem_title}": "Thêm ${subitem_title}",
}


def in_vietnamese(message):
    """Vietnamese for colander's and deform's messages; ours are plain Vietnamese strings already.

    ``message``: a colander TranslationString (its English msgid and values)
    or a plain string; a msgid this table lacks stays English, filled in.
    The answer is an :class:`errors.Words`, so that a JSON error read in
    English translates the Vietnamese template back from the catalog.
    """
    if isinstance(message, Message):    # ours, kept whole so that a page can translate it
        return message
    msgid = getattr(message, "default", None) or str(message)
    mapping = getattr(message, "mapping", None) or {}
    if msgid not in COLANDER_VI and not mapping:
        return str(message)
    return errors.Words(COLANDER_VI.get(msgid, msgid), **mapping)


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
