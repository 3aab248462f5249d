"""Pages render whatever text is stored: a lone surrogate becomes U+FFFD.

A lone UTF-16 surrogate (``"\\ud800"``) is a valid Python ``str`` but cannot
be encoded as UTF-8, so one stored through the JSON API before the edge
refused it (``web.jsonbody``) made every page that showed it answer 500,
for good.  The ``.pt`` renderer is wrapped here so the page's text is
cleaned once, after rendering, wherever the value came from; evolve step 12
repairs what is stored.  The JSON renderer needs nothing: ``json.dumps``
escapes surrogates as ``\\ud800``.
"""
from tthc_docs.text.surrogates import scrub


class SafeTextRenderer:
    """A renderer whose text is scrubbed; anything else (``macros``,
    ``implementation()`` for the layout) is the wrapped renderer's."""

    def __init__(self, renderer):
        self._renderer = renderer

    def __call__(self, value, system):
        return scrub(self._renderer(value, system))

    def __getattr__(self, name):
        return getattr(self._renderer, name)


class SafeTextRendererFactory:
    """Wraps a renderer factory so that what its renderers return is scrubbed."""

    def __init__(self, factory):
        self.factory = factory

    def __call__(self, info):
        return SafeTextRenderer(self.factory(info))


def page_renderer_factory():
    """pyramid_chameleon's ``.pt`` factory, wrapped; ``main`` registers it over the include's."""
    from pyramid_chameleon.zpt import renderer_factory
    return SafeTextRendererFactory(renderer_factory)
