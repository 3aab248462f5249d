"""Colander schemas of the dossier endpoints' bodies (apply, transition, rate).

They check shape and types; the business rules (requirements, document
types, states) live in ``filing`` and ``workflow``. Errors become one
``errors.Invalid`` (422) naming every bad field.
"""
from functools import lru_cache

import colander

from tthc_docs import errors
from tthc_docs.dossiers import workflow
from tthc_docs.web.fields import deserialize, in_vietnamese


class _Mapping(colander.Mapping):
    """A mapping that refuses unknown keys with a Vietnamese reason."""

    def __init__(self):
        super().__init__(unknown='raise')


def _string_map(node, value):
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise colander.Invalid(node, 'mỗi thành phần phải là mã giấy tờ trong kho (chuỗi)')


class _Dict(colander.SchemaType):
    """A free JSON object (form data, attachment references)."""

    def serialize(self, node, appstruct):
        return appstruct

    def deserialize(self, node, cstruct):
        if cstruct is colander.null:
            return colander.null
        if not isinstance(cstruct, dict):
            raise colander.Invalid(node, 'phải là một đối tượng {…}')
        return cstruct


class ApplySchema(colander.MappingSchema):
    """``POST /procedures/<code>/@@apply``."""
    schema_type = _Mapping
    data = colander.SchemaNode(_Dict(), missing={})
    attachments = colander.SchemaNode(_Dict(), missing={}, validator=_string_map)
    agency = colander.SchemaNode(colander.String(), missing=None)
    citizen = colander.SchemaNode(colander.String(), missing=None)


class TransitionSchema(colander.MappingSchema):
    """``POST /dossiers/<code>/@@transition``."""
    schema_type = _Mapping
    action = colander.SchemaNode(colander.String(),
                                 validator=colander.OneOf(workflow.ACTIONS))
    note = colander.SchemaNode(colander.String(), missing='',
                               validator=colander.Length(max=4000))
    assignee = colander.SchemaNode(colander.String(), missing=None)
    new_due = colander.SchemaNode(colander.String(), missing=None)
    attachments = colander.SchemaNode(_Dict(), missing={}, validator=_string_map)
    otp = colander.SchemaNode(colander.String(), missing=None)   # sign: the one-time code


class RateSchema(colander.MappingSchema):
    """``POST /dossiers/<code>/@@rate``."""
    schema_type = _Mapping
    score = colander.SchemaNode(colander.Int(), validator=colander.Range(1, 5))
    comment = colander.SchemaNode(colander.String(), missing='',
                                  validator=colander.Length(max=2000))


def _field(path):
    """The field a client sent: the path without the schema's own name."""
    return path.split('.', 1)[-1]


@lru_cache(maxsize=None)
def _made(schema):
    """One instance of each schema class per process.

    Making a colander schema clones every node of the class; these schemas
    are neither bound nor changed, and ``deserialize`` only reads them, so
    one instance serves every request and thread (issue 15: each POST made
    two).
    """
    return schema()


def load(schema, data, what):
    """Deserialize ``data`` with ``schema``; 422 naming each bad field."""
    node = _made(schema)
    if isinstance(data, dict):
        data = {k: ('' if v is None and k in ('note', 'comment') else v)
                for k, v in data.items() if v is not None or k in ('note', 'comment')}
    unknown = sorted(set(data) - {child.name for child in node.children}) \
        if isinstance(data, dict) else []
    if unknown:  # named one by one, not colander's single "Unrecognized keys"
        raise errors.Invalid(errors.Words('${what}: có trường không được hỗ trợ.', what=what),
                             {k: 'trường không được hỗ trợ' for k in unknown})
    if isinstance(data.get('score'), bool):
        raise errors.Invalid(errors.Words('${what}: dữ liệu không hợp lệ.', what=what),
                             {'score': 'phải là số'})
    return deserialize(node, data, errors.Words('${what}: dữ liệu không hợp lệ.', what=what),
                       translate=in_vietnamese, whole='body', key=_field)
