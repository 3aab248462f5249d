"""DejaVu TrueType fonts for Vietnamese text in reportlab.

reportlab's built-in Type 1 fonts have no glyphs for Vietnamese diacritics
(ệ, ữ, ơ ...); DejaVu has them all. Fonts are registered once per process
and per directory under fixed names, so callers write ``FONT`` / ``FONT_BOLD``
and ``<b>``/``<i>`` markup works in Paragraphs.
"""
import os
import threading
import unicodedata

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

DEFAULT_FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
SETTING = "tthc_docs.font_dir"

FONT = "TTHC-Serif"
FONT_BOLD = "TTHC-Serif-Bold"
FONT_ITALIC = "TTHC-Serif-Italic"
FONT_BOLD_ITALIC = "TTHC-Serif-BoldItalic"
FONT_SANS = "TTHC-Sans"
FONT_SANS_BOLD = "TTHC-Sans-Bold"

FILES = {
    FONT: "DejaVuSerif.ttf",
    FONT_BOLD: "DejaVuSerif-Bold.ttf",
    FONT_ITALIC: "DejaVuSerif-Italic.ttf",
    FONT_BOLD_ITALIC: "DejaVuSerif-BoldItalic.ttf",
    FONT_SANS: "DejaVuSans.ttf",
    FONT_SANS_BOLD: "DejaVuSans-Bold.ttf",
}

_lock = threading.Lock()
_registered_from = None


class FontsMissing(RuntimeError):
    """The configured font directory lacks a DejaVu file (install fonts-dejavu-core)."""


def font_dir_from(settings):
    """The font directory named by the settings, or the Debian default."""
    return (settings or {}).get(SETTING) or DEFAULT_FONT_DIR


def register_fonts(font_dir=None):
    """Register the DejaVu family with reportlab; cheap after the first call.

    Returns the font directory used. Raises ``FontsMissing`` naming the first
    missing file, so a broken install fails loudly instead of printing boxes.
    """
    global _registered_from
    font_dir = font_dir or DEFAULT_FONT_DIR
    with _lock:
        if _registered_from == font_dir:
            return font_dir
        for name, filename in FILES.items():
            path = os.path.join(font_dir, filename)
            if not os.path.isfile(path):
                raise FontsMissing(f"font file missing: {path}")
            pdfmetrics.registerFont(TTFont(name, path))
        for family, normal, bold, italic, bold_italic in (
            (FONT, FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC),
            (FONT_SANS, FONT_SANS, FONT_SANS_BOLD, FONT_SANS, FONT_SANS_BOLD),
        ):
            addMapping(family, 0, 0, normal)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 1, italic)
            addMapping(family, 1, 1, bold_italic)
        _registered_from = font_dir
    return font_dir


def nfc(text):
    """NFC-normalise text: decomposed input (e + combining marks) renders as one glyph."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", str(text))
