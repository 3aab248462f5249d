"""Content checks for files that citizens and officers put into a vault.

A file is accepted by what it *is*, never by its name or by the content type
the browser declared: the first bytes must be those of a PDF, a JPEG or a PNG,
and the rest of the file must parse as that format.  Everything else is
refused with a reason a person can act on (in Vietnamese), raised as the
shared domain errors so that the web layer maps them to 413/415/422.

This module is pure: no web imports, no database.  The views call
`read_limited()` on the request body stream and `inspect()` on the bytes.
"""
from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import warnings
from dataclasses import dataclass

from tthc_docs import errors
from tthc_docs.text.messages import Message

#: Default for the `tthc_docs.max_upload_bytes` setting (20 MB).
DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024

#: Accepted formats: content type -> file extension used for downloads.
ACCEPTED = {
    'application/pdf': '.pdf',
    'image/jpeg': '.jpg',
    'image/png': '.png',
}

_PDF_MAGIC = b'%PDF-'
_JPEG_MAGIC = b'\xff\xd8\xff'
_PNG_MAGIC = b'\x89PNG\r\n\x1a\n'

#: Recognised but refused formats: (magic prefix, human name).  Recognising
#: them lets the refusal say what the file really is.
_REFUSED_MAGIC = (
    (b'MZ', 'tệp chương trình Windows (.exe/.dll)'),
    (b'\x7fELF', 'tệp chương trình (ELF)'),
    (b'\xca\xfe\xba\xbe', 'tệp chương trình (Mach-O/Java)'),
    (b'\xcf\xfa\xed\xfe', 'tệp chương trình (Mach-O)'),
    (b'#!', 'tập lệnh (script)'),
    (b'PK\x03\x04', 'tệp nén ZIP (hoặc tài liệu Office)'),
    (b'PK\x05\x06', 'tệp nén ZIP'),
    (b'Rar!', 'tệp nén RAR'),
    (b'7z\xbc\xaf\x27\x1c', 'tệp nén 7z'),
    (b'\x1f\x8b', 'tệp nén gzip'),
    (b'GIF8', 'ảnh GIF'),
    (b'II*\x00', 'ảnh TIFF'),
    (b'MM\x00*', 'ảnh TIFF'),
    (b'\xd0\xcf\x11\xe0', 'tài liệu Office cũ (.doc/.xls)'),
    (b'{\\rtf', 'tài liệu RTF'),
)

_MARKUP = re.compile(
    rb'^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<\s*(!doctype\s+html|html|head|body|script|svg|iframe)\b',
    re.IGNORECASE | re.DOTALL,
)

#: Refuse images beyond this many pixels (an A4 page scanned at 600 dpi is 35 M).
_MAX_PIXELS = 80_000_000


@dataclass(frozen=True)
class CheckedFile:
    """What `inspect()` learned about an accepted file."""

    content_type: str
    extension: str
    size: int
    sha256: str
    pages: int | None = None   # PDFs only
    width: int | None = None   # images only
    height: int | None = None


#: A file over the limit, said when its size is not known in advance.
TOO_LARGE = 'Tệp quá lớn; dung lượng tối đa cho phép là ${limit}.'


def check_size(size: int, limit: int = DEFAULT_MAX_UPLOAD_BYTES) -> None:
    """Refuse a declared or measured size beyond the limit (413)."""
    if size is not None and size > limit:
        raise errors.TooLarge(Message(
            'Tệp quá lớn (${size}); dung lượng tối đa cho phép là ${limit}.',
            size=_mb(size), limit=_mb(limit)))


def read_limited(stream, limit: int = DEFAULT_MAX_UPLOAD_BYTES,
                 chunk_size: int = 64 * 1024) -> bytes:
    """Read a file-like stream, refusing it (413) as soon as it passes `limit`.

    Used for chunked request bodies, whose length is unknown in advance: the
    whole body is never held in memory when it is too large.
    """
    buf = io.BytesIO()
    total = 0
    while True:
        chunk = stream.read(chunk_size)
        if not chunk:
            break
        total += len(chunk)
        if total > limit:
            raise errors.TooLarge(Message(TOO_LARGE, limit=_mb(limit)))
        buf.write(chunk)
    return buf.getvalue()


