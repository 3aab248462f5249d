"""Two application processes on PostgreSQL (RelStorage), filing at once: nothing lost, nothing twice.

The same app and the same test as on ZEO; only the zodburi differs
(``postgres://…?blob_dir=…&shared_blob_dir=false``: blobs stored in the
database, each process with its own blob cache). ``TTHC_TEST_POSTGRES``
names a server to use (``postgresql://user@127.0.0.1:PORT``, as
``.ci/postgres.sh start`` prints it); each run makes its own database there
and drops it afterwards. Without the variable the tests are skipped, so
``make test`` runs on a machine without PostgreSQL; ``.ci/run`` sets it.
"""
import os
import uuid
from urllib.parse import urlsplit

import pytest

from multi_process import check_filing_through, prepared_apps

SERVER = os.environ.get('TTHC_TEST_POSTGRES')
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SERVER, reason='TTHC_TEST_POSTGRES is not set: no PostgreSQL '
                                 'server to test RelStorage on (.ci/postgres.sh start DIR makes one)')]


@pytest.fixture(scope='module')
def database():
    """A new database on the test server: its name; dropped afterwards."""
    import psycopg2
    name = 'tthc_' + uuid.uuid4().hex[:12]
    admin = psycopg2.connect(SERVER + '/postgres')
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE {name}')
    try:
        yield name
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS {name} WITH (FORCE)')
        admin.close()


def relstorage_uri(database, blob_cache):
    parts = urlsplit(SERVER)
    return (f'postgres://{parts.netloc}/{database}?blob_dir={blob_cache}'
            f'&shared_blob_dir=false&blob_cache_size=100mb')


@pytest.fixture(scope='module')
def pg_apps(database, tmp_path_factory):
    folder = tmp_path_factory.mktemp('pg-cluster')
    with prepared_apps(folder, lambda n: relstorage_uri(database, folder / f'blobcache{n}'),
                       processes=2) as apps:
        yield apps


def test_two_processes_file_concurrently_through_postgresql(pg_apps):
    check_filing_through(pg_apps)
