"""The paste server runner behind ``pserve``: waitress, honouring ``http_port=NNNN``.

PasteDeploy lets the file's ``[DEFAULT] http_port`` win over the value given
on the command line (``pserve development.ini http_port=7000``) when it
interpolates ``listen``; the command-line value survives only in
``global_conf``.  This runner puts it back, so the documented command
serves on the port asked for, and plain ``pserve development.ini`` still
serves on the file's default.

``malloc_arenas`` (production.ini: 1) caps glibc's malloc arenas before
waitress starts its threads. glibc gives each thread that allocates at
once an arena of its own, up to eight per core, and keeps their freed
memory: with four threads that was some 10 MiB of the serving process's
RSS after the HTTP bench (issue 15: ≤ 150 MiB). The threads run Python
under one GIL, so they seldom allocate at the same moment and one arena
costs no speed.
"""
import ctypes
import ctypes.util
import logging

import waitress

log = logging.getLogger(__name__)
#: mallopt's parameter number for the arena cap (glibc's malloc.h).
M_ARENA_MAX = -8


def cap_malloc_arenas(arenas):
    """Ask glibc for at most ``arenas`` malloc arenas; False where that is not glibc."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(M_ARENA_MAX, int(arenas)))
    except (OSError, AttributeError):
        log.info("malloc arenas not capped: not glibc")
        return False


def listen_address(global_conf, listen):
    """``listen`` with its port replaced by ``http_port`` from the command line, if given."""
    port = (global_conf or {}).get("http_port")
    if not port:
        return listen
    host = listen.rsplit(":", 1)[0] if ":" in listen else listen
    return f"{host}:{int(port)}"


def serve(app, global_conf, listen="127.0.0.1:6543", malloc_arenas=None, **kw):
    if malloc_arenas:
        cap_malloc_arenas(malloc_arenas)
    waitress.serve(app, listen=listen_address(global_conf, listen), **kw)
