"""A dossier's history: the newest entries in its own record, older ones sealed once (issue 15).

On the demo database (a real ZODB): an event rewrites the dossier's record
with at most ``INLINE`` entries, however long its life; sealed pages are
stored once and never written again; readers see every entry in order.
"""
from datetime import timedelta

from tthc_docs import timeutil
from tthc_docs.dossiers.history import INLINE
from tthc_docs.dossiers.serialise import history_json, plain

EVENTS = 3 * INLINE + 5


def _dossier(site):
    return next(iter(site['dossiers'].values()))


def _note(dossier, n, at):
    # 'note' is no action the portal or the indicators track: only the history changes
    return dossier.add_history('note', 'reception1', f'ghi chú {n}', at=at)


def _record_size(site, dossier):
    data, _ = site._p_jar.db().storage.load(dossier._p_oid)
    return len(data)


def test_a_long_history_reads_whole_and_in_order(site_and_tm):
    site, tm = site_and_tm
    dossier = _dossier(site)
    before = [dict(e) for e in dossier.history]
    at = timeutil.now()
    for n in range(EVENTS):
        _note(dossier, n, at + timedelta(minutes=n))
    tm.commit()
    tm.begin()
    site._p_jar.cacheMinimize()
    entries = dossier.history
    assert entries[:len(before)] == before
    assert [e['note'] for e in entries[len(before):]] == [f'ghi chú {n}' for n in range(EVENTS)]
    assert 0 < len(dossier.__dict__['history']) <= INLINE


def test_the_dossier_record_stops_growing_with_its_history(site_and_tm):
    site, tm = site_and_tm
    dossier, at = _dossier(site), timeutil.now()
    sizes = []
    for n in range(EVENTS):
        _note(dossier, n, at)
        tm.commit()
        tm.begin()
        sizes.append(_record_size(site, dossier))
    # the record after 2 x INLINE more events is no bigger than the largest one before
    assert max(sizes[2 * INLINE:]) <= max(sizes[:2 * INLINE])


def test_a_sealed_page_is_never_written_again(site_and_tm):
    site, tm = site_and_tm
    dossier, at = _dossier(site), timeutil.now()
    for n in range(INLINE + 1):
        _note(dossier, n, at)
    tm.commit()
    tm.begin()
    first = dossier.history_pages[0]
    serial = first._p_serial
    for n in range(INLINE):
        _note(dossier, n, at)
        tm.commit()
        tm.begin()
    assert first._p_serial == serial
    assert len(dossier.history_pages) >= 2


def test_a_dossier_stored_with_its_whole_history_inline_seals_it_at_its_next_event(site_and_tm):
    site, tm = site_and_tm
    dossier, at = _dossier(site), timeutil.now()
    old = [{'at': at, 'action': 'note', 'by': 'x', 'note': str(n)} for n in range(2 * INLINE)]
    dossier.history = list(old)          # the shape before: everything in the record
    tm.commit()
    tm.begin()
    assert dossier.history == old and dossier.history_pages == ()
    _note(dossier, 'mới', at)
    assert [e['note'] for e in dossier.history] == [str(n) for n in range(2 * INLINE)] + ['ghi chú mới']
    assert len(dossier.__dict__['history']) == 1


def test_the_json_history_of_sealed_pages_is_the_history_as_it_was(site_and_tm):
    site, tm = site_and_tm
    dossier, at = _dossier(site), timeutil.now()
    for n in range(2 * INLINE + 3):
        _note(dossier, n, at + timedelta(minutes=n))
    expected = plain(list(dossier.history))
    first = history_json(dossier)
    second = history_json(dossier)       # the pages' cached form was not changed by the first
    assert [{k: v for k, v in e.items() if k != 'papers'} for e in first] == expected
    assert second == first
