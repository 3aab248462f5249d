"""QR codes (qrcode + Pillow) as PNG bytes, Pillow images or reportlab flowables.

A paper's QR code is drawn from the code's module matrix: one pixel per
module, scaled up with no smoothing to ``PIXELS_PER_MODULE`` and handed to
reportlab as a greyscale Pillow image. qrcode's own image (eight pixels a
module, drawn box by box) then encoded to PNG and decoded again by
reportlab cost most of a paper's rendering time, which every transition
pays (issue 15); the printed code is the same matrix at the same size.

The mask (ISO/IEC 18004 §7.8: of eight patterns, the one whose symbol
scores the fewest penalty points) is chosen by :class:`FastMaskQRCode`
with the same four rules and points as qrcode's own ``lost_point``, each
counted on whole rows and columns held as ints (bit operations; numpy would
add 15 MiB to the serving process). qrcode lays the symbol out eight times
and scores it module by module: some 30 ms for the ~400 bytes a paper's
code carries (Circular 01/2023/TT-VPCP's minimum data), against ~12 ms
here; the choice, and so the symbol, is the same as qrcode's (tested).
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


#: The 1:1:3:1:1 finder-like patterns with four light modules on one side (rule 3),
#: module k of the window first.
FINDER_LIKE = ((1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0), (0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1))

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


def as_bits(cells):
    """One line of modules as an int: bit k set when module k is dark (truthy)."""
    return int("".join("1" if cell else "0" for cell in reversed(cells)) or "0", 2)


def penalty(rows, columns, n):
    """ISO/IEC 18004 §7.8.3.1's penalty, as qrcode's ``lost_point`` counts it.

    ``rows`` and ``columns``: the symbol's ``n`` rows and ``n`` columns as
    ints (:func:`as_bits`). Each rule is counted on whole lines at once.
    """
    full = (1 << n) - 1
    points = sum(_line_points(line, n, full) for line in rows + columns)
    for top, below in zip(rows, rows[1:]):            # rule 2: 3 a 2x2 block of one colour
        same = ~(top ^ below) & full
        points += 3 * (same & (same >> 1) & ~(top ^ (top >> 1)) & (full >> 1)).bit_count()
    percent = float(sum(row.bit_count() for row in rows)) / (n * n)
    return points + int(abs(percent * 100 - 50) / 5) * 10   # rule 4: 10 a 5 % from half


def _line_points(line, n, full):
    """Rules 1 and 3 on one row or column."""
    equal = ~(line ^ (line >> 1)) & (full >> 1)         # module k as module k + 1
    five = equal & (equal >> 1) & (equal >> 2) & (equal >> 3)   # k .. k + 4 alike
    # a run of length L >= 5 sets L - 4 bits of ``five`` and costs L - 2 points
    points = five.bit_count() + 2 * (five & ~(five << 1)).bit_count()
    light = line ^ full
    for pattern in FINDER_LIKE:
        found = full >> 10
        for k, dark in enumerate(pattern):
            found &= (line if dark else light) >> k
        points += 40 * found.bit_count()
    return points


@lru_cache(maxsize=48)
def _mask_lines(n):
    """Each mask's ``(rows, columns)`` as ints, for a symbol of ``n`` modules (per version)."""
    found = []
    for mask in MASKS:
        grid = [[mask(i, j) for j in range(n)] for i in range(n)]
        found.append(([as_bits(row) for row in grid], [as_bits(col) for col in zip(*grid)]))
    return tuple(found)


def _lines(grid):
    """A grid's rows and columns as ints."""
    return [as_bits(row) for row in grid], [as_bits(col) for col in zip(*grid)]


def _combine(laid, mask, free, dark):
    """Lines of the symbol under ``mask``: data modules re-masked, function modules kept."""
    return [((line ^ m) & f) | d for line, m, f, d in zip(laid, mask, free, dark)]


class FastMaskQRCode(qrcode.QRCode):
    """qrcode's QRCode, choosing its mask by :func:`penalty` on lines held as ints."""

    def best_mask_pattern(self):
        self.makeImpl(True, 0)
        n, masks = self.modules_count, _mask_lines(self.modules_count)
        free, dark = self._function_lines()
        laid = _lines(self.modules)
        none = [0] * n
        unmasked = [_combine(laid[d], masks[0][d], free[d], none) for d in (0, 1)]
        scores = [penalty(*[_combine(unmasked[d], masks[p][d], free[d], dark[d]) for d in (0, 1)],
                          n)
                  for p in range(8)]
        return scores.index(min(scores))      # the first of equals, as qrcode

    def _function_lines(self):
        """``(free, dark)`` lines of this version's function patterns, laid out once per version.

        The layout qrcode scores has every format bit light (``test``), whatever
        the mask and the error correction level, so the version alone decides them.
        """
        found = _FUNCTION_LINES.get(self.version)
        if found is None:
            functions = self._functions()
            found = _FUNCTION_LINES[self.version] = (
                _lines([[cell is None for cell in row] for row in functions]), _lines(functions))
        return found

    def _functions(self):
        """The symbol with only its function patterns and (light) format bits: None = data."""
        kept = self.modules
        self.modules = qrcode.main.copy_2d_array(qrcode.main.precomputed_qr_blanks[self.version])
        self.setup_type_info(True, 0)
        if self.version >= 7:
            self.setup_type_number(True)
        functions, self.modules = self.modules, kept
        return functions


#: version -> (free, dark) lines (``FastMaskQRCode._function_lines``); at most 40 entries.
_FUNCTION_LINES = {}


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
