"""``sochibo report|rating|quota``: the cell's reports for any period (text, JSON, PDF, .xlsx),
the yearly ratings of members and the year's admission quota, through the same services as
the window."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from desktop_app.cli_support import CliError, common, date, emit, open_register
from desktop_app.domain.reports import ALL, KINDS, LEVELS, Report, Table, cell_text
from desktop_app.forms import facts, report_sheet
from desktop_app.services import ratings, report_export, reports


def _on(args: argparse.Namespace) -> dt.date:
    return date(args.on) if args.on else dt.date.today()


def _target(text: str | None, suffix: str) -> Path | None:
    if text is None:
        return None
    out = Path(text)
    if out.suffix.lower() != suffix:
        raise CliError(f"Tệp ra «{out.name}» phải có đuôi {suffix}")
    if not out.parent.is_dir():
        raise CliError(f"Không có thư mục «{out.parent}» để ghi tệp")
    return out


def table_text(table: Table) -> str:
    """A table as aligned plain text for the terminal."""
    lines = [[h for h, _ in table.columns], *([cell_text(v) for v in row] for row in table.rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(table.columns))]
    body = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
            for line in lines]  # fmt: skip
    return "\n".join([table.title, *body, *table.notes])


def report_text(report: Report) -> str:
    parts = [f"Báo cáo {report.period.label}"]
    for kind in report.sections:
        parts.append(f"== {KINDS[kind]} ==")
        parts += [table_text(t) for t in report.tables(kind)]
    parts.append("Sổ chưa trả lời được:\n" + "\n".join(f"- {line}" for line in report.limits))
    return "\n\n".join(parts)


def cmd_report(args: argparse.Namespace) -> int:
    on = _on(args)
    default_first, default_last = reports.year_to_date(on)
    first = date(args.first) if args.first else default_first
    last = date(args.last) if args.last else default_last
    pdf, xlsx = _target(args.pdf, ".pdf"), _target(args.xlsx, ".xlsx")
    with open_register(args) as reg:
        report = reports.build(reg, args.kind, first, last, today=on)
        cell = facts.cell_facts(reg)
        data = report_sheet.render_report(report, cell, on) if pdf else b""
    written = {}
    if pdf:
        partial = pdf.with_name(pdf.name + ".dang-ghi")
        partial.write_bytes(data)
        os.replace(partial, pdf)  # never a half-written PDF under the real name
        written["pdf"] = str(pdf)
    if xlsx:
        written["xlsx"] = str(report_export.write_xlsx(report, cell.name, xlsx))

    def text() -> str:
        files = [f"Đã ghi: {path}" for path in written.values()]
        return "\n".join([report_text(report), *files])

    emit(report.to_json() | {"files": written}, args.json, text)
    return 0


# -- ratings ------------------------------------------------------------------------------


def _rating_line(r: ratings.RatingView) -> str:
    points = f" ({r.points_text} điểm)" if r.points is not None else ""
    return f"{r.year}  {r.person_id[:8]}  {r.full_name:<28} {r.level_label}{points}"


def cmd_rating_set(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        view = ratings.set_rating(
            reg, args.person, args.year, args.level, points=args.points, note=args.note,
            today=_on(args),
        )  # fmt: skip
    emit(view.to_json(), args.json, lambda: f"Đã ghi: {_rating_line(view)}")
    return 0


def cmd_rating_list(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        rows = ratings.list_ratings(reg, args.year)
    emit(
        [r.to_json() for r in rows],
        args.json,
        lambda: "\n".join(_rating_line(r) for r in rows) or "(chưa có xếp loại nào)",
    )
    return 0


def cmd_rating_remove(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        view = ratings.remove_rating(reg, args.person, args.year)
    emit(view.to_json(), args.json, lambda: f"Đã xóa: {_rating_line(view)}")
    return 0


# -- quotas -------------------------------------------------------------------------------


def _quota_line(q: ratings.QuotaView) -> str:
    ref = f", {q.reference}" if q.reference else ""
    return f"{q.year}  {q.quota} người  ({q.source_label}{ref})"


def cmd_quota_set(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        view = ratings.set_quota(
            reg, args.year, args.quota, reference=args.reference, note=args.note, today=_on(args)
        )
    emit(view.to_json(), args.json, lambda: f"Đã ghi chỉ tiêu kết nạp: {_quota_line(view)}")
    return 0


def cmd_quota_list(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        rows = ratings.list_quotas(reg)
    emit(
        [q.to_json() for q in rows],
        args.json,
        lambda: "\n".join(_quota_line(q) for q in rows) or "(chưa có chỉ tiêu nào)",
    )
    return 0


def cmd_quota_remove(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        view = ratings.remove_quota(reg, args.year)
    emit(view.to_json(), args.json, lambda: f"Đã xóa chỉ tiêu: {_quota_line(view)}")
    return 0


# -- parsers ------------------------------------------------------------------------------

ON_HELP = "ngày tính số liệu (dd/mm/yyyy, mặc định hôm nay)"


def add_parsers(sub) -> None:
    p = sub.add_parser("report", help="báo cáo thống kê của chi bộ cho một kỳ")
    common(p)
    p.add_argument(
        "kind",
        metavar="LOẠI",
        choices=[*KINDS, ALL],
        help=", ".join(f"{k} = {v}" for k, v in KINDS.items()) + f", {ALL} = tất cả",
    )
    p.add_argument("--from", dest="first", help="từ ngày (dd/mm/yyyy, mặc định 01/01 năm nay)")
    p.add_argument("--to", dest="last", help="đến ngày (dd/mm/yyyy, mặc định hôm nay)")
    p.add_argument("--on", help=ON_HELP)
    p.add_argument("--pdf", metavar="TỆP.pdf", help="ghi báo cáo ra tệp PDF")
    p.add_argument("--xlsx", metavar="TỆP.xlsx", help="ghi báo cáo ra tệp Excel")
    p.set_defaults(func=cmd_report)
    _rating_parsers(sub)
    _quota_parsers(sub)


def _rating_parsers(sub) -> None:
    rating = sub.add_parser("rating", help="xếp loại chất lượng đảng viên hằng năm")
    actions = rating.add_subparsers(dest="action", required=True)
    levels = "; ".join(f"{lv.code} = {lv.short} = {lv.label}" for lv in LEVELS)
    p = actions.add_parser("set", help="ghi hoặc sửa xếp loại một năm của một đảng viên")
    common(p)
    p.add_argument("person", help="mã người (có thể gõ 8 ký tự đầu)")
    p.add_argument("--year", required=True, help="năm đánh giá")
    p.add_argument("--level", required=True, metavar="MỨC", help=levels)
    p.add_argument("--points", help="điểm (thang 100), nếu chi bộ chấm điểm")
    p.add_argument("--note", default="", help="ghi chú")
    p.add_argument("--on", help=ON_HELP)
    p.set_defaults(func=cmd_rating_set)
    p = actions.add_parser("list", help="các xếp loại đã ghi")
    common(p)
    p.add_argument("--year", type=int, help="chỉ năm này")
    p.set_defaults(func=cmd_rating_list)
    p = actions.add_parser("remove", help="xóa xếp loại ghi nhầm")
    common(p)
    p.add_argument("person")
    p.add_argument("--year", type=int, required=True)
    p.set_defaults(func=cmd_rating_remove)


def _quota_parsers(sub) -> None:
    quota = sub.add_parser("quota", help="chỉ tiêu kết nạp đảng viên hằng năm")
    actions = quota.add_subparsers(dest="action", required=True)
    p = actions.add_parser("set", help="ghi chỉ tiêu kết nạp của một năm")
    common(p)
    p.add_argument("--year", required=True, help="năm")
    p.add_argument("--quota", required=True, help="số người được giao kết nạp")
    p.add_argument("--reference", default="", help="số văn bản giao chỉ tiêu")
    p.add_argument("--note", default="", help="ghi chú")
    p.add_argument("--on", help=ON_HELP)
    p.set_defaults(func=cmd_quota_set)
    p = actions.add_parser("list", help="chỉ tiêu các năm")
    common(p)
    p.set_defaults(func=cmd_quota_list)
    p = actions.add_parser("remove", help="xóa chỉ tiêu chi bộ ghi nhầm")
    common(p)
    p.add_argument("--year", type=int, required=True)
    p.set_defaults(func=cmd_quota_remove)
