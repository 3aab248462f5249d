"""Heavy libraries imported on first use, so the serving process stays small (issue 15).

pyHanko (with asn1crypto, cryptography and aiohttp) weighs some 30 MiB once
imported, reportlab (with qrcode and Pillow) some 10 MiB; a process that
only serves pages never needs them. Most of the app's modules are imported
at start-up (the view scan, and ZODB loading a persistent class's module),
so a module that uses the signing or PDF seams only on some paths names
them with ``lazy_module`` instead of importing them::

    layout = lazy_module("tthc_docs.pdf.layout")   # reportlab: only when a paper is rendered
    ...
    return layout.render_document(doc)

The real import happens on the first attribute read, under Python's import
lock (two threads asking at once get the same module, imported once); after
that a read costs one more attribute look-up. This is the one way the app
defers an import: ``tests/functional/test_serving_stays_small.py`` checks
that serving pages imports neither pyHanko nor reportlab.
"""
import importlib


class LazyModule:
    """A stand-in for the module ``name``, imported when first used."""

    __slots__ = ("_name", "_module")

    def __init__(self, name):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_module", None)

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            # Pyramid's scan (venusian) looks for hooks such as ``__venusian_callbacks__``
            # on every name of a module: that look must not import anything.
            raise AttributeError(attr)
        module = self._module
        if module is None:
            module = importlib.import_module(self._name)
            object.__setattr__(self, "_module", module)
        return getattr(module, attr)

    def __setattr__(self, attr, value):
        raise AttributeError(f"{self._name} is imported lazily: set attributes on the module")

    def __repr__(self):
        state = "imported" if self._module is not None else "not yet imported"
        return f"<lazy module {self._name} ({state})>"


def lazy_module(name):
    """``name`` (a dotted module path), imported on first attribute use."""
    return LazyModule(name)
