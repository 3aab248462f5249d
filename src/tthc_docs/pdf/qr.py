"""QR codes as PNG bytes, Pillow images or reportlab flowables (the symbol: ``qr_symbol``).

A paper's QR code is drawn from the code's module matrix: one pixel per
module, scaled up with no smoothing to ``PIXELS_PER_MODULE`` and handed to
reportlab as a greyscale Pillow image. qrcode's own image (eight pixels a
module, drawn box by box) then encoded to PNG and decoded again by
reportlab cost most of a paper's rendering time, which every transition
pays (issue 15); the printed code is the same matrix at the same size.
The symbol itself (data, error correction, mask) is made by
:func:`tthc_docs.pdf.qr_symbol.symbol`, qrcode's symbol in a tenth of its time.
"""
import io

from PIL import Image as PILImage
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from tthc_docs.pdf.fonts import nfc
from tthc_docs.pdf.qr_symbol import symbol

#: Pixels per module in a PDF's image: sharp at 22 mm (about 230 dpi for a version-10
#: code) and plenty for a scanner or a phone; the PDF scales it to the printed size.
PIXELS_PER_MODULE = 4
BORDER = 2


def qr_matrix(text, border=BORDER):
    """The code's modules for ``text`` (UTF-8, NFC), quiet zone included: rows of booleans."""
    pixels, width = _pixels(text, border)
    return [[pixel == 0 for pixel in pixels[i * width:(i + 1) * width]] for i in range(width)]


#: A module's bit ("1" dark) as a greyscale pixel (0 black, 255 white).
_PIXEL = str.maketrans("01", "\xff\x00")


def _pixels(text, border):
    """``(pixels, width)``: one greyscale byte a module, quiet zone included, row after row."""
    rows, n = symbol(nfc(text).encode("utf-8"))
    width = n + 2 * border
    bits = format(rows, f"0{n * n}b")[::-1]            # module k of row i at i * n + k
    margin = "0" * border
    lines = [margin + bits[i * n:(i + 1) * n] + margin for i in range(n)]
    quiet = ["0" * width] * border
    return "".join(quiet + lines + quiet).translate(_PIXEL).encode("latin-1"), width


def qr_image(text, box_size=8, border=BORDER):
    """A black-on-white greyscale Pillow image encoding ``text``, ``box_size`` pixels a module."""
    pixels, width = _pixels(text, border)
    image = PILImage.frombytes("L", (width, width), pixels)
    return image.resize((width * box_size, width * box_size), PILImage.NEAREST)


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
