"""The paste server runner behind ``pserve``: waitress, honouring ``http_port=NNNN``.

PasteDeploy lets the file's ``[DEFAULT] http_port`` win over the value given
on the command line (``pserve development.ini http_port=7000``) when it
interpolates ``listen``; the command-line value survives only in
``global_conf``.  This runner puts it back, so the documented command
serves on the port asked for, and plain ``pserve development.ini`` still
serves on the file's default.
"""
import waitress


def listen_address(global_conf, listen):
    """``listen`` with its port replaced by ``http_port`` from the command line, if given."""
    port = (global_conf or {}).get("http_port")
    if not port:
        return listen
    host = listen.rsplit(":", 1)[0] if ":" in listen else listen
    return f"{host}:{int(port)}"


def serve(app, global_conf, listen="127.0.0.1:6543", **kw):
    waitress.serve(app, listen=listen_address(global_conf, listen), **kw)
