"""QR codes (qrcode + Pillow) as PNG bytes, Pillow images or reportlab flowables.

A paper's QR code is drawn from the code's module matrix: one pixel per
module, scaled up with no smoothing to ``PIXELS_PER_MODULE`` and handed to
reportlab as a greyscale Pillow image. qrcode's own image (eight pixels a
module, drawn box by box) then encoded to PNG and decoded again by
reportlab cost most of a paper's rendering time, which every transition
pays (issue 15); the printed code is the same matrix at the same size.
The modules of the last few hundred texts are kept: every edition of a
dossier's Mẫu 05 and most of its papers carry the same tracking address,
and choosing the code's mask (eight trial layouts, in pure Python) is most
of the work left.
"""
import io
from functools import lru_cache

import qrcode
from PIL import Image as PILImage
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from tthc_docs.pdf.fonts import nfc

#: Pixels per module in a PDF's image: sharp at 22 mm (about 230 dpi for a version-10
#: code) and plenty for a scanner or a phone; the PDF scales it to the printed size.
PIXELS_PER_MODULE = 4
BORDER = 2


def qr_matrix(text, border=BORDER):
    """The code's modules for ``text`` (UTF-8, NFC), quiet zone included: rows of booleans."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    code.add_data(nfc(text).encode("utf-8"))
    code.make(fit=True)
    return code.get_matrix()


@lru_cache(maxsize=256)
def _pixels(text, border):
    """``(side, bytes)``: one greyscale pixel a module (0 dark, 255 light); ~4 KB each."""
    matrix = qr_matrix(text, border)
    return len(matrix), bytes(0 if dark else 255 for row in matrix for dark in row)


def qr_image(text, box_size=8, border=BORDER):
    """A black-on-white greyscale Pillow image encoding ``text``, ``box_size`` pixels a module."""
    n, pixels = _pixels(text, border)
    image = PILImage.frombytes("L", (n, n), pixels)
    return image.resize((n * box_size, n * box_size), PILImage.NEAREST)


def qr_png(text, box_size=8, border=BORDER):
    """PNG bytes of the QR code for ``text``."""
    buf = io.BytesIO()
    qr_image(text, box_size, border).save(buf, format="PNG")
    return buf.getvalue()


def qr_reader(text):
    """A reportlab ``ImageReader`` for ``canvas.drawImage`` (the image itself, no PNG between)."""
    return ImageReader(qr_image(text, PIXELS_PER_MODULE))


def qr_flowable(text, size):
    """A square platypus ``Image`` of ``size`` points for story-based layouts."""
    return Image(io.BytesIO(qr_png(text, PIXELS_PER_MODULE)), width=size, height=size)


def draw_qr(canvas, text, x, y, size):
    """Draw the QR code with its lower-left corner at (x, y) on a canvas."""
    canvas.drawImage(qr_reader(text), x, y, width=size, height=size)
