"""`tthc-docs pack CONFIG --days N`: drop history older than N days, keep every current object.

A ZODB keeps every revision of every object until it is packed; a year of
dossiers moving through their states leaves many. Packing to N days ago
keeps what any transaction of the last N days could see (so an undo or an
audit within that window still works) and every object reachable from the
root now, with its blob: the storage's own garbage collection decides what
is unreachable, never this code. The same call packs a FileStorage (in
place; its previous file is kept as ``Data.fs.old`` until the next pack), a
ZEO server's storage and RelStorage (history-preserving or not). A process
killed during a FileStorage pack leaves ``Data.fs`` as it was: the packed
copy is written aside and swapped in only when complete.
"""
import time


def pack(db, days):
    """Pack ``db`` keeping ``days`` days of history; returns the pack time (epoch seconds)."""
    if days < 0:
        raise ValueError('days must be 0 or more')
    when = time.time() - days * 86400
    db.pack(t=when)
    return when


def add_args(parser):
    parser.add_argument('config', help='the .ini file')
    parser.add_argument('--days', type=float, required=True,
                        help='keep the history of the last N days (0: only the current state)')


def cmd_pack(args):
    from tthc_docs.cli import load_settings, open_db
    if args.days < 0:
        print('tthc-docs pack: --days must be 0 or more (how many days of history to keep)')
        return 2
    db = open_db(load_settings(args.config))
    try:
        before = db.getSize()
        pack(db, args.days)
        after = db.getSize()
    finally:
        db.close()
    print(f'packed: kept {args.days:g} days of history; {before:,} -> {after:,} bytes')
    return 0
