"""The identical-resubmission map: a replay inside the window, forgotten after it."""
from datetime import datetime, timedelta, timezone

import pytest

from tthc_docs.dossiers import resubmit
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


def test_an_entry_two_windows_old_is_dropped_on_the_next_write(registry):
    """Kept by slices of one window: an entry goes once its slice is past the window."""
    file(registry, 'fp-old', T0)
    file(registry, 'fp-new', T0 + 2 * RESUBMIT_WINDOW + timedelta(seconds=1))
    assert [key[1:] for key in registry.recent_filings.keys()] == [('citizen1', 'fp-new')]


def test_entries_inside_the_window_survive_a_write(registry):
    file(registry, 'fp-a', T0)
    file(registry, 'fp-b', T0 + RESUBMIT_WINDOW, owner='citizen2')
    assert len(registry.recent_filings) == 2


def test_the_dossier_keeps_the_applicants_name(registry):
    assert file(registry, 'fp-1', T0).applicant_name == 'Nguyễn Văn An'


def test_the_same_application_after_the_window_is_a_new_filing(registry):
    first = file(registry, 'fp-1', T0)
    later = T0 + RESUBMIT_WINDOW + timedelta(seconds=1)
    assert (registry.replay('citizen1', later, fingerprint='fp-1'),
            registry.replay('citizen2', T0, fingerprint='fp-1')) == (None, None)
    assert registry.replay('citizen1', T0 + timedelta(seconds=119), fingerprint='fp-1') is first


def test_a_filing_forgets_only_a_few_stale_entries_however_many_there_are(registry):
    """Bounded work per filing: the old map was scanned whole on every filing."""
    for n in range(50):
        file(registry, f'fp-{n}', T0 + timedelta(seconds=n), owner=f'c{n}')
    file(registry, 'fp-late', T0 + timedelta(minutes=10))
    assert len(registry.recent_filings) == 50 - resubmit.FORGET_PER_FILING + 1
    assert registry.replay('citizen1', T0 + timedelta(minutes=11), fingerprint='fp-late')


def test_a_burst_of_stale_entries_is_forgotten_over_the_next_filings(registry):
    for n in range(20):
        file(registry, f'fp-{n}', T0, owner=f'c{n}')
    for n in range(3):
        file(registry, f'fp-late-{n}', T0 + timedelta(minutes=10, seconds=n))
    assert sorted(key[2] for key in registry.recent_filings) == [
        'fp-late-0', 'fp-late-1', 'fp-late-2']
