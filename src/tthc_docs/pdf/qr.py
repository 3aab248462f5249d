"""QR codes (qrcode + Pillow) as PNG bytes, Pillow images or reportlab flowables.

A paper's QR code is drawn from the code's module matrix: one pixel per
module, scaled up with no smoothing to ``PIXELS_PER_MODULE`` and handed to
reportlab as a greyscale Pillow image. qrcode's own image (eight pixels a
module, drawn box by box) then encoded to PNG and decoded again by
reportlab cost most of a paper's rendering time, which every transition
pays (issue 15); the printed code is the same matrix at the same size.

The mask (ISO/IEC 18004 §7.8: of eight patterns, the one whose symbol
scores the fewest penalty points) is chosen by :class:`FastMaskQRCode`
with the same four rules and points as qrcode's own ``lost_point``, on
numpy arrays: qrcode lays the symbol out eight times and scores it in pure
Python, some 120 ms for the ~400 bytes a paper's code carries (Circular
01/2023/TT-VPCP's minimum data), which every paper and so every transition
paid. The choice is the same as qrcode's (tested); the symbol is laid out
twice instead of nine times.
"""
import io

import numpy
import qrcode
from numpy.lib.stride_tricks import sliding_window_view
from PIL import Image as PILImage
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from tthc_docs.pdf.fonts import nfc

#: Pixels per module in a PDF's image: sharp at 22 mm (about 230 dpi for a version-10
#: code) and plenty for a scanner or a phone; the PDF scales it to the printed size.
PIXELS_PER_MODULE = 4
BORDER = 2


#: The 1:1:3:1:1 finder-like patterns with four light modules on one side (rule 3).
FINDER_LIKE = (numpy.array([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], bool),
               numpy.array([0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1], bool))


#: The eight data masks (ISO/IEC 18004 Table 10; qrcode's ``util.mask_func``), i row, j column.
MASKS = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i * j) % 3 + (i + j) % 2) % 2 == 0,
)


def penalty(symbol):
    """ISO/IEC 18004 §7.8.3.1's penalty of a symbol (a square bool array), as qrcode counts it."""
    points = 0
    for lines in (symbol, symbol.T):
        # rule 1: each run of five or more modules of one colour, 3 + (length - 5)
        edges = numpy.ones((lines.shape[0], 1), bool)
        change = numpy.hstack([edges, lines[:, 1:] != lines[:, :-1], edges])
        rows, cols = numpy.nonzero(change)
        runs = numpy.diff(cols)[numpy.diff(rows) == 0]
        points += int((runs[runs >= 5] - 2).sum())
        # rule 3: 40 for each finder-like pattern
        windows = sliding_window_view(lines, 11, axis=1)
        points += 40 * int(sum((windows == p).all(axis=2).sum() for p in FINDER_LIKE))
    # rule 2: 3 for each 2x2 block of one colour
    top = symbol[:-1, :-1]
    same = (top == symbol[1:, :-1]) & (top == symbol[:-1, 1:]) & (top == symbol[1:, 1:])
    points += 3 * int(same.sum())
    # rule 4: 10 for each 5 % the dark share strays from half
    percent = float(symbol.sum()) / symbol.size
    return points + int(abs(percent * 100 - 50) / 5) * 10


class FastMaskQRCode(qrcode.QRCode):
    """qrcode's QRCode, choosing its mask by :func:`penalty` over numpy arrays."""

    def best_mask_pattern(self):
        self.makeImpl(True, 0)
        laid = numpy.array(self.modules, bool)
        n = self.modules_count
        rows, cols = numpy.indices((n, n))
        data = self._data_modules(n)
        unmasked = laid ^ (data & MASKS[0](rows, cols))
        scores = []
        for pattern in range(8):
            symbol = numpy.where(data, unmasked ^ MASKS[pattern](rows, cols),
                                 self._function_modules(pattern))
            scores.append(penalty(symbol))
        return scores.index(min(scores))      # the first of equals, as qrcode

    def _data_modules(self, n):
        """Where data goes: what the function patterns and format information leave free."""
        return numpy.equal(numpy.array(self._functions(0), object), None)

    def _function_modules(self, pattern):
        return numpy.array(self._functions(pattern), bool)     # None (free) reads as light

    def _functions(self, pattern):
        """The symbol with only its function patterns and the format bits of ``pattern``."""
        kept = self.modules
        self.modules = qrcode.main.copy_2d_array(qrcode.main.precomputed_qr_blanks[self.version])
        self.setup_type_info(True, pattern)
        if self.version >= 7:
            self.setup_type_number(True)
        functions, self.modules = self.modules, kept
        return functions


def qr_matrix(text, border=BORDER):
    """The code's modules for ``text`` (UTF-8, NFC), quiet zone included: rows of booleans."""
    code = FastMaskQRCode(error_correction=ERROR_CORRECT_M, border=border)
    code.add_data(nfc(text).encode("utf-8"))
    code.make(fit=True)
    return code.get_matrix()


def qr_image(text, box_size=8, border=BORDER):
    """A black-on-white greyscale Pillow image encoding ``text``, ``box_size`` pixels a module."""
    matrix = qr_matrix(text, border)
    n = len(matrix)
    image = PILImage.frombytes("L", (n, n), bytes(0 if dark else 255
                                                  for row in matrix for dark in row))
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
