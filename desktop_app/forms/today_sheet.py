"""The Today list on paper: every deadline and warning the Today page shows on the day printed,
overdue first then what falls due within the Today page's horizon, each with its date, the
person (or the cell), what to do, the rule with its source, and the date it counts from."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.dates import format_vn
from desktop_app.domain.deadlines import HORIZON_DAYS, TodoItem
from desktop_app.forms import facts
from desktop_app.forms.layout import Cell, Document, Head, Value
from desktop_app.forms.spec import FormSpec, Request
from desktop_app.services import today

CODE = "VIEC"
COLUMNS = (  # widths in mm of the 247 mm landscape text width
    ("TT", 8),
    ("Hạn", 24),
    ("Người", 36),
    ("Việc cần làm", 68),
    ("Quy định, nguồn", 72),
    ("Tính từ", 39),
)
CENTERED = (0, 1)
SECTIONS = (
    ("overdue", "Quá hạn"),
    ("soon", f"Đến hạn trong {HORIZON_DAYS} ngày tới"),
)


def when(item: TodoItem, on: dt.date) -> str:
    """ "quá hạn 12 ngày", "hôm nay", "còn 5 ngày" (the Today page's "When")."""
    days = (item.due - on).days
    if days < 0:
        return f"quá hạn {-days} ngày"
    return "hôm nay" if days == 0 else f"còn {days} ngày"


def item_row(number: int, item: TodoItem, on: dt.date) -> list[Cell]:
    basis = f"{item.basis_label} {format_vn(item.basis)}".strip()
    return [
        str(number),
        (format_vn(item.due), f"\n({when(item, on)})"),
        Value(item.person_name, "người"),
        Value(item.message, "việc cần làm"),
        Value(item.why or item.source, "quy định"),
        Value(basis, "ngày tính từ", blank=0),
    ]


def render(request: Request) -> bytes:
    on = request.today
    cell = facts.cell_facts(request.reg)
    items = today.todo(request.reg, on)
    groups = {
        "overdue": [i for i in items if i.overdue(on)],
        "soon": [i for i in items if not i.overdue(on)],
    }
    doc = Document(CODE, f"Việc cần làm: {on:%d/%m/%Y}", landscape=True)
    doc.head(Head(cell.issuer, None, cell.place, on))
    doc.title("Danh sách việc cần làm", f"tính đến ngày {on:%d/%m/%Y}")
    for number, (key, heading) in zip(("I", "II"), SECTIONS, strict=True):
        group = groups[key]
        doc.heading(f"{number}. {heading} ({len(group)} việc)")
        if not group:
            doc.line("Không có việc nào.")
            continue
        rows = [item_row(n, item, on) for n, item in enumerate(group, start=1)]
        doc.table(COLUMNS, rows, centered=CENTERED, small=True)
    doc.spacer(2)
    doc.paragraph(
        "Hạn tính theo bảng quy định của chương trình (hạn tính bằng ngày làm việc không kể "
        "ngày nghỉ, ngày lễ, Tết); «Tính từ» là ngày làm căn cứ tính hạn.",
        style="note",
    )
    return doc.build()


SPEC = FormSpec(
    CODE,
    "Danh sách việc cần làm (trang Hôm nay)",
    "cell",
    render,
    note="Quá hạn trước, rồi việc đến hạn trong 90 ngày, kèm quy định và ngày tính hạn.",
)
