"""Settings from the .ini, with their defaults and types, in one place.

Every ``tthc_docs.*`` key the code reads is listed here, so the README's
configuration table and the code cannot drift apart silently.
"""
import os

from pyramid.settings import asbool, aslist

from tthc_docs.dossiers.calendar import parse_cutoff
from tthc_docs.text.addresses import HOME_PROVINCE

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
    # Where papers and signed results are made ("Thái Nguyên, ngày ... tháng ... năm ...",
    # Decree 30/2020 App. I: the place name of the province or commune; see place_name).
    "tthc_docs.place_name": HOME_PROVINCE.removeprefix("Tỉnh "),
    # Anonymous public pages rendered once per content version (web/pagecache.py): the
    # memory their bytes may take, in MiB (an LRU; the whole procedure catalog fits).
    "tthc_docs.page_cache_mb": "32",
    # Papers (Mẫu 01-05) are fixed at their event and rendered to PDF by a thread of each
    # app process while no request is in flight (dossiers/renderer.py): "idle", or "off"
    # where nothing may run in the background (then `render_pending` or a download
    # makes the bytes). A paper pending longer than paper_max_age seconds is rendered
    # even while requests keep coming.
    "tthc_docs.paper_renderer": "idle",
    "tthc_docs.paper_max_age": "60",
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


PUBLIC_URL = "tthc_docs.public_url"
RENDERERS = ("idle", "off")
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
                "tthc_docs.max_body_bytes", "tthc_docs.page_cache_mb"):
        merged[key] = int(merged[key])
    merged["tthc_docs.paper_max_age"] = float(merged["tthc_docs.paper_max_age"])
    if merged["tthc_docs.paper_renderer"] not in RENDERERS:
        raise ValueError("tthc_docs.paper_renderer must be one of: " + ", ".join(RENDERERS))
    merged["tthc_docs.receipt_cutoff"] = parse_cutoff(merged["tthc_docs.receipt_cutoff"])
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


PLACE_NAME = "tthc_docs.place_name"


def place_name(settings):
    """The place name papers and signed results are dated at ("Thái Nguyên, ngày …").

    One setting for every paper: the province's own name by default (Decree
    30/2020/NĐ-CP App. I: the place name of the issuing body's seat).
    """
    return ((settings or {}).get(PLACE_NAME) or DEFAULTS[PLACE_NAME]).strip()
