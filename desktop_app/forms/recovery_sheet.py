"""The recovery sheet: one A4 page with the register's recovery key, to print and keep apart
from the computer.

The key is drawn large, each character centred in a cell of the same width, so it reads like
a typewriter's text in the one typeface of the printed forms (Liberation Serif, embedded) and
copies back without confusion. The sheet says which register it opens (the cell, the file
name, the register id), when it was made, who may use it and what to do if it is lost.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from desktop_app.forms import fonts
from desktop_app.forms.layout import MARGINS, PAGE

FORM = "Tờ khóa khôi phục"
TITLE = "TỜ KHÓA KHÔI PHỤC SỔ CHI BỘ"
UPPER_TITLE = "TỜ KHÓA KHÔI PHỤC SỔ LÀM VIỆC CỦA CẤP ỦY"
KEY_SIZE = 22  # points
CELL_WIDTH = 9 * mm  # one character of the key
GROUP_GAP = 7 * mm
PADDING = 2.5 * mm  # inside each group's box
GROUPS_PER_ROW = 3
INSTRUCTIONS = (
    (
        "Dùng khi nào",
        "Khi quên mật khẩu của sổ. Ở màn hình mở sổ, đánh dấu «Dùng khóa khôi phục», gõ khóa "
        "ở trên (chữ hoa hay chữ thường, có dấu gạch hay không đều được), rồi đặt ngay một mật "
        "khẩu mới. Trong khóa, 0 là số không và 1 là số một: khóa không có chữ O, I, L, U.",
    ),
    (
        "Ai được dùng",
        "Chỉ bí thư chi bộ, hoặc đồng chí được chi bộ giao giữ sổ. Ai có tờ này và tệp sổ "
        "là mở được sổ, đọc được hồ sơ của mọi đảng viên, nên không đưa cho người khác giữ hộ.",
    ),
    (
        "Cất giữ",
        "Cất tờ này nơi an toàn, tách khỏi máy tính và khỏi USB chứa sổ, ví dụ trong tủ hồ sơ "
        "có khóa của chi bộ. Không chụp ảnh, không gửi qua Zalo, thư điện tử hay mạng xã hội, "
        "không lưu khóa trong máy.",
    ),
    (
        "Nếu mất tờ này",
        "Mở sổ bằng mật khẩu, vào Cài đặt, chọn «Tạo khóa khôi phục mới» và in tờ mới. Từ lúc "
        "đó khóa trên tờ bị mất không mở được sổ nữa. Làm như vậy cả khi nghi tờ này đã bị "
        "người khác nhìn thấy. Có tờ mới thì hủy tờ cũ (xé nhỏ).",
    ),
)


@dataclass(frozen=True)
class Sheet:
    cell_name: str
    cell_code: str
    register_file: str
    register_id: str
    recovery_key: str
    today: dt.date
    upper: bool = False  # an upper level's workspace: its committee's name, no cell code


def _style(name: str, size: float, font: str = fonts.REGULAR, **extra) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.3, **extra)


def _paragraph(canvas: Canvas, markup: str, style: ParagraphStyle, top: float) -> float:
    """Draw a paragraph across the text width with its top at ``top``; returns its bottom."""
    width = PAGE[0] - MARGINS.left - MARGINS.right
    para = Paragraph(markup, style)
    _, height = para.wrap(width, 1e6)
    para.drawOn(canvas, MARGINS.left, top - height)
    return top - height


def _text(value: str, field: str) -> str:
    return escape(fonts.preflight(value, form=FORM, field=field))


def _details(sheet: Sheet) -> list[tuple[str, str]]:
    owner = (
        [("Cấp ủy", _text(sheet.cell_name, "Tên cấp ủy"))]
        if sheet.upper
        else [
            ("Chi bộ", _text(sheet.cell_name, "Tên chi bộ")),
            ("Mã chi bộ", _text(sheet.cell_code, "Mã chi bộ")),
        ]
    )
    return [
        *owner,
        ("Tệp sổ", _text(sheet.register_file, "Tên tệp sổ")),
        ("Mã sổ", _text(sheet.register_id, "Mã sổ")),
        ("Ngày lập", sheet.today.strftime("%d/%m/%Y")),
    ]


def _key_rows(key: str) -> list[list[str]]:
    groups = [g for g in key.upper().split("-") if g]
    return [groups[i : i + GROUPS_PER_ROW] for i in range(0, len(groups), GROUPS_PER_ROW)]


def _draw_key(canvas: Canvas, key: str, top: float) -> float:
    """The key in rows of three boxed groups, each character in a cell of fixed width."""
    rows = _key_rows(fonts.preflight(key, form=FORM, field="Khóa khôi phục"))
    group_width = 4 * CELL_WIDTH + 2 * PADDING
    row_height = KEY_SIZE * 1.9
    text_width = PAGE[0] - MARGINS.left - MARGINS.right
    canvas.setFont(fonts.BOLD, KEY_SIZE)
    canvas.setLineWidth(0.8)
    y = top
    for row in rows:
        total = len(row) * group_width + (len(row) - 1) * GROUP_GAP
        x = MARGINS.left + (text_width - total) / 2
        y -= row_height
        for group in row:
            canvas.roundRect(x, y, group_width, row_height - 8, 3)
            for i, ch in enumerate(group):
                centre = x + PADDING + (i + 0.5) * CELL_WIDTH
                canvas.drawCentredString(centre, y + (row_height - 8 - KEY_SIZE * 0.7) / 2, ch)
            x += group_width + GROUP_GAP
        y -= 2
    return y


def _draw_details(canvas: Canvas, sheet: Sheet, top: float) -> float:
    size, label_width = 13, 32 * mm
    style = _style("detail", size)
    y = top
    for label, value in _details(sheet):
        canvas.setFont(fonts.BOLD, size)
        canvas.drawString(MARGINS.left, y - size, f"{label}:")
        para = Paragraph(value, style)
        width = PAGE[0] - MARGINS.left - MARGINS.right - label_width
        _, height = para.wrap(width, 1e6)
        para.drawOn(canvas, MARGINS.left + label_width, y - height)
        y -= max(height, size * 1.3) + 3
    return y


def _draw_holder_lines(canvas: Canvas, top: float) -> float:
    size = 13
    canvas.setFont(fonts.REGULAR, size)
    right = PAGE[0] - MARGINS.right
    y = top
    for label in ("Người giữ tờ này:", "Nơi cất:"):
        y -= size * 2.2
        canvas.drawString(MARGINS.left, y, label)
        start = MARGINS.left + stringWidth(label, fonts.REGULAR, size) + 4
        canvas.saveState()
        canvas.setDash(0.1, 3)
        canvas.setLineCap(1)
        canvas.line(start, y - 1, right, y - 1)
        canvas.restoreState()
    return y


def render(sheet: Sheet) -> bytes:
    """The sheet as PDF bytes (A4, one page)."""
    fonts.register()
    out = io.BytesIO()
    canvas = Canvas(
        out, pagesize=PAGE, invariant=True, initialFontName=fonts.REGULAR, initialFontSize=12
    )
    canvas.setTitle(FORM)
    canvas.setAuthor("Sổ Chi bộ")
    top = PAGE[1] - MARGINS.top
    title = UPPER_TITLE if sheet.upper else TITLE
    y = _paragraph(canvas, title, _style("title", 17, fonts.BOLD, alignment=TA_CENTER), top)
    whose = "sổ làm việc của cấp ủy" if sheet.upper else "sổ của chi bộ"
    lead = (
        f"Khóa dưới đây mở được {whose} khi quên mật khẩu. "
        "Giữ tờ này tách khỏi máy tính; chương trình không hiện lại khóa này."
    )
    y = _paragraph(canvas, lead, _style("lead", 12, fonts.ITALIC, alignment=TA_CENTER), y - 6)
    y = _draw_details(canvas, sheet, y - 16)
    canvas.setFont(fonts.BOLD, 13)
    canvas.drawString(MARGINS.left, y - 20, "KHÓA KHÔI PHỤC:")
    y = _draw_key(canvas, sheet.recovery_key, y - 26)
    body = _style("body", 13, alignment=TA_LEFT)
    y -= 8
    for heading, text in INSTRUCTIONS:
        if sheet.upper:
            text = text.replace("bí thư chi bộ", "bí thư cấp ủy").replace("chi bộ", "cấp ủy")
        y = _paragraph(canvas, f"<b>{heading}.</b> {escape(text)}", body, y - 6)
    _draw_holder_lines(canvas, y - 4)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
