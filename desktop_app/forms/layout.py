"""The Party document frame (Hướng dẫn 36-HD/VPTW, domain.md §8) on A4, built with reportlab
platypus so long text and long lists wrap and paginate.

A form builds a ``Document``: ``head`` (issuing body top left with the star and "Số 01-NQ/CB",
"ĐẢNG CỘNG SẢN VIỆT NAM" top right with its rule and the italic place and date), ``title``,
``paragraph``/``line``/``heading``/``writing_lines``/``table`` for the body, ``closing`` for
"Nơi nhận" and the signature (or ``signatures`` for two signers side by side), then ``build()``
gives the PDF bytes. Lists print on landscape pages (``Document(..., landscape=True)``, the same
margins) in tables whose header rows repeat on every page. Every string passes ``fonts.preflight``
(NFC, characters the font lacks refused) with the field it came from; a register fact is a
``Value``, printed as a dotted blank when the register does not know it.

Margins, sizes and spacing are the constants below; page numbers from the second page of each
document, centred 10 mm from the top edge.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.forms import fonts
from desktop_app.services.documents import ISSUER_SYMBOL


@dataclass(frozen=True)
class Margins:
    top: float
    bottom: float
    left: float
    right: float


# Front side as the party handbooks give HD 36 (domain.md §8): 25 / 25 / 35 / 15 mm.
MARGINS = Margins(top=25 * mm, bottom=25 * mm, left=35 * mm, right=15 * mm)
PAGE = A4
PAGE_NUMBER_FROM_TOP = 10 * mm
SIZES = {  # points, HD 36
    "heading": 15,  # ĐẢNG CỘNG SẢN VIỆT NAM, bold capitals
    "issuer": 14,  # upper level regular, the cell bold, capitals
    "number": 14,
    "date": 14,  # italic
    "kind": 16,  # NGHỊ QUYẾT, bold capitals
    "subject": 14,  # bold
    "body": 14,
    "signature": 14,  # bold
    "recipients_label": 14,  # "Nơi nhận:", underlined
    "recipients": 12,
    "table": 11,
    "table_small": 10,  # a wide list: the 14 columns of the member book
    "table_small_head": 9,  # its headers, long as the book has them
    "note": 12,  # notes under a table, italic
    "page_number": 14,
}
LEADING = 1.3  # line height as a multiple of the size
PARAGRAPH_GAP = 4  # points after a body paragraph
FIRST_LINE_INDENT = 10 * mm
WRITING_GAP = 9 * mm  # between handwriting lines
SIGNATURE_SPACE = 24 * mm
HEADING_ROOM = 35 * mm  # a heading, a table's header and its first rows, or a few lines
TABLE_PADDING = 3  # points around the text of a table cell
TABLE_PADDING_SMALL = 2
DOT = "."
BLANK_DOTS = 16  # an inline blank: "................"
FILE_FIELD = "mẫu in"  # where a fixed text of the form comes from, for preflight messages


def frame_box(pagesize: tuple[float, float] = PAGE) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of the text area, in points from the bottom-left corner."""
    width, height = pagesize
    return (MARGINS.left, MARGINS.bottom, width - MARGINS.right, height - MARGINS.top)


# -- dates ---------------------------------------------------------------------------------


def party_date(on: dt.date | None) -> str:
    """ "ngày 05 tháng 3 năm 2026": a leading zero on days below 10 and on months 1 and 2
    (HD 36); dotted blanks when the date is not known."""
    if on is None:
        blank = DOT * 7
        return f"ngày {blank} tháng {blank} năm {blank}"
    month = f"{on.month:02d}" if on.month < 3 else str(on.month)
    return f"ngày {on.day:02d} tháng {month} năm {on.year}"


def date_line(place: str | None, on: dt.date | None) -> str:
    """ "Quy Nhơn Nam, ngày 05 tháng 3 năm 2026"."""
    return f"{place or DOT * 16}, {party_date(on)}"


# -- what a form gives ---------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """A fact from the register, named for error messages; empty prints a dotted blank."""

    text: str | None
    field: str
    blank: int = BLANK_DOTS

    @property
    def known(self) -> bool:
        return bool(self.text and self.text.strip())


