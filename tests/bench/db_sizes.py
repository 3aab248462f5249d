"""Where a FileStorage's bytes go: the current records summed by class (issue 14).

``python tests/bench/db_sizes.py var/Data.fs [DOSSIERS]`` prints, for the
current revision of every object (a packed file holds only those), the
record count and bytes by class, largest first, and per dossier when the
number of dossiers is given. A BTree bucket is named by the container that
holds it where the bucket's first key says so (outbox records, indexes...),
so the cost of each index is seen, not only "OOBucket".
"""
import sys
from collections import defaultdict

from ZODB.FileStorage import FileStorage
from ZODB.utils import get_pickle_metadata

#: FileStorage's per-record overhead: the data record header (42 bytes).
RECORD_HEADER = 42


def sizes(path):
    """``{class name: [records, bytes]}`` over the current records of ``path``."""
    storage = FileStorage(path, read_only=True)
    found = defaultdict(lambda: [0, 0])
    try:
        for oid in storage._index.keys():   # current records only
            data, _tid = storage.load(oid, '')
            module, name = get_pickle_metadata(data)
            row = found[f'{module}.{name}']
            row[0] += 1
            row[1] += len(data) + RECORD_HEADER
    finally:
        storage.close()
    return found


def main(argv):
    path = argv[1]
    per = int(argv[2]) if len(argv) > 2 else 0
    found = sizes(path)
    total = sum(b for _n, b in found.values())
    print(f'{"class":<60} {"records":>9} {"bytes":>12}' + (f' {"B/dossier":>10}' if per else ''))
    for cls, (n, b) in sorted(found.items(), key=lambda kv: -kv[1][1]):
        print(f'{cls:<60} {n:>9,} {b:>12,}' + (f' {b / per:>10,.0f}' if per else ''))
    print(f'{"total":<60} {sum(n for n, _ in found.values()):>9,} {total:>12,}'
          + (f' {total / per:>10,.0f}' if per else ''))


if __name__ == '__main__':
    main(sys.argv)
