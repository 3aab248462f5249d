"""Content checks of vault uploads: accepted by content, refused with a reason."""
import hashlib
import io

import pytest
from PIL import Image
from samples import make_image, make_pdf

from tthc_docs import errors
from tthc_docs.vaults.uploads import (
    DEFAULT_MAX_UPLOAD_BYTES,
    clean_filename,
    inspect,
    read_limited,
)


@pytest.fixture
def pdf():
    return make_pdf('Trang 1', 'Trang 2')


def test_pdf_is_accepted_with_page_count(pdf):
    checked = inspect(pdf)
    assert (checked.content_type, checked.pages) == ('application/pdf', 2)


def test_sha256_and_size_are_reported(pdf):
    checked = inspect(pdf)
    assert checked.sha256 == hashlib.sha256(pdf).hexdigest()
    assert checked.size == len(pdf)


def test_png_is_accepted_with_dimensions():
    checked = inspect(make_image('PNG', size=(40, 30)))
    assert (checked.content_type, checked.width, checked.height) == ('image/png', 40, 30)


def test_jpeg_is_accepted():
    assert inspect(make_image('JPEG')).content_type == 'image/jpeg'


def test_truncated_pdf_is_refused_with_reason(pdf):
    with pytest.raises(errors.Invalid) as exc:
        inspect(pdf[: len(pdf) // 2])
    assert 'cắt cụt' in exc.value.message


def test_pdf_with_broken_xref_is_refused(pdf):
    broken = pdf.replace(b'startxref', b'startxref\n999999\n%garbage', 1)
    with pytest.raises(errors.Invalid) as exc:
        inspect(broken)
    assert 'PDF' in exc.value.message


def test_pdf_damaged_in_the_middle_is_refused(pdf):
    start = pdf.index(b'/Type /Pages')
    damaged = pdf[:start] + b'X' * 40 + pdf[start + 40:]
    with pytest.raises(errors.Invalid):
        inspect(damaged)


def test_encrypted_pdf_is_refused_with_reason():
    with pytest.raises(errors.Invalid) as exc:
        inspect(make_pdf(encrypt='mat-khau'))
    assert 'mã hóa' in exc.value.message


def test_truncated_png_is_refused():
    data = make_image('PNG', size=(400, 300))
    with pytest.raises(errors.Invalid):
        inspect(data[: len(data) - 30])


def test_truncated_jpeg_is_refused():
    data = make_image('JPEG', size=(400, 300))
    with pytest.raises(errors.Invalid):
        inspect(data[: len(data) // 2])


@pytest.mark.parametrize('data, what', [
    (b'MZ\x90\x00' + b'\x00' * 200, 'chương trình'),
    (b'\x7fELF\x02\x01\x01' + b'\x00' * 100, 'chương trình'),
    (b'<!DOCTYPE html><html><script>alert(1)</script></html>', 'HTML'),
    (b'  <html><body>hi</body></html>', 'HTML'),
    (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
     b'<script>alert(1)</script></svg>', 'SVG'),
    (b'<svg onload="alert(1)"/>', 'SVG'),
    (b'PK\x03\x04' + b'\x00' * 100, 'ZIP'),
    (b'GIF89a' + b'\x00' * 50, 'GIF'),
    (b'just some text', 'không xác định'),
])
def test_unsupported_content_is_refused_by_name(data, what):
    with pytest.raises(errors.UnsupportedType) as exc:
        inspect(data)
    assert what in exc.value.message


def test_zip_named_pdf_is_still_refused():
    """The name plays no part: only the content counts."""
    buf = io.BytesIO()
    import zipfile
    with zipfile.ZipFile(buf, 'w') as zf:
        zf.writestr('a.pdf', b'%PDF-1.4')
    with pytest.raises(errors.UnsupportedType):
        inspect(buf.getvalue())


def test_pdf_magic_later_in_file_is_not_enough():
    with pytest.raises(errors.UnsupportedType):
        inspect(b'<html>' + make_pdf())


def test_empty_file_is_invalid():
    with pytest.raises(errors.Invalid):
        inspect(b'')


def test_file_over_the_limit_is_too_large(pdf):
    with pytest.raises(errors.TooLarge):
        inspect(pdf, limit=len(pdf) - 1)


def test_default_limit_is_twenty_megabytes():
    assert DEFAULT_MAX_UPLOAD_BYTES == 20 * 1024 * 1024


def test_read_limited_returns_the_whole_stream():
    assert read_limited(io.BytesIO(b'x' * 1000), limit=1000, chunk_size=64) == b'x' * 1000


def test_read_limited_stops_as_soon_as_the_limit_is_passed():
    class Endless:
        reads = 0

        def read(self, n):
            self.reads += 1
            return b'x' * n

    stream = Endless()
    with pytest.raises(errors.TooLarge):
        read_limited(stream, limit=1000, chunk_size=100)
    assert stream.reads == 11


@pytest.mark.parametrize('name, expected', [
    ('../../etc/passwd', 'passwd.pdf'),
    ('..\\..\\windows\\system32\\a.pdf', 'a.pdf'),
    ('Giấy khai sinh.pdf', 'Giấy khai sinh.pdf'),
    ('bad\x00name\r\n.pdf', 'badname.pdf'),
    ('invoice\u202egpj.exe', 'invoicegpj.pdf'),
    ('...', 'tai-lieu.pdf'),
    (None, 'tai-lieu.pdf'),
    ('a<b>c:d|e?.pdf', 'a_b_c_d_e_.pdf'),
    ('photo.pdf', 'photo.pdf'),
])
def test_clean_filename(name, expected):
    assert clean_filename(name, '.pdf') == expected


def test_clean_filename_uses_the_detected_extension():
    assert clean_filename('scan.pdf', '.png') == 'scan.png'


def test_clean_filename_is_nfc():
    decomposed = 'Gia\u0301y.pdf'
    assert clean_filename(decomposed, '.pdf') == 'Giáy.pdf'


def test_clean_filename_is_bounded():
    assert len(clean_filename('a' * 1000 + '.pdf', '.pdf')) <= 120


def test_limited_stream_passes_a_small_body():
    from tthc_docs.vaults.uploads import LimitedStream
    assert LimitedStream(io.BytesIO(b'abc\ndef\n'), limit=100).readlines() == [b'abc\n', b'def\n']


def test_limited_stream_refuses_once_past_the_limit():
    from tthc_docs.vaults.uploads import LimitedStream
    stream = LimitedStream(io.BytesIO(b'x' * 5000), limit=1000)
    stream.read(600)
    with pytest.raises(errors.TooLarge):
        stream.read(600)


def test_png_with_a_corrupted_chunk_is_refused():
    data = bytearray(make_image('PNG', size=(64, 64)))
    idat = data.index(b'IDAT')
    data[idat + 10] ^= 0xFF
    with pytest.raises(errors.Invalid):
        inspect(bytes(data))


def test_image_with_too_many_pixels_is_refused():
    """A small file that claims a huge picture (a decompression bomb)."""
    buf = io.BytesIO()
    Image.new('1', (12000, 8000)).save(buf, format='PNG')
    with pytest.raises(errors.Invalid) as exc:
        inspect(buf.getvalue())
    assert 'quá lớn' in exc.value.message
