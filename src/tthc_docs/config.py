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
    "tthc_docs.font_dir": "/usr/share/fonts/truetype/dejavu",
    "tthc_docs.login_throttle": "5 20 100 900",
    "tthc_docs.find_throttle": "100 10 900",
    "tthc_docs.vault_max_documents": "500",
    "tthc_docs.vault_max_bytes": "1073741824",
    "tthc_docs.upload_rate": "30 60",
    # Online payment (tthc_docs.payments): the gateway, this merchant's code and secret.
    "tthc_docs.payment.gateway_url": "",
    "tthc_docs.payment.merchant": "",
    "tthc_docs.payment.secret": "",
    "tthc_docs.payment.window_seconds": "600",
    "tthc_docs.payment.dev_gateway": "false",
}


def normalize(settings):
    """Fill defaults and convert types; refuse an unusable configuration."""
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
    return merged
