"""The Vietnamese administrative document layout (Nghị định 30/2020/NĐ-CP), in reportlab.

One ``AdminDocument`` describes a page's content; ``render_document`` lays it
out on A4: the issuing agency and number on the left and the national motto
on the right, place and date, the title, the body, the signer block and the
recipients, and a QR code in the top-left corner (Circular 01/2023/TT-VPCP
puts it there). It also reports where the signer's signature space landed,
so the signing code can put the visible PAdES stamp exactly there.

Typography as Decree 30/2020's Phụ lục I sets it: the national motto in
bold capitals (12-13 pt), the maxim "Độc lập - Tự do - Hạnh phúc" in bold
(13-14 pt) underlined by a solid line as long as itself, the agency's name
in bold capitals with a short line under it, the number and the body at
13 pt, place and date in italics, the title in bold capitals at 14 pt.
"""
import dataclasses
import datetime
import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle,
)

from tthc_docs.pdf.fonts import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    FONT_SANS,
    nfc,
    RENDER_LOCK,
    register_fonts,
)
from tthc_docs.pdf.qr import draw_qr

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"

PAGE_W, PAGE_H = A4
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 30 * mm, 18 * mm, 20 * mm, 20 * mm
QR_SIZE = 22 * mm
MOTTO_SIZE, MOTTO_2_SIZE = 12, 13


@dataclasses.dataclass(frozen=True)
class Para:
    """A body paragraph; ``indent`` False for a numbered line, ``bold`` for a heading."""

    text: str
    indent: bool = True
    bold: bool = False


@dataclasses.dataclass(frozen=True)
class Grid:
    """A ruled table: header cells, rows of cells, column widths as fractions of the text width."""

    header: tuple
    rows: tuple
    widths: tuple
    size: float = 11
SIGNATURE_W, SIGNATURE_H = 70 * mm, 24 * mm


@dataclasses.dataclass(frozen=True)
class AdminDocument:
    """The content of one administrative document; every text is plain (escaped here)."""

    agency: str
    title: str
    date: datetime.date
    parent_agency: str = ""
    number: str = ""
    place: str = ""               # "Thái Nguyên": the caller passes tthc_docs.place_name
    subtitle: str = ""
    paragraphs: tuple = ()
    facts: tuple = ()              # (label, value) pairs shown as a two-column list
    closing: tuple = ()            # paragraphs after the facts
    signer_authority: str = ""     # e.g. "KT. GIÁM ĐỐC"
    signer_title: str = ""         # e.g. "PHÓ GIÁM ĐỐC"
    signer_name: str = ""
    signer_hint: str = ""          # e.g. "(Ký và ghi rõ họ tên)"
    addressee: str = ""            # "Kính gửi: ..."
    body: tuple = ()               # Para / Grid / ("facts", rows) blocks after the paragraphs
    left_signer: tuple = ()        # (title, hint, name) of a second signer on the left
    landscape: bool = False
    recipients: tuple = ()         # "Nơi nhận" lines
    qr_text: str = ""
    qr_caption: str = ""
    reserve_signature: bool = True
    subject: str = ""              # PDF metadata (e.g. the dossier code)
    keywords: str = ""


@dataclasses.dataclass(frozen=True)
class Rendered:
    """PDF bytes and where the signature space is: (page index from 0, x1, y1, x2, y2) in points."""

    data: bytes
    signature_box: tuple | None


def signer_lines(title):
    """(authority, title) of a signer block: a deputy signs "KT." for the head (NĐ 30/2020, art. 13)."""
    title = (title or "").strip()
    if title.lower().startswith("phó "):
        return f"KT. {title[4:]}", title
    return "", title


def long_date(place, d):
    """'Thái Nguyên, ngày 27 tháng 11 năm 2026'; days < 10 and months 1-2 get a leading zero (NĐ 30)."""
    day = f"{d.day:02d}" if d.day < 10 else str(d.day)
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    prefix = f"{nfc(place)}, " if place else ""
    return f"{prefix}ngày {day} tháng {month} năm {d.year}"


def _styles():
    base = dict(fontName=FONT, fontSize=13, leading=17)
    return {
        "plain": ParagraphStyle("p", alignment=TA_JUSTIFY, spaceBefore=3, **base),
        "hint": ParagraphStyle("h", alignment=TA_CENTER, fontName=FONT_ITALIC, fontSize=12, leading=14),
        "center": ParagraphStyle("c", alignment=TA_CENTER, **base),
        "center_small": ParagraphStyle("cs", alignment=TA_CENTER, fontName=FONT, fontSize=12.5, leading=15),
        "number": ParagraphStyle("n", alignment=TA_CENTER, fontName=FONT, fontSize=13, leading=16, spaceBefore=3),
        "center_bold": ParagraphStyle("cb", alignment=TA_CENTER, **{**base, "fontName": FONT_BOLD}),
        "motto": ParagraphStyle("m", alignment=TA_CENTER, fontName=FONT_BOLD, fontSize=MOTTO_SIZE,
                                leading=15),
        "motto_2": ParagraphStyle("m2", alignment=TA_CENTER, fontName=FONT_BOLD, fontSize=MOTTO_2_SIZE,
                                  leading=16),
        "date": ParagraphStyle("d", alignment=TA_CENTER, fontName=FONT_ITALIC, fontSize=13, leading=16,
                               spaceBefore=4),
        "title": ParagraphStyle("t", alignment=TA_CENTER, fontName=FONT_BOLD, fontSize=14, leading=19,
                                spaceBefore=6 * mm),
        "body": ParagraphStyle("b", alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceBefore=4, **base),
        "fact": ParagraphStyle("f", alignment=TA_LEFT, **base),
        "small": ParagraphStyle("s", alignment=TA_LEFT, fontName=FONT, fontSize=11, leading=13),
        "small_bi": ParagraphStyle("sbi", alignment=TA_LEFT, fontName=FONT_BOLD_ITALIC, fontSize=12, leading=14),
    }


