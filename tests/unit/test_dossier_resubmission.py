"""The identical-resubmission map: a replay inside the window, pruned after it."""
from datetime import datetime, timedelta, timezone

import pytest

from tthc_docs.dossiers.content import RESUBMIT_WINDOW, Dossier, DossierRegistry

TZ = timezone(timedelta(hours=7))
T0 = datetime(2027, 3, 1, 9, 0, tzinfo=TZ)


class Version:
    code, name, version, processing_days = '9.1', 'Thủ tục thử', 1, 5
    steps, requirements, result_doc_type = [], [], 'other'


def file(registry, fingerprint, at, owner='citizen1'):
    d = Dossier(owner=owner, vault_id='v-1', procedure=Version(), agency='000.00.20.H55',
                channel='online', data={}, form_name=None, form_version=None,
                attachments=[], fee_amount=0, submitted_at=at, submitted_by=owner,
                applicant_name='Nguyễn Văn An')
    return registry.file(d, at, fingerprint=fingerprint)


@pytest.fixture
def registry():
    return DossierRegistry()


def test_the_same_application_inside_the_window_is_replayed(registry):
    first = file(registry, 'fp-1', T0)
    assert registry.replay('citizen1', T0 + RESUBMIT_WINDOW, fingerprint='fp-1') is first


def test_an_entry_older_than_the_window_is_dropped_on_the_next_write(registry):
    file(registry, 'fp-old', T0)
    file(registry, 'fp-new', T0 + RESUBMIT_WINDOW + timedelta(seconds=1))
    assert list(registry.recent.keys()) == [('citizen1', 'fp-new')]


def test_entries_inside_the_window_survive_a_write(registry):
    file(registry, 'fp-a', T0)
    file(registry, 'fp-b', T0 + RESUBMIT_WINDOW, owner='citizen2')
    assert len(registry.recent) == 2


def test_the_dossier_keeps_the_applicants_name(registry):
    assert file(registry, 'fp-1', T0).applicant_name == 'Nguyễn Văn An'
