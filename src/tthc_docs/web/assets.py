"""Static files addressed by their content, so a deploy never serves stale CSS or JS.

Each ``request.static_url`` carries ``?v=<hash>``, the first 12 hex digits
of the SHA-256 of the file's bytes (Pyramid's cache-buster hook): a file
that changes gets a new address, so a browser may keep the versioned one
for a year without asking again (``immutable``), and an address without
the version, or with an old one, keeps the short lifetime of the static
view (an hour, revalidated).  Hashes are read once per file and process:
files do not change under a running process (a deploy restarts it).
"""
import hashlib
from importlib import resources

from pyramid.events import NewResponse
from pyramid.static import QueryStringCacheBuster

#: How long a browser keeps a versioned file: a year, never revalidated.
VERSIONED_CACHE = "public, max-age=31536000, immutable"
#: How long it keeps a file asked for without (or with a stale) version.
UNVERSIONED_MAX_AGE = 3600
#: The URL prefix of each static view and the asset spec it serves.
STATIC = {"static": "tthc_docs:static/", "static-deform": "deform:static/"}


class ContentHashCacheBuster(QueryStringCacheBuster):
    """``?v=`` is the file's content hash (12 hex digits), computed on first use."""

    def __init__(self, spec):
        super().__init__(param="v")
        self.package, _, self.folder = spec.partition(":")
        self.tokens = {}

    def tokenize(self, request, subpath, kw):
        return self.token(subpath)

    def token(self, subpath):
        """The hash of ``subpath`` under this folder; '' for a file that is not there."""
        found = self.tokens.get(subpath)
        if found is None:
            found = self.tokens[subpath] = _hash(self.package, self.folder + subpath)
        return found


def _hash(package, path):
    target = resources.files(package).joinpath(*path.strip("/").split("/"))
    try:
        return hashlib.sha256(target.read_bytes()).hexdigest()[:12]
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return ""


def keep_versioned_files(event):
    """A static file asked for at its current version is kept a year (``immutable``)."""
    request, response = event.request, event.response
    busters = getattr(request.registry, "tthc_cache_busters", {})
    name, _, subpath = request.path.lstrip("/").partition("/")
    buster = busters.get(name)
    if buster is None or response.status_code != 200:
        return
    version = request.GET.get("v")
    if version and version == buster.token(subpath):
        response.headers["Cache-Control"] = VERSIONED_CACHE


def includeme(config):
    """Serve the static folders, their URLs versioned by content."""
    busters = config.registry.tthc_cache_busters = {}
    for name, spec in STATIC.items():
        config.add_static_view(name, spec.rstrip("/"), cache_max_age=UNVERSIONED_MAX_AGE)
        busters[name] = ContentHashCacheBuster(spec)
        config.add_cache_buster(spec, busters[name])
    config.add_subscriber(keep_versioned_files, NewResponse)
