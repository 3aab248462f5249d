"""tthc-docs: administrative procedures for a Vietnamese province.

One package per concept (``catalog``, ``eforms``, ``vaults``, ``dossiers``,
``people``, ``signing``, ``payments``), the shared web layer in ``web``,
Vietnamese text in ``text``; the root holds the app factory (``app``) and the
cross-cutting modules (configuration, security, errors, time, the CLI).
"""


def main(global_config, **settings):
    """The WSGI application (``use = egg:tthc-docs``); see ``tthc_docs.app``."""
    from tthc_docs.app import main as make_app
    return make_app(global_config, **settings)