Part = str | Value
Cell = Part | tuple[Part, ...]  # a table cell: one part, or several printed together


@dataclass(frozen=True)
class Issuer:
    """The issuing body, top left: the upper level (regular) above the cell (bold)."""

    upper_level: str
    name: str


@dataclass(frozen=True)
class Head:
    issuer: Issuer | None  # None: a personal letter (3-KNĐ), the right column only
    number: str | None  # "01-NQ/CB" → "Số 01-NQ/CB"; "" → a blank number; None → no line
    place: str | None
    date: dt.date | None
    number_kind: str = "NQ"  # for a blank number: "Số ........-NQ/CB"
    symbol: str = ISSUER_SYMBOL  # the issuing body's: CB for a cell, ĐU for a đảng ủy


@dataclass(frozen=True)
class Signature:
    roles: tuple[str, ...]  # ("T/M CHI BỘ", "BÍ THƯ")
    name: Value
    note: str = ""  # "(Ký, ghi rõ họ tên)" under the roles, italic


@dataclass(frozen=True)
class Recipients:
    lines: tuple[Part | tuple[Part, ...], ...]  # ("- ", Value("Đảng ủy phường …"), ",")
    file_copy: str = "Lưu chi bộ."


# -- styles --------------------------------------------------------------------------------


def _style(name: str, size: float, font: str = fonts.REGULAR, **extra) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=round(size * LEADING, 1), **extra
    )


def _styles() -> dict[str, ParagraphStyle]:
    body = SIZES["body"]
    return {
        "body": _style(
            "body", body, alignment=TA_JUSTIFY, firstLineIndent=FIRST_LINE_INDENT,
            spaceAfter=PARAGRAPH_GAP,
        ),
        "body_bold": _style(
            "body_bold", body, fonts.BOLD, alignment=TA_JUSTIFY,
            firstLineIndent=FIRST_LINE_INDENT, spaceAfter=PARAGRAPH_GAP,
        ),
        "line": _style("line", body, alignment=TA_LEFT, spaceAfter=PARAGRAPH_GAP),
        "heading": _style(
            "heading", body, fonts.BOLD, alignment=TA_LEFT, spaceBefore=6,
            spaceAfter=PARAGRAPH_GAP,
        ),
        "center": _style("center", body, alignment=TA_CENTER),
        "center_bold": _style("center_bold", body, fonts.BOLD, alignment=TA_CENTER),
        "center_italic": _style("center_italic", body, fonts.ITALIC, alignment=TA_CENTER),
        "italic": _style("italic", body, fonts.ITALIC, alignment=TA_JUSTIFY),
        "note": _style("note", SIZES["note"], fonts.ITALIC, alignment=TA_JUSTIFY),
        "issuer": _style("issuer", SIZES["issuer"], alignment=TA_CENTER),
        "issuer_bold": _style("issuer_bold", SIZES["issuer"], fonts.BOLD, alignment=TA_CENTER),
        "number": _style("number", SIZES["number"], alignment=TA_CENTER),
        "date": _style("date", SIZES["date"], fonts.ITALIC, alignment=TA_CENTER),
        "kind": _style(
            "kind", SIZES["kind"], fonts.BOLD, alignment=TA_CENTER, spaceBefore=14
        ),
        "subject": _style("subject", SIZES["subject"], fonts.BOLD, alignment=TA_CENTER),
        "signature": _style("signature", SIZES["signature"], fonts.BOLD, alignment=TA_CENTER),
        "recipients_label": _style(
            "recipients_label", SIZES["recipients_label"]
        ),
        "recipients": _style("recipients", SIZES["recipients"]),
        **_table_styles("", SIZES["table"], SIZES["table"]),
        **_table_styles("_small", SIZES["table_small"], SIZES["table_small_head"]),
    }  # fmt: skip


def _table_styles(suffix: str, size: float, head: float) -> dict[str, ParagraphStyle]:
    return {
        f"table{suffix}": _style(f"table{suffix}", size),
        f"table_center{suffix}": _style(f"table_center{suffix}", size, alignment=TA_CENTER),
        f"table_head{suffix}": _style(f"table_head{suffix}", head, fonts.BOLD, alignment=TA_CENTER),
    }


