"""The dossier registry's indexes: maintained on write, read as sorted pages."""
from datetime import datetime, timedelta, timezone

import pytest

from tthc_docs.dossiers import resubmit, workflow
from tthc_docs.dossiers.calendar import WorkingCalendar
from tthc_docs.dossiers.indexes import SortedIndex, due_key
from tthc_docs.dossiers.content import Dossier, DossierRegistry

TZ = timezone(timedelta(hours=7))
T0 = datetime(2027, 3, 1, 9, 0, tzinfo=TZ)
AGENCY = '000.00.20.H55'


class Version:
    code, name, version, processing_days = '9.1', 'Thủ tục thử', 1, 5
    steps = [{'id': 'xu-ly', 'name': 'Xử lý', 'role': 'specialist', 'days': 3}]
    requirements, result_doc_type = [], 'other'


def new(registry, owner='citizen1', at=T0, agency=AGENCY):
    d = Dossier(owner=owner, vault_id='v-1', procedure=Version(), agency=agency,
                channel='online', data={}, form_name=None, form_version=None,
                attachments=[], fee_amount=0, submitted_at=at, submitted_by=owner)
    return registry.file(d, at)


def receive(dossier, at):
    ctx = workflow.Context(login='reception1', roles=frozenset({'reception'}), now=at,
                           calendar=WorkingCalendar())
    dossier.transition('receive', ctx)


@pytest.fixture
def registry():
    return DossierRegistry()


def test_sorted_index_counts_without_walking(registry):
    index = SortedIndex()
    index.index('a', 'x', '1')
    index.index('b', 'x', '2')
    assert index.count('x') == 2


def test_reindexing_under_a_new_value_moves_the_code():
    index = SortedIndex()
    index.index('a', 'x', '1')
    index.index('a', 'y', '1')
    assert (index.count('x'), list(index.codes('y'))) == (0, ['a'])


def test_a_missing_due_date_sorts_last():
    assert due_key(T0) < due_key(None)


def test_filing_indexes_by_status(registry):
    new(registry)
    assert registry.count_by_status('submitted') == 1


def test_a_transition_moves_the_status_index(registry):
    d = new(registry)
    receive(d, T0)
    assert (registry.count_by_status('submitted'), registry.count_by_status('received')) == (0, 1)


def test_the_queue_puts_the_earliest_due_first(registry):
    late, early = new(registry), new(registry)
    receive(late, T0 + timedelta(days=7))
    receive(early, T0)
    items, _ = registry.queue(AGENCY, ('received',))
    assert [d.code for d in items] == [early.code, late.code]


def test_the_queue_is_paged_and_counted(registry):
    for i in range(5):
        receive(new(registry), T0 + timedelta(days=i))
    items, total = registry.queue(AGENCY, ('received',), offset=2, limit=2)
    assert (len(items), total) == (2, 5)


def test_the_queue_keeps_to_its_agency(registry):
    new(registry, agency='000.00.01.H55')
    assert registry.queue(AGENCY)[1] == 0


def test_the_queue_filters_by_step(registry):
    d = new(registry)
    receive(d, T0)
    ctx = workflow.Context(login='reception1', roles=frozenset({'reception'}), now=T0,
                           calendar=WorkingCalendar())
    d.transition('forward', ctx)
    assert [x.code for x in registry.queue(AGENCY, step='xu-ly')[0]] == [d.code]


def test_the_owners_list_is_newest_first(registry):
    old, recent = new(registry, at=T0), new(registry, at=T0 + timedelta(days=1))
    assert [d.code for d in registry.for_owner('citizen1')[0]] == [recent.code, old.code]


def test_an_idempotency_key_replays_the_first_dossier(registry):
    d = new(registry)
    registry.idempotency[('citizen1', 'k1')] = d.code
    assert registry.replay('citizen1', T0, 'k1') is d


def test_an_identical_application_outside_the_window_is_not_a_replay(registry):
    d = new(registry)
    key, value = resubmit.entry('citizen1', 'f', d.code, T0)
    registry.recent_filings[key] = value
    assert (registry.replay('citizen1', T0 + timedelta(minutes=1), fingerprint='f'),
            registry.replay('citizen1', T0 + timedelta(minutes=5), fingerprint='f')) == (d, None)


