"""The dossier checklist of a candidate or probationary member: every paper of the procedure,
what is in, what is missing, what expires when, as the register knows it on the day printed.
The papers the applicant writes by hand (1-KNĐ, 2-KNĐ) are entries here, marked so, never
printed forms."""

from __future__ import annotations

from desktop_app.domain.dates import format_vn
from desktop_app.domain.dossier import SOON_DAYS
from desktop_app.domain.errors import StateError
from desktop_app.forms import facts
from desktop_app.forms.layout import Document, Head, Value
from desktop_app.forms.spec import FormSpec, Request
from desktop_app.services.development import Pipeline

CODE = "DM-HS"
COLUMNS = (  # widths in mm of the 160 mm text width: a date needs 22 at 11 pt
    ("TT", 8),
    ("Giấy tờ", 43),
    ("Mẫu", 21),
    ("Tình trạng", 20),
    ("Ngày", 22),
    ("Hiệu lực đến", 22),
    ("Ghi chú", 24),
)
TITLES = {
    "candidate": "Danh mục hồ sơ kết nạp đảng viên",
    "probationary": "Danh mục hồ sơ đảng viên dự bị",
    "official": "Danh mục hồ sơ đảng viên",
}
HANDWRITTEN = {  # the applicant's own papers: the program tracks them, never prints them
    "application": "Tự viết tay",
    "personal_history": "Tự khai vào quyển in sẵn",
}


def _refusal(pipe: Pipeline) -> str | None:
    """Candidates and probationary members; an official member only when the procedure was
    followed in this program (from the sympathiser list), not a history typed in."""
    walked = any(s.kind == "pool_entry" for s in pipe.steps)
    if not pipe.dossier or not (walked or pipe.person.status in ("candidate", "probationary")):
        return (
            f"«{pipe.person.full_name}» không có hồ sơ kết nạp đang theo dõi trong sổ "
            f"({pipe.person.status_label.lower()})"
        )
    return None


def refusal(request: Request) -> str | None:
    if request.person_id is None:
        return None
    return _refusal(request.pipeline())


def render(request: Request) -> bytes:
    assert request.person_id is not None
    pipe = request.pipeline()
    problem = _refusal(pipe)
    if problem:
        raise StateError(problem)
    person = pipe.person
    cell = facts.cell_facts(request.reg)
    doc = Document(CODE, f"Danh mục hồ sơ: {person.full_name}")
    doc.head(Head(cell.issuer, None, cell.place, request.today))
    doc.title(TITLES.get(person.status, TITLES["candidate"]))
    doc.line("Họ và tên: ", Value(person.full_name, "họ và tên"), ", ", *facts.born(person))
    doc.line("Tình trạng: ", Value(person.status_label, "tình trạng"), "; bước đã đến: ",
             Value(pipe.stage, "bước"))  # fmt: skip
    mentors = ", ".join(m.mentor_name for m in pipe.mentors if m.active)
    doc.line("Đảng viên được phân công giúp đỡ: ", Value(mentors, "người giúp đỡ"))
    doc.spacer(2)
    rows = []
    for number, item in enumerate(pipe.dossier, start=1):
        rows.append(
            [
                str(number),
                Value(item.label, "giấy tờ"),
                item.form,
                item.status_label,
                format_vn(item.date),
                format_vn(item.valid_until),
                Value(item.note or HANDWRITTEN.get(item.kind, ""), "ghi chú", blank=0),
            ]
        )
    doc.table(COLUMNS, rows, centered=(0, 2, 4, 5))
    doc.spacer(2)
    doc.paragraph(
        f"Tình trạng tính đến ngày {format_vn(request.today)}: «Sắp hết hạn» là còn hiệu lực "
        f"không quá {SOON_DAYS} ngày; «Hết hạn» phải làm lại trước khi chi bộ xét.",
        style="note",
    )
    return doc.build()


SPEC = FormSpec(
    CODE,
    "Danh mục hồ sơ kết nạp đảng viên (đã có, còn thiếu, hết hạn)",
    "person",
    render,
    refusal,
    note="Tình trạng từng giấy tờ theo sổ vào ngày in.",
)
