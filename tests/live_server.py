"""A real waitress server on 127.0.0.1 for tests WebTest cannot see through.

WebTest calls the app directly: it does not refuse a hop-by-hop header the
way waitress does (with a 500), does not stream a chunked body, and never
runs two requests at once.  ``serving(app)`` starts waitress on an ephemeral
loopback port in a daemon thread; ``live_server`` is the session app served
that way, on the test's own database (it depends on ``db``).

``Client`` speaks plain ``http.client`` with a cookie and the CSRF token, so
a test can log in, post multipart files and send chunked bodies.
"""
import http.client
import json
import threading
import uuid
from contextlib import contextmanager
from http.cookies import SimpleCookie

import pytest
import waitress


@contextmanager
def serving(app, threads=4):
    """``with serving(app) as (host, port):`` waitress serves ``app`` on loopback."""
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=threads,
                                    expose_tracebacks=False)
    stopping = threading.Event()

    def run():
        try:
            server.run()
        except OSError:   # the loop's sockets were closed under it: expected at shutdown
            if not stopping.is_set():
                raise
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield "127.0.0.1", server.effective_port
    finally:
        stopping.set()
        for channel in list(server._map.values()):
            channel.handle_close()
        server.task_dispatcher.shutdown()
        thread.join(5)


class Response:
    def __init__(self, raw):
        self.status, self.headers, self.body = raw.status, dict(raw.getheaders()), raw.read()

    @property
    def json(self):
        return json.loads(self.body)


def multipart(fields, files):
    """``(content_type, body)`` of a multipart/form-data post."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                     f'\r\n\r\n{value}\r\n'.encode())
    for name, filename, data in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: application/octet-stream'
                     f'\r\n\r\n'.encode() + data + b'\r\n')
    parts.append(f'--{boundary}--\r\n'.encode())
    return f'multipart/form-data; boundary={boundary}', b''.join(parts)


class Client:
    """One user's HTTP/1.1 client to the live server (cookie, CSRF token)."""

    def __init__(self, address, timeout=30):
        self.address, self.timeout = address, timeout
        self.cookie, self.csrf = None, None

    def request(self, method, path, body=None, headers=None, chunked=False):
        headers = dict({"Accept": "application/json"}, **(headers or {}))
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.csrf and method != "GET":
            headers["X-CSRF-Token"] = self.csrf
        conn = http.client.HTTPConnection(*self.address, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers=headers, encode_chunked=chunked)
            res = Response(conn.getresponse())
        finally:
            conn.close()
        self._keep_cookie(res)
        return res

    def _keep_cookie(self, res):
        if "Set-Cookie" in res.headers:
            morsel = SimpleCookie(res.headers["Set-Cookie"]).get("tthc_session")
            if morsel is not None:
                self.cookie = f"tthc_session={morsel.value}"

    def login(self, name, password="demo-password"):
        res = self.post_json("/@@login", {"login": name, "password": password})
        assert res.status == 200, res.body
        self.csrf = res.json["csrf_token"]
        return res.json

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post_json(self, path, data):
        return self.request("POST", path, json.dumps(data).encode(),
                            {"Content-Type": "application/json"})

    def post_files(self, path, fields, files):
        content_type, body = multipart(fields, files)
        return self.request("POST", path, body, {"Content-Type": content_type})


@pytest.fixture(scope="session")
def _served_app(app):
    with serving(app) as address:
        yield address


@pytest.fixture
def live_server(_served_app, db):
    """``(host, port)`` of waitress serving the session app on this test's database."""
    return _served_app
