"""A request replayed after a conflict reads the same JSON body again.

pyramid_retry makes the body seekable once and builds a new request from
the same environ for each attempt; a view that read the stream where the
last attempt left it saw an empty body (400 "JSON không hợp lệ") on the
retry: the filing was lost while the client had done nothing wrong.
"""
import io
import json

from pyramid.request import Request

from tthc_docs.web.body import read_json


def test_a_replayed_request_reads_the_whole_body_again():
    body = json.dumps({'data': {'họ_tên': 'Nguyễn Thị Lan'}}).encode()
    environ = Request.blank('/procedures/x/@@apply', method='POST', body=body,
                            content_type='application/json').environ
    environ['wsgi.input'] = io.BufferedReader(io.BytesIO(body))
    first = Request(environ)
    first.make_body_seekable()          # what pyramid_retry does before the first attempt
    assert read_json(first) == {'data': {'họ_tên': 'Nguyễn Thị Lan'}}
    retried = Request(environ)          # the next attempt's request, same environ
    assert read_json(retried) == {'data': {'họ_tên': 'Nguyễn Thị Lan'}}
