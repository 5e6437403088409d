"""Mẫu 11-KNĐ: the assessment of a probationary member by the official member the cell
assigned to help them. The program prints the header, the helper's and the member's
particulars and the sections; the helper writes the assessment and the proposal by hand and
signs. One letter per helper: the one whose assessment is recorded, else each active
assignment, each numbered from its own first page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain.errors import StateError
from desktop_app.forms import facts
from desktop_app.forms.layout import Document, Head, Signature, Value
from desktop_app.forms.spec import FormSpec, Request
from desktop_app.services import members
from desktop_app.services.development import MentorshipView, Pipeline
from desktop_app.services.views import PersonView

CODE = "11-KNĐ"
KIND = "mentor_assessment"
PAPER = "bản nhận xét đảng viên dự bị của người giúp đỡ"
SECTIONS = (
    ("1. Về nhận thức, tư tưởng chính trị; việc chấp hành chủ trương, đường lối của Đảng, "
     "chính sách, pháp luật của Nhà nước:", 3),
    ("2. Về phẩm chất đạo đức, lối sống; quan hệ với quần chúng:", 3),
    ("3. Về năng lực và kết quả thực hiện nhiệm vụ được giao:", 3),
    ("4. Về việc thực hiện nhiệm vụ đảng viên:", 3),
    ("5. Khuyết điểm, hạn chế chính:", 3),
    ("6. Đề nghị của người giúp đỡ với chi bộ:", 2),
)  # fmt: skip


@dataclass(frozen=True)
class Helper:
    mentor_id: str
    since: str | None  # ISO start of the assignment
    date: dt.date | None  # the assessment's date, when it is recorded


def helpers(pipe: Pipeline) -> list[Helper]:
    """The helper of the recorded assessment, else every active assignment."""
    step = facts.last_step(pipe, KIND)
    recorded = str(step.details.get("mentor_id") or "") if step else ""
    if step is not None and recorded:
        mine = [m for m in pipe.mentors if m.mentor_id == recorded]
        return [Helper(recorded, _since(mine), facts.day(step.date))]
    return [Helper(m.mentor_id, m.start, None) for m in pipe.mentors if m.active]


def _since(assignments: list[MentorshipView]) -> str | None:
    """The start of the helper's active assignment, else of the latest one."""
    if not assignments:
        return None
    active = [m for m in assignments if m.active]
    return (active or sorted(assignments, key=lambda m: m.start))[-1].start


def _refusal(pipe: Pipeline) -> str | None:
    problem = facts.probation_refusal(pipe, KIND, PAPER)
    if problem or helpers(pipe):
        return problem
    return (
        f"«{pipe.person.full_name}» chưa có đảng viên chính thức được phân công giúp đỡ; "
        "hãy phân công người giúp đỡ trước khi in bản nhận xét"
    )


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
    cell = facts.cell_facts(request.reg)
    doc = Document(CODE, f"Bản nhận xét đảng viên dự bị: {pipe.person.full_name}")
    for number, helper in enumerate(helpers(pipe)):
        if number:
            doc.new_document()
        mentor = members.get_person(request.reg, helper.mentor_id)
        _letter(doc, cell, pipe, mentor, helper)
    return doc.build()


def _letter(
    doc: Document, cell: facts.CellFacts, pipe: Pipeline, mentor: PersonView, helper: Helper
) -> None:
    person = pipe.person
    name = Value(person.full_name, "họ và tên đảng viên dự bị")
    mentor_name = Value(mentor.full_name, "họ và tên người giúp đỡ")
    decision, decided = facts.admission_decision(pipe)
    doc.head(Head(None, None, cell.place, helper.date))
    doc.title("Bản nhận xét đảng viên dự bị", "của đảng viên chính thức được phân công giúp đỡ")
    doc.paragraph("Kính gửi: ", Value(cell.name, "tên chi bộ"), style="center")
    doc.spacer(3)
    doc.line("Tôi là: ", mentor_name, ", ", *facts.born(mentor))
    doc.line(
        "Vào Đảng ngày ", facts.vn_day(mentor.ceremony_date, "ngày vào Đảng của người giúp đỡ"),
        ", chính thức ngày ", facts.vn_day(mentor.official_date, "ngày chính thức"),
    )  # fmt: skip
    doc.line("Đang sinh hoạt tại: ", Value(cell.name, "tên chi bộ"))
    doc.paragraph(
        "Được chi bộ phân công giúp đỡ đồng chí ", name, " từ ngày ",
        facts.vn_day(helper.since, "ngày phân công giúp đỡ"), ", tôi xin báo cáo với chi bộ "
        "nhận xét về đảng viên dự bị:",
    )  # fmt: skip
    doc.line("Họ và tên: ", name, ", ", *facts.born(person))
    doc.line("Được kết nạp vào Đảng theo Quyết định số ", decision, ", ngày ", decided)
    doc.line(
        "Vào Đảng (lễ kết nạp) ngày ", facts.vn_day(person.ceremony_date, "ngày vào Đảng"),
        "; hết thời gian dự bị ngày ", facts.probation_end_day(person),
    )  # fmt: skip
    doc.paragraph("Trong thời gian dự bị, đồng chí ", name, " có những ưu điểm, khuyết điểm sau:")
    for heading, lines in SECTIONS:
        facts.section(doc, heading, lines)
    doc.closing(Signature(("NGƯỜI GIÚP ĐỠ",), mentor_name, note="(Ký, ghi rõ họ tên)"))


SPEC = FormSpec(
    CODE,
    "Bản nhận xét đảng viên dự bị (của đảng viên được phân công giúp đỡ)",
    "person",
    render,
    refusal,
    note="In sẵn người giúp đỡ và đảng viên dự bị; người giúp đỡ viết nhận xét, đề nghị và ký.",
)
