"""``sochibo candidate|mentor|vote|todo|rules|calendar``: member development from the terminal,
through the same services as the window."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop_app.cli_support import CliError, common, date, emit, open_register
from desktop_app.domain.admission import STEPS, UNIONS, VOTES
from desktop_app.domain.dates import format_vn, vn_from_iso
from desktop_app.domain.deadlines import format_item
from desktop_app.domain.person import FIELDS
from desktop_app.services import development, meetings, members, today
from desktop_app.services import rules as rules_service

STEP_KINDS = [k for k in STEPS if k not in VOTES]


def _on(args: argparse.Namespace) -> dt.date:
    return date(args.on) if args.on else dt.date.today()


def cmd_candidate_add(args: argparse.Namespace) -> int:
    data = {k: getattr(args, k) for k in FIELDS if getattr(args, k, None) is not None}
    with open_register(args) as reg:
        person = development.add_candidate(
            reg,
            data,
            pool_date=date(args.date),
            reference=args.reference,
            allow_duplicate=args.allow_duplicate,
        )
    emit(
        person.to_json(),
        args.json,
        lambda: f"Đã đưa vào diện theo dõi: {person.full_name} ({person.id})",
    )
    return 0


def cmd_candidate_list(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        rows = development.list_candidates(reg, _on(args))

    def text() -> str:
        lines = [
            f"{r.person_id[:8]}  {r.full_name:<26} {r.stage:<40} "
            f"từ {vn_from_iso(r.since):<10}  giúp đỡ: {r.mentors or '—'}"
            f"{'  nhận xét ' + vn_from_iso(r.last_comment) if r.last_comment else ''}"
            for r in rows
        ]
        return "\n".join(lines) or "(chưa có ai trong diện theo dõi)"

    emit([r.to_json() for r in rows], args.json, text)
    return 0


def cmd_candidate_show(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        view = development.pipeline(reg, args.person, _on(args))

    def text() -> str:
        lines = [f"{view.person.full_name} — {view.person.status_label}", f"Bước: {view.stage}"]
        lines += ["", "Quá trình:"] + [
            f"  {vn_from_iso(s.date)}  {s.label} {s.form}  {s.reference}".rstrip()
            for s in view.steps
        ]
        lines += ["", "Hồ sơ:"] + [
            f"  [{d.status_label}] {d.form or ''} {d.label}"
            + (f" — đến {format_vn(d.valid_until)}" if d.valid_until else "")
            + (f" ({d.note})" if d.note else "")
            for d in view.dossier
        ]
        lines += ["", "Người giúp đỡ:"] + [
            f"  {m.mentor_name} từ {vn_from_iso(m.start)}"
            + (f" đến {vn_from_iso(m.end)}" if m.end else "")
            for m in view.mentors
        ]
        lines += ["", "Thời hạn:"] + [f"  {format_item(i)}" for i in view.deadlines]
        return "\n".join(lines)

    emit(view.to_json(), args.json, text)
    return 0


def cmd_candidate_step(args: argparse.Namespace) -> int:
    details = {
        "certificate_number": args.certificate,
        "issuer": args.issuer,
        "introducer_id": args.introducer,
        "joint_since": _opt_date(args.joint_since),
        "replacement": True if args.replacement else None,
        "union": args.union,
        "received": _opt_date(args.received),
        "mentor_id": args.mentor,
        "actor": args.actor,
    }
    with open_register(args) as reg:
        event = development.record_step(
            reg,
            args.person,
            args.step,
            date(args.date),
            reference=args.reference,
            reason=args.reason,
            details={k: v for k, v in details.items() if v is not None},
        )
        person = members.get_person(reg, event.person_id)
    emit(
        {**event.to_json(), "status": person.status},
        args.json,
        lambda: (
            f"Đã ghi: {event.label} {vn_from_iso(event.date)} — {person.full_name}: "
            f"{person.status_label}"
        ),
    )
    return 0


def _opt_date(text: str | None) -> dt.date | None:
    return date(text) if text else None


def cmd_vote_record(args: argparse.Namespace) -> int:
    if not args.meeting and (args.date is None or args.present is None):
        raise CliError("Cần --date và --present, hoặc --meeting để lấy ngày và số có mặt")
    with open_register(args) as reg:
        on, present, exempted = _vote_figures(reg, args)
        event, result = development.record_vote(
            reg,
            args.person,
            args.kind,
            on,
            present=present,
            in_favour=args.favour,
            exempted_present=exempted,
            reference=args.reference,
            claim_passed=args.passed or None,
            meeting_id=args.meeting,
        )
    emit(
        {**event.to_json(), "result": result.details()},
        args.json,
        lambda: f"Đã ghi: {event.label} {vn_from_iso(event.date)}: {result.text()}",
    )
    return 0


def _vote_figures(reg, args: argparse.Namespace) -> tuple[dt.date, int, int]:
    """The vote's day and attendance: as given, else from the meeting and its roll call."""
    if not args.meeting:
        return date(args.date), args.present, args.exempted_present or 0
    detail = meetings.get_meeting(reg, args.meeting)
    counted, exempted = meetings.vote_attendance(reg, detail.meeting.id)
    on = date(args.date) if args.date else dt.date.fromisoformat(detail.meeting.date)
    present = counted if args.present is None else args.present
    return on, present, exempted if args.exempted_present is None else args.exempted_present


