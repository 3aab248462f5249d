"""What every view module shares: one decorator for JSON + HTML, body parsing.

A content URL answers HTML by default and JSON to ``Accept:
application/json`` (API.md).  ``resource_view`` registers the same function
twice, once per representation, so a view body is written once and returns
a dict that both the ``json`` renderer and its template read.
"""
import json

from pyramid.view import view_config

from tthc_docs.errors import BadRequest, TooLarge

JSON_MAX_BYTES = 1024 * 1024


def resource_view(template=None, **settings):
    """``@view_config`` twice: JSON for JSON clients, ``template`` for browsers.

    Without a template the view is JSON only (``accept`` is not constrained).
    """
    def decorate(wrapped):
        # _depth=1: venusian must see the caller's module, not this one.
        if template is None:
            return view_config(renderer="json", _depth=1, **settings)(wrapped)
        wrapped = view_config(accept="application/json", renderer="json", _depth=1,
                              **settings)(wrapped)
        return view_config(accept="text/html", renderer=template, _depth=1,
                           **settings)(wrapped)
    return decorate


def wants_json(request):
    """True when the client asked for JSON or sent JSON."""
    if request.content_type == "application/json":
        return True
    accept = request.accept
    if not accept:
        return False
    offers = accept.acceptable_offers(["text/html", "application/json"])
    return bool(offers) and offers[0][0] == "application/json"


def read_json(request, max_bytes=JSON_MAX_BYTES):
    """The request's JSON object, or a 400/413 that says what is wrong."""
    length = request.content_length
    if length is not None and length > max_bytes:
        raise TooLarge(f"Nội dung JSON quá lớn (tối đa {max_bytes} byte).")
    raw = request.body_file.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise TooLarge(f"Nội dung JSON quá lớn (tối đa {max_bytes} byte).")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadRequest(f"JSON không hợp lệ: {exc}") from None
    if not isinstance(data, dict):
        raise BadRequest("JSON phải là một đối tượng {…}.")
    return data


def reject_unknown(data, known):
    """422 for fields the endpoint does not know, naming them."""
    from tthc_docs.errors import Invalid
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise Invalid("Có trường không được hỗ trợ.",
                      {name: "Trường không được hỗ trợ." for name in unknown})


def model_url(request, resource, *elements, **kw):
    """``request.resource_url`` without a trailing slash for leaf objects."""
    url = request.resource_url(resource, *elements, **kw)
    return url
