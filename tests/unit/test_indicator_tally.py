"""A Tally merges concurrent changes on a real ZODB, as BTrees.Length does, for every metric."""
import transaction
import ZODB
from ZODB.FileStorage import FileStorage

from tthc_docs.indicators.tally import Tally


def _two_connections(folder):
    db = ZODB.DB(FileStorage(str(folder / 'Data.fs')))   # resolves conflicts (MappingStorage does not)
    tms = [transaction.TransactionManager(explicit=True) for _ in range(2)]
    conns = [db.open(transaction_manager=tm) for tm in tms]
    tms[0].begin()
    tally = conns[0].root()['t'] = Tally()
    tally.change('filed', '', 2)
    tally.change('filed', '1.001', 1)
    tms[0].commit()
    for tm in tms:
        tm.begin()
    return db, tms, [c.root()['t'] for c in conns]


def test_concurrent_changes_to_one_tally_both_count(tmp_path):
    db, (tm_a, tm_b), (a, b) = _two_connections(tmp_path)
    a.change('filed', '', 1)
    a.change('settled', '', 1)
    b.change('filed', '', 1)
    b.change('filed', '1.001', -1)          # back to zero: dropped on both sides
    b.change('returned', 'x', 3)
    tm_a.commit()
    tm_b.commit()                           # resolved, not a ConflictError
    tm_a.begin()
    assert a.counts == {'filed': {'': 4}, 'settled': {'': 1}, 'returned': {'x': 3}}
    tm_b.begin()     # explicit managers: closing asks each for its transaction
    db.close()


def test_a_change_back_to_zero_leaves_no_entry():
    tally = Tally()
    tally.change('filed', '', 1)
    tally.change('filed', '', -1)
    assert tally.counts == {} and tally.get('filed') == 0 and list(tally.items()) == []
