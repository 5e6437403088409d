"""``sochibo meeting|attendance``: meetings, roll calls and the year's attendance from the
terminal, through the same services as the window."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop_app.cli_support import common, date, emit, open_register
from desktop_app.domain.attendance import CLASS_KINDS, GROUPS, KINDS, STATUSES, percent_text
from desktop_app.domain.dates import vn_from_iso
from desktop_app.services import attendance, meetings
from desktop_app.services.meetings import Entry, MeetingDetail, MeetingView

_MEETING_OPTIONS = ("topic", "place", "chair", "minute_taker", "notes", "resolution", "class_kind")


def _line(m: MeetingView) -> str:
    figures = (
        f"{m.tally.attended}/{m.tally.expected} có mặt ({percent_text(m.tally.rate)})"
        if m.tally.expected
        else ("dự kiến" if not m.held else "")
    )
    return f"{m.id[:8]}  {vn_from_iso(m.date)}  {m.kind_label:<22} {figures:<24} {m.topic}"


def cmd_meeting_add(args: argparse.Namespace) -> int:
    data = {k: getattr(args, k) for k in _MEETING_OPTIONS if getattr(args, k) is not None}
    data |= {"kind": args.kind, "date": date(args.date), "held": not args.planned}
    with open_register(args) as reg:
        view = meetings.add_meeting(reg, data)

    def text() -> str:
        return "\n".join([f"Đã ghi: {view.title} ({view.id})", *view.warnings])

    emit(view.to_json(), args.json, text)
    return 0


def cmd_meeting_list(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        rows = meetings.list_meetings(reg, args.year)
    emit(
        [r.to_json() for r in rows],
        args.json,
        lambda: "\n".join(_line(r) for r in rows) or "(chưa có buổi sinh hoạt nào)",
    )
    return 0


def _detail_text(detail: MeetingDetail) -> str:
    m = detail.meeting
    lines = [f"{m.title} — {m.topic}".rstrip(" —"), f"Mã: {m.id}"]
    for label, value in (("Địa điểm", m.place), ("Chủ trì", m.chair_name),
                         ("Thư ký", m.minute_taker_name), ("Nghị quyết", m.resolution),
                         ("Ghi chú", m.notes)):  # fmt: skip
        if value:
            lines.append(f"{label}: {value}")
    if m.tally.expected:
        t = m.tally
        lines.append(
            f"Có mặt {t.attended}/{t.expected} ({percent_text(t.rate)}); muộn {t.late}; "
            f"vắng có lý do {t.excused}; vắng không lý do {t.absent}"
        )
    for line in detail.roll:
        status = STATUSES.get(line.status or "", "—")
        reason = f" ({line.reason})" if line.reason else ""
        lines.append(f"  {GROUPS[line.group]:<26} {line.name:<28} {status}{reason}")
    for c in detail.certificates:
        lines.append(f"  Giấy chứng nhận {c.number} ngày {vn_from_iso(c.date)}: {c.name}")
    return "\n".join(lines)


def cmd_meeting_show(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        detail = meetings.get_meeting(reg, args.meeting)
    emit(detail.to_json(), args.json, lambda: _detail_text(detail))
    return 0


def _split(value: str) -> tuple[str, str]:
    person, _, reason = value.partition(":")
    return person.strip(), reason.strip()


def entries(args: argparse.Namespace) -> list[Entry]:
    """--absent P (no reason: unexcused), --absent P:reason (excused), --late, --attend,
    --guest NAME."""
    out = []
    for value in args.absent:
        person, reason = _split(value)
        out.append(Entry("excused" if reason else "absent", person, "", reason))
    for value in args.late:
        person, reason = _split(value)
        out.append(Entry("late", person, "", reason))
    out += [Entry("present", person) for person in args.attend]
    out += [Entry("present", None, name) for name in args.guest]
    return out


def cmd_meeting_rollcall(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        detail = meetings.record_rollcall(reg, args.meeting, entries(args))
    emit(detail.to_json(), args.json, lambda: _detail_text(detail))
    return 0


def cmd_meeting_delete(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        detail = meetings.get_meeting(reg, args.meeting)
        meetings.delete_meeting(reg, detail.meeting.id)
    emit({"deleted": detail.meeting.id}, args.json, lambda: f"Đã xóa: {detail.meeting.title}")
    return 0


def cmd_meeting_certificate(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        detail = meetings.issue_certificate(
            reg, args.meeting, args.person, args.number, date(args.date), issuer=args.issuer
        )
    emit(detail.to_json(), args.json, lambda: _detail_text(detail))
    return 0


def cmd_attendance(args: argparse.Namespace) -> int:
    year = args.year or dt.date.today().year
    with open_register(args) as reg:
        report = attendance.year_report(reg, year)

    def text() -> str:
        t, s = report.overall, report.study
        lines = [
            f"Năm {year}: {sum(report.counts.values())} buổi đã họp; có mặt {t.attended}/"
            f"{t.expected} lượt ({percent_text(t.rate)})",
            f"Học tập nghị quyết: {s.attended}/{s.expected} lượt ({percent_text(s.rate)}; "
            f"chỉ tiêu {report.study_target.value_text()})",
            "",
        ]
        for m in report.members:
            months = ", ".join(str(x) for x in m.unexcused_months)
            lines.append(
                f"{m.name:<28} phải dự {m.all.expected:>3}  dự {m.all.attended:>3}  "
                f"có lý do {m.all.excused:>2}  không lý do {m.all.absent:>2}"
                + (f"  tháng vắng: {months}" if months else "")
            )
        return "\n".join(lines)

    emit(report.to_json(), args.json, text)
    return 0


# -- parsers ------------------------------------------------------------------------------


def add_parsers(sub) -> None:
    meeting = sub.add_parser("meeting", help="buổi sinh hoạt, học tập, lớp bồi dưỡng; điểm danh")
    actions = meeting.add_subparsers(dest="action", required=True)
    p = actions.add_parser("add", help="ghi một buổi sinh hoạt")
    common(p)
    p.add_argument("--kind", required=True, choices=list(KINDS),
                   help=", ".join(f"{k} = {v}" for k, v in KINDS.items()))  # fmt: skip
    p.add_argument("--date", required=True, help="ngày họp (dd/mm/yyyy)")
    p.add_argument("--planned", action="store_true", help="mới dự kiến, chưa họp")
    p.add_argument("--topic", help="nội dung, chủ đề")
    p.add_argument("--place", help="địa điểm")
    p.add_argument("--chair", help="mã người chủ trì")
    p.add_argument("--minute-taker", dest="minute_taker", help="mã thư ký ghi biên bản")
    p.add_argument("--notes", help="ghi chú")
    p.add_argument("--resolution", help="số nghị quyết thông qua, ví dụ 05-NQ/CB")
    p.add_argument("--class-kind", dest="class_kind", choices=list(CLASS_KINDS),
                   help=", ".join(f"{k} = {v}" for k, v in CLASS_KINDS.items()))  # fmt: skip
    p.set_defaults(func=cmd_meeting_add)
    p = actions.add_parser("list", help="các buổi sinh hoạt")
    common(p)
    p.add_argument("--year", type=int, help="chỉ năm này")
    p.set_defaults(func=cmd_meeting_list)
    p = actions.add_parser("show", help="một buổi và danh sách điểm danh")
    common(p)
    p.add_argument("meeting", help="mã buổi sinh hoạt (ít nhất 4 ký tự đầu)")
    p.set_defaults(func=cmd_meeting_show)
    p = actions.add_parser(
        "rollcall", help="điểm danh (ghi lại toàn bộ; ai không được nêu là có mặt)"
    )
    common(p)
    p.add_argument("meeting", help="mã buổi sinh hoạt")
    p.add_argument("--absent", action="append", default=[], metavar="NGƯỜI[:LÝ_DO]",
                   help="vắng; có lý do thì là vắng có lý do")  # fmt: skip
    p.add_argument("--late", action="append", default=[], metavar="NGƯỜI[:GHI_CHÚ]")
    p.add_argument("--attend", action="append", default=[], metavar="NGƯỜI",
                   help="có mặt dù không phải dự (miễn sinh hoạt, quần chúng)")  # fmt: skip
    p.add_argument("--guest", action="append", default=[], metavar="HỌ_TÊN", help="khách mời")
    p.set_defaults(func=cmd_meeting_rollcall)
    p = actions.add_parser("delete", help="xóa một buổi (ghi dấu xóa, không mất lịch sử)")
    common(p)
    p.add_argument("meeting")
    p.set_defaults(func=cmd_meeting_delete)
    p = actions.add_parser("certificate", help="cấp giấy chứng nhận của lớp bồi dưỡng")
    common(p)
    p.add_argument("meeting", help="mã lớp bồi dưỡng")
    p.add_argument("person", help="mã học viên")
    p.add_argument("--number", required=True, help="số giấy chứng nhận")
    p.add_argument("--date", required=True, help="ngày cấp")
    p.add_argument("--issuer", default="", help="nơi cấp (mặc định: địa điểm lớp)")
    p.set_defaults(func=cmd_meeting_certificate)

    p = sub.add_parser("attendance", help="chuyên cần cả năm: từng đảng viên và tỷ lệ")
    common(p)
    p.add_argument("--year", type=int, help="năm (mặc định năm nay)")
    p.set_defaults(func=cmd_attendance)
