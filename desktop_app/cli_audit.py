"""``sochibo audit``: the change journal as a secretary reads it (who, when, which record, what
changed from what to what), for one person or the whole register, with the hash chain checked.
ID numbers are masked unless ``--reveal``, which the journal records."""

from __future__ import annotations

import argparse

from desktop_app.cli_support import common, date, emit, open_register
from desktop_app.services import audit
from desktop_app.services.audit import AuditEntry, AuditFilter, AuditReport

_EMPTY = "(trống)"


def _entry_text(e: AuditEntry) -> str:
    lines = [f"{e.when}  {e.author}  {e.action}  {e.kind}: {e.record}"]
    for c in e.changes:
        if e.op == "insert" or e.op == "reveal":
            lines.append(f"    {c.label}: {c.after}")
        else:
            lines.append(f"    {c.label}: {c.before or _EMPTY} → {c.after or _EMPTY}")
    return "\n".join(lines)


def _report_text(report: AuditReport) -> str:
    whose = f"của {report.person_name}" if report.person_name else "của toàn bộ sổ"
    shown = " (hiện đủ các số; lần xem này đã được ghi vào nhật ký)" if report.revealed else ""
    head = f"Lịch sử thay đổi {whose}: {len(report.entries)} mục, mới nhất trước{shown}."
    body = "\n\n".join(_entry_text(e) for e in report.entries) or "(không có thay đổi nào)"
    return f"{report.chain_summary}\n{head}\n\n{body}"


def cmd_audit(args: argparse.Namespace) -> int:
    filters = AuditFilter(
        person_id=args.person,
        start=date(args.start) if args.start else None,
        end=date(args.end) if args.end else None,
        kinds=frozenset(args.kind) if args.kind else None,
    )
    with open_register(args) as reg:
        report = audit.trail(reg, filters, reveal=args.reveal)
    emit(report.to_json(), args.json, lambda: _report_text(report))
    return 0 if report.chain_ok else 1


def add_parsers(sub) -> None:
    p = sub.add_parser(
        "audit",
        help="lịch sử thay đổi (ai, lúc nào, sửa gì, trước → sau) và kiểm tra chuỗi nhật ký",
        description="Lịch sử thay đổi của sổ, mới nhất trước. Số định danh và số thẻ đảng viên "
        "chỉ hiện 3 chữ số cuối, trừ khi dùng --reveal (lần xem được ghi vào nhật ký). "
        "Mã thoát 1 nếu chuỗi nhật ký bị đứt hoặc bị sửa.",
    )
    common(p)
    p.add_argument("--person", metavar="MÃ", help="chỉ những gì liên quan đến người này")
    p.add_argument("--from", dest="start", metavar="NGÀY", help="từ ngày (dd/mm/yyyy)")
    p.add_argument("--to", dest="end", metavar="NGÀY", help="đến hết ngày (dd/mm/yyyy)")
    p.add_argument(
        "--kind",
        action="append",
        choices=list(audit.ENTITY_LABELS),
        help="chỉ loại bản ghi này (có thể lặp lại): "
        + ", ".join(f"{k} = {v}" for k, v in audit.ENTITY_LABELS.items()),
    )
    p.add_argument(
        "--reveal", action="store_true", help="hiện đủ các số định danh (được ghi vào nhật ký)"
    )
    p.set_defaults(func=cmd_audit)
