"""`tthc-docs backup CONFIG DIR [--full]` and `tthc-docs restore CONFIG DIR [--date D]`.

One machine's database is a FileStorage and a blob folder. ``repozo`` (ZODB's
own script) backs up the FileStorage while it is in use: a full copy, then
increments holding only the transactions added since, each dated; it can
restore the state at any of those dates. Blobs are separate files, written
once and never changed, so their backup copies the files it does not have
yet; it runs after repozo, so every blob the backed-up Data.fs names is
there (a newer one too, which does no harm). Restore writes into the
configured (empty) places: stop the server first.

ZEO: run these on the server's host with an .ini whose zodburi is the
server's ``file://`` (or repozo and a copy of its blob folder directly).
PostgreSQL (RelStorage): ``pg_dump -Fc`` and ``pg_restore``, or continuous
archiving (WAL) for a point in time; the README says how.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from tthc_docs.storage import StorageProblem


def file_storage_paths(uri):
    """``(Data.fs, blob folder or None)`` of a ``file://`` zodburi; StorageProblem otherwise."""
    parts = urlsplit(uri)
    if parts.scheme != 'file':
        raise StorageProblem(
            f'backup and restore work on a FileStorage (file://), not {parts.scheme}://: '
            'for ZEO run them on the server with its file:// uri; for PostgreSQL use pg_dump')
    blobs = parse_qs(parts.query).get('blobstorage_dir')
    return Path(unquote(parts.path)), Path(unquote(blobs[0])) if blobs else None


def repozo(*args):
    """Run ZODB's repozo in this Python; StorageProblem with its message if it fails."""
    done = subprocess.run([sys.executable, '-m', 'ZODB.scripts.repozo', *map(str, args)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise StorageProblem(f'repozo failed: {(done.stderr or done.stdout).strip()[-300:]}')
    return done.stdout


def copy_new_files(source, target):
    """Copy the files of ``source`` that ``target`` lacks (blobs never change); how many."""
    copied = 0
    for folder, _dirs, files in os.walk(source):
        rel = Path(folder).relative_to(source)
        if rel.parts[:1] == ('tmp',):
            continue   # uncommitted uploads
        for name in files:
            dest = Path(target) / rel / name
            if not dest.exists():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(Path(folder) / name, dest)
                copied += 1
    return copied


def backup(uri, to, full=False):
    """A full or incremental backup of the FileStorage and its blobs into ``to``."""
    data_fs, blobs = file_storage_paths(uri)
    to = Path(to)
    (to / 'repozo').mkdir(parents=True, exist_ok=True)
    repozo('-B', '-z', *(['-F'] if full else []), '-r', to / 'repozo', '-f', data_fs)
    return copy_new_files(blobs, to / 'blobs') if blobs else 0


def restore(uri, source, date=None):
    """Restore the backup in ``source`` (at ``date``, else the latest) to the configured places."""
    data_fs, blobs = file_storage_paths(uri)
    if data_fs.exists():
        raise StorageProblem(f'{data_fs} exists: restore writes only into an empty place '
                             '(stop the server and move the current files aside first)')
    data_fs.parent.mkdir(parents=True, exist_ok=True)
    repozo('-R', '-r', Path(source) / 'repozo', '-o', data_fs, *(['-D', date] if date else []))
    if blobs and (Path(source) / 'blobs').is_dir():
        copy_new_files(Path(source) / 'blobs', blobs)


def add_backup_args(parser):
    parser.add_argument('config', help='the .ini file (a file:// zodburi)')
    parser.add_argument('dir', help='the backup folder (repozo/ and blobs/ in it)')
    parser.add_argument('--full', action='store_true', help='a full backup (else incremental)')


def add_restore_args(parser):
    parser.add_argument('config', help='the .ini file whose (empty) places receive the restore')
    parser.add_argument('dir', help='the backup folder')
    parser.add_argument('--date', help='the state at this time, yyyy-mm-dd[-hh[-mm[-ss]]] (UTC)')


def cmd_backup(args):
    from tthc_docs.cli import load_settings
    copied = backup(load_settings(args.config)['zodbconn.uri'], args.dir, args.full)
    print(f"backup {'full' if args.full else 'incremental'} done in {args.dir}; "
          f"{copied} new blob files")
    return 0


def cmd_restore(args):
    from tthc_docs.cli import load_settings
    restore(load_settings(args.config)['zodbconn.uri'], args.dir, args.date)
    print(f'restored from {args.dir}' + (f' at {args.date}' if args.date else ''))
    return 0
