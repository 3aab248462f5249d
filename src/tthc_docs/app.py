"""The WSGI application factory.

``main`` only wires things together; every piece it includes says what it
does in its own module.
"""
import warnings

# pyramid, deform and colander import pkg_resources (setuptools<81 is pinned
# for them); its deprecation notice is not ours to act on.
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

from pyramid.config import Configurator  # noqa: E402
from pyramid_zodbconn import get_connection  # noqa: E402

from tthc_docs import config as app_config
from tthc_docs import storage
from tthc_docs.dossiers import renderer
from tthc_docs.web.bodylimit import BodyLimit
from tthc_docs.web.encoding import EncodingGuard
from tthc_docs.web.safetext import page_renderer_factory
from tthc_docs.migrations import check_class_paths, check_current
from tthc_docs.people.content import configure_hasher
from tthc_docs.site.content import get_site
from tthc_docs.vaults import quota
from tthc_docs.people.sessions import ServerSessionFactory
from tthc_docs.people.throttle import FindThrottle, LoginThrottle


#: The packages whose views make up the site, each scanned by its ``includeme``.
CONCEPTS = ("tthc_docs.web", "tthc_docs.site", "tthc_docs.catalog", "tthc_docs.eforms",
            "tthc_docs.vaults", "tthc_docs.dossiers", "tthc_docs.people",
            "tthc_docs.signing", "tthc_docs.payments", "tthc_docs.sync",
            "tthc_docs.feedback", "tthc_docs.indicators")


def root_factory(request):
    """The Site of this request's ZODB connection (one per request, pyramid_tm's transaction)."""
    return get_site(get_connection(request))


def main(global_config, **settings):
    settings = app_config.normalize(settings, global_config)
    settings.setdefault("tm.manager_hook", "pyramid_tm.explicit_manager")
    storage.prepare(settings)   # a fresh folder: var/ and the blob folders
    configure_hasher(settings["tthc_docs.argon2_time_cost"],
                     settings["tthc_docs.argon2_memory_cost"])
    with Configurator(settings=settings, root_factory=root_factory) as config:
        config.set_session_factory(ServerSessionFactory(settings))
        config.set_default_csrf_options(require_csrf=True, token="csrf_token",
                                        header="X-CSRF-Token")
        # Transaction and retry come before the database, so every connection
        # joins the request's transaction manager and conflicts are retried.
        config.include("pyramid_tm")
        config.include("pyramid_retry")
        config.include("tthc_docs.web.retry")
        config.include("pyramid_zodbconn")
        storage.drop_activity_monitors(config.registry)   # an hour of per-request tuples
        config.include("pyramid_chameleon")
        # main's own registration overrides the include's: pages survive a lone surrogate
        config.add_renderer(".pt", page_renderer_factory())
        config.include("tthc_docs.security")
        config.include("tthc_docs.web.request")
        config.include("tthc_docs.web.tweens")
        config.include("tthc_docs.web.i18n")
        config.include("tthc_docs.web.ui")
        config.include("tthc_docs.web.pagecache")
        config.registry.login_throttle = LoginThrottle(
            *[int(n) for n in settings["tthc_docs.login_throttle"].split()])
        config.registry.find_throttle = FindThrottle(
            *[int(n) for n in settings["tthc_docs.find_throttle"].split()])
        config.registry.vault_quota = quota.Quota.from_settings(settings)
        config.registry.upload_rate = quota.upload_rate(settings)
        for concept in CONCEPTS:
            config.include(concept)
        if settings["tthc_docs.paper_renderer"] == "idle":
            config.include("tthc_docs.dossiers.renderer")
        app = config.make_wsgi_app()
    _refuse_stale_database(config.registry, global_config)
    renderer.start(config.registry)   # papers rendered while idle, once the database is known good
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
