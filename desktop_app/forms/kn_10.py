"""Mẫu 10-KNĐ: the probationary member's self-review at the end of probation. The program
prints the header and what the register knows of the member (name, birth, the admission
decision, the ceremony, the end of probation, the cell); the member writes the review by hand
on the lines left for each section and signs."""

from __future__ import annotations

from desktop_app.domain.errors import StateError
from desktop_app.forms import facts
from desktop_app.forms.layout import Document, Head, Signature, Value
from desktop_app.forms.spec import FormSpec, Request

CODE = "10-KNĐ"
KIND = "self_review"
PAPER = "bản tự kiểm điểm của đảng viên dự bị"
STRENGTHS = (
    "a) Nhận thức, tư tưởng chính trị; việc chấp hành chủ trương, đường lối của Đảng, chính "
    "sách, pháp luật của Nhà nước:",
    "b) Phẩm chất đạo đức, lối sống:",
    "c) Thực hiện chức trách, nhiệm vụ được giao:",
    "d) Thực hiện nhiệm vụ đảng viên; quan hệ với quần chúng:",
)
LINES = 3  # handwriting lines under each heading


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
    cell = facts.cell_facts(request.reg)
    name = Value(person.full_name, "họ và tên")
    decision, decided = facts.admission_decision(pipe)
    doc = Document(CODE, f"Bản tự kiểm điểm của đảng viên dự bị: {person.full_name}")
    doc.head(Head(None, None, cell.place, facts.step_day(pipe, KIND)))
    doc.title("Bản tự kiểm điểm", "của đảng viên dự bị")
    doc.paragraph("Kính gửi: ", Value(cell.name, "tên chi bộ"), style="center")
    doc.spacer(3)
    doc.line("Họ và tên: ", name, ", ", *facts.born(person))
    doc.line("Được kết nạp vào Đảng theo Quyết định số ", decision, ", ngày ", decided)
    doc.line(
        "Vào Đảng (lễ kết nạp) ngày ", facts.vn_day(person.ceremony_date, "ngày vào Đảng"),
        "; hết thời gian dự bị ngày ", facts.probation_end_day(person),
    )  # fmt: skip
    doc.line("Đang sinh hoạt tại: ", Value(cell.name, "tên chi bộ"))
    doc.line("Chức vụ trong Đảng, chính quyền, đoàn thể: ", Value(None, "chức vụ"))
    doc.paragraph(
        "Thực hiện quy định về xét công nhận đảng viên chính thức, tôi tự kiểm điểm quá trình "
        "phấn đấu, rèn luyện trong thời gian dự bị như sau:"
    )
    for number, heading in enumerate(STRENGTHS):
        facts.section(doc, heading, LINES, lead=None if number else "1. Ưu điểm")
    facts.section(doc, "2. Khuyết điểm, hạn chế và nguyên nhân", LINES, style="body_bold")
    facts.section(doc, "3. Biện pháp khắc phục, hướng phấn đấu", LINES, style="body_bold")
    doc.paragraph(
        "Tôi đề nghị chi bộ xem xét, đề nghị cấp ủy cấp trên công nhận tôi là đảng viên chính "
        "thức của Đảng Cộng sản Việt Nam."
    )
    doc.closing(Signature(("NGƯỜI TỰ KIỂM ĐIỂM",), name, note="(Ký, ghi rõ họ tên)"))
    return doc.build()


SPEC = FormSpec(
    CODE,
    "Bản tự kiểm điểm của đảng viên dự bị",
    "person",
    render,
    refusal,
    note="In sẵn phần đầu, quyết định kết nạp, ngày vào Đảng và hết dự bị; "
    "đảng viên tự viết phần kiểm điểm và ký.",
)
