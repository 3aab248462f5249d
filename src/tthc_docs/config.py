"""Settings from the .ini, with their defaults and types, in one place.

Every ``tthc_docs.*`` key the code reads is listed here, so the README's
configuration table and the code cannot drift apart silently.
"""
import os

from pyramid.settings import asbool, aslist

DEFAULTS = {
    "tthc_docs.allow_demo": "false",
    "tthc_docs.secure_cookies": "true",
    "tthc_docs.session_secret": "",
    "tthc_docs.session_timeout": "28800",
    "tthc_docs.argon2_time_cost": "3",
    "tthc_docs.argon2_memory_cost": "65536",
    "tthc_docs.max_upload_bytes": str(20 * 1024 * 1024),
    "tthc_docs.max_body_bytes": str(21 * 1024 * 1024),
    "tthc_docs.available_languages": "vi en",
    "tthc_docs.font_dir": "",
    "tthc_docs.login_throttle": "5 20 100 900",
    # The one public address every QR code and printed link carries (see public_url).
    "tthc_docs.public_url": "",
    # Online payment (tthc_docs.payments): the gateway, this merchant's code and secret.
    "tthc_docs.payment.gateway_url": "",
    "tthc_docs.payment.merchant": "",
    "tthc_docs.payment.secret": "",
    "tthc_docs.payment.window_seconds": "600",
    "tthc_docs.payment.dev_gateway": "false",
}


PUBLIC_URL = "tthc_docs.public_url"
DEV_HOST = "http://127.0.0.1"


def normalize(settings, global_config=None):
    """Fill defaults and convert types; refuse an unusable configuration.

    ``global_config`` (PasteDeploy's, with ``http_port``) gives development
    its public address when the file names none.
    """
    merged = dict(DEFAULTS)
    merged.update({k: v for k, v in settings.items() if v is not None})
    if os.environ.get("TTHC_DOCS_SESSION_SECRET"):
        merged["tthc_docs.session_secret"] = os.environ["TTHC_DOCS_SESSION_SECRET"]
    merged["tthc_docs.allow_demo"] = asbool(merged["tthc_docs.allow_demo"])
    merged["tthc_docs.secure_cookies"] = asbool(merged["tthc_docs.secure_cookies"])
    merged["tthc_docs.available_languages"] = aslist(merged["tthc_docs.available_languages"])
    for key in ("tthc_docs.session_timeout", "tthc_docs.argon2_time_cost",
                "tthc_docs.argon2_memory_cost", "tthc_docs.max_upload_bytes",
                "tthc_docs.max_body_bytes"):
        merged[key] = int(merged[key])
    if len(merged["tthc_docs.session_secret"]) < 32:
        raise ValueError("tthc_docs.session_secret must be set to at least 32 random characters")
    merged[PUBLIC_URL] = _public_url(merged, global_config
                                     or getattr(settings, "global_conf", None) or {})
    return merged


def _public_url(merged, global_config):
    """The public address, without a trailing slash; required in production.

    Papers are issued once and carry it in their QR codes for ever, so it
    cannot come from whichever host a request happened to use. Development
    (``allow_demo``) defaults to this machine on the served port
    (``pserve development.ini http_port=NNNN`` included).
    """
    url = (merged.get(PUBLIC_URL) or "").strip().rstrip("/")
    if not url and merged["tthc_docs.allow_demo"]:
        url = f"{DEV_HOST}:{int(global_config.get('http_port') or 6543)}"
    if not url.startswith(("https://", "http://")):
        raise ValueError("tthc_docs.public_url must be set to the public address "
                         "(e.g. https://dichvucong.example.gov.vn): QR codes and links carry it")
    return url


def public_url(settings):
    """The configured public address (``normalize`` has checked it).

    Settings that never went through ``normalize`` (a unit test's dict) get
    the development address.
    """
    return ((settings or {}).get(PUBLIC_URL) or f"{DEV_HOST}:6543").rstrip("/")