# -- flowables -----------------------------------------------------------------------------


class RuledHeading(Flowable):
    """Centred bold capitals with a rule of the same length under them."""

    def __init__(self, text: str, size: float = SIZES["heading"]):
        super().__init__()
        self.text, self.size = text, size
        self.text_width = stringWidth(text, fonts.BOLD, size)

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = self.size * 1.45
        return self.width, self.height

    def draw(self):
        x = (self.width - self.text_width) / 2
        baseline = self.height - self.size * 0.9
        self.canv.setFont(fonts.BOLD, self.size)
        self.canv.drawString(x, baseline, self.text)
        self.canv.setLineWidth(0.6)
        rule = baseline - self.size * 0.35
        self.canv.line(x, rule, x + self.text_width, rule)


PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"


@cache
def _heading_width() -> float:
    fonts.register()
    return stringWidth(PARTY, fonts.BOLD, SIZES["heading"])


class Balanced(Flowable):
    """A centred paragraph whose lines are balanced: wrapped at the narrowest width that keeps
    its number of lines ("ĐẢNG BỘ PHƯỜNG / QUY NHƠN NAM", not "… QUY NHƠN / NAM")."""

    def __init__(self, markup: str, style: ParagraphStyle):
        super().__init__()
        self.markup, self.style = markup, style
        self.para: Paragraph | None = None
        self.inner = 0.0

    def _height(self, width: float) -> float:
        return Paragraph(self.markup, self.style).wrap(width, 1e6)[1]

    def wrap(self, avail_width, avail_height):
        target = self._height(avail_width)
        low, high = avail_width / 4, avail_width
        if target > self.style.leading * 1.5:  # more than one line: balance them
            for _ in range(14):
                mid = (low + high) / 2
                low, high = (low, mid) if self._height(mid) <= target else (mid, high)
        self.inner = high
        self.para = Paragraph(self.markup, self.style)
        _, self.height = self.para.wrap(self.inner, avail_height)
        self.width = avail_width
        return self.width, self.height

    def getSpaceBefore(self):  # reportlab's names
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def draw(self):
        assert self.para is not None
        self.para.drawOn(self.canv, (self.width - self.inner) / 2, 0)


