"""Small real files for the tests (PDFs by reportlab, pictures by Pillow), and a PDF reader.

Real bytes rather than fixtures on disk, so that every upload goes through the
same content checks as a citizen's file.  Importable from every test folder
as ``samples`` (``tests/`` is on ``sys.path`` because of ``tests/conftest.py``).
Two calls of ``make_pdf`` make two different files (reportlab stamps the time
and a random document id), so a test that needs the same PDF twice keeps its
bytes; ``make_image`` gives the same bytes for the same arguments.
"""
import io
import unicodedata

import pypdf
from PIL import Image
from reportlab.pdfgen import canvas


def make_pdf(*texts, **canvas_kw):
    """A PDF with one page per text (one page, 'Giấy tờ thử', by default).

    ``canvas_kw`` go to reportlab's ``Canvas``, e.g. ``encrypt='mat-khau'``.
    """
    buf = io.BytesIO()
    c = canvas.Canvas(buf, **canvas_kw)
    for text in texts or ('Giấy tờ thử',):
        c.drawString(72, 720, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def make_image(fmt='PNG', size=(32, 32), colour=(10, 120, 200)):
    """A picture of one ``colour`` in ``fmt`` ('PNG', 'JPEG', ...)."""
    buf = io.BytesIO()
    Image.new('RGB', size, colour).save(buf, format=fmt)
    return buf.getvalue()


def pdf_text(data):
    """The text of every page of a PDF, NFC-normalised, with white space folded to one space.

    Folded because text extraction breaks lines where the layout does.
    """
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = '\n'.join(page.extract_text() for page in reader.pages)
    return ' '.join(unicodedata.normalize('NFC', text).split())
