"""Synchronisation with the national public-service portal (Cổng dịch vụ công quốc gia).

- ``protocol``: the dossier-sync message, its key, HMAC-SHA256 signing (pure);
- ``outbox``: the records written with each change, their queue and dead letters;
- ``policy``: retry backoff with jitter and the rate limit (pure);
- ``portal``: the ``Portal`` interface and its HTTP adapter;
- ``sender``: ``tthc-docs sync CONFIG``, the relay process;
- ``devportal``: a development national portal (WSGI) on its own store;
- ``views``: the admins' page, the relay's two signed endpoints, the dev portal's mount.

Settings (``tthc_docs.portal.*``, defaults in ``config.py``): ``url`` (where
messages go), ``client`` and ``secret`` (this province's id and HMAC secret at
the portal), ``relay_secret`` (signs the relay's calls to this app),
``app_url`` (where the relay finds this app), ``window_seconds``,
``timeout_seconds``, ``rate`` (messages per second), ``backoff`` (first and
longest wait, seconds), ``max_attempts``, ``lag_alert_seconds``,
``dev_portal`` and ``dev_store``.
"""
PREFIX = "tthc_docs.portal."


def setting(settings, name, cast=str):
    """``tthc_docs.portal.<name>`` from ``settings``, cast."""
    return cast(settings.get(PREFIX + name) or "")


def includeme(config):
    config.scan(".views")
