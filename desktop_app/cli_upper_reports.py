"""``sochibo upper report``: the upper level's statistics over its cells for a year or any
period (text, JSON, PDF, .xlsx), each section with its figures by cell, through the same
service as the window (``services/upper_reports.py``)."""

from __future__ import annotations

import argparse
import datetime as dt
import os

from desktop_app.cli_reports import _target, report_text
from desktop_app.cli_support import CliError, common, date, emit
from desktop_app.domain.aggregate import UpperReport
from desktop_app.domain.dates import format_vn
from desktop_app.domain.reports import ALL, KINDS
from desktop_app.forms import report_sheet
from desktop_app.forms.upper_facts import upper_facts
from desktop_app.services import report_export, reports, upper_reports


def _period(args: argparse.Namespace, on: dt.date) -> tuple[dt.date, dt.date]:
    if args.year is not None and (args.first or args.last):
        raise CliError("Chọn kỳ báo cáo bằng --year, hoặc bằng --from/--to, không dùng cả hai")
    if args.year is not None:
        return upper_reports.year_period(args.year)
    first, last = reports.year_to_date(on)
    return (date(args.first) if args.first else first, date(args.last) if args.last else last)


def _cells_line(report: UpperReport) -> str:
    sent = ", ".join(
        f"{c.code} ({format_vn(c.reported)})" if c.reported else c.code for c in report.cells
    )
    line = f"Các chi bộ có số liệu (ngày gói gần nhất): {sent or 'chưa có'}"
    if report.absent:
        line += "\nChưa gửi gói: " + ", ".join(code for code, _ in report.absent)
    return line


def cmd_report(args: argparse.Namespace) -> int:
    from desktop_app.cli_upper import open_upper  # the workspace opener lives there

    on = date(args.on) if args.on else dt.date.today()
    first, last = _period(args, on)
    pdf, xlsx = _target(args.pdf, ".pdf"), _target(args.xlsx, ".xlsx")
    with open_upper(args) as reg:
        found = upper_reports.build(
            reg, args.kind or [ALL], first, last,
            cells=upper_reports.parse_codes(args.cells), today=on,
        )  # fmt: skip
        issuer = upper_facts(reg)
        data = report_sheet.render_report(found, issuer, on) if pdf else b""
    written = {}
    if pdf:
        partial = pdf.with_name(pdf.name + ".dang-ghi")
        partial.write_bytes(data)
        os.replace(partial, pdf)  # never a half-written PDF under the real name
        written["pdf"] = str(pdf)
    if xlsx:
        written["xlsx"] = str(report_export.write_xlsx(found, issuer.name, xlsx))

    def text() -> str:
        files = [f"Đã ghi: {path}" for path in written.values()]
        return "\n".join([f"{issuer.name}", _cells_line(found), "", report_text(found), *files])

    emit(found.to_json() | {"files": written}, args.json, text)
    return 0


def add_parser(actions) -> None:
    """``upper report`` among the upper level's actions."""
    p = actions.add_parser("report", help="báo cáo thống kê tổng hợp các chi bộ cho một kỳ")
    common(p)
    p.add_argument("--year", type=int, metavar="NĂM", help="cả một năm (thay cho --from/--to)")
    p.add_argument(
        "--from", dest="first", metavar="NGÀY", help="từ ngày (dd/mm/yyyy, mặc định 01/01 năm nay)"
    )
    p.add_argument(
        "--to", dest="last", metavar="NGÀY", help="đến ngày (dd/mm/yyyy, mặc định hôm nay)"
    )
    p.add_argument(
        "--kind",
        action="append",
        metavar="LOẠI",
        choices=[*KINDS, ALL],
        help="phần báo cáo, có thể ghi nhiều lần (mặc định tất cả): "
        + ", ".join(f"{k} = {v}" for k, v in KINDS.items()),
    )
    p.add_argument("--cells", metavar="MÃ,MÃ", help="chỉ các chi bộ này (mã, cách nhau dấu phẩy)")
    p.add_argument("--on", metavar="NGÀY", help="ngày tính số liệu (dd/mm/yyyy, mặc định hôm nay)")
    p.add_argument("--pdf", metavar="TỆP.pdf", help="ghi báo cáo ra tệp PDF")
    p.add_argument("--xlsx", metavar="TỆP.xlsx", help="ghi báo cáo ra tệp Excel")
    p.set_defaults(func=cmd_report)
