"""A QR symbol (ISO/IEC 18004) for a paper's text, as rows of ints: the same symbol qrcode makes.

Every paper carries a QR code (Circular 01/2023/TT-VPCP's minimum data,
some 300-400 bytes), and every transition issues a paper (Mẫu 05), so the
symbol is made once per transition (issue 15). qrcode builds it bit by bit
(a ``BitBuffer``), divides polynomials object by object for the error
correction, places the data module by module and lays the symbol out for
each of the eight masks: about 9 ms a paper. Here the same steps work on
whole values: the bit stream is one int, the error correction a table
look-up per byte (GF(256) log and antilog, qrcode's own tables), the
placement a look-up of one precomputed cell order per version, and each of
the eight candidate symbols is a list of row (and column) ints scored by
:func:`penalty` with bit operations.

What decides the symbol is qrcode's: the chunks of ``optimal_data_chunks``
(numeric, alphanumeric and byte segments), the version by its bit limits,
the blocks of ``rs_blocks``, the function patterns and format bits that
its ``QRCode`` draws (read once per version and mask), and the mask by the
same four penalty rules (§7.8.3.1), the first of equals winning. So the
symbol is qrcode's, module for module (tested on many texts and versions).
"""
from bisect import bisect_left
from functools import lru_cache
from operator import itemgetter

import qrcode
from qrcode import base, util
from qrcode.constants import ERROR_CORRECT_M

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


def pack(lines, n):
    """``n``-module lines (ints, :func:`as_bits`) as one int: bit ``i * n + k`` = module k of line i."""
    packed = 0
    for line in reversed(lines):
        packed = (packed << n) | line
    return packed


@lru_cache(maxsize=48)
def _starts(n, lines, width):
    """Bit ``i * n + k`` set for every k <= n - width: where a window of ``width`` fits a line."""
    return pack([(1 << (n - width + 1)) - 1] * lines, n)


def penalty(rows, columns, n):
    """ISO/IEC 18004 §7.8.3.1's penalty, as qrcode's ``lost_point`` counts it.

    ``rows`` and ``columns``: the symbol's rows and its columns, each
    :func:`pack`-ed into one int, so that each rule is a few operations
    on all the lines at once; a window never straddles two lines
    (``_starts``).
    """
    both = (columns << (n * n)) | rows
    full = (1 << (2 * n * n)) - 1
    equal = ~(both ^ (both >> 1)) & _starts(n, 2 * n, 2)         # module k as module k + 1
    five = equal & (equal >> 1) & (equal >> 2) & (equal >> 3)   # k .. k + 4 alike
    # rule 1: a run of length L >= 5 sets L - 4 bits of ``five`` and costs L - 2 points
    points = five.bit_count() + 2 * (five & ~(five << 1)).bit_count()
    light = both ^ full
    for pattern in FINDER_LIKE:                                  # rule 3: 40 each
        found = _starts(n, 2 * n, 11)
        for k, dark in enumerate(pattern):
            found &= (both if dark else light) >> k
        points += 40 * found.bit_count()
    below = rows >> n                                            # rule 2: 3 a 2x2 block
    same = ~(rows ^ below) & _starts(n, n - 1, 1)
    points += 3 * (same & (same >> 1) & ~(rows ^ (rows >> 1)) & _starts(n, n - 1, 2)).bit_count()
    percent = float(rows.bit_count()) / (n * n)
    return points + int(abs(percent * 100 - 50) / 5) * 10   # rule 4: 10 a 5 % from half


