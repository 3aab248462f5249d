"""503, not 500, when the database cannot finish a request for now.

Two transient causes, both ``transaction.interfaces.TransientError`` and so
replayed by pyramid_retry first: a write conflict still lost at the last
attempt (a burst of filings on one daily code counter), and the database
server away (ZEO's ``ClientDisconnected``; RelStorage's lost connection).
The transaction was aborted, so nothing is half-written; the client is told
to try again shortly (``Retry-After``), and the next request after the
server is back is served without restarting the process. RelStorage asks
its server for invalidations when pyramid_tm opens the request's
connection, above the exception views: ``away_tween`` answers there.

A third, not transient but not the request's fault either: the disk is full
(or the file too large for the system's limit) when the commit writes. The
storage aborts the transaction and what it had begun to write is cut off
(:func:`cut_unwritten_tail`), so the answer is a 503 naming the problem,
logged as an error for the operator, never a 500 nor a half-written record.
"""
import errno
import logging

from pyramid.view import exception_view_config
from transaction.interfaces import TransientError

from tthc_docs import errors
from tthc_docs.web.errors import domain_error, unexpected

log = logging.getLogger(__name__)

BUSY = 'Hệ thống đang bận xử lý nhiều yêu cầu cùng lúc, vui lòng thử lại sau ít giây.'
AWAY = 'Cơ sở dữ liệu tạm thời không kết nối được, vui lòng thử lại sau ít phút.'
FULL = ('Máy chủ đã hết dung lượng lưu trữ: yêu cầu chưa được ghi, không có gì bị ghi dở. '
        'Vui lòng thử lại sau.')
#: ENOSPC: no space left; EDQUOT: quota reached; EFBIG: the file size limit (RLIMIT_FSIZE).
DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


#: RelStorage on PostgreSQL: the driver's errors when the server stopped, restarts
#: or cannot be reached (they are not TransientErrors, so nothing replays them).
PG_AWAY = ('OperationalError', 'InterfaceError')


def database_away(exc):
    """True when the storage lost its server (not a mere conflict)."""
    name = type(exc).__name__
    if name in ('ClientDisconnected', 'DisconnectedError') or 'Disconnected' in name:
        return True
    return type(exc).__module__.split('.')[0] in ('psycopg2', 'psycopg') and name in PG_AWAY


@exception_view_config(TransientError, retryable_error=False)
def database_unavailable(exc, request):
    away = database_away(exc)
    log.warning('503 for %s %s: %s', request.method, request.path,
                str(exc)[:200] if not away else type(exc).__name__)
    answer = errors.Unavailable(AWAY if away else BUSY, retry_after=30 if away else 2)
    response = domain_error(answer, request)
    response.headers['Retry-After'] = str(answer.retry_after)
    return response


@exception_view_config(OSError)
def disk_full(exc, request):
    """A full disk during the commit: 503 with Retry-After; any other OSError stays a 500."""
    if exc.errno not in DISK_FULL:
        return unexpected(exc, request)
    log.error('503 for %s %s: the disk is full (%s)', request.method, request.path,
              errno.errorcode.get(exc.errno, exc.errno))
    cut_unwritten_tail(request)
    answer = errors.Unavailable(FULL, retry_after=300)
    response = domain_error(answer, request)
    response.headers['Retry-After'] = str(answer.retry_after)
    return response


def cut_unwritten_tail(request):
    """Cut a FileStorage back to its last committed transaction after a failed write.

    FileStorage's ``tpc_vote`` truncates what it began to write when a write
    fails, but through its buffered file, whose ``truncate`` first flushes
    the bytes it could not write and so fails again: the part of the
    transaction that did reach the disk stays after the last committed one.
    It was never committed (its status is not set, the index does not name
    it) and FileStorage cuts it off when it next opens the file, but until
    then the file does not pass ``fstest``. Here, under the storage's commit
    lock (the transaction was already aborted), the buffered file is closed
    without its unwritable bytes and the file cut back at the last commit.
    """
    from ZODB.FileStorage import FileStorage
    db = getattr(request.registry, '_zodb_databases', {}).get('')
    storage = getattr(db, 'storage', None)
    storage = getattr(storage, '_BlobStorage__storage', storage)   # blobs wrap the FileStorage
    if type(storage) is not FileStorage or storage._is_read_only:
        return
    if not storage._commit_lock.acquire(timeout=5):   # never wait on a commit forever
        return
    try:
        with storage._lock:
            try:
                storage._file.close()   # the raw file closes even when the flush fails
            except OSError:
                pass
            storage._file = open(storage._file_name, 'r+b')
            storage._file.truncate(storage._pos)
    finally:
        storage._commit_lock.release()


def away_tween_factory(handler, registry):
    """Above pyramid_tm: a database server lost while the request's connection opens is a 503."""
    def away_tween(request):
        try:
            return handler(request)
        except Exception as exc:
            if not database_away(exc):
                raise
            return database_unavailable(exc, request)
    return away_tween


#: zodburi schemes that never reach PostgreSQL: with them the driver (~4 MiB once
#: imported, issue 15) is not loaded even where the [scale] extra installed it.
NOT_POSTGRES = ('file', 'zeo', 'memory', 'demo')


def includeme(config):
    """The tween, and the PostgreSQL driver's errors as 503s where RelStorage may use it."""
    config.scan(__name__)
    config.add_tween('tthc_docs.web.unavailable.away_tween_factory',
                     over='pyramid_tm.tm_tween_factory')
    uri = config.get_settings().get('zodbconn.uri') or ''
    if uri.split(':', 1)[0].lower() in NOT_POSTGRES:
        return
    try:
        import psycopg2
    except ImportError:
        return
    for name in PG_AWAY:
        config.add_exception_view(database_unavailable, context=getattr(psycopg2, name))