class LimitedStream:
    """A file-like wrapper that refuses (413) once more than `limit` bytes pass.

    Wraps a request body whose length is not known (chunked), so that the
    body is cut off while it streams instead of after it has been stored.
    """

    def __init__(self, stream, limit: int, shown_limit: int | None = None):
        self.stream, self.limit, self.seen = stream, limit, 0
        self.shown_limit = shown_limit or limit

    def _count(self, chunk):
        self.seen += len(chunk)
        if self.seen > self.limit:
            raise errors.TooLarge(Message(TOO_LARGE, limit=_mb(self.shown_limit)))
        return chunk

    def read(self, size=-1):
        return self._count(self.stream.read(size))

    def readline(self, size=-1):
        return self._count(self.stream.readline(size))

    def readlines(self, hint=-1):
        return list(iter(self.readline, b''))

    def __iter__(self):
        return iter(self.readline, b'')


def sniff(data: bytes) -> str | None:
    """The accepted content type that the leading bytes announce, or None."""
    if data.startswith(_PDF_MAGIC):
        return 'application/pdf'
    if data.startswith(_PNG_MAGIC):
        return 'image/png'
    if data.startswith(_JPEG_MAGIC):
        return 'image/jpeg'
    return None


def describe_refused(data: bytes) -> str:
    """Name what a refused file seems to be, for the error message."""
    head = data[:2048].lstrip(b'\xef\xbb\xbf')
    for magic, name in _REFUSED_MAGIC:
        if head.startswith(magic):
            return name
    match = _MARKUP.match(head)
    if match:
        tag = match.group(1).lower()
        return 'ảnh SVG' if tag == b'svg' else 'trang HTML'
    if b'<svg' in head.lower():
        return 'ảnh SVG'
    return 'định dạng không xác định'


def inspect(data: bytes, limit: int = DEFAULT_MAX_UPLOAD_BYTES) -> CheckedFile:
    """Check a file's content and say what it is, or refuse it.

    Raises `errors.TooLarge` (413), `errors.UnsupportedType` (415) for a
    format we do not keep, `errors.Invalid` (422) for a PDF or image that is
    broken, truncated or encrypted.
    """
    check_size(len(data), limit)
    if not data:
        raise errors.Invalid('Tệp rỗng.', {'file': 'Tệp không có nội dung.'})
    content_type = sniff(data)
    if content_type is None:
        what = describe_refused(data)
        raise errors.UnsupportedType(Message(
            'Không nhận loại tệp này (${what}). Chỉ nhận tệp PDF, JPEG hoặc PNG.',
            what=Message(what)))
    details = (_check_pdf(data) if content_type == 'application/pdf'
               else _check_image(data, content_type))
    return CheckedFile(content_type=content_type,
                       extension=ACCEPTED[content_type],
                       size=len(data),
                       sha256=hashlib.sha256(data).hexdigest(),
                       **details)


def _broken(reason: str) -> errors.Invalid:
    return errors.Invalid(reason, {'file': reason})


def _check_pdf(data: bytes) -> dict:
    """Parse the PDF within a budget (``pdfcheck``): xref, trailer, catalog, page tree."""
    from tthc_docs.vaults.pdfcheck import check_pdf
    return check_pdf(data)