class WritingLines(Flowable):
    """Dotted lines across the text width, for what is written by hand."""

    def __init__(self, count: int, gap: float = WRITING_GAP):
        super().__init__()
        self.count, self.gap = count, gap

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.count * self.gap

    def getSpaceAfter(self):
        return PARAGRAPH_GAP + 4

    def split(self, avail_width, avail_height):
        fits = int(avail_height // self.gap)
        if fits <= 0 or fits >= self.count:
            return []
        return [WritingLines(fits, self.gap), WritingLines(self.count - fits, self.gap)]

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(0.8)
        canvas.setLineCap(1)
        canvas.setDash(0.1, 3)
        for row in range(self.count):
            y = self.count * self.gap - (row + 1) * self.gap + 2
            canvas.line(0.5, y, self.width - 0.5, y)
        canvas.restoreState()


class LeaderLine(Flowable):
    """A line of text whose trailing blank is dotted to the end of its last line."""

    def __init__(self, markup: str, style: ParagraphStyle):
        super().__init__()
        self.markup, self.style = markup, style
        self.para: Paragraph | None = None

    def _para(self, dots: int) -> Paragraph:
        return Paragraph(f"{self.markup}{DOT * dots}", self.style)

    def _height(self, dots: int, width: float) -> float:
        return self._para(dots).wrap(width, 1e6)[1]

    def wrap(self, avail_width, avail_height):
        least = 4
        target = self._height(least, avail_width)
        low, high = (
            least,
            int(avail_width / stringWidth(DOT, self.style.fontName, self.style.fontSize)) + 1,
        )
        while low < high:  # the most dots that keep the height of the shortest blank
            mid = (low + high + 1) // 2
            if self._height(mid, avail_width) == target:
                low = mid
            else:
                high = mid - 1
        self.para = self._para(low)
        self.width, self.height = self.para.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        if self.para is None:
            self.wrap(avail_width, avail_height)
        assert self.para is not None
        return self.para.split(avail_width, avail_height)

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def draw(self):
        assert self.para is not None
        self.para.drawOn(self.canv, 0, 0)


class KeepTail(Flowable):
    """A list table and the block that closes it (a signature): where the block does not fit
    under the table's end, the table's last row goes to the next page with it, under the
    repeated header, so a signature never stands alone on a page."""

    def __init__(self, table: Table, tail: list[Flowable]):
        super().__init__()
        self.table, self.tail = table, tail
        self.table_height = 0.0
        self.tail_heights: list[float] = []

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.table_height = self.table.wrap(avail_width, avail_height)[1]
        self.tail_heights = [f.wrap(avail_width, avail_height)[1] for f in self.tail]
        self.height = self.table_height + sum(self.tail_heights)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        self.wrap(avail_width, avail_height)
        parts = self.table.split(avail_width, avail_height)
        if len(parts) < 2:  # the table fits here, the block does not: keep back the last row
            above = sum(self.table._rowHeights[:-1])
            parts = self.table.split(avail_width, min(above + 0.01, avail_height))
        if len(parts) < 2:  # only the last row is left: it goes over with the block
            frame = getattr(self, "_frame", None)
            at_top = bool(frame is not None and frame._atTop)
            return [self.table, *self.tail] if at_top else []  # taller than a page: as it comes
        first, rest = parts
        for part in (first, rest):
            part._sochibo_list = True
        return [first, KeepTail(rest, self.tail)]

    def draw(self):
        y = self.height - self.table_height
        self.table.drawOn(self.canv, 0, y)
        for flowable, height in zip(self.tail, self.tail_heights, strict=True):
            y -= height
            flowable.drawOn(self.canv, 0, y)


class _DocumentStart(Flowable):
    """Marks the first page of a document, so page numbers restart there."""

    _ZEROSIZE = True

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.canv._sochibo_first_page = self.canv.getPageNumber()


# -- the document --------------------------------------------------------------------------


@dataclass
class Document:
    """One PDF: one or more documents (``new_document`` restarts the page numbers)."""

    form: str  # the form code, for preflight messages ("6-KNĐ")
    pdf_title: str  # the title the PDF file carries
    landscape: bool = False
    story: list[Flowable] = field(default_factory=list)

    def __post_init__(self) -> None:
        fonts.register()
        self.styles = _styles()
        self.pagesize = landscape(PAGE) if self.landscape else PAGE
        self.width = self.pagesize[0] - MARGINS.left - MARGINS.right

    # -- text ------------------------------------------------------------------------------

    def text(self, value: str, field: str = FILE_FIELD) -> str:
        """NFC, checked against the font, escaped for reportlab's markup."""
        clean = fonts.preflight(value, form=self.form, field=field)
        return escape(clean).replace("\n", "<br/>")

    def markup(self, parts: Sequence[Part]) -> str:
        out = []
        for part in parts:
            if isinstance(part, Value):
                out.append(self.text(part.text, part.field) if part.known else DOT * part.blank)
            else:
                out.append(self.text(part))
        return "".join(out)

    def plain(self, parts: Sequence[Part]) -> str:
        """The parts as text to draw as is: NFC, checked against the font, not escaped."""
        out = []
        for part in parts:
            if isinstance(part, Value):
                value = (part.text or "") if part.known else DOT * part.blank
                out.append(fonts.preflight(value, form=self.form, field=part.field))
            else:
                out.append(fonts.preflight(part, form=self.form, field=FILE_FIELD))
        return "".join(out)

    # -- blocks ----------------------------------------------------------------------------

    def head(self, head: Head) -> None:
        """The two columns of HD 36: issuing body and number left, heading and date right."""
        s = self.styles
        line = date_line(head.place, head.date)
        wanted = max(_heading_width(), stringWidth(line, fonts.ITALIC, SIZES["date"])) + 3 * mm
        widest = 0.6 if head.issuer is not None else 0.8  # a letter has no left column
        left_width = self.width - min(wanted, self.width * widest)
        left_width = min(left_width, self.width / 2)  # landscape: the issuer stays at the left
        left: list[Flowable] = []
        if head.issuer is not None:
            issuer = head.issuer
            if issuer.upper_level:
                upper = self.text(issuer.upper_level.upper(), "cấp ủy cấp trên")
                left.append(Balanced(upper, s["issuer"]))
            left.append(Balanced(self.text(issuer.name.upper(), "tên chi bộ"), s["issuer_bold"]))
            left.append(Paragraph("*", s["issuer"]))
        number: list[Flowable] = []
        if head.number is not None:
            text = head.number or f"{DOT * 8}-{head.number_kind}/{head.symbol}"
            number.append(Paragraph(self.text(f"Số {text}", "số văn bản"), s["number"]))
        date = Paragraph(self.text(line, "địa danh, ngày"), s["date"])
        table = Table(
            [[left, [RuledHeading(PARTY)]], [number, [date]]],
            colWidths=[left_width, self.width - left_width],
            style=_plain_table(),
        )
        self.story.append(table)

    def title(self, kind: str, subject: Part | None = None, *, dashes: bool = True) -> None:
        s = self.styles
        self.story.append(Balanced(self.text(kind.upper()), s["kind"]))
        if subject is not None:
            self.story.append(Balanced(self.markup([subject]), s["subject"]))
        if dashes:
            self.story.append(Paragraph("-----", s["center"]))
        self.story.append(Spacer(1, 10))

    def paragraph(self, *parts: Part, style: str = "body") -> None:
        """A justified body paragraph, first line indented; wraps and splits across pages."""
        self.story.append(Paragraph(self.markup(parts), self.styles[style]))

    def line(self, *parts: Part, style: str = "line") -> None:
        """A left-aligned line; a trailing blank is dotted to the end of the line."""
        if parts and isinstance(parts[-1], Value) and not parts[-1].known:
            self.story.append(LeaderLine(self.markup(parts[:-1]), self.styles[style]))
        else:
            self.story.append(Paragraph(self.markup(parts), self.styles[style]))

    def writing_lines(self, count: int) -> None:
        self.story.append(WritingLines(count))

    def spacer(self, height_mm: float) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def heading(self, *parts: Part) -> None:
        """A bold section heading at the left margin, on a new page when fewer than
        ``HEADING_ROOM`` are left under it (a long table after it still starts on its page)."""
        self.story.append(CondPageBreak(HEADING_ROOM))
        self.story.append(Paragraph(self.markup(parts), self.styles["heading"]))

    def table(
        self,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[Cell]],
        *,
        centered: Sequence[int] = (),
        small: bool = False,
        numbered: bool = False,
        padding: float | None = None,
    ) -> None:
        """A ruled table; ``columns`` are (header, share of the width); the header row (and,
        when ``numbered``, a row of column numbers under it, as the Party's books have) is
        repeated on every page; cells wrap, and a row is never split across pages. A cell is
        a ``Part`` or a tuple of them; ``small`` prints at the smaller table size, with less
        padding; ``padding`` (points around each cell of the body) makes rows taller, for a
        signature."""
        s, suffix = self.styles, "_small" if small else ""
        total = sum(share for _, share in columns)
        widths = [self.width * share / total for _, share in columns]
        usual = TABLE_PADDING_SMALL if small else TABLE_PADDING
        inner = [w - 2 * usual for w in widths]
        frame = self.pagesize[1] - MARGINS.top - MARGINS.bottom
        head_style = s[f"table_head{suffix}"]
        headers = [header for header, _ in columns]
        data: list[list[Flowable | str]] = [
            [self._cell(h, head_style, w, frame) for h, w in zip(headers, inner, strict=True)]
        ]
        if numbered:
            data.append([str(i) for i in range(1, len(columns) + 1)])
        head = len(data)
        taken = sum(_row_height(row, inner, head_style.leading) + 2 * usual for row in data)
        room = frame - taken - 2 * (usual if padding is None else padding) - 1
        plain, center = s[f"table{suffix}"], s[f"table_center{suffix}"]
        for row in rows:
            cells = [
                self._cell(cell, center if i in centered else plain, inner[i], room)
                for i, cell in enumerate(row)
            ]
            data += _fit_row(cells, inner, room)
        body = padding if len(data) > head else None
        style = _list_style(plain, head_style, usual, head, centered, body)
        table = Table(data, colWidths=widths, repeatRows=head, style=style)
        table._sochibo_list = True  # a closing after it keeps its last row (see KeepTail)
        self.story.append(table)

    def _cell(self, cell: Cell, style: ParagraphStyle, inner: float, room: float) -> Flowable | str:
        """A table cell: its text wrapped here to the column's width as plain lines (drawn as
        they are: cheap for a 300-row list), or a Paragraph when a word is wider than the
        column or the text taller than a page (the Paragraph breaks the word, or the row is
        continued on the next page by ``_fit_row``)."""
        parts = cell if isinstance(cell, tuple) else (cell,)
        text = self.plain(parts)
        if not text:
            return ""
        lines = _wrapped(text, style, inner)
        if lines is not None and len(lines) * style.leading <= room:
            return "\n".join(lines)
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    def signatures(self, left: Signature, right: Signature) -> None:
        """Two signers side by side (the minute-taker left, the chair right), on one page."""
        s = self.styles
        columns = []
        for signature in (left, right):
            cell: list[Flowable] = [
                Paragraph(self.text(role), s["signature"]) for role in signature.roles
            ]
            if signature.note:
                cell.append(Paragraph(self.text(signature.note), s["center_italic"]))
            cell.append(Spacer(1, SIGNATURE_SPACE))
            cell.append(Paragraph(self.markup([signature.name]), s["signature"]))
            columns.append(cell)
        table = Table([columns], colWidths=[self.width / 2] * 2, style=_plain_table())
        self._end([Spacer(1, 10), table])

    def closing(self, signature: Signature | None, recipients: Recipients | None = None) -> None:
        """ "Nơi nhận" at the left, the signature at the right, kept on one page."""
        s = self.styles
        left: list[Flowable] = []
        if recipients is not None:
            left.append(Paragraph("<u>Nơi nhận:</u>", s["recipients_label"]))
            for item in (*recipients.lines, f"- {recipients.file_copy}"):
                parts = item if isinstance(item, tuple) else (item,)
                left.append(Paragraph(self.markup(parts), s["recipients"]))
        right: list[Flowable] = []
        if signature is not None:
            right += [Paragraph(self.text(role), s["signature"]) for role in signature.roles]
            if signature.note:
                right.append(Paragraph(self.text(signature.note), s["center_italic"]))
            right.append(Spacer(1, SIGNATURE_SPACE))
            right.append(Paragraph(self.markup([signature.name]), s["signature"]))
        left_width = self.width * 0.45
        table = Table(
            [[left, right]], colWidths=[left_width, self.width - left_width], style=_plain_table()
        )
        self._end([Spacer(1, 10), table])

    def _end(self, block: list[Flowable]) -> None:
        """The closing block, on one page; right under a list, it takes the list's last row
        with it rather than start a page alone."""
        last = self.story[-1] if self.story else None
        if isinstance(last, Table) and getattr(last, "_sochibo_list", False):
            self.story[-1] = KeepTail(last, block)
        else:
            self.story.append(KeepTogether(block))

    def new_document(self) -> None:
        """Start the next document of the same PDF on a new page, numbered from 1."""
        self.story += [PageBreak(), _DocumentStart()]

    def add(self, flowable: Flowable) -> None:
        """Any other platypus flowable (its text must have passed ``text``)."""
        self.story.append(flowable)

    # -- output ----------------------------------------------------------------------------

    def build(self) -> bytes:
        out = io.BytesIO()
        left, bottom, right, top = frame_box(self.pagesize)
        frame = Frame(left, bottom, right - left, top - bottom, id="text",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        doc = BaseDocTemplate(
            out,
            pagesize=self.pagesize,
            pageTemplates=[PageTemplate("page", [frame], onPageEnd=self._page_number)],
            title=fonts.preflight(self.pdf_title, form=self.form, field="tên tệp"),
            author="Sổ Chi bộ",
            creator="Sổ Chi bộ",
            initialFontName=fonts.REGULAR,
            invariant=True,  # the same register gives the same bytes
            leftMargin=left,
            rightMargin=self.pagesize[0] - right,
            topMargin=self.pagesize[1] - top,
            bottomMargin=bottom,
        )
        doc.build(list(self.story))
        return out.getvalue()

    def _page_number(self, canvas, doc) -> None:
        page = canvas.getPageNumber() - getattr(canvas, "_sochibo_first_page", 1) + 1
        if page < 2:
            return
        left, _bottom, right, _top = frame_box(self.pagesize)
        size = SIZES["page_number"]
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, size)
        y = self.pagesize[1] - PAGE_NUMBER_FROM_TOP - size * 0.75
        canvas.drawCentredString((left + right) / 2, y, str(page))
        canvas.restoreState()


