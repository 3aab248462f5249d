"""The WSGI application factory.

``main`` only wires things together; every piece it includes says what it
does in its own module.
"""
import warnings

# pyramid, deform and colander import pkg_resources (setuptools<81 is pinned
# for them); its deprecation notice is not ours to act on.
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

from pyramid.config import Configurator  # noqa: E402
from pyramid.session import SignedCookieSessionFactory  # noqa: E402
from pyramid_zodbconn import get_connection  # noqa: E402

from tthc_docs import config as app_config
from tthc_docs import storage
from tthc_docs.web.bodylimit import BodyLimit
from tthc_docs.web.encoding import EncodingGuard
from tthc_docs.migrations import check_class_paths, check_current
from tthc_docs.people.content import configure_hasher
from tthc_docs.site.content import get_site
from tthc_docs.people.throttle import LoginThrottle


#: The packages whose views make up the site, each scanned by its ``includeme``.
CONCEPTS = ("tthc_docs.web", "tthc_docs.site", "tthc_docs.catalog", "tthc_docs.eforms",
            "tthc_docs.vaults", "tthc_docs.dossiers", "tthc_docs.people",
            "tthc_docs.signing", "tthc_docs.payments", "tthc_docs.sync",
            "tthc_docs.feedback")


def root_factory(request):
    """The Site of this request's ZODB connection (one per request, pyramid_tm's transaction)."""
    return get_site(get_connection(request))


def main(global_config, **settings):
    settings = app_config.normalize(settings)
    settings.setdefault("tm.manager_hook", "pyramid_tm.explicit_manager")
    storage.prepare(settings)   # a fresh folder: var/ and the blob folders
    configure_hasher(settings["tthc_docs.argon2_time_cost"],
                     settings["tthc_docs.argon2_memory_cost"])
    with Configurator(settings=settings, root_factory=root_factory) as config:
        config.set_session_factory(SignedCookieSessionFactory(
            settings["tthc_docs.session_secret"], cookie_name="tthc_session",
            secure=settings["tthc_docs.secure_cookies"], httponly=True, samesite="Lax",
            timeout=settings["tthc_docs.session_timeout"], reissue_time=600))
        config.set_default_csrf_options(require_csrf=True, token="csrf_token",
                                        header="X-CSRF-Token")
        # Transaction and retry come before the database, so every connection
        # joins the request's transaction manager and conflicts are retried.
        config.include("pyramid_tm")
        config.include("pyramid_retry")
        config.include("tthc_docs.web.retry")
        config.include("pyramid_zodbconn")
        config.include("pyramid_chameleon")
        config.include("tthc_docs.security")
        config.include("tthc_docs.web.tweens")
        config.include("tthc_docs.web.i18n")
        config.include("tthc_docs.web.ui")
        config.registry.login_throttle = LoginThrottle(
            *[int(n) for n in settings["tthc_docs.login_throttle"].split()])
        for concept in CONCEPTS:
            config.include(concept)
        app = config.make_wsgi_app()
    _refuse_stale_database(config.registry, global_config)
    return BodyLimit(EncodingGuard(app), settings["tthc_docs.max_body_bytes"])


def _refuse_stale_database(registry, global_config):
    """Do not serve a database that lacks the site or is behind the code."""
    db = registry._zodb_databases[""]
    conn = db.open()
    try:
        config_uri = (global_config or {}).get("__file__", "CONFIG")
        check_class_paths(conn.root(), config_uri)
        check_current(get_site(conn), config_uri)
    finally:
        conn.close()