def test_record_payment_is_idempotent_by_reference(registry):
    d = new(registry)
    d.fee_amount = 10000
    assert (d.record_payment('dev', 'R1', 10000, T0), d.record_payment('dev', 'R1', 10000, T0)) \
        == (True, False)


def test_a_payment_of_the_wrong_amount_is_refused(registry):
    from tthc_docs import errors
    d = new(registry)
    d.fee_amount = 10000
    with pytest.raises(errors.Invalid):
        d.record_payment('dev', 'R1', 5000, T0)


def _search(registry, text='', statuses=('submitted', 'received'), **query):
    from tthc_docs.dossiers import queues
    q = queues.QueueQuery(statuses=statuses, text=text, **query)
    found, total = registry.search_queue(AGENCY, q, T0, T0, 0, 20)
    return [d.code for d in found], total


def test_a_name_word_beginning_two_words_lists_the_dossier_once(registry):
    d = new(registry)
    d.applicant_name = 'Nguyễn Nguyệt'      # "nguy" begins both words
    registry.reindex(d)
    assert _search(registry, 'nguy') == ([d.code], 1)


def test_a_transition_moves_the_search_terms_with_the_status(registry):
    d = new(registry)
    d.applicant_name = 'Lê Văn Tám'
    registry.reindex(d)
    receive(d, T0)
    assert (_search(registry, 'le van tam', statuses=('submitted',))[1],
            _search(registry, 'le van tam', statuses=('received',))[1]) == (0, 1)


def test_every_word_must_match(registry):
    a, b = new(registry), new(registry)
    a.applicant_name, b.applicant_name = 'Lê Văn Tám', 'Lê Thị Hoa'
    registry.reindex(a)
    registry.reindex(b)
    assert _search(registry, 'le hoa') == ([b.code], 1)


DESK = '000.00.41.H55'


def new_at_desk(registry, at=T0):
    """A dossier the commune desk ``DESK`` took in at its counter for ``AGENCY``."""
    d = Dossier(owner='citizen1', vault_id='v-1', procedure=Version(), agency=AGENCY,
                channel='counter', data={}, form_name=None, form_version=None,
                attachments=[], fee_amount=0, submitted_at=at, submitted_by='motcua')
    d.receiving_agency = DESK
    return registry.file(d, at)


def test_the_desk_index_holds_what_a_desk_received_for_another_agency(registry):
    mine, other = new_at_desk(registry), new(registry, owner='citizen2')
    found, total = registry.queue(DESK, ('submitted',), desk_statuses=('submitted',))
    assert (found, total) == ([mine], 1)
    assert sorted(d.code for d in registry.queue(AGENCY, ('submitted',))[0]) == sorted(
        [mine.code, other.code])     # the handling agency's own queue has both


def test_the_desk_index_follows_the_state(registry):
    d = new_at_desk(registry)
    receive(d, T0 + timedelta(hours=1))
    assert registry.queue(DESK, ('submitted',), desk_statuses=('submitted',))[1] == 0
    assert registry.queue(DESK, ('received',), desk_statuses=('received',))[0] == [d]


def test_without_desk_states_the_desk_sees_only_its_own_agencys_queue(registry):
    new_at_desk(registry)
    assert registry.queue(DESK, ('submitted',)) == ([], 0)


def test_the_desk_rows_merge_into_the_agencys_queue_in_due_order(registry):
    own = new(registry, agency=DESK)
    received_for = new_at_desk(registry, at=T0 + timedelta(minutes=5))
    found, total = registry.queue(DESK, ('submitted',), desk_statuses=('submitted',), limit=1)
    assert total == 2 and len(found) == 1
    rest = registry.queue(DESK, ('submitted',), offset=1, desk_statuses=('submitted',))[0]
    assert {found[0].code, rest[0].code} == {own.code, received_for.code}


@pytest.mark.parametrize('separator', ['\x1f', '\x1e'])
def test_a_code_holding_a_separator_is_refused_not_indexed_under_half_of_it(separator):
    index = SortedIndex()
    with pytest.raises(ValueError, match='separator'):
        index.index(f'a{separator}b', 'x', '1')
    assert index.count('x') == 0


def test_an_owner_holding_a_separator_is_refused_where_it_is_written(registry):
    # validation keeps it out of logins; were one to slip through, the owner's list
    # must not show the dossier under the part before the separator
    with pytest.raises(ValueError, match='separator'):
        new(registry, owner='citizen1\x1fx')
    assert registry.for_owner('citizen1') == ([], 0)
