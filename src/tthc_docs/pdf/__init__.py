"""PDF rendering base: Vietnamese fonts, QR codes and the administrative page layout.

Pure reportlab (no web imports), shared by the dossier slips (issue 6) and the
signed results (issue 7).
"""
from tthc_docs.pdf.fonts import FontsMissing, nfc, register_fonts
from tthc_docs.pdf.layout import AdminDocument, Rendered, long_date, render_document
from tthc_docs.pdf.qr import qr_flowable, qr_image, qr_png

__all__ = [
    "AdminDocument", "FontsMissing", "Rendered", "long_date", "nfc",
    "qr_flowable", "qr_image", "qr_png", "register_fonts", "render_document",
]
