"""Reading a request's body: a JSON object, or the form a browser posted.

A view parses here and nowhere else, so every endpoint refuses the same bad
input with the same status and words (400 malformed, 413 too large, 422 a
field the endpoint does not know).
"""
from tthc_docs.errors import BadRequest, Invalid, TooLarge, Words
from tthc_docs.web.jsonbody import MAX_DEPTH, loads_bounded

JSON_MAX_BYTES = 1024 * 1024


def read_json(request, max_bytes=JSON_MAX_BYTES):
    """The request's JSON object, or a 400/413/422 that says what is wrong.

    Reads ``request.body``, never ``body_file``: pyramid_retry replays a
    request after a ZODB conflict with the same request object, whose
    ``body_file`` the first attempt has already consumed (a third of eight
    simultaneous filings answered 400 "JSON không hợp lệ").  ``body`` is
    the seekable copy pyramid_retry made (capped by ``bodylimit``), read
    from the start every time.  ``loads_bounded`` bounds size and nesting
    and refuses lone surrogates.
    """
    length = request.content_length
    if length is not None and length > max_bytes:
        raise TooLarge(Words("Nội dung JSON quá lớn (tối đa ${n} byte).", n=max_bytes))
    data = loads_bounded(request.body, max_bytes=max_bytes, max_depth=MAX_DEPTH)
    if not isinstance(data, dict):
        raise BadRequest("JSON phải là một đối tượng {…}.")
    return data


def reject_unknown(data, known):
    """422 for fields the endpoint does not know, naming them."""
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise Invalid("Có trường không được hỗ trợ.",
                      {name: "Trường không được hỗ trợ." for name in unknown})


def read_data(request, known):
    """A JSON body checked against ``known``, else the posted form (``request.POST``).

    For actions that both a JSON client and a browser's form may call; the
    form is not checked for unknown fields (a browser also posts the CSRF
    token and the button's name).
    """
    if request.content_type == "application/json":
        data = read_json(request)
        reject_unknown(data, known)
        return data
    return request.POST
