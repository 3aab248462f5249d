"""QR codes (qrcode + Pillow) as PNG bytes, Pillow images or reportlab flowables."""
import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from tthc_docs.pdf.fonts import nfc


def qr_image(text, box_size=8, border=2):
    """A black-on-white Pillow image encoding ``text`` (UTF-8, NFC)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=border)
    code.add_data(nfc(text).encode("utf-8"))
    code.make(fit=True)
    return code.make_image(fill_color="black", back_color="white").get_image()


def qr_png(text, box_size=8, border=2):
    """PNG bytes of the QR code for ``text``."""
    buf = io.BytesIO()
    qr_image(text, box_size, border).save(buf, format="PNG")
    return buf.getvalue()


def qr_reader(text):
    """A reportlab ``ImageReader`` for ``canvas.drawImage``."""
    return ImageReader(io.BytesIO(qr_png(text)))


def qr_flowable(text, size):
    """A square platypus ``Image`` of ``size`` points for story-based layouts."""
    return Image(io.BytesIO(qr_png(text)), width=size, height=size)


def draw_qr(canvas, text, x, y, size):
    """Draw the QR code with its lower-left corner at (x, y) on a canvas."""
    canvas.drawImage(qr_reader(text), x, y, width=size, height=size)