def _p(text, style, bold=False):
    text = escape(nfc(text)).replace("\n", "<br/>")
    return Paragraph(f"<b>{text}</b>" if bold else text, style)


class Rule(Flowable):
    """The short centred line drawn under the agency name and under the motto."""

    def __init__(self, width):
        super().__init__()
        self.rule_width = width

    def wrap(self, avail_w, avail_h):
        self._avail = avail_w
        return avail_w, 4

    def draw(self):
        x = (self._avail - self.rule_width) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(x, 1, x + self.rule_width, 1)


class SignatureSpace(Flowable):
    """Blank room for the signature stamp; records where it was drawn (page, absolute box)."""

    def __init__(self, width, height, sink):
        super().__init__()
        self.width, self.height, self.sink = width, height, sink

    def wrap(self, avail_w, avail_h):
        self._avail = avail_w
        return avail_w, self.height

    def draw(self):
        x = (self._avail - self.width) / 2
        x1, y1 = self.canv.absolutePosition(x, 0)
        self.sink["box"] = (self.canv.getPageNumber() - 1, x1, y1, x1 + self.width, y1 + self.height)


def _header(doc, styles, width):
    left = []
    if doc.parent_agency:
        left.append(_p(doc.parent_agency.upper(), styles["center_small"]))
    left += [_p(doc.agency.upper(), styles["center_small"], bold=True), Rule(width * 0.40 / 3)]
    if doc.number:
        left.append(_p(f"Số: {doc.number}", styles["number"]))
    right = [
        _p(MOTTO, styles["motto"]), _p(MOTTO_2, styles["motto_2"]),
        Rule(stringWidth(MOTTO_2, FONT_BOLD, MOTTO_2_SIZE)),
        _p(long_date(doc.place, doc.date), styles["date"]),
    ]
    table = Table([[left, right]], colWidths=[width * 0.40, width * 0.60])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _facts(doc, styles, width):
    return _facts_table(doc.facts, styles, width)


def _facts_table(facts, styles, width):
    """Label/value rows; a label that already ends in ':' gets no second one."""
    rows = [[_p(label if label.endswith(":") else f"{label}:", styles["fact"]), _p(value, styles["fact"])]
            for label, value in facts]
    table = Table(rows, colWidths=[width * 0.38, width * 0.62])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _signer_column(authority, title, hint, name, styles, space):
    column = []
    if authority:
        column.append(_p(authority.upper(), styles["center_bold"]))
    if title:
        column.append(_p(title.upper(), styles["center_bold"]))
    if hint:
        column.append(_p(hint, styles["hint"]))
    column.append(space)
    if name:
        column.append(_p(name, styles["center_bold"]))
    return column


def _signer_block(doc, styles, width, sink):
    left = []
    if doc.left_signer:
        title, hint, name = doc.left_signer
        left = _signer_column("", title, hint, name, styles, Spacer(1, SIGNATURE_H))
    elif doc.recipients:
        left.append(_p("Nơi nhận:", styles["small_bi"]))
        left += [_p(f"- {line}", styles["small"]) for line in doc.recipients]
    space = (SignatureSpace(SIGNATURE_W, SIGNATURE_H, sink) if doc.reserve_signature
             else Spacer(1, SIGNATURE_H))
    right = _signer_column(doc.signer_authority, doc.signer_title, doc.signer_hint,
                           doc.signer_name, styles, space)
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 6 * mm), table]


