"""``sochibo import|export``: a spreadsheet list in (previewed, then written in one transaction)
and the member list out, through the same services as the window."""

from __future__ import annotations

import argparse

from desktop_app.cli_support import CliError, common, emit, open_register
from desktop_app.services import exports, imports


def _mapping(values: list[str]) -> dict[int, str | None]:
    """--map 3=birth_date (column numbers from 1, as Excel's A=1); FIELD "-" = not imported."""
    out: dict[int, str | None] = {}
    for value in values:
        column, _, target = value.partition("=")
        if not column.strip().isdigit() or not target.strip():
            raise CliError(f"--map «{value}»: cần dạng SỐ_CỘT=TRƯỜNG, ví dụ 3=birth_date")
        out[int(column) - 1] = None if target.strip() == "-" else target.strip()
    return out


def cmd_import(args: argparse.Namespace) -> int:
    plan = imports.open_plan(args.file, args.sheet)
    if args.map or args.default_status:
        plan = imports.with_mapping(plan, _mapping(args.map), args.default_status)
    with open_register(args) as reg:
        result = imports.preview(reg, plan)
        choices = {}
        if args.on_duplicate:
            choices = {
                r.number: args.on_duplicate
                for r in result.rows
                if (r.matches or r.same_as_row) and args.on_duplicate in r.allowed()
            }
        summary = None if args.dry_run else imports.apply(reg, result, choices)
    if summary is not None:
        imports.remember(plan)
    out = {
        "plan": plan.to_json(),
        "counts": result.counts(),
        "rows": [r.to_json() for r in result.rows],
        "summary": summary.to_json() if summary else None,
    }
    emit(out, args.json, lambda: _text(result, summary))
    return 0


def _text(result: imports.Preview, summary: imports.Summary | None) -> str:
    lines = []
    for row in result.rows:
        marks = [*(f"LỖI {e}" for e in row.errors), *row.warnings]
        marks += [f"đổi {c.source}: «{c.before}» → «{c.after}»" for c in row.conversions]
        marks += [f"trùng: {n} ({w})" for _, n, w in row.matches]
        if row.same_as_row is not None:
            marks.append(f"trùng dòng {row.same_as_row}")
        lines.append(
            f"Dòng {row.number:>4} {row.name:<28} {row.default_action:<6} {'; '.join(marks)}"
        )
    counts = result.counts()
    lines.append(
        f"{counts['rows']} dòng: {counts['errors']} có lỗi, {counts['duplicates']} có thể trùng, "
        f"{counts['converted']} đã đổi mã chữ"
    )
    lines.append(summary.to_text() if summary else "Chạy thử (--dry-run): chưa ghi gì vào sổ.")
    return "\n".join(lines)


def cmd_export(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        count = exports.export(reg, args.file)
    emit(
        {"file": args.file, "rows": count},
        args.json,
        lambda: f"Đã xuất {count} đảng viên ra «{args.file}»",
    )
    return 0


def add_parsers(sub) -> None:
    p = sub.add_parser("import", help="nhập danh sách từ tệp .xlsx, .xls, .ods, .csv")
    common(p)
    p.add_argument("file", help="tệp danh sách")
    p.add_argument("--sheet", help="tên trang (mặc định: trang đầu có dữ liệu)")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi")
    p.add_argument(
        "--on-duplicate",
        choices=imports.ACTIONS,
        help="dòng có thể trùng: add thêm mới, update cập nhật, skip bỏ qua",
    )
    p.add_argument(
        "--default-status",
        choices=("official", "probationary"),
        help="diện của dòng không có ngày vào Đảng (mặc định official)",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="CỘT=TRƯỜNG",
        help="gán cột (đếm từ 1) cho trường, hoặc CỘT=- để bỏ qua cột",
    )
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("export", help="xuất danh sách đảng viên ra .xlsx hoặc .csv")
    common(p)
    p.add_argument("file", help="tệp .xlsx hoặc .csv")
    p.set_defaults(func=cmd_export)