def _check_image(data: bytes, content_type: str) -> dict:
    """Let Pillow check the structure without decoding the full image.

    A PNG is verified chunk by chunk (CRCs, up to IEND); a JPEG is decoded at
    1/8 scale, which still reads every byte but needs 1/64 of the memory.
    Images beyond `_MAX_PIXELS` are refused before any decoding.
    """
    from PIL import Image

    label = 'PNG' if content_type == 'image/png' else 'JPEG'
    if content_type == 'image/jpeg' and b'\xff\xd9' not in data[-1024:]:
        raise _broken(f'Ảnh {label} bị cắt cụt (thiếu phần kết thúc); '
                      'hãy tải lên lại tệp đầy đủ.')
    try:
        with warnings.catch_warnings():   # our own pixel limit decides below
            warnings.simplefilter('ignore', Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
        with img:
            size = img.size
            if size[0] * size[1] > _MAX_PIXELS:
                raise _broken(f'Ảnh {label} có kích thước điểm ảnh quá lớn '
                              f'({size[0]}×{size[1]}).')
            img.verify()
        if content_type == 'image/png':
            _inflate_png_data(data, size)
        if content_type == 'image/jpeg':
            with Image.open(io.BytesIO(data)) as img:
                img.draft('RGB', (max(1, size[0] // 8), max(1, size[1] // 8)))
                img.load()   # reads all data: a truncated image is caught here
    except errors.DomainError:
        raise
    except Image.DecompressionBombError:
        raise _broken(f'Ảnh {label} có kích thước điểm ảnh quá lớn.') from None
    except Exception as exc:  # Pillow raises many types for damaged files
        raise _broken(f'Ảnh {label} bị hỏng, không đọc được ({_short(exc)}).') from None
    return {'width': size[0], 'height': size[1]}


def _inflate_png_data(data: bytes, size) -> None:
    """Inflate the PNG's pixel data, discarding it, to prove the zlib stream is whole.

    Pillow's ``verify()`` checks chunk CRCs only; the inflated size is bounded
    by what the (already limited) dimensions allow, so a zlib bomb stops early.
    """
    import struct
    import zlib
    cap = size[0] * size[1] * 8 + size[1] + 1024   # 16-bit RGBA plus filter bytes
    inflater, produced, at = zlib.decompressobj(), 0, 8
    while at + 8 <= len(data):
        length, kind = struct.unpack('>I4s', data[at:at + 8])
        if kind == b'IDAT':
            chunk = data[at + 8:at + 8 + length]
            while chunk:
                produced += len(inflater.decompress(chunk, 1 << 20))
                chunk = inflater.unconsumed_tail
                if produced > cap:
                    raise ValueError('dữ liệu điểm ảnh lớn hơn kích thước ảnh')
        at += 12 + length
    if not inflater.eof:
        raise ValueError('dữ liệu điểm ảnh bị cắt cụt')


# -- file names -------------------------------------------------------------

_UNSAFE_NAME_CHARS = re.compile(r'[<>:"|?*;\\/]')
_SPACES = re.compile(r'\s+')
_MAX_NAME = 120


def clean_filename(name: str | None, extension: str) -> str:
    """A safe download name: no directories, no control or bidi characters.

    Keeps the (NFC-normalised) Vietnamese letters a person typed, drops any
    path (``../../etc/passwd`` -> ``passwd``), and gives the name the
    extension of the *detected* type so that a PNG named ``.pdf`` is served
    as ``.png``.
    """
    raw = unicodedata.normalize('NFC', name or '')
    raw = raw.replace('\\', '/').rsplit('/', 1)[-1]
    raw = ''.join(ch for ch in raw if unicodedata.category(ch)[0] != 'C')
    raw = _UNSAFE_NAME_CHARS.sub('_', raw)
    raw = _SPACES.sub(' ', raw).strip(' .')
    stem, dot, ext = raw.rpartition('.')
    if dot and ext.lower() in ('pdf', 'jpg', 'jpeg', 'png', 'jfif', 'exe', 'html',
                               'htm', 'svg', 'zip', 'js', 'bat', 'cmd', 'sh'):
        raw = stem.strip(' .')
    raw = raw[:_MAX_NAME - len(extension)].rstrip(' .')
    return (raw or 'tai-lieu') + extension


def _mb(n: int) -> str:
    return f'{n / (1024 * 1024):.1f} MB'.replace('.', ',')


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text[:160]
