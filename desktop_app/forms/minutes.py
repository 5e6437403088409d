"""The minutes skeleton of a meeting (biên bản): the heading "BIÊN BẢN", the time, place, chair
and minute-taker as recorded, the attendance counted from the roll (who was away and why), then
the sections of that kind of meeting with lines to write on by hand, and the two signatures.

For a meeting not yet held the counts of the cell are those of the meeting's day and what the
roll call will tell (present, absent) is left dotted."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.attendance import ATTENDED, ROLL_KINDS
from desktop_app.forms.layout import Document, Value, party_date
from desktop_app.forms.sign_in_sheet import (
    Attendee,
    Roll,
    attendees,
    kind_text,
    meeting_head,
    officers,
)
from desktop_app.forms.spec import FormSpec, Request
from desktop_app.services.tracks import day

CODE = "BB-SH"
BLANK = 6  # dots for a count the roll will tell
SECTIONS = {  # the parts of the minutes, with the lines left for each
    "regular": (
        ("Thông tin thời sự, phổ biến văn bản của cấp trên", 6),
        ("Đánh giá kết quả thực hiện nhiệm vụ tháng qua", 10),
        ("Phương hướng, nhiệm vụ tháng tới", 10),
        ("Ý kiến thảo luận của đảng viên", 12),
        ("Kết luận của đồng chí chủ trì", 6),
    ),
    "thematic": (
        ("Nội dung chuyên đề", 10),
        ("Ý kiến thảo luận của đảng viên", 12),
        ("Kết luận của đồng chí chủ trì", 6),
    ),
    "study": (
        ("Nghị quyết, văn bản được học tập, quán triệt", 8),
        ("Ý kiến thảo luận, liên hệ thực tiễn", 12),
        ("Kết luận, kế hoạch thực hiện", 6),
    ),
}
OTHER_SECTIONS = (
    ("Nội dung", 10),
    ("Ý kiến thảo luận", 10),
    ("Kết luận", 6),
)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")


def subject(roll: Roll) -> str:
    """ "sinh hoạt chi bộ thường kỳ tháng 11/2026"; other kinds by their name and day."""
    m = roll.meeting
    on = day(m.date)
    assert on is not None
    if m.kind == "regular":
        return f"Sinh hoạt chi bộ thường kỳ tháng {on.month}/{on.year}"
    return f"{kind_text(m).capitalize()} ngày {on:%d/%m/%Y}"


def _names(people: list[Attendee], reasons: bool) -> str:
    if reasons:
        return "; ".join(f"{p.name} ({p.reason})" if p.reason else p.name for p in people) + "."
    return ", ".join(p.name for p in people) + "."


def _cell_counts(doc: Document, roll: Roll) -> None:
    people = roll.of("member", "exempted")
    official = sum(p.membership == "official" for p in people)
    exempted = len(roll.of("exempted"))
    text = (
        f"Tổng số đảng viên của chi bộ: {len(people)} đồng chí, trong đó chính thức {official} "
        f"đồng chí, dự bị {len(people) - official} đồng chí"
    )
    if exempted:
        text += f"; được miễn công tác và sinh hoạt đảng {exempted} đồng chí"
    doc.paragraph(text + ".", style="line")
    doc.paragraph(f"Đảng viên phải có mặt: {len(roll.of('member'))} đồng chí.", style="line")


def _attendance(doc: Document, roll: Roll) -> None:
    if not roll.held:
        blank = Value(None, "số có mặt", BLANK)
        doc.paragraph("Có mặt: ", blank, " đồng chí; vắng mặt: ", blank, " đồng chí, trong đó "
                      "có lý do ", blank, " đồng chí, không có lý do ", blank, " đồng chí.",
                      style="line")  # fmt: skip
        doc.line("Vắng mặt, lý do: ", Value(None, "lý do vắng mặt"))
        doc.line("Khách mời, quần chúng dự: ", Value(None, "khách mời"))
        return
    members = roll.of("member")
    came = [p for p in members if p.status in ATTENDED]
    late = [p for p in came if p.status == "late"]
    excused = [p for p in members if p.status == "excused"]
    absent = [p for p in members if p.status == "absent"]
    text = f"Có mặt: {len(came)} đồng chí"
    text += f" (đến muộn {len(late)} đồng chí)" if late else ""
    text += f"; vắng mặt: {len(excused) + len(absent)} đồng chí"
    if excused or absent:
        text += (
            f", trong đó có lý do {len(excused)} đồng chí, không có lý do {len(absent)} đồng chí"
        )
    doc.paragraph(text + ".", style="line")
    if late:
        doc.paragraph("Đến muộn: ", Value(_names(late, True), "đến muộn"), style="line")
    if excused:
        doc.paragraph("Vắng có lý do: ", Value(_names(excused, True), "lý do vắng"), style="line")
    if absent:
        doc.paragraph("Vắng không có lý do: ", Value(_names(absent, False), "vắng"), style="line")
    exempted = [p for p in roll.of("exempted") if p.status in ATTENDED]
    if exempted:
        doc.paragraph("Đảng viên được miễn sinh hoạt đến dự: ",
                      Value(_names(exempted, False), "miễn sinh hoạt"), style="line")  # fmt: skip
    guests = [p for p in roll.of("candidate", "guest") if p.status in ATTENDED]
    if guests:
        doc.paragraph("Quần chúng, khách mời dự: ", Value(_names(guests, False), "khách mời"),
                      style="line")  # fmt: skip


def _present(doc: Document, roll: Roll) -> None:
    """A meeting without a roll (committee, class): those recorded, or a line to write on."""
    came = [p for p in roll.attendees if p.status in ATTENDED]
    if roll.meeting.held and came:
        doc.paragraph(f"Có mặt {len(came)} người: ", Value(_names(came, False), "người dự"),
                      style="line")  # fmt: skip
    else:
        doc.line("Có mặt: ", Value(None, "người dự"))


def _opening(doc: Document, roll: Roll, on: dt.date) -> None:
    m = roll.meeting
    doc.paragraph(f"Thời gian: bắt đầu lúc {'.' * BLANK} giờ {'.' * BLANK} phút, {party_date(on)}.",
                  style="line")  # fmt: skip
    doc.line("Địa điểm: ", Value(m.place, "địa điểm"))
    if m.topic:
        doc.paragraph("Nội dung: ", Value(m.topic, "nội dung"), style="line")
    doc.line("Chủ trì: đồng chí ", Value(m.chair_name, "chủ trì", blank=30), ", chức vụ: ",
             Value(None, "chức vụ người chủ trì"))  # fmt: skip
    doc.line("Thư ký: đồng chí ", Value(m.minute_taker_name, "thư ký"))


def render(request: Request) -> bytes:
    roll = attendees(request)
    m = roll.meeting
    on = day(m.date)
    assert on is not None
    doc = Document(CODE, f"Biên bản: {m.title}")
    doc.head(meeting_head(request, m))
    doc.title("Biên bản", subject(roll))
    _opening(doc, roll, on)
    doc.heading("Thành phần")
    if m.kind in ROLL_KINDS:
        _cell_counts(doc, roll)
        _attendance(doc, roll)
    else:
        _present(doc, roll)
    for number, (title, lines) in zip(ROMAN, SECTIONS.get(m.kind, OTHER_SECTIONS), strict=False):
        doc.heading(f"{number}. {title}")
        doc.writing_lines(lines)
    doc.paragraph(
        f"Buổi {kind_text(m)} kết thúc lúc {'.' * BLANK} giờ {'.' * BLANK} phút cùng ngày. Biên "
        "bản đã được đọc lại trước hội nghị và được các đồng chí dự họp nhất trí thông qua."
    )
    doc.signatures(*officers(m))
    return doc.build()


SPEC = FormSpec(
    CODE,
    "Biên bản sinh hoạt chi bộ (khung để ghi tay)",
    "meeting",
    render,
    note="Thời gian, chủ trì, thư ký và số có mặt, vắng mặt theo điểm danh; nội dung ghi tay.",
)