def symbol(data, error=ERROR_CORRECT_M):
    """``(rows, n)``: the QR symbol of ``data`` (bytes), its rows :func:`pack`-ed into one int."""
    chunks = list(util.optimal_data_chunks(data, minimum=20))   # qrcode's ``add_data``
    version = _version(chunks, error)
    layout = _layout(version)
    stream = _codewords(chunks, version, error)
    # light past the data (the remainder bits) and at ``layout.cells`` (function modules)
    bits = "".join(format(byte, "08b") for byte in stream).ljust(layout.cells + 1, "0")
    rows, columns = _lines(bits, layout.row_cells), _lines(bits, layout.column_cells)
    scored = []
    for p in range(8):
        dark_rows, dark_columns = _dark(version, error, p, True)   # format bits light, as qrcode scores
        scored.append(penalty(_masked(rows, layout.row_masks[p], layout.row_free, dark_rows),
                              _masked(columns, layout.column_masks[p], layout.column_free,
                                      dark_columns), layout.n))
    best = scored.index(min(scored))        # the first of equals, as qrcode
    return _masked(rows, layout.row_masks[best], layout.row_free,
                   _dark(version, error, best, False)[0]), layout.n


def _version(chunks, error):
    """The smallest version whose capacity holds the chunks (qrcode's ``best_fit``)."""
    version = 1
    while True:
        needed = _stream_length(chunks, version)
        found = bisect_left(util.BIT_LIMIT_TABLE[error], needed, version)
        if found == 41:
            raise qrcode.exceptions.DataOverflowError()
        if util.mode_sizes_for_version(found) is util.mode_sizes_for_version(version):
            return found
        version = found


def _stream_length(chunks, version):
    sizes = util.mode_sizes_for_version(version)
    return sum(4 + sizes[c.mode] + _payload_bits(c) for c in chunks)


