"""Mẫu 13-KNĐ: the cell's resolution proposing that a probationary member become an official
member, with the figures of the recorded vote; the assessment is left to be written by hand."""

from __future__ import annotations

from desktop_app.forms import facts, resolution
from desktop_app.forms.layout import Document, Value
from desktop_app.forms.spec import FormSpec, Request

CODE = "13-KNĐ"
WHAT = "công nhận đảng viên chính thức"


def refusal(request: Request) -> str | None:
    return resolution.refusal(request, "recognition_vote", WHAT)


def render(request: Request) -> bytes:
    pipe, vote = resolution.vote_for(request, "recognition_vote", WHAT)
    person = pipe.person
    name = Value(person.full_name, "họ và tên")
    v = resolution.vote_facts(request, vote)
    cell = facts.cell_facts(request.reg)
    title = f"Nghị quyết đề nghị công nhận đảng viên chính thức: {person.full_name}"
    doc = Document(CODE, title)
    doc.head(resolution.numbered_head(request, CODE, v, title, person.id))
    doc.title("Nghị quyết", "đề nghị công nhận đảng viên chính thức")
    doc.paragraph(
        "Căn cứ Điều 5 Điều lệ Đảng Cộng sản Việt Nam và các quy định, hướng dẫn thi hành "
        "Điều lệ Đảng;"
    )
    doc.paragraph(
        resolution.meeting_day(v), ", ", Value(cell.name, "tên chi bộ"),
        " đã họp để xét, đề nghị công nhận đảng viên dự bị ", name,
        ", được kết nạp vào Đảng ngày ", facts.vn_day(person.ceremony_date, "ngày kết nạp"),
        ", trở thành đảng viên chính thức.",
    )  # fmt: skip
    resolution.counts(doc, v)
    doc.paragraph(
        "Sau khi nghe đảng viên dự bị ", name, " báo cáo bản tự kiểm điểm trong thời gian dự "
        "bị, ý kiến nhận xét của đảng viên được phân công giúp đỡ, tổng hợp ý kiến nhận xét "
        "của các đoàn thể chính trị - xã hội nơi làm việc và chi ủy nơi cư trú, chi bộ thảo "
        "luận và thống nhất kết luận:",
    )  # fmt: skip
    doc.paragraph(
        "1. Ưu điểm chính về phẩm chất chính trị, đạo đức, lối sống, năng lực công tác, quan hệ "
        "quần chúng, việc thực hiện nhiệm vụ đảng viên:"
    )
    doc.writing_lines(5)
    doc.paragraph("2. Khuyết điểm, tồn tại chính:")
    doc.writing_lines(3)
    resolution.result(
        doc, v, ["việc công nhận đảng viên dự bị ", name, " trở thành đảng viên chính thức"]
    )
    doc.paragraph(
        "Chi bộ đề nghị ", cell.upper_or_blank, " xem xét, quyết định công nhận đồng chí ", name,
        " trở thành đảng viên chính thức.",
    )  # fmt: skip
    doc.closing(cell.signature(), cell.recipients())
    return doc.build()


SPEC = FormSpec(
    CODE,
    "Nghị quyết đề nghị công nhận đảng viên chính thức (của chi bộ)",
    "person",
    render,
    refusal,
    numbered=True,
    note="Số liệu biểu quyết lấy từ sổ; phần nhận xét ưu, khuyết điểm để viết tay.",
)
