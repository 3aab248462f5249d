"""Child process of ``test_serving_stays_small``: serve pages as production does, list modules.

    python serve_and_list_modules.py CONFIG.ini

Loads the app from the .ini through PasteDeploy (what ``pserve`` does),
serves it with waitress on an ephemeral loopback port, requests the pages
given as JSON on stdin (``[[path, accept, login or null, status], ...]``),
and prints, as JSON on its last line, the answers' statuses and which of
``HEAVY`` are in ``sys.modules``. A process of its own, so nothing the
test session imported counts.
"""
import http.client
import json
import sys
import threading

HEAVY = ("pyhanko", "pyhanko_certvalidator", "asn1crypto", "cryptography", "aiohttp", "psycopg2",
         "reportlab", "qrcode", "PIL")


def _request(port, method, path, headers, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers)
        res = conn.getresponse()
        return res.status, res.getheader("Set-Cookie") or "", res.read()
    finally:
        conn.close()


def _cookie(port, login):
    body = json.dumps({"login": login, "password": "demo-password"}).encode()
    status, set_cookie, answer = _request(port, "POST", "/@@login",
                                          {"Content-Type": "application/json"}, body)
    if status != 200:
        raise SystemExit(f"login {login}: {status} {answer[:200]!r}")
    return set_cookie.split(";", 1)[0]


def main(config):
    import waitress
    from pyramid.paster import get_app, setup_logging
    setup_logging(config)
    app = get_app(config, "main")
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    port = server.effective_port
    cookies, answers = {}, []
    for path, accept, login, _expected in json.load(sys.stdin):
        headers = {"Accept": accept, "Host": "example.com"}
        if login:
            cookies.setdefault(login, _cookie(port, login))
            headers["Cookie"] = cookies[login]
        answers.append(_request(port, "GET", path, headers)[0])
    loaded = sorted(name for name in HEAVY if name in sys.modules)
    print(json.dumps({"statuses": answers, "loaded": loaded}))


if __name__ == "__main__":
    main(sys.argv[1])
