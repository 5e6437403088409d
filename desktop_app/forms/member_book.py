"""Mẫu 7-HSĐV, the cell's member list book (sổ danh sách đảng viên), printed from the register
on landscape A4: the book's 14 columns, the header and its column numbers on every page, every
member in Vietnamese order by given name, then those who have left the cell (transferred out,
removed, dead), whose rows carry the dates of columns 10 to 13.

What the register does not keep is left blank for the pen: the occupation before joining,
the CV and badge numbers (column 8 prints the card number), foreign languages, and column 9
(armed forces, police, retired). Column 2 also carries the date of birth, which the book's
columns have nowhere else. Free-text notes on a person are not printed; column 14 says who is
exempted or attached temporarily elsewhere, since when."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.membership import EVENT_KINDS, MEMBERS
from desktop_app.domain.person import SEX_LABELS
from desktop_app.forms import facts
from desktop_app.forms.layout import Cell, Document, Head, Value
from desktop_app.forms.spec import FormSpec, Request
from desktop_app.services import members
from desktop_app.services.views import EventView, PersonView, event_view
from desktop_app.store import development

CODE = "7-HSĐV"
COLUMNS = (  # the book's headers; widths in mm of the 247 mm landscape text width (a date
    # needs 18 at 10 pt, a 12-digit card number 23, a decision number "167-QĐ/ĐU" 21)
    ("Số TT", 7),
    ("Họ và tên, tên gọi khác, ngày sinh", 26),
    ("Nam, nữ, dân tộc, tôn giáo", 12),
    ("Quê quán", 21),
    ("Văn hóa, lý luận, CMNV, ngoại ngữ", 20),
    ("Nghề nghiệp trước khi vào Đảng, nghề nghiệp hiện nay", 16),
    ("Ngày vào Đảng, ngày chính thức", 18),
    ("Số thẻ đảng viên, số lý lịch đảng viên, số Huy hiệu Đảng", 23),
    ("Bộ đội, công an, hưu trí", 10),
    ("Ngày chuyển đi, đến đảng bộ cơ sở", 18),
    ("Ngày chuyển đến, ở đảng bộ cơ sở nào đến", 18),
    ("Ngày từ trần, lý do", 18),
    ("Ngày ra khỏi Đảng, hình thức ra Đảng", 21),
    ("Ghi chú", 19),
)
CENTERED = (0, 6)
DATE_BLANK = 10  # dots for a date the register lacks where the book expects one
OUT = ("removal", "expulsion", "resignation", "probation_removal")
KINDS = ("transfer_in", "transfer_out", "death", *OUT, "exemption", "temporary_leave")
LEFT_HEADING = "Đảng viên đã chuyển sinh hoạt đi, ra khỏi Đảng hoặc từ trần"


def book_people(request: Request) -> tuple[list[PersonView], list[PersonView]]:
    """(members in the cell, members who have left it), each in Vietnamese order."""
    everyone = [p for p in members.list_people(request.reg) if p.membership in MEMBERS]
    current = [p for p in everyone if p.status in MEMBERS]
    gone = [p for p in everyone if p.status not in MEMBERS]
    return current, gone


def _lines(*parts: Iterable[Cell] | None) -> tuple:
    """Cell parts, one group per line, empty groups dropped."""
    out: list = []
    for group in parts:
        if not group:
            continue
        if out:
            out.append("\n")
        out.extend(group)
    return tuple(out)


def _known(text: str | None, field: str, label: str = "") -> list | None:
    if not (text and text.strip()):
        return None
    return [label, Value(text, field)] if label else [Value(text, field)]


def _name(p: PersonView) -> tuple:
    born = vn_from_iso(p.birth_date)
    return _lines(
        [Value(p.full_name, "họ và tên")],
        _known(p.other_names, "tên gọi khác", "Tên khác: "),
        ["Sinh ", Value(born, "ngày sinh")] if born else None,
    )


def _origin(p: PersonView) -> tuple:
    return _lines(
        _known(SEX_LABELS.get(p.sex, ""), "giới tính"),
        _known(p.ethnicity, "dân tộc"),
        _known(p.religion, "tôn giáo"),
    )


def _levels(p: PersonView) -> tuple:
    return _lines(
        _known(p.education, "giáo dục phổ thông", "VH: "),
        _known(p.political_theory, "lý luận chính trị", "LL: "),
        _known(p.profession, "chuyên môn nghiệp vụ", "CM: "),
    )


def _joined(p: PersonView) -> tuple:
    ceremony = [Value(vn_from_iso(p.ceremony_date), "ngày vào Đảng", blank=DATE_BLANK)]
    if p.membership != "official":
        return tuple(ceremony)
    official = [Value(vn_from_iso(p.official_date), "ngày chính thức", blank=DATE_BLANK)]
    return _lines(ceremony, official)


def _event(events: list[EventView], kinds: tuple[str, ...], *shown: str) -> tuple:
    """The latest such event: its date, then what ``shown`` names, one a line: "kind" (Xóa
    tên, Khai trừ…), "place", "reason", "reference" (the decision's number)."""
    found = [e for e in events if e.kind in kinds]
    if not found:
        return ()
    e = found[-1]
    lines = {
        "kind": [EVENT_KINDS[e.kind].label],
        "place": _known(e.place, "nơi đi/đến"),
        "reason": _known(e.reason, "lý do"),
        "reference": _known(e.reference, "số quyết định", "Số "),
    }
    return _lines([Value(vn_from_iso(e.date), "ngày")], *(lines[key] for key in shown))


def _note(p: PersonView, events: list[EventView]) -> tuple:
    def since(kind: str, text: str) -> list | None:
        found = [e for e in events if e.kind == kind]
        if not found:
            return [text]
        e = found[-1]
        return [
            text,
            " từ ",
            vn_from_iso(e.date),
            *([", ", Value(e.place, "nơi")] if e.place else []),
        ]

    return _lines(
        since("exemption", "Miễn công tác và sinh hoạt đảng") if p.exempted else None,
        since("temporary_leave", "Sinh hoạt tạm thời nơi khác") if p.temporarily_away else None,
    )


def book_row(number: int, p: PersonView, events: list[EventView]) -> list[Cell]:
    return [
        str(number),
        _name(p),
        _origin(p),
        Value(p.native_place, "quê quán", blank=0),
        _levels(p),
        Value(p.occupation, "nghề nghiệp", blank=0),
        _joined(p),
        Value(p.party_card_number, "số thẻ đảng viên", blank=0),
        "",
        _event(events, ("transfer_out",), "place"),
        _event(events, ("transfer_in",), "place"),
        _event(events, ("death",), "reason"),
        _event(events, OUT, "kind", "reference"),
        _note(p, events),
    ]


def _events(people: list[PersonView]) -> dict[str, list[EventView]]:
    """The events the book prints, for everyone at once (one query for 300 people)."""
    grouped = development.events_by_person([p.id for p in people], KINDS)
    return {p.id: [event_view(e) for e in grouped.get(p.id, [])] for p in people}


def _summary(current: list[PersonView]) -> str:
    official = sum(p.membership == "official" for p in current)
    exempted = sum(p.exempted for p in current)
    away = sum(p.temporarily_away for p in current)
    text = (
        f"Tổng số đảng viên: {len(current)} đồng chí (chính thức {official}, "
        f"dự bị {len(current) - official})"
    )
    extra = [f"miễn công tác và sinh hoạt đảng {exempted}"] if exempted else []
    extra += [f"sinh hoạt tạm thời nơi khác {away}"] if away else []
    return text + (f"; trong đó {', '.join(extra)} đồng chí." if extra else ".")


def render(request: Request) -> bytes:
    cell = facts.cell_facts(request.reg)
    current, gone = book_people(request)
    events = _events(current + gone)
    doc = Document(CODE, f"Sổ danh sách đảng viên: {cell.name}", landscape=True)
    doc.head(Head(cell.issuer, None, cell.place, request.today))
    doc.title("Sổ danh sách đảng viên", f"(Mẫu {CODE}, lập ngày {request.today:%d/%m/%Y})")
    doc.line(_summary(current))
    rows = [book_row(n, p, events[p.id]) for n, p in enumerate(current, start=1)]
    doc.table(COLUMNS, rows, centered=CENTERED, small=True, numbered=True)
    if gone:
        doc.heading(LEFT_HEADING)
        rows = [book_row(n, p, events[p.id]) for n, p in enumerate(gone, start=1)]
        doc.table(COLUMNS, rows, centered=CENTERED, small=True, numbered=True)
    doc.closing(cell.signature())
    return doc.build()


SPEC = FormSpec(
    CODE,
    "Sổ danh sách đảng viên của chi bộ",
    "cell",
    render,
    note="14 cột, khổ ngang; cột 9 và những gì sổ không lưu để ghi tay.",
)
