"""Write the hostile-upload corpus: damaged and malicious PDFs and images.

Run ``python tests/hostile/make_corpus.py`` to regenerate the files beside
this script (they are committed, small, and deterministic).  Each file is a
way a 3 KB upload once stalled or crashed a server thread, or a relative of
one; ``tests/functional/test_hostile_uploads.py`` sends every file to every
endpoint that accepts uploads and expects a 4xx within a second.
"""
import io
import struct
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).parent


def pdf(objects, root=1, trailer_extra=b"", startxref=None):
    """A PDF whose numbered ``objects`` (bodies, from 1) get a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%s\n%%%%EOF\n"
              % (len(objects) + 1, root, trailer_extra,
                 str(xref if startxref is None else startxref).encode()))
    return out.getvalue()


PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


def one_page(**pages):
    count = pages.get("count", b"1")
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count %s >>" % count, PAGE])


def wide_empty_kids(width=8, depth=20):
    """Each level lists the next one ``width`` times; the last has no kids: width**depth."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        kids = b" ".join([b"%d 0 R" % (number + 1)] * width)
        objects.append(b"<< /Type /Pages /Kids [%s] /Count 0 >>" % kids)
    objects.append(b"<< /Type /Pages /Kids [] /Count 0 >>")
    return pdf(objects)


def deep_kids(depth=200):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    objects += [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (n + 1)
                for n in range(2, depth + 2)]
    objects.append(b"<< /Type /Page /MediaBox [0 0 10 10] >>")
    return pdf(objects)


def cyclic_kids():
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"])


def lying_parent():
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 10 10] >>"])


def layered(payload, layers=2, chunk=1 << 20, repeat=1):
    """``payload`` then ``repeat`` MiB of spaces, deflated ``layers`` times, streamed."""
    squeezer = zlib.compressobj(9)
    parts = [squeezer.compress(payload)]
    block = b" " * chunk
    parts += [squeezer.compress(block) for _ in range(repeat)]
    data = b"".join(parts) + squeezer.flush()
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    return data


def deflate_bomb(mebibytes=256):
    """The page tree lives in an object stream that inflates to ``mebibytes`` MiB."""
    inner = b"<< /Type /Pages /Kids [2 0 R] /Count 1 >> " \
            b"<< /Type /Page /Parent 1 0 R /MediaBox [0 0 10 10] >>"
    header = b"1 0 2 %d " % (inner.index(b">> ") + 3)
    stream = layered(header + inner, layers=2, repeat=mebibytes)
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    catalog = out.tell()
    out.write(b"3 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\n")
    objstm = out.tell()
    out.write(b"4 0 obj\n<< /Type /ObjStm /N 2 /First %d /Length %d "
              b"/Filter [/FlateDecode /FlateDecode] >>\nstream\n" % (len(header), len(stream)))
    out.write(stream + b"\nendstream\nendobj\n")
    xref = out.tell()
    rows = [(0, 0, 65535), (2, 4, 0), (2, 4, 1), (1, catalog, 0), (1, objstm, 0), (1, xref, 0)]
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    out.write(b"5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 3 0 R /Length %d >>\n"
              b"stream\n" % len(table) + table + b"\nendstream\nendobj\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def truncated(data, keep):
    return data[:keep]


def png(width, height, idat=None, crc_ok=True):
    def chunk(kind, body, good=True):
        crc = zlib.crc32(kind + body) ^ (0 if good else 1)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (width + 1) * min(height, 4)) if idat is None else idat
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat, crc_ok)
            + chunk(b"IEND", b""))


def jpeg(width=16, height=16):
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buf, "JPEG")
    return buf.getvalue()


def jpeg_huge_declared():
    """A real 16x16 JPEG whose SOF0 header claims 65000 x 65000 pixels."""
    data = bytearray(jpeg())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", 65000, 65000)
    return bytes(data)


def corpus():
    """{file name: bytes}: the name says what the file is and what it claims to be."""
    sound_pdf = one_page()
    real_jpeg = jpeg(64, 64)
    return {
        "pdf-wide-empty-kids.pdf": wide_empty_kids(),
        "pdf-deep-kids.pdf": deep_kids(),
        "pdf-cyclic-kids.pdf": cyclic_kids(),
        "pdf-lying-parent.pdf": lying_parent(),
        "pdf-absurd-count.pdf": one_page(count=b"99999999999999999999"),
        "pdf-negative-count.pdf": one_page(count=b"-5"),
        "pdf-kids-not-an-array.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                          b"<< /Type /Pages /Kids 7 /Count 1 >>"]),
        "pdf-no-pages.pdf": pdf([b"<< /Type /Catalog >>"]),
        "pdf-root-not-a-dict.pdf": pdf([b"42"]),
        "pdf-deflate-bomb.pdf": deflate_bomb(),
        "pdf-truncated.pdf": truncated(sound_pdf, len(sound_pdf) // 2),
        "pdf-truncated-keeps-eof.pdf": sound_pdf[:120] + sound_pdf[-60:],
        "pdf-huge-startxref.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R >>"],
                                      startxref="9" * 40),
        "pdf-header-then-garbage.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n",
        "pdf-only-header.pdf": b"%PDF-",
        "png-huge-dimensions.png": png(100_000, 100_000),
        "png-zero-dimensions.png": png(0, 0),
        "png-bad-crc.png": png(8, 8, crc_ok=False),
        "png-truncated.png": png(64, 64)[:40],
        "png-corrupt-idat.png": png(8, 8, idat=b"\x78\x9c" + b"\xff" * 30),
        "jpeg-huge-dimensions.jpg": jpeg_huge_declared(),
        "jpeg-truncated.jpg": real_jpeg[:len(real_jpeg) // 2],
        "jpeg-cut-but-ends-right.jpg": real_jpeg[:len(real_jpeg) // 3] + b"\xff\xd9",
        "jpeg-only-marker.jpg": b"\xff\xd8\xff\xd9",
        "exe-named.pdf": b"MZ\x90\x00" + b"\x00" * 60 + b"This program cannot be run in DOS mode",
        "html-named.png": b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        "svg-named.jpg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "zip-named.pdf": b"PK\x03\x04" + b"\x00" * 26,
        "text-named.pdf": "Giấy tờ giả, không phải PDF".encode(),
        "empty.pdf": b"",
    }


def main(folder=HERE):
    for name, data in corpus().items():
        (folder / name).write_bytes(data)
        print(f"{len(data):>8}  {name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
