"""503, not 500, when the database cannot finish a request for now.

Two transient causes, both ``transaction.interfaces.TransientError`` and so
replayed by pyramid_retry first: a write conflict still lost at the last
attempt (a burst of filings on one daily code counter), and the database
server away (ZEO's ``ClientDisconnected``; RelStorage's lost connection).
The transaction was aborted, so nothing is half-written; the client is told
to try again shortly (``Retry-After``), and the next request after the
server is back is served without restarting the process.

A third, not transient but not the request's fault either: the disk is full
(or the file too large for the system's limit) when the commit writes. The
storage aborts the transaction and truncates what it had begun to write
(FileStorage's ``tpc_abort``), so the answer is a 503 naming the problem,
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


def database_away(exc):
    """True when the storage lost its server (not a mere conflict)."""
    name = type(exc).__name__
    return name in ('ClientDisconnected', 'DisconnectedError') or 'Disconnected' in name


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
    answer = errors.Unavailable(FULL, retry_after=300)
    response = domain_error(answer, request)
    response.headers['Retry-After'] = str(answer.retry_after)
    return response
