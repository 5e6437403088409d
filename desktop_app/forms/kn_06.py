"""Mẫu 6-KNĐ: the cell's resolution proposing a candidate's admission, with the figures of the
recorded vote. The cell's assessment of the candidate is left to be written by hand."""

from __future__ import annotations

from desktop_app.forms import facts, resolution
from desktop_app.forms.layout import Document, Value
from desktop_app.forms.spec import FormSpec, Request

CODE = "6-KNĐ"
WHAT = "kết nạp đảng viên"


def refusal(request: Request) -> str | None:
    return resolution.refusal(request, "admission_vote", WHAT)


def render(request: Request) -> bytes:
    pipe, vote = resolution.vote_for(request, "admission_vote", WHAT)
    person = pipe.person
    name = Value(person.full_name, "họ và tên")
    v = resolution.vote_facts(request, vote)
    cell = facts.cell_facts(request.reg)
    title = f"Nghị quyết đề nghị kết nạp đảng viên: {person.full_name}"
    doc = Document(CODE, title)
    doc.head(resolution.numbered_head(request, CODE, v, title, person.id))
    doc.title("Nghị quyết", "đề nghị kết nạp đảng viên")
    doc.paragraph(
        "Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định, hướng dẫn thi hành Điều lệ Đảng;"
    )
    doc.paragraph(
        resolution.meeting_day(v), ", ", Value(cell.name, "tên chi bộ"),
        " đã họp để xét, đề nghị kết nạp quần chúng ", name, ", ", *facts.born(person),
        ", vào Đảng Cộng sản Việt Nam.",
    )  # fmt: skip
    resolution.counts(doc, v)
    doc.paragraph(
        "Sau khi nghe báo cáo quá trình phấn đấu của quần chúng ", name, ", ý kiến nhận xét của "
        "các đoàn thể chính trị - xã hội nơi làm việc, chi ủy nơi cư trú, giấy giới thiệu của "
        "đảng viên chính thức và thảo luận, chi bộ thống nhất kết luận:",
    )  # fmt: skip
    doc.paragraph(
        "1. Ưu điểm chính về phẩm chất chính trị, đạo đức, lối sống, năng lực công tác, quan hệ "
        "quần chúng:"
    )
    doc.writing_lines(5)
    doc.paragraph("2. Khuyết điểm chính:")
    doc.writing_lines(3)
    resolution.result(doc, v, ["việc kết nạp quần chúng ", name, " vào Đảng"])
    doc.paragraph(
        "Chi bộ đề nghị ", cell.upper_or_blank, " xem xét, quyết định kết nạp quần chúng ", name,
        " vào Đảng Cộng sản Việt Nam.",
    )  # fmt: skip
    doc.closing(cell.signature(), cell.recipients())
    return doc.build()


SPEC = FormSpec(
    CODE,
    "Nghị quyết đề nghị kết nạp đảng viên (của chi bộ)",
    "person",
    render,
    refusal,
    numbered=True,
    note="Số liệu biểu quyết lấy từ sổ; phần nhận xét ưu, khuyết điểm để viết tay.",
)
