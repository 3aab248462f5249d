"""Two application processes on one ZEO server, filing at once: nothing lost, nothing twice.

A real ``runzeo`` on a loopback port, two ``pserve`` processes of the same
.ini (switched to ZEO by its zodburi alone, blobs in the server's folder
shared by both), and citizens filing through both at the same time. Every
dossier filed for the same agency on the same day draws from one daily
counter (Circular 01/2018/TT-VPCP art. 19: the code's daily sequence), so
the two processes conflict on purpose; pyramid_retry must replay the loser.
"""
import pytest

from scale_support import zeo_server, zeo_uri
from multi_process import check_filing_through, prepared_apps

pytestmark = pytest.mark.slow


@pytest.fixture(scope='module')
def zeo_apps(tmp_path_factory):
    folder = tmp_path_factory.mktemp('zeo-cluster')
    with zeo_server(folder / 'zeo') as (port, _server):
        uri = zeo_uri(port, folder / 'zeo' / 'blobs', shared=True)
        with prepared_apps(folder, uri, processes=2) as apps:
            yield apps


def test_two_processes_file_concurrently_through_zeo(zeo_apps):
    check_filing_through(zeo_apps)
