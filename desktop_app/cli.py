"""The ``sochibo`` command: every use case of the window, scriptable, with ``--json``.

With no arguments it opens the window. Errors go to stderr in Vietnamese with exit code 1
(2 for a command typed wrong).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import (
    cli_audit,
    cli_backups,
    cli_development,
    cli_forms,
    cli_imports,
    cli_meetings,
    cli_passphrase,
    cli_reports,
    cli_sync,
    cli_transfers,
    cli_upper,
    paths,
)
from desktop_app.cli_support import (
    ArgumentParser,
    CliError,
    common,
    date,
    emit,
    open_register,
    passphrase,
    register_path,
)
from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.errors import DomainError
from desktop_app.domain.membership import EVENT_KINDS, STATUSES
from desktop_app.domain.person import FIELDS, MEMBERSHIP_LABELS, SEX_LABELS
from desktop_app.services import cell as cell_service
from desktop_app.services import checks, members, registers
from desktop_app.services.views import PersonView

PERSON_OPTIONS = [name for name in FIELDS]


def _person_line(p: PersonView) -> str:
    birth = vn_from_iso(p.birth_date)
    sex = SEX_LABELS.get(p.sex, "")
    return f"{p.id[:8]}  {p.full_name:<28} {sex:<3} {birth:<10} {p.status_label}"


def _shown(field: str, value: object, labels: dict[str, dict[str, str]]) -> str:
    """A field as a secretary reads it: Vietnamese labels for codes, dd/mm/yyyy for dates."""
    if field in labels:
        return labels[field].get(str(value), "")
    if FIELDS[field].kind in ("date", "partial_date"):
        return vn_from_iso(str(value))
    return str(value)


def _person_text(p: PersonView) -> str:
    shown = {"sex": SEX_LABELS, "membership": MEMBERSHIP_LABELS}
    rows = [(FIELDS[k].label, _shown(k, getattr(p, k), shown)) for k in FIELDS if getattr(p, k)]
    rows.insert(0, ("Mã", p.id))
    rows.append(("Tình trạng", p.status_label))
    return "\n".join(f"{label}: {value}" for label, value in rows)


# -- commands --------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    path = register_path(args)
    cell = {
        "name": args.name,
        "code": args.code,
        "upper_level": args.upper_level,
        "secretary": args.secretary,
        "address": args.address,
    }
    reg, recovery = registers.create_register(path, passphrase(args, confirm=True), cell)
    reg.close()
    emit(
        {"path": str(path), "recovery_key": recovery},
        args.json,
        lambda: (
            f"Đã tạo sổ: {path}\n\n"
            "KHÓA KHÔI PHỤC (chép ra giấy, cất nơi an toàn; chỉ hiện một lần):\n\n"
            f"    {recovery}\n\nKhi quên mật khẩu, khóa này là cách duy nhất để mở sổ."
        ),
    )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    path = Path(args.path) if args.path else paths.demo_register()
    reg, _recovery = registers.create_demo(path)
    count = len(members.list_people(reg))
    reg.close()
    emit(
        {"path": str(path), "passphrase": paths.DEMO_PASSPHRASE, "people": count},
        args.json,
        lambda: f"Đã tạo sổ mẫu ({count} người): {path}\nMật khẩu: {paths.DEMO_PASSPHRASE}",
    )
    return 0


def cmd_cell_show(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        cell = cell_service.get_cell(reg)
    labels = cell_service.CELL_FIELDS
    emit(
        cell.to_json(),
        args.json,
        lambda: "\n".join(f"{labels[k][0]}: {getattr(cell, k)}" for k in labels),
    )
    return 0


def cmd_cell_update(args: argparse.Namespace) -> int:
    changes = {
        k: getattr(args, k) for k in cell_service.CELL_FIELDS if getattr(args, k) is not None
    }
    with open_register(args) as reg:
        cell = cell_service.update_cell(reg, changes)
    emit(cell.to_json(), args.json, lambda: f"Đã lưu: {cell.name}")
    return 0


def cmd_member_list(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        found = members.list_people(reg, set(args.status) if args.status else None)
    emit(
        [p.to_json() for p in found],
        args.json,
        lambda: "\n".join(_person_line(p) for p in found) or "(không có ai)",
    )
    return 0


def cmd_member_search(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        found = members.search_people(reg, args.text)
    emit(
        [p.to_json() for p in found],
        args.json,
        lambda: "\n".join(_person_line(p) for p in found) or "(không tìm thấy ai)",
    )
    return 0


def cmd_member_show(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        person = members.get_person(reg, args.person)
        events = members.list_events(reg, person.id)
    doc = {**person.to_json(), "events": [e.to_json() for e in events]}
    emit(
        doc,
        args.json,
        lambda: (
            _person_text(person)
            + "\n\nQuá trình:\n"
            + "\n".join(
                f"  {vn_from_iso(e.date)}  {e.label}  {e.reference}  {e.place}  {e.reason}".rstrip()
                for e in events
            )
        ),
    )
    return 0


def _person_fields(args: argparse.Namespace) -> dict[str, object]:
    return {k: getattr(args, k) for k in PERSON_OPTIONS if getattr(args, k) is not None}


def cmd_member_add(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        person = members.add_person(reg, _person_fields(args), allow_duplicate=args.allow_duplicate)
    emit(person.to_json(), args.json, lambda: f"Đã thêm: {person.full_name} ({person.id})")
    return 0


def cmd_member_update(args: argparse.Namespace) -> int:
    changes = _person_fields(args)
    if not changes:
        raise CliError("Chưa nói sửa trường nào (ví dụ --phone 0912345678).")
    with open_register(args) as reg:
        person = members.update_person(
            reg,
            args.person,
            changes,
            expected_version=args.expected_version,
            allow_duplicate=args.allow_duplicate,
        )
    emit(person.to_json(), args.json, lambda: f"Đã lưu: {person.full_name}")
    return 0


def cmd_event_add(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        event = members.record_event(
            reg,
            args.person,
            args.kind,
            date(args.date),
            reason=args.reason,
            reference=args.reference,
            place=args.place,
        )
        person = members.get_person(reg, event.person_id)
    emit(
        {**event.to_json(), "status": person.status},
        args.json,
        lambda: (
            f"Đã ghi: {event.label} {vn_from_iso(event.date)} — "
            f"{person.full_name}: {person.status_label}"
        ),
    )
    return 0


def cmd_event_undo(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        event = members.undo_last_event(reg, args.person)
    emit(event.to_json(), args.json, lambda: f"Đã rút lại: {event.label} {vn_from_iso(event.date)}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        report = checks.check_register(reg)
    emit(
        report.to_json(),
        args.json,
        lambda: (
            f"Sổ tốt. Nhật ký {report.journal_entries} mục, chuỗi băm nguyên vẹn."
            if report.ok
            else "Sổ có vấn đề:\n"
            + "\n".join(report.integrity + report.foreign_keys + report.journal + report.replay)
        ),
    )
    return 0 if report.ok else 1


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop_app.__main__ import run_gui  # Qt is imported only for the window

    # no command at all opens the window too: its parser has no --upper-level
    return run_gui(register=args.register, upper_level=getattr(args, "upper_level", False))


# -- parser ----------------------------------------------------------------------------------


def _person_arguments(p: argparse.ArgumentParser) -> None:
    for name, spec in FIELDS.items():
        p.add_argument("--" + name.replace("_", "-"), dest=name, metavar="GIÁ_TRỊ", help=spec.label)
    p.add_argument(
        "--allow-duplicate",
        action="store_true",
        help="xác nhận đây là người khác dù trùng họ tên và ngày sinh",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="sochibo",
        description="Sổ Chi bộ: sổ đảng viên của chi bộ, mã hóa, dùng không cần mạng.",
    )
    common(parser, json_flag=False, top=True)
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="tự kiểm tra bản cài đặt (sổ tạm, in PDF, bản dịch) rồi thoát: 0 là đạt",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")

    p = sub.add_parser("init", help="tạo sổ mới cho chi bộ")
    common(p)
    p.add_argument("--name", required=True, help="tên chi bộ")
    p.add_argument("--code", required=True, help="mã chi bộ")
    for opt, label in (
        ("--upper-level", "cấp ủy cấp trên"),
        ("--secretary", "bí thư"),
        ("--address", "địa chỉ"),
    ):
        p.add_argument(opt, default="", help=label)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="tạo sổ mẫu (khoảng 40 đảng viên)")
    p.add_argument("--path", metavar="TỆP", help="nơi ghi sổ mẫu")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_demo)

    cell = sub.add_parser("cell", help="thông tin chi bộ").add_subparsers(
        dest="action", required=True
    )
    p = cell.add_parser("show", help="xem")
    common(p)
    p.set_defaults(func=cmd_cell_show)
    p = cell.add_parser("update", help="sửa")
    common(p)
    for key, (label, _limit) in cell_service.CELL_FIELDS.items():
        p.add_argument("--" + key.replace("_", "-"), dest=key, help=label)
    p.set_defaults(func=cmd_cell_update)

    _member_parsers(sub)
    _event_parsers(sub)
    cli_development.add_parsers(sub)
    cli_meetings.add_parsers(sub)
    cli_imports.add_parsers(sub)
    cli_audit.add_parsers(sub)
    cli_forms.add_parsers(sub)
    cli_passphrase.add_parsers(sub)
    cli_backups.add_parsers(sub)
    cli_sync.add_parsers(sub)
    cli_upper.add_parsers(sub)
    cli_reports.add_parsers(sub)
    cli_transfers.add_parsers(sub)

    p = sub.add_parser(
        "check", help="kiểm tra đầy đủ: toàn vẹn, khóa ngoại, chuỗi nhật ký, đối chiếu nhật ký"
    )
    common(p)
    p.add_argument(
        "--full",
        action="store_true",
        help="kiểm tra đầy đủ (lệnh này luôn kiểm tra đầy đủ; lúc mở sổ chỉ kiểm tra nhanh)",
    )
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("gui", help="mở cửa sổ chương trình")
    common(p, json_flag=False)
    p.add_argument(
        "--upper-level",
        action="store_true",
        help="mở sổ làm việc của cấp ủy cấp trên (lần đầu thì tạo)",
    )
    p.set_defaults(func=cmd_gui)
    return parser


def _member_parsers(sub) -> None:
    member = sub.add_parser("member", help="đảng viên và quần chúng").add_subparsers(
        dest="action", required=True
    )
    p = member.add_parser("list", help="danh sách, theo thứ tự tên")
    common(p)
    p.add_argument(
        "--status",
        action="append",
        choices=STATUSES,
        help="chỉ những người ở diện này (có thể lặp lại)",
    )
    p.set_defaults(func=cmd_member_list)
    p = member.add_parser("search", help="tìm theo tên (có dấu hoặc không dấu), số định danh")
    common(p)
    p.add_argument("text")
    p.set_defaults(func=cmd_member_search)
    p = member.add_parser("show", help="xem một người và quá trình")
    common(p)
    p.add_argument("person", help="mã người (có thể gõ 8 ký tự đầu)")
    p.set_defaults(func=cmd_member_show)
    p = member.add_parser("add", help="thêm người")
    common(p)
    _person_arguments(p)
    p.set_defaults(func=cmd_member_add)
    p = member.add_parser("update", help="sửa thông tin")
    common(p)
    p.add_argument("person")
    p.add_argument("--expected-version", type=int, help="chỉ sửa nếu đúng phiên bản này")
    _person_arguments(p)
    p.set_defaults(func=cmd_member_update)


def _event_parsers(sub) -> None:
    event = sub.add_parser("event", help="ghi sự kiện (chuyển đi, miễn, xóa tên, từ trần, …)")
    actions = event.add_subparsers(dest="action", required=True)
    p = actions.add_parser("add", help="ghi một sự kiện")
    common(p)
    p.add_argument("person")
    p.add_argument(
        "kind",
        choices=list(EVENT_KINDS),
        help=", ".join(f"{k} = {v.label}" for k, v in EVENT_KINDS.items()),
    )
    p.add_argument("--date", required=True, help="ngày (dd/mm/yyyy)")
    p.add_argument("--reason", default="", help="lý do")
    p.add_argument("--reference", default="", help="số quyết định, văn bản")
    p.add_argument("--place", default="", help="nơi đi hoặc nơi đến")
    p.set_defaults(func=cmd_event_add)
    p = actions.add_parser("undo", help="rút lại sự kiện ghi sau cùng của một người")
    common(p)
    p.add_argument("person")
    p.set_defaults(func=cmd_event_undo)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_check:
        from desktop_app import self_check

        return self_check.main()
    if not getattr(args, "func", None):
        return cmd_gui(args)
    try:
        return args.func(args)
    except (DomainError, CliError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
