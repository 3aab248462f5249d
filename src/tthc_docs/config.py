"""Settings from the .ini, with their defaults and types, in one place.

Every ``tthc_docs.*`` key the code reads is listed here, so the README's
configuration table and the code cannot drift apart silently.
"""
import os

from pyramid.settings import asbool, aslist

from tthc_docs.dossiers.calendar import parse_cutoff

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
    # Anonymous public pages rendered once per content version (web/pagecache.py): the
    # memory their bytes may take, in MiB (an LRU; the whole procedure catalog fits).
    "tthc_docs.page_cache_mb": "32",
    "tthc_docs.find_throttle": "100 10 900",
    "tthc_docs.vault_max_documents": "500",
    "tthc_docs.vault_max_bytes": "1073741824",
    "tthc_docs.upload_rate": "30 60",
    # The one-stop office's cut-off hour (HH:MM): a dossier received at or
    # after it counts as received on the next working day. The province's
    # rule for its one-stop offices (Decree 61/2018/NĐ-CP art. 18-19; the
    # end of office hours by default) sets it; see dossiers.deadlines.
    "tthc_docs.receipt_cutoff": "17:00",
    # Online payment (tthc_docs.payments): the gateway, this merchant's code and secret.
    "tthc_docs.payment.gateway_url": "",
    "tthc_docs.payment.merchant": "",
    "tthc_docs.payment.secret": "",
    "tthc_docs.payment.window_seconds": "600",
    "tthc_docs.payment.dev_gateway": "false",
    # The national portal's dossier sync (tthc_docs.sync): where, who, how fast, when to alert.
    "tthc_docs.portal.url": "",
    "tthc_docs.portal.client": "",
    "tthc_docs.portal.secret": "",
    "tthc_docs.portal.relay_secret": "",
    "tthc_docs.portal.app_url": "http://127.0.0.1:6543",
    "tthc_docs.portal.window_seconds": "300",
    "tthc_docs.portal.timeout_seconds": "10",
    "tthc_docs.portal.rate": "20",
    "tthc_docs.portal.backoff": "2 600",
    "tthc_docs.portal.max_attempts": "12",
    "tthc_docs.portal.lag_alert_seconds": "900",
    "tthc_docs.portal.dev_portal": "false",
    "tthc_docs.portal.dev_store": "",
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
                "tthc_docs.max_body_bytes", "tthc_docs.page_cache_mb"):
        merged[key] = int(merged[key])
    merged["tthc_docs.receipt_cutoff"] = parse_cutoff(merged["tthc_docs.receipt_cutoff"])
    if len(merged["tthc_docs.session_secret"]) < 32:
        raise ValueError("tthc_docs.session_secret must be set to at least 32 random characters")
    return merged
