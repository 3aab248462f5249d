"""The idle renderer: a thread of the app process stores pending papers' bytes.

It renders only when the process is quiet (no request in flight and none
for ``QUIET`` seconds: requests come first), or a
paper that has waited longer than ``tthc_docs.paper_max_age``; a conflict
is retried; it stops cleanly. Each test runs the real app on its own copy
of the demo database with ``tthc_docs.paper_renderer = idle``; every wait
is bounded and waits on the renderer's condition, never on a sleep.
"""
import shutil
import sys
import threading
import time

import pytest
import transaction
from webtest import TestApp

from conftest import logged_in
from tthc_docs.dossiers import pending
from tthc_docs.dossiers import renderer as renderer_module
from tthc_docs.pdf.fonts import RENDER_LOCK
from tthc_docs.site.content import get_site

JSON = {'Accept': 'application/json'}
SUBMITTED_DEMO = '1.001193'
WAIT = 30


def make_app(template_dir, settings, folder, max_age):
    from tthc_docs import main
    for name in ('Data.fs', 'Data.fs.index'):
        if (template_dir / name).exists():
            shutil.copy2(template_dir / name, folder / name)
    shutil.copytree(template_dir / 'blobs', folder / 'blobs')
    return main({}, **dict(settings, **{
        'zodbconn.uri': f'file://{folder}/Data.fs?blobstorage_dir={folder}/blobs',
        'tthc_docs.paper_renderer': 'idle', 'tthc_docs.paper_max_age': str(max_age)}))


@pytest.fixture
def served(template_dir, settings, tmp_path):
    """``served(max_age)`` -> (app, renderer, db); every renderer stopped at the end."""
    made = []

    def make(max_age=3600):
        app = make_app(template_dir, settings, tmp_path, max_age)
        made.append(app)
        return app, app.registry.paper_renderer, app.registry._zodb_databases['']
    yield make
    for app in made:
        app.registry.paper_renderer.stop()
        assert not app.registry.paper_renderer._thread.is_alive()
        app.registry._zodb_databases[''].close()


def opened(db):
    tm = transaction.TransactionManager(explicit=True)
    conn = db.open(transaction_manager=tm)
    tm.begin()
    return get_site(conn), tm, conn


def pending_count(db):
    site, tm, conn = opened(db)
    try:
        return len(pending.pending_list(site))
    finally:
        tm.abort()
        conn.close()


def submitted_code(db):
    site, tm, conn = opened(db)
    try:
        return next(d.code for d in site['dossiers'].values()
                    if d.procedure_code == SUBMITTED_DEMO and d.status == 'submitted')
    finally:
        tm.abort()
        conn.close()


def receive(app, code):
    client = logged_in(app, 'reception1')
    body = client.post_json(f'/dossiers/{code}/@@transition', {'action': 'receive'},
                            headers=JSON).json
    return client, body


def test_the_renderer_stores_the_papers_once_requests_stop(served):
    app, renderer, db = served()
    code = submitted_code(db)
    client, body = receive(app, code)
    assert renderer.wait_until(lambda: renderer.rendered >= 2, WAIT)
    assert pending_count(db) == 0
    listed = {p['id']: p for p in client.get(f'/dossiers/{code}', headers=JSON).json['papers']}
    download = client.get(f'/dossiers/{code}/@@paper/receipt-1')
    assert listed['receipt-1']['ready'] is True
    assert listed['receipt-1']['sha256'] == download.etag


def test_requests_in_flight_come_first(served):
    app, renderer, db = served()
    code = submitted_code(db)
    receive(app, code)
    renderer.request_started()          # what the tween does while a request is served
    try:
        assert not renderer.wait_until(lambda: renderer.rendered > 0, 0.5)
        assert pending_count(db) == 2
    finally:
        renderer.request_finished()
    assert renderer.wait_until(lambda: renderer.rendered >= 2, WAIT)


def test_a_moment_between_requests_is_not_quiet(served):
    """Under steady load no request is in flight for an instant now and then: not enough."""
    app, renderer, db = served()
    code = submitted_code(db)
    receive(app, code)
    steady_until = time.monotonic() + max(1.5, 4 * renderer_module.QUIET)
    while time.monotonic() < steady_until:      # one short request every 20 ms
        renderer.request_started()
        renderer.request_finished()
        time.sleep(0.02)
    assert renderer.rendered == 0 and pending_count(db) == 2
    assert renderer.wait_until(lambda: renderer.rendered >= 2, WAIT)


def test_a_paper_older_than_the_maximum_age_is_rendered_despite_requests(served):
    app, renderer, db = served(max_age=0.3)
    code = submitted_code(db)
    receive(app, code)
    renderer.request_started()
    try:
        assert renderer.wait_until(lambda: renderer.rendered >= 2, WAIT)
        assert pending_count(db) == 0
    finally:
        renderer.request_finished()


def _in_render(thread):
    """Whether ``thread`` is inside ``render_document`` (waiting for the render lock)."""
    frame = sys._current_frames().get(thread.ident)
    while frame is not None:
        if frame.f_code.co_name == 'render_document':
            return True
        frame = frame.f_back
    return False


def test_a_conflict_is_retried(served):
    app, renderer, db = served()
    code = submitted_code(db)
    with RENDER_LOCK:                     # the renderer stops at the lock, its transaction open
        receive(app, code)
        deadline = time.monotonic() + WAIT
        while not _in_render(renderer._thread):
            assert time.monotonic() < deadline, 'the renderer never started'
            renderer.wait_until(lambda: False, 0.01)
        site, tm, conn = opened(db)       # another writer changes the paper meanwhile
        key = pending.oldest(site, 1)[0]
        pending.paper_of(site, key)._p_changed = True
        tm.commit()
        conn.close()
    assert renderer.wait_until(lambda: renderer.rendered >= 2, WAIT)
    assert renderer.conflicts >= 1
    assert pending_count(db) == 0


def test_the_renderer_stops_cleanly(served):
    app, renderer, db = served()
    thread = renderer._thread
    assert thread.is_alive() and thread.daemon
    renderer.stop()
    assert not thread.is_alive()
    assert renderer.poke not in pending.listeners
    assert not [t for t in threading.enumerate() if t is thread]


def test_a_test_app_runs_no_renderer(app):
    assert getattr(app.registry, 'paper_renderer', None) is None
    assert not [t for t in threading.enumerate() if t.name == 'tthc-paper-renderer']
