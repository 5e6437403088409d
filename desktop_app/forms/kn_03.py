"""Mẫu 3-KNĐ: a party member's letter introducing a candidate. The program prints the header and
the particulars of the introducer and of the person introduced; the introducer writes the
assessment by hand on the lines left for it and signs. One letter per introducer recorded (or,
before any is recorded, per mentor assigned), each numbered from its own first page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain.errors import StateError
from desktop_app.forms import facts
from desktop_app.forms.layout import Document, Head, Signature, Value
from desktop_app.forms.spec import FormSpec, Request
from desktop_app.services import members
from desktop_app.services.development import Pipeline
from desktop_app.services.views import PersonView

CODE = "3-KNĐ"
SECTIONS = (
    ("1. Về lịch sử chính trị và chính trị hiện nay:", 4),
    ("2. Về phẩm chất chính trị, đạo đức, lối sống:", 4),
    ("3. Về năng lực công tác, quan hệ quần chúng:", 4),
    ("4. Những ưu điểm, khuyết điểm chính:", 4),
)


@dataclass(frozen=True)
class Introducer:
    person: PersonView | None  # None: not chosen yet, everything blank
    joint_since: str | None  # ISO
    date: dt.date | None  # the letter's date, when the introduction is recorded


def refusal(request: Request) -> str | None:
    if request.person_id is None:
        return None
    pipe = request.pipeline()
    return _refusal(pipe)


def _refusal(pipe: Pipeline) -> str | None:
    p = pipe.person
    introduced = any(s.kind == "introduction" for s in pipe.steps)
    if p.status != "candidate" and not introduced:
        return (
            f"«{p.full_name}» không phải quần chúng trong diện theo dõi kết nạp "
            f"({p.status_label.lower()}); giấy giới thiệu người vào Đảng chỉ in cho quần chúng"
        )
    return None


def introducers(reg, pipe: Pipeline) -> list[Introducer]:
    """The introductions recorded in the current candidacy, else the active mentors, else
    one blank introducer."""
    found = []
    for step in pipe.steps:
        if step.kind == "introduction" and step.details.get("introducer_id"):
            who = members.get_person(reg, str(step.details["introducer_id"]))
            since = step.details.get("joint_since")
            found.append(Introducer(who, str(since) if since else None, _date(step.date)))
    if not found:
        for m in pipe.mentors:
            if m.active:
                found.append(Introducer(members.get_person(reg, m.mentor_id), m.joint_since, None))
    return found or [Introducer(None, None, None)]


def _date(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def render(request: Request) -> bytes:
    assert request.person_id is not None
    pipe = request.pipeline()
    problem = _refusal(pipe)
    if problem:
        raise StateError(problem)
    cell = facts.cell_facts(request.reg)
    person = pipe.person
    doc = Document(CODE, f"Giấy giới thiệu người vào Đảng: {person.full_name}")
    for number, introducer in enumerate(introducers(request.reg, pipe)):
        if number:
            doc.new_document()
        _letter(doc, cell, person, introducer)
    return doc.build()


def _letter(doc: Document, cell: facts.CellFacts, person: PersonView, who: Introducer) -> None:
    i = who.person
    name = Value(person.full_name, "họ và tên người vào Đảng")
    doc.head(Head(None, None, cell.place, who.date))
    doc.title("Giấy giới thiệu người vào Đảng", dashes=False)
    doc.paragraph("Kính gửi: ", Value(cell.name, "tên chi bộ"), style="center")
    doc.spacer(3)
    doc.line("Tôi là: ", Value(i.full_name if i else None, "họ và tên người giới thiệu", 40),
             ", ", *(facts.born(i) if i else ("sinh ngày ", Value(None, "ngày sinh"))))  # fmt: skip
    doc.line(
        "Vào Đảng ngày ", facts.vn_day(i.ceremony_date if i else None, "ngày vào Đảng"),
        ", chính thức ngày ", facts.vn_day(i.official_date if i else None, "ngày chính thức"),
    )  # fmt: skip
    doc.line("Chức vụ trong Đảng: ", Value(None, "chức vụ trong Đảng"))
    doc.line("Chức vụ chính quyền, đoàn thể: ", Value(None, "chức vụ chính quyền, đoàn thể"))
    doc.line("Quê quán: ", Value(i.native_place if i else None, "quê quán người giới thiệu"))
    doc.line("Đang sinh hoạt tại: ", Value(cell.name if i else None, "chi bộ"))
    doc.paragraph(
        "Tôi đã cùng công tác, học tập hoặc sinh hoạt với quần chúng ", name, " từ ngày ",
        facts.vn_day(who.joint_since, "cùng công tác từ ngày"), " đến nay.",
    )  # fmt: skip
    doc.paragraph("Tôi giới thiệu quần chúng:", style="body_bold")
    doc.line("Họ và tên: ", name, ", ", *facts.born(person))
    doc.line("Quê quán: ", Value(person.native_place, "quê quán"))
    doc.line("Nơi thường trú: ", Value(person.residence, "nơi thường trú"))
    doc.line("Nghề nghiệp: ", Value(person.occupation, "nghề nghiệp"))
    doc.paragraph("Tôi xin báo cáo với chi bộ những điểm chính về người vào Đảng như sau:")
    for heading, lines in SECTIONS:
        doc.paragraph(heading)
        doc.writing_lines(lines)
    doc.paragraph(
        "Tôi xin giới thiệu quần chúng ", name, " vào Đảng Cộng sản Việt Nam và xin chịu trách "
        "nhiệm trước Đảng về sự giới thiệu của mình.",
    )  # fmt: skip
    doc.closing(
        Signature(
            ("NGƯỜI GIỚI THIỆU",),
            Value(i.full_name if i else None, "họ và tên người giới thiệu"),
            note="(Ký, ghi rõ họ tên)",
        )
    )


SPEC = FormSpec(
    CODE,
    "Giấy giới thiệu người vào Đảng (của đảng viên chính thức)",
    "person",
    render,
    refusal,
    note="In sẵn phần thông tin; người giới thiệu viết tay phần nhận xét và ký.",
)