def _payload_bits(chunk):
    count = len(chunk.data)
    if chunk.mode == util.MODE_NUMBER:
        return 10 * (count // 3) + (0, 4, 7)[count % 3]
    if chunk.mode == util.MODE_ALPHA_NUM:
        return 11 * (count // 2) + 6 * (count % 2)
    return 8 * count


def _write(chunk, value, length):
    """``(value, length)`` after appending ``chunk``'s payload (qrcode's ``QRData.write``)."""
    data = chunk.data
    if chunk.mode == util.MODE_NUMBER:
        for i in range(0, len(data), 3):
            part = data[i:i + 3]
            size = util.NUMBER_LENGTH[len(part)]
            value, length = (value << size) | int(part), length + size
    elif chunk.mode == util.MODE_ALPHA_NUM:
        for i in range(0, len(data), 2):
            part = data[i:i + 2]
            code = util.ALPHA_NUM.find(part[:1])
            if len(part) > 1:
                value, length = (value << 11) | (code * 45 + util.ALPHA_NUM.find(part[1:])), length + 11
            else:
                value, length = (value << 6) | code, length + 6
    else:
        value, length = (value << 8 * len(data)) | int.from_bytes(data, "big"), length + 8 * len(data)
    return value, length


def _codewords(chunks, version, error):
    """Data and error-correction codewords, interleaved (qrcode's ``create_data``)."""
    sizes = util.mode_sizes_for_version(version)
    value = length = 0
    for chunk in chunks:
        value, length = (value << 4) | chunk.mode, length + 4
        value, length = (value << sizes[chunk.mode]) | len(chunk.data), length + sizes[chunk.mode]
        value, length = _write(chunk, value, length)
    blocks = base.rs_blocks(version, error)
    limit = sum(block.data_count * 8 for block in blocks)
    pad = min(limit - length, 4)                       # the terminator
    pad += (8 - (length + pad) % 8) % 8                # to a whole byte
    value, length = value << pad, length + pad
    data = list(value.to_bytes(length // 8, "big"))
    fill = (limit - length) // 8
    data += [(util.PAD0, util.PAD1)[i % 2] for i in range(fill)]
    data_blocks, ecc_blocks, offset = [], [], 0
    for block in blocks:
        part = data[offset:offset + block.data_count]
        offset += block.data_count
        data_blocks.append(part)
        ecc_blocks.append(_ecc(part, block.total_count - block.data_count))
    return _interleave(data_blocks) + _interleave(ecc_blocks)


def _interleave(blocks):
    longest = max(len(b) for b in blocks)
    return [b[i] for i in range(longest) for b in blocks if i < len(b)]


@lru_cache(maxsize=32)
def _generator(count):
    """The generator polynomial's coefficients after the leading 1, as logs (GF(256))."""
    poly = [1]
    for i in range(count):
        factor = base.gexp(i)
        poly = [a ^ (base.gexp(base.glog(b) + base.glog(factor)) if b else 0)
                for a, b in zip(poly + [0], [0] + poly)]
    return tuple(base.glog(c) for c in poly[1:])


def _ecc(data, count):
    """The ``count`` error-correction codewords of ``data`` (polynomial division in GF(256))."""
    gen, exp, log = _generator(count), base.EXP_TABLE, base.LOG_TABLE
    rest = [0] * count
    for byte in data:
        factor = byte ^ rest[0]
        rest = rest[1:] + [0]
        if factor:
            shift = log[factor]
            rest = [r ^ exp[(g + shift) % 255] for r, g in zip(rest, gen)]
    return rest


def _lines(bits, cells):
    """The symbol's lines, :func:`pack`-ed, from the bit stream: ``cells`` names each module's bit."""
    return int("".join(itemgetter(*cells)(bits))[::-1], 2)


def _masked(lines, mask, free, dark):
    """Data modules under ``mask``, function modules as drawn (all lines at once)."""
    return ((lines ^ mask) & free) | dark


class _Layout:
    """One version's cells: the data placement order, the masks, the free (data) modules."""

    def __init__(self, version):
        blank = _function_modules(version, True, 0)
        n = self.n = len(blank)
        order = _placement(blank)
        past = self.cells = len(order)        # a function module reads this light bit
        index = {cell: k for k, cell in enumerate(order)}
        self.row_cells = [index.get((r, c), past) for r in range(n) for c in range(n)]
        self.column_cells = [index.get((r, c), past) for c in range(n) for r in range(n)]
        free = [[cell is None for cell in row] for row in blank]
        self.row_free, self.column_free = _packed(free)
        masks = [_packed([[mask(i, j) for j in range(n)] for i in range(n)]) for mask in MASKS]
        self.row_masks = [rows for rows, _ in masks]
        self.column_masks = [columns for _, columns in masks]


@lru_cache(maxsize=40)
def _layout(version):
    return _Layout(version)


@lru_cache(maxsize=320)
def _dark(version, error, mask, test):
    """``(rows, columns)`` of the function modules drawn dark, as qrcode draws them."""
    return _packed(_function_modules(version, test, mask, error))


def _packed(grid):
    """``(rows, columns)`` of a grid of modules, each :func:`pack`-ed."""
    n = len(grid)
    return (pack([as_bits(row) for row in grid], n),
            pack([as_bits(column) for column in zip(*grid)], n))


def _function_modules(version, test, mask, error=ERROR_CORRECT_M):
    """qrcode's symbol before its data: function patterns, format (and version) bits; None = data."""
    code = qrcode.QRCode(version=version, error_correction=error)
    code.modules_count = version * 4 + 17
    code.makeImpl(test, mask)          # lays out the patterns, then the (empty) data
    code.modules = qrcode.main.copy_2d_array(qrcode.main.precomputed_qr_blanks[version])
    code.setup_type_info(test, mask)
    if version >= 7:
        code.setup_type_number(test)
    return code.modules


def _placement(blank):
    """The data cells in the order the stream fills them (qrcode's ``map_data``)."""
    n, order, row, step = len(blank), [], len(blank) - 1, -1
    for col in range(n - 1, 0, -2):
        if col <= 6:
            col -= 1
        while 0 <= row < n:
            order += [(row, c) for c in (col, col - 1) if blank[row][c] is None]
            row += step
        row -= step
        step = -step
    return order