def cmd_mentor_assign(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        view = development.assign_mentor(
            reg,
            args.person,
            args.mentor,
            date(args.date),
            joint_since=_opt_date(args.joint_since),
            note=args.note,
        )
    emit(
        view.to_json(),
        args.json,
        lambda: "\n".join(
            [
                f"Đã phân công {view.mentor_name} giúp đỡ {view.person_name} ({view.id[:8]})",
                *(f"Lưu ý: {w}" for w in view.warnings),
            ]
        ),
    )
    return 0


def cmd_mentor_end(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        view = development.end_mentorship(reg, args.assignment, date(args.date), args.reason)
    emit(
        view.to_json(),
        args.json,
        lambda: (
            f"Đã kết thúc phân công {view.mentor_name} giúp đỡ "
            f"{view.person_name} ngày {vn_from_iso(view.end)}"
        ),
    )
    return 0


def cmd_mentor_list(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        rows = development.list_mentorships(reg, args.person)
    emit(
        [r.to_json() for r in rows],
        args.json,
        lambda: (
            "\n".join(
                f"{r.id[:8]}  {r.mentor_name} giúp đỡ {r.person_name} từ {vn_from_iso(r.start)}"
                + (f" đến {vn_from_iso(r.end)} ({r.end_reason})" if r.end else "")
                for r in rows
            )
            or "(chưa có phân công nào)"
        ),
    )
    return 0


def cmd_todo(args: argparse.Namespace) -> int:
    on = _on(args)
    with open_register(args) as reg:
        items = today.todo(reg, on)

    def text() -> str:
        lines = [("QUÁ HẠN  " if i.overdue(on) else "         ") + format_item(i) for i in items]
        return "\n".join(lines) or "Không có việc nào đến hạn trong 90 ngày tới."

    emit([i.to_json() for i in items], args.json, text)
    return 0


def cmd_rules_list(args: argparse.Namespace) -> int:
    found = rules_service.list_rules(_on(args), every_version=args.all)
    emit(
        [rules_service.rule_json(r) for r in found],
        args.json,
        lambda: "\n".join(
            f"{r.id:<34} {r.value_text():<18} từ {format_vn(r.effective_from)}  {r.source}"
            f"  [{r.confidence}]  {r.title}"
            for r in found
        ),
    )
    return 0


def cmd_calendar_list(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        rows = rules_service.list_overrides(reg)
    emit(
        [r.to_json() for r in rows],
        args.json,
        lambda: (
            "\n".join(f"{vn_from_iso(r.day)}  {r.label}  {r.note}" for r in rows)
            or "(chưa có ngày nào do người dùng ghi)"
        ),
    )
    return 0


def cmd_calendar_set(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        view = rules_service.set_override(reg, date(args.date), args.working, args.note)
    emit(view.to_json(), args.json, lambda: f"Đã ghi {vn_from_iso(view.day)}: {view.label}")
    return 0


def cmd_calendar_remove(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        view = rules_service.remove_override(reg, date(args.date))
    emit(view.to_json(), args.json, lambda: f"Đã xóa thay đổi ngày {vn_from_iso(view.day)}")
    return 0


# -- parsers ------------------------------------------------------------------------------


def add_parsers(sub) -> None:
    _candidate_parsers(sub)
    _mentor_parsers(sub)
    vote = sub.add_parser("vote", help="biểu quyết của chi bộ").add_subparsers(
        dest="action", required=True
    )
    p = vote.add_parser("record", help="ghi kết quả biểu quyết kết nạp hoặc công nhận")
    common(p)
    p.add_argument("person")
    p.add_argument(
        "--kind",
        required=True,
        choices=list(VOTES.values()),
        help="admission = đề nghị kết nạp, recognition = công nhận chính thức",
    )
    p.add_argument("--meeting", help="mã buổi sinh hoạt biểu quyết (lấy ngày và số có mặt)")
    p.add_argument("--date", help="ngày họp chi bộ (dd/mm/yyyy)")
    p.add_argument("--present", type=int, help="số đảng viên chính thức có mặt")
    p.add_argument("--favour", type=int, required=True, help="số tán thành")
    p.add_argument(
        "--exempted-present",
        type=int,
        help="số đảng viên miễn sinh hoạt có mặt và biểu quyết (mặc định 0)",
    )
    p.add_argument("--reference", default="", help="số nghị quyết")
    p.add_argument(
        "--passed",
        action="store_true",
        help="ghi là nghị quyết thông qua (từ chối nếu không đủ 2/3)",
    )
    p.set_defaults(func=cmd_vote_record)

    p = sub.add_parser("todo", help="việc đến hạn: quá hạn trước, rồi 90 ngày tới")
    common(p)
    p.add_argument("--on", help="tính cho ngày này (mặc định hôm nay)")
    p.set_defaults(func=cmd_todo)

    rules = sub.add_parser("rules", help="bảng quy định").add_subparsers(
        dest="action", required=True
    )
    p = rules.add_parser("list", help="các quy định đang áp dụng")
    p.add_argument("--json", action="store_true")
    p.add_argument("--on", help="quy định áp dụng vào ngày này")
    p.add_argument("--all", action="store_true", help="mọi phiên bản của mọi quy định")
    p.set_defaults(func=cmd_rules_list)
    _calendar_parsers(sub)


def _candidate_parsers(sub) -> None:
    candidate = sub.add_parser("candidate", help="quần chúng ưu tú và đảng viên dự bị")
    actions = candidate.add_subparsers(dest="action", required=True)
    p = actions.add_parser("add", help="đưa một quần chúng vào danh sách cảm tình Đảng")
    common(p)
    for name, spec in FIELDS.items():
        if name != "membership":
            p.add_argument(
                "--" + name.replace("_", "-"), dest=name, metavar="GIÁ_TRỊ", help=spec.label
            )
    p.add_argument("--date", required=True, help="ngày đưa vào danh sách (dd/mm/yyyy)")
    p.add_argument("--reference", default="", help="số nghị quyết của chi bộ")
    p.add_argument("--allow-duplicate", action="store_true")
    p.set_defaults(func=cmd_candidate_add)
    p = actions.add_parser("list", help="danh sách theo dõi (rà soát hằng quý)")
    common(p)
    p.add_argument("--on", help="tính cho ngày này")
    p.set_defaults(func=cmd_candidate_list)
    p = actions.add_parser("show", help="quá trình, hồ sơ, người giúp đỡ, thời hạn")
    common(p)
    p.add_argument("person")
    p.add_argument("--on", help="tính cho ngày này")
    p.set_defaults(func=cmd_candidate_show)
    p = actions.add_parser("step", help="ghi một bước của quy trình kết nạp")
    common(p)
    p.add_argument("person")
    p.add_argument(
        "step",
        choices=STEP_KINDS,
        metavar="BƯỚC",
        help=", ".join(f"{k} = {STEPS[k].label}" for k in STEP_KINDS),
    )
    p.add_argument("--date", required=True, help="ngày (dd/mm/yyyy)")
    p.add_argument("--reference", default="", help="số văn bản")
    p.add_argument("--reason", default="", help="lý do, nội dung nhận xét")
    p.add_argument("--actor", help="ai thực hiện (cấp ủy, người nhận xét, …)")
    p.add_argument("--certificate", help="số giấy chứng nhận")
    p.add_argument("--issuer", help="nơi cấp")
    p.add_argument("--introducer", help="mã người giới thiệu")
    p.add_argument("--joint-since", help="cùng công tác, học tập từ ngày (dd/mm/yyyy)")
    p.add_argument(
        "--replacement",
        action="store_true",
        help="người giới thiệu thay thế (không cần đủ 12 tháng)",
    )
    p.add_argument("--union", choices=list(UNIONS), help="youth = Đoàn, trade = Công đoàn")
    p.add_argument("--received", help="ngày chi bộ nhận quyết định")
    p.add_argument("--mentor", help="mã người giúp đỡ")
    p.set_defaults(func=cmd_candidate_step)


def _mentor_parsers(sub) -> None:
    mentor = sub.add_parser("mentor", help="phân công đảng viên giúp đỡ")
    actions = mentor.add_subparsers(dest="action", required=True)
    p = actions.add_parser("assign", help="phân công")
    common(p)
    p.add_argument("person", help="mã người được giúp đỡ")
    p.add_argument("mentor", help="mã đảng viên chính thức giúp đỡ")
    p.add_argument("--date", required=True, help="ngày phân công")
    p.add_argument("--joint-since", help="cùng công tác, học tập từ ngày")
    p.add_argument("--note", default="")
    p.set_defaults(func=cmd_mentor_assign)
    p = actions.add_parser("end", help="kết thúc phân công")
    common(p)
    p.add_argument("assignment", help="mã phân công")
    p.add_argument("--date", required=True)
    p.add_argument("--reason", default="")
    p.set_defaults(func=cmd_mentor_end)
    p = actions.add_parser("list", help="các phân công")
    common(p)
    p.add_argument("person", nargs="?")
    p.set_defaults(func=cmd_mentor_list)


def _calendar_parsers(sub) -> None:
    calendar = sub.add_parser("calendar", help="ngày nghỉ, ngày làm bù do người dùng ghi")
    actions = calendar.add_subparsers(dest="action", required=True)
    p = actions.add_parser("list")
    common(p)
    p.set_defaults(func=cmd_calendar_list)
    for name, working, text in (
        ("day-off", False, "ghi một ngày nghỉ"),
        ("working-day", True, "ghi một ngày làm việc bù"),
    ):
        p = actions.add_parser(name, help=text)
        common(p)
        p.add_argument("--date", required=True)
        p.add_argument("--note", default="")
        p.set_defaults(func=cmd_calendar_set, working=working)
    p = actions.add_parser("remove", help="xóa một ngày đã ghi")
    common(p)
    p.add_argument("--date", required=True)
    p.set_defaults(func=cmd_calendar_remove)


__all__ = ["CliError", "add_parsers"]
