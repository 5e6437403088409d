"""Mẫu 12-KNĐ: the cell committee's summary of the comments on a probationary member from the
mass organisations where they work and the party cell where they live, the same frame as
5-KNĐ. The register gives the member's particulars, ceremony and end of probation; the figures
and the comments are written by hand."""

from __future__ import annotations

from desktop_app.domain.errors import StateError
from desktop_app.forms import facts
from desktop_app.forms.kn_05 import Summary, write_summary
from desktop_app.forms.layout import Document, Value
from desktop_app.forms.spec import FormSpec, Request

CODE = "12-KNĐ"
KIND = "probation_comments"
PAPER = "bản tổng hợp ý kiến nhận xét đối với đảng viên dự bị"


def refusal(request: Request) -> str | None:
    if request.person_id is None:
        return None
    return facts.probation_refusal(request.pipeline(), KIND, PAPER)


def render(request: Request) -> bytes:
    assert request.person_id is not None
    pipe = request.pipeline()
    problem = facts.probation_refusal(pipe, KIND, PAPER)
    if problem:
        raise StateError(problem)
    person = pipe.person
    doc = Document(CODE, f"Tổng hợp ý kiến nhận xét đối với đảng viên dự bị: {person.full_name}")
    particulars = [
        ("Họ và tên đảng viên dự bị: ", Value(person.full_name, "họ và tên"), ", ",
         *facts.born(person)),
        ("Vào Đảng ngày ", facts.vn_day(person.ceremony_date, "ngày vào Đảng"),
         "; hết thời gian dự bị ngày ",
         facts.probation_end_day(person)),
        ("Nơi cư trú: ", Value(person.residence, "nơi cư trú")),
        ("Nghề nghiệp: ", Value(person.occupation, "nghề nghiệp")),
    ]  # fmt: skip
    summary = Summary(
        "đối với đảng viên dự bị", "đảng viên dự bị", "công nhận đảng viên chính thức"
    )
    write_summary(doc, request, pipe, KIND, summary, particulars)
    return doc.build()


SPEC = FormSpec(
    CODE,
    "Tổng hợp ý kiến nhận xét của đoàn thể nơi làm việc và chi ủy nơi cư trú "
    "(đối với đảng viên dự bị)",
    "person",
    render,
    refusal,
    note="In sẵn phần đầu, ngày vào Đảng và hết dự bị; số liệu, ý kiến nhận xét ghi tay.",
)
