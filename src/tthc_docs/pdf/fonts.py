"""TrueType fonts with Vietnamese glyphs for reportlab: Liberation Serif, else DejaVu.

Decree 30/2020/NĐ-CP (Phụ lục I) sets administrative documents in Times New
Roman (Unicode, TCVN 6909:2001). Liberation Serif (Debian's
fonts-liberation2) is metrically compatible with Times New Roman and has
every Vietnamese glyph, so it is used when the font directory holds it;
DejaVu (fonts-dejavu-core) is the fallback. reportlab's built-in Type 1
fonts have no Vietnamese diacritics (ệ, ữ, ơ ...). Fonts are registered
once per process and per directory under fixed names, so callers write
``FONT`` / ``FONT_BOLD`` and ``<b>``/``<i>`` markup works in Paragraphs.
"""
import os
import threading
import unicodedata

from tthc_docs.lazy import lazy_module

# reportlab on first use: ``font_dir_from`` and ``nfc`` serve modules that
# render no paper (issue 15).
rl_fonts = lazy_module("reportlab.lib.fonts")
pdfmetrics = lazy_module("reportlab.pdfbase.pdfmetrics")
ttfonts = lazy_module("reportlab.pdfbase.ttfonts")

#: reportlab's TrueType fonts are registered once and shared by every document;
#: their subsetting keeps state on the font object, so two documents rendered at
#: once by two server threads corrupt each other (IndexError in makeSubset, seen
#: under concurrent transitions). Every render takes this lock: one document at
#: a time per process, a few tens of milliseconds each.
RENDER_LOCK = threading.RLock()

LIBERATION_DIR = "/usr/share/fonts/truetype/liberation2"
DEJAVU_DIR = "/usr/share/fonts/truetype/dejavu"
DEFAULT_FONT_DIR = LIBERATION_DIR if os.path.isdir(LIBERATION_DIR) else DEJAVU_DIR
SETTING = "tthc_docs.font_dir"

FONT = "TTHC-Serif"
FONT_BOLD = "TTHC-Serif-Bold"
FONT_ITALIC = "TTHC-Serif-Italic"
FONT_BOLD_ITALIC = "TTHC-Serif-BoldItalic"
FONT_SANS = "TTHC-Sans"
FONT_SANS_BOLD = "TTHC-Sans-Bold"

LIBERATION = {
    FONT: "LiberationSerif-Regular.ttf",
    FONT_BOLD: "LiberationSerif-Bold.ttf",
    FONT_ITALIC: "LiberationSerif-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
    FONT_SANS: "LiberationSans-Regular.ttf",
    FONT_SANS_BOLD: "LiberationSans-Bold.ttf",
}
FILES = DEJAVU = {
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
    """The configured font directory lacks a font file (install fonts-liberation2)."""


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
        files = family_in(font_dir)
        for name, filename in files.items():
            path = os.path.join(font_dir, filename)
            if not os.path.isfile(path):
                raise FontsMissing(f"font file missing: {path}")
            pdfmetrics.registerFont(ttfonts.TTFont(name, path))
        for family, normal, bold, italic, bold_italic in (
            (FONT, FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC),
            (FONT_SANS, FONT_SANS, FONT_SANS_BOLD, FONT_SANS, FONT_SANS_BOLD),
        ):
            rl_fonts.addMapping(family, 0, 0, normal)
            rl_fonts.addMapping(family, 1, 0, bold)
            rl_fonts.addMapping(family, 0, 1, italic)
            rl_fonts.addMapping(family, 1, 1, bold_italic)
        _registered_from = font_dir
    return font_dir


def family_in(font_dir):
    """The font files to use from ``font_dir``: Liberation when present, else DejaVu."""
    if os.path.isfile(os.path.join(font_dir, LIBERATION[FONT])):
        return LIBERATION
    return DEJAVU


def nfc(text):
    """NFC-normalise text: decomposed input (e + combining marks) renders as one glyph."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", str(text))
