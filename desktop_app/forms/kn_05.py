"""Mẫu 5-KNĐ: the cell committee's summary of the comments on a candidate from the mass
organisations where they work and from the party cell where they live. The program prints the
header, the candidate's particulars and the frame of the summary; how many were asked, how
many agreed, and what they said are written by hand (the register does not hold them).

12-KNĐ, the same summary for a probationary member, is written with ``write_summary`` below."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.domain.errors import StateError
from desktop_app.forms import facts
from desktop_app.forms.layout import Document, Head, Part, Value
from desktop_app.forms.spec import FormSpec, Request
from desktop_app.services.development import Pipeline

CODE = "5-KNĐ"
KIND = "comments_summary"
TITLE = "Tổng hợp ý kiến nhận xét"
WORK = "của đoàn thể chính trị - xã hội nơi làm việc và chi ủy nơi cư trú"


@dataclass(frozen=True)
class Summary:
    """What 5-KNĐ and 12-KNĐ say differently about the person they summarise."""

    subject: str  # "đối với người vào Đảng"
    calling: str  # "quần chúng", "đảng viên dự bị": how the person is named in the text
    agreeing: str  # "kết nạp vào Đảng": what those asked agree to


def _refusal(pipe: Pipeline) -> str | None:
    """A candidate on the sympathiser list; once recorded the summary reprints."""
    p = pipe.person
    if p.status == "candidate" or facts.last_step(pipe, KIND) is not None:
        return None
    return (
        f"«{p.full_name}» không phải quần chúng trong diện theo dõi kết nạp "
        f"({p.status_label.lower()}); bản tổng hợp ý kiến nhận xét đối với người vào Đảng "
        "chỉ in cho quần chúng"
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
    person = pipe.person
    doc = Document(CODE, f"Tổng hợp ý kiến nhận xét đối với người vào Đảng: {person.full_name}")
    name = Value(person.full_name, "họ và tên")
    particulars = [
        ("Họ và tên quần chúng: ", name, ", ", *facts.born(person)),
        ("Quê quán: ", Value(person.native_place, "quê quán")),
        ("Nơi cư trú: ", Value(person.residence, "nơi cư trú")),
        ("Nghề nghiệp: ", Value(person.occupation, "nghề nghiệp")),
    ]
    summary = Summary("đối với người vào Đảng", "quần chúng", "kết nạp vào Đảng")
    write_summary(doc, request, pipe, KIND, summary, particulars)
    return doc.build()


def write_summary(
    doc: Document,
    request: Request,
    pipe: Pipeline,
    kind: str,
    summary: Summary,
    particulars: Sequence[Sequence[Part]],
) -> None:
    """The summary in the cell's name: issuing body, the person, the comments at work and
    where they live, the committee's overall view, the secretary's signature."""
    cell = facts.cell_facts(request.reg)
    on: dt.date | None = facts.step_day(pipe, kind)
    name = Value(pipe.person.full_name, "họ và tên")
    doc.head(Head(cell.issuer, None, cell.place, on))
    doc.title(TITLE, f"{WORK} {summary.subject}")
    for parts in particulars:
        doc.line(*parts)
    doc.paragraph(
        "Chi ủy đã lấy ý kiến nhận xét của các đoàn thể chính trị - xã hội nơi ",
        summary.calling, " ", name, " làm việc và của chi ủy (chi bộ) nơi cư trú; kết quả "
        "tổng hợp như sau:",
    )  # fmt: skip
    doc.paragraph("1. Ý kiến nhận xét của đoàn thể chính trị - xã hội nơi làm việc:")
    doc.line("Tên đoàn thể: ", Value(None, "tên đoàn thể nơi làm việc"))
    doc.paragraph(
        "Số người được lấy ý kiến: ", facts.number(None, "số người được lấy ý kiến"),
        " người; số đồng ý ", summary.agreeing, ": ", facts.number(None, "số đồng ý"),
        " người; số không đồng ý: ", facts.number(None, "số không đồng ý"), " người.",
    )  # fmt: skip
    facts.section(doc, "- Ưu điểm chính:", 3)
    facts.section(doc, "- Khuyết điểm, hạn chế chính:", 2)
    doc.paragraph("2. Ý kiến nhận xét của chi ủy (chi bộ) nơi cư trú:")
    doc.line("Chi ủy (chi bộ) nơi cư trú: ", Value(None, "chi bộ nơi cư trú"))
    doc.writing_lines(3)
    facts.keep_together(doc, 3)
    facts.section(doc, "3. Nhận xét chung của chi ủy:", 3)
    doc.closing(cell.signature())


SPEC = FormSpec(
    CODE,
    "Tổng hợp ý kiến nhận xét của đoàn thể nơi làm việc và chi ủy nơi cư trú "
    "(đối với người vào Đảng)",
    "person",
    render,
    refusal,
    note="In sẵn phần đầu và thông tin quần chúng; số liệu, ý kiến nhận xét ghi tay.",
)