def _wrapped(text: str, style: ParagraphStyle, inner: float) -> list[str] | None:
    """The lines of ``text`` wrapped at spaces to ``inner`` points, or None when a word alone
    is wider than that."""
    font, size = style.fontName, style.fontSize
    lines: list[str] = []
    for line in text.split("\n"):
        lines += simpleSplit(line, font, size, inner) or [""]
    if any(stringWidth(line, font, size) > inner for line in lines):
        return None
    return lines


def _row_height(cells: list, inner: list[float], leading: float) -> float:
    """The text height of a row of plain-text or Paragraph cells."""
    heights = [
        cell.wrap(w, 1e6)[1] if isinstance(cell, Flowable) else (cell.count("\n") + 1) * leading
        for cell, w in zip(cells, inner, strict=True)
    ]
    return max(heights)


def _fit_row(cells: list, inner: list[float], room: float) -> list[list]:
    """A row as one table row or, when its text is taller than a page can hold under the
    header, as that row and continuation rows (the number column left blank), each fitting a
    page: nothing is lost and only a row no page could hold is split. Plain-text cells always
    fit (``Document._cell``); only Paragraphs are measured."""
    rows = []
    while True:
        tall = [
            i
            for i, cell in enumerate(cells)
            if isinstance(cell, Paragraph) and cell.wrap(inner[i], 1e6)[1] > room
        ]
        if not tall:
            return [*rows, cells]
        first, rest = list(cells), [""] * len(cells)
        for i in tall:
            parts = cells[i].split(inner[i], room)
            if len(parts) == 2:
                first[i], rest[i] = parts
        if rest == [""] * len(cells):  # cannot be split further: as it comes
            return [*rows, cells]
        rows.append(first)
        cells = rest


