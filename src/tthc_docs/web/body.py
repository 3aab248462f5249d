"""Reading a request's body: a JSON object, or the form a browser posted.

A view parses here and nowhere else, so every endpoint refuses the same bad
input with the same status and words (400 malformed, 413 too large, 422 a
field the endpoint does not know).
"""
import json

from tthc_docs.errors import BadRequest, Invalid, TooLarge

JSON_MAX_BYTES = 1024 * 1024


def read_json(request, max_bytes=JSON_MAX_BYTES):
    """The request's JSON object, or a 400/413 that says what is wrong."""
    length = request.content_length
    if length is not None and length > max_bytes:
        raise TooLarge(f"Nội dung JSON quá lớn (tối đa {max_bytes} byte).")
    if request.is_body_seekable:
        # pyramid_retry replays a request after a conflict on the same, already
        # read body (made seekable before the first attempt): read it from the start.
        request.body_file_raw.seek(0)
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
