"""PDF rendering base: Vietnamese fonts, QR codes and the administrative page layout.

Pure reportlab (no web imports), shared by the dossier slips (issue 6) and the
signed results (issue 7).

The names below are read from their modules on first use (PEP 562): importing
``tthc_docs.pdf.fonts`` for a setting must not load reportlab, qrcode and
Pillow into a process that renders no paper (issue 15, ``tthc_docs.lazy``).
"""
import importlib

_HOMES = {
    "FontsMissing": "fonts", "nfc": "fonts", "register_fonts": "fonts",
    "AdminDocument": "layout", "Rendered": "layout", "long_date": "layout",
    "render_document": "layout",
    "qr_flowable": "qr", "qr_image": "qr", "qr_png": "qr",
}
__all__ = sorted(_HOMES)


def __getattr__(name):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