def _list_style(
    body: ParagraphStyle,
    head_style: ParagraphStyle,
    usual: float,
    head: int,
    centered: Sequence[int],
    padding: float | None,
) -> TableStyle:
    """A ruled list. Plain-text cells take the font, size, line height and alignment of their
    row: the header bold and centred, the column numbers italic, the body as ``body``."""
    style = _plain_table(padding=usual)
    style.add("GRID", (0, 0), (-1, -1), 0.5, "black")
    style.add("VALIGN", (0, 0), (-1, -1), "MIDDLE")
    for row, font in zip(range(head), (fonts.BOLD, fonts.ITALIC), strict=False):
        style.add("FONTNAME", (0, row), (-1, row), font)
        style.add("FONTSIZE", (0, row), (-1, row), head_style.fontSize)
        style.add("LEADING", (0, row), (-1, row), head_style.leading)
        style.add("ALIGN", (0, row), (-1, row), "CENTER")
    style.add("FONTSIZE", (0, head), (-1, -1), body.fontSize)
    style.add("LEADING", (0, head), (-1, -1), body.leading)
    for column in centered:
        style.add("ALIGN", (column, head), (column, -1), "CENTER")
    if padding is not None:  # the header keeps the usual padding
        style.add("TOPPADDING", (0, head), (-1, -1), padding)
        style.add("BOTTOMPADDING", (0, head), (-1, -1), padding)
    return style


def _plain_table(padding: float = 0) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding + (0 if padding else 2)),
        ]
    )