def _grid(grid, width):
    """A ruled table (the papers of Mẫu 01, the hand-overs of Mẫu 05, the register Mẫu 06)."""
    cell = ParagraphStyle("g", fontName=FONT, fontSize=grid.size, leading=grid.size * 1.25)
    head = ParagraphStyle("gh", parent=cell, fontName=FONT_BOLD, alignment=TA_CENTER)
    rows = [[_p(text, head) for text in grid.header]]
    rows += [[_p(str(text), cell) for text in row] for row in grid.rows]
    table = Table(rows, colWidths=[width * w for w in grid.widths], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _block(block, styles, width):
    if isinstance(block, Grid):
        return [Spacer(1, 1.5 * mm), _grid(block, width), Spacer(1, 1.5 * mm)]
    if isinstance(block, Para):
        return [_p(block.text, styles["body"] if block.indent else styles["plain"], bold=block.bold)]
    if isinstance(block, tuple) and block and block[0] == "facts":
        return [_facts_table(block[1], styles, width)]
    return [_p(str(block), styles["body"])]


#: How many label/value rows at least stay on the signature's page.
KEPT_ROWS = 3


def _story(doc, sink, width):
    """The flowables; the signature never stands alone on a page (see ``_ending``)."""
    styles = _styles()
    story = [_header(doc, styles, width), _p(doc.title.upper(), styles["title"])]
    if doc.subtitle:
        story.append(_p(doc.subtitle, styles["center_bold"]))
    if doc.addressee:
        story += [Spacer(1, 2 * mm), _p(doc.addressee, styles["center"])]
    story.append(Spacer(1, 4 * mm))
    story += [_p(text, styles["body"]) for text in doc.paragraphs]
    tail = []
    if doc.facts and not doc.body:
        head, kept = doc.facts[:-KEPT_ROWS], doc.facts[-KEPT_ROWS:]
        story.append(Spacer(1, 2 * mm))
        if head:
            story.append(_facts_table(head, styles, width))
        tail.append(_facts_table(kept, styles, width))
    elif doc.facts:
        story += [Spacer(1, 2 * mm), _facts(doc, styles, width)]
    for i, block in enumerate(doc.body):
        last_kept = i == len(doc.body) - 1 and not isinstance(block, Grid)
        (tail if last_kept else story).extend(_block(block, styles, width))
    tail += [_p(text, styles["body"]) for text in doc.closing]
    story.append(_ending(tail, _signer_block(doc, styles, width, sink)))
    return story


def _ending(tail, signer):
    """The last rows, the closing and the signer block, kept on one page.

    A signature alone on a page (or under one stray row) is not a document
    anyone can read as signed under its content (Decree 30/2020/NĐ-CP App.
    I: the signature follows the text); when they do not fit, they move
    to the next page together.
    """
    return KeepTogether(tail + signer)


def _caption_lines(text, width=QR_SIZE + 4 * mm):
    """The QR caption (a dossier code) on at most two lines, split at a hyphen when too wide."""
    if stringWidth(text, FONT_SANS, 5.5) <= width or "-" not in text:
        return [text]
    head, _, tail = text.partition("-")
    return [head, tail]


def _page_decorations(doc, created_at=None):
    def first_page(canvas, _template):
        if created_at is not None:   # both read when the file is written, after the last page
            canvas._doc._timeStamp = _CreatedAt(created_at)
            canvas._doc.updateSignature(created_at.isoformat())   # the ID differs per paper
        canvas.saveState()
        if doc.qr_text:
            y = page_h - 8 * mm - QR_SIZE
            draw_qr(canvas, doc.qr_text, 6 * mm, y, QR_SIZE)
            if doc.qr_caption:
                canvas.setFont(FONT_SANS, 5.5)
                canvas.setFillColor(colors.black)
                for i, part in enumerate(_caption_lines(nfc(doc.qr_caption))):
                    canvas.drawCentredString(6 * mm + QR_SIZE / 2, y - 6 - 6.5 * i, part)
        canvas.restoreState()

    page_w, page_h = landscape(A4) if doc.landscape else A4

    def later_pages(canvas, _template):
        canvas.saveState()
        canvas.setFont(FONT, 11)
        canvas.drawCentredString(page_w / 2, page_h - 12 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    return first_page, later_pages


def render_document(doc, font_dir=None, created_at=None):
    """Render ``doc`` to PDF bytes; returns ``Rendered(data, signature_box)``.

    With ``created_at`` (an aware datetime) the bytes depend on ``doc`` and
    the fonts alone: reportlab's invariant mode (a document ID from the
    content, no clock) with ``created_at`` as the PDF's creation date. A
    paper rendered long after its event, in another process, is then the
    same bytes as one rendered at once (``dossiers.papers``).
    """
    with RENDER_LOCK:
        return _render(doc, font_dir, created_at)


def _render(doc, font_dir, created_at):
    register_fonts(font_dir)
    buf = io.BytesIO()
    template = SimpleDocTemplate(
        buf, pagesize=landscape(A4) if doc.landscape else A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=nfc(doc.title), author=nfc(doc.agency), subject=nfc(doc.subject),
        keywords=nfc(doc.keywords), creator="tthc-docs", invariant=int(created_at is not None),
    )
    sink = {}
    first, later = _page_decorations(doc, created_at)
    template.build(_story(doc, sink, template.width), onFirstPage=first, onLaterPages=later)
    return Rendered(buf.getvalue(), sink.get("box"))


class _CreatedAt(TimeStamp):
    """reportlab's document time stamp fixed at ``at`` (its own offset), never the clock.

    The base's ``__init__`` reads the clock, so it is not called.
    """

    def __init__(self, at):
        offset = int(at.utcoffset().total_seconds() // 60)
        self.t, self.lt = at.timestamp(), at.timetuple()
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh, self.dmm = int(offset / 60), abs(offset) % 60
        self.tzname = at.tzname()
