"""``sochibo enrol`` and ``sochibo bundle``: the cell's side of reporting to the upper level
(enrol with the upper level's file, export the bundle to a stick, look at a bundle's outer
layer without decrypting it, see where the reporting stands)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop_app.cli_support import CliError, common, emit, open_register
from desktop_app.cli_upper import open_upper
from desktop_app.domain.dates import format_vn, vn_from_iso
from desktop_app.domain.membership import EVENT_KINDS
from desktop_app.services import sync_cell, upper_import, upper_receipts
from desktop_app.services.sync_cell import ReceiptResult, SyncStatus
from desktop_app.services.upper_import import ImportResult
from desktop_app.services.upper_summary import Summary
from desktop_app.sync import inspection
from desktop_app.sync.crypto import PublicKey
from desktop_app.sync.inspection import Inspection

PHONE_CHECK = (
    "Hãy gọi điện cho cấp ủy cấp trên và cùng đọc các vân tay này: khớp thì không ai đánh tráo "
    "tệp hay khóa."
)


def _status_text(status: SyncStatus) -> str:
    if not status.enrolled:
        return (
            "Sổ chưa ghi danh với cấp ủy cấp trên. Nhập tệp ghi danh cấp trên gửi: "
            f"sochibo enrol TỆP\nNhật ký có {status.head_seq} mục."
        )
    acked = (
        f"Cấp trên đã nhận đến mục số {status.acked_seq}."
        if status.acked_seq
        else "Cấp trên chưa xác nhận lần nhận nào."
    )
    if status.receipt_issued_at:
        acked = acked[:-1] + f" (biên nhận lập ngày {_day(status.receipt_issued_at)})."
    lines = [
        f"Cấp ủy cấp trên: {status.upper_name}",
        f"Vân tay của cấp trên: {status.upper_fingerprint}",
        f"Vân tay của chi bộ: {status.cell_fingerprint} (khóa {status.cell_key_id})",
        f"Nhật ký có {status.head_seq} mục. {acked} Còn {status.pending} thay đổi cấp "
        "trên chưa nhận.",
    ]
    lines += [f"Chỉ tiêu kết nạp năm {q['year']}: {q['count']}" for q in status.quotas]
    return "\n".join(lines)


def _day(utc: str) -> str:
    """A UTC time as the local day, dd/mm/yyyy."""
    return format_vn(dt.datetime.fromisoformat(utc.replace("Z", "+00:00")).astimezone().date())


def _inspection_text(found: Inspection) -> str:
    lines = [f"Gói: {found.name} ({found.size} byte)", found.signature_text]
    if found.key_id:
        lines.append(f"Khóa ký: {found.key_id}")
    if found.fingerprint:
        lines.append(f"Vân tay của chi bộ ký gói: {found.fingerprint}")
    facts = found.facts or {}
    if facts:
        lines.append(
            f"Chi bộ: {facts.get('cell_code')}; mục nhật ký số {facts.get('seq_from')} đến "
            f"{facts.get('seq_to')}; tạo lúc {facts.get('created_at')} (UTC)"
        )
    if found.recipients is not None:
        lines.append(f"Mã hóa cho: {', '.join(found.recipients) or 'không khóa nào'}")
    lines += [f"  • {p}" for p in found.problems + found.notes]
    return "\n".join(lines)


def _pinned(text: str | None) -> PublicKey | None:
    if text is None:
        return None
    path = Path(text)
    try:
        return PublicKey.parse(path.read_text(encoding="utf-8") if path.is_file() else text)
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"Không đọc được khóa «{text}»") from exc


# -- commands ------------------------------------------------------------------------------------


def cmd_enrol(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        result = sync_cell.enrol(reg, Path(args.file), replace=args.replace)
    emit(
        result.to_json(),
        args.json,
        lambda: f"{result.text}\n{_status_text(result.status)}\n{PHONE_CHECK}",
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        done = sync_cell.export_bundle(reg, Path(args.to), first=args.first)
    emit(
        done.to_json(),
        args.json,
        lambda: (
            f"Đã ghi gói gửi «{done.upper_name}» và đọc lại kiểm tra: {done.path}\n"
            f"Mục nhật ký số {done.seq_from} đến {done.seq_to} ({done.entries} mục, "
            f"{done.size} byte). Tệp chữ ký bên cạnh: {done.signature_path.name} "
            "(chép cả hai tệp).\nCó thể rút USB an toàn."
        ),
    )
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    found = inspection.inspect_file(Path(args.file), _pinned(args.key))
    emit(found.to_json(), args.json, lambda: _inspection_text(found))
    return 0 if found.ok else 1


def cmd_status(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        status = sync_cell.status(reg)
    emit(status.to_json(), args.json, lambda: _status_text(status))
    return 0


# -- the upper level receives, and answers -------------------------------------------------------


def _tally(what: str, t: dict[str, int]) -> str:
    return f"{what}: thêm {t['added']}, sửa {t['updated']}, xóa {t['removed']}"


def _summary_lines(s: Summary) -> list[str]:
    lines = [
        f"  Người: thêm {len(s.people_added)}, sửa {len(s.people_updated)}, xóa "
        f"{len(s.people_removed)}, không đổi {s.people_unchanged}"
    ]
    for sign, people in (("+", s.people_added), ("~", s.people_updated), ("-", s.people_removed)):
        lines += [f"    {sign} {p['full_name']} ({p['status']})" for p in people]
    kinds = ", ".join(
        f"{EVENT_KINDS[k].label if k in EVENT_KINDS else k} {n}" for k, n in s.events_added.items()
    )
    lines.append(
        f"  Sự kiện mới: {sum(s.events_added.values())}"
        + (f" ({kinds})" if kinds else "")
        + f"; rút lại {s.events_removed}"
    )
    lines.append(f"  {_tally('Buổi sinh hoạt', s.meetings)}; {_tally('điểm danh', s.attendance)}")
    lines += [f"  Chuyển đến: {m['text']}" for m in s.moved_in]
    lines += [f"  Vướng mắc: {c['text']}" for c in s.conflicts]
    lines += [f"  Lưu ý: {w}" for w in s.warnings]
    return lines


def _import_text(results: list[ImportResult]) -> str:
    out = []
    for r in results:
        out.append(r.message)
        if r.summary is not None:
            out += _summary_lines(r.summary)
    return "\n".join(out)


def cmd_bundle_import(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        results = upper_import.import_bundles(
            reg,
            [Path(f) for f in args.files],
            dry_run=args.dry_run,
            confirm_fingerprint=args.confirm_fingerprint,
            accept_fork=args.accept_fork,
        )
    for r in results:
        if r.status == "refused":
            print(f"Lỗi: {r.message}", file=sys.stderr)
    docs = [r.to_json() for r in results]
    emit(docs[0] if len(docs) == 1 else docs, args.json, lambda: _import_text(results))
    return 0 if all(r.ok for r in results) else 1


def cmd_receipt_export(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        done = upper_receipts.export_receipt(reg, args.code, Path(args.to))
    quotas = ", ".join(f"năm {q['year']}: {q['count']}" for q in done.quotas) or "chưa giao"
    emit(
        done.to_json(),
        args.json,
        lambda: (
            f"Đã ghi biên nhận cho chi bộ «{done.cell_name}» và đọc lại kiểm tra: {done.path}\n"
            f"Cấp trên đã nhận đến mục số {done.applied_seq}; {len(done.decisions)} quyết định; "
            f"chỉ tiêu kết nạp: {quotas}.\n"
            f"Tệp chữ ký bên cạnh: {done.signature_path.name} (chép cả hai tệp). "
            "Có thể rút USB an toàn."
        ),
    )
    return 0


def _receipt_text(done: ReceiptResult) -> str:
    head = (
        f"Biên nhận «{done.file}» đã nhập từ trước; không có gì mới."
        if done.change == "already"
        else f"Đã nhận biên nhận của «{done.upper_name}» lập ngày {_day(done.issued_at)}."
    )
    lines = [head]
    lines += [
        f"  {d.label} số {d.number} ngày {vn_from_iso(d.date)} — {d.person_name}: {d.outcome_text}"
        for d in done.decisions
    ]
    return "\n".join([*lines, _status_text(done.status)])


def cmd_receipt_import(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        done = sync_cell.import_receipt(reg, Path(args.file))
    emit(done.to_json(), args.json, lambda: _receipt_text(done))
    return 0


def add_parsers(sub) -> None:
    p = sub.add_parser("enrol", help="ghi danh với cấp ủy cấp trên bằng tệp cấp trên gửi")
    common(p)
    p.add_argument("file", metavar="TỆP", help="tệp ghi danh (.sochibo-ghidanh)")
    p.add_argument(
        "--replace",
        action="store_true",
        help="đổi sang khóa mới của cấp trên (chỉ sau khi đã so vân tay qua điện thoại)",
    )
    p.set_defaults(func=cmd_enrol)

    group = sub.add_parser("bundle", help="gói gửi cấp ủy cấp trên: xuất, xem, tình hình")
    actions = group.add_subparsers(dest="action", required=True)
    p = actions.add_parser("export", help="ghi gói những thay đổi cấp trên chưa nhận ra USB")
    common(p)
    p.add_argument("--to", required=True, metavar="THƯ_MỤC", help="thư mục ghi gói, ví dụ USB")
    p.add_argument(
        "--from",
        dest="first",
        type=int,
        metavar="SỐ",
        help="gửi lại từ mục số này (khi cấp trên báo thiếu mục vì đã khôi phục bản sao lưu cũ)",
    )
    p.set_defaults(func=cmd_export)

    p = actions.add_parser("inspect", help="xem lớp ngoài của một gói (không cần giải mã)")
    p.add_argument("file", metavar="TỆP", help="tệp gói .sochibo-goi (hoặc tệp .minisig)")
    p.add_argument("--key", metavar="KHÓA", help="khóa công khai minisign để đối chiếu")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_inspect)

    p = actions.add_parser("status", help="ghi danh, vân tay, cấp trên đã nhận đến đâu")
    common(p)
    p.set_defaults(func=cmd_status)

    p = actions.add_parser(
        "import", help="(cấp trên) nhận gói của chi bộ: kiểm tra, xem trước, ghi vào sổ làm việc"
    )
    common(p)
    p.add_argument("files", nargs="+", metavar="TỆP", help="tệp gói .sochibo-goi")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem gói thay đổi gì, chưa ghi")
    p.add_argument(
        "--confirm-fingerprint",
        metavar="XXXX-XXXX-XXXX-XXXX",
        help="vân tay của chi bộ đã đọc qua điện thoại (gói đầu tiên của chi bộ)",
    )
    p.add_argument(
        "--accept-fork",
        action="store_true",
        help="nhận nhánh mới khi nhật ký của chi bộ rẽ nhánh (sau khi đã hỏi chi bộ)",
    )
    p.set_defaults(func=cmd_bundle_import)

    group = sub.add_parser("receipt", help="biên nhận của cấp trên gửi chi bộ")
    actions = group.add_subparsers(dest="action", required=True)
    p = actions.add_parser("export", help="(cấp trên) ghi biên nhận cho một chi bộ ra USB")
    common(p)
    p.add_argument("code", metavar="MÃ_CHI_BỘ")
    p.add_argument("--to", required=True, metavar="THƯ_MỤC", help="thư mục ghi, ví dụ USB")
    p.set_defaults(func=cmd_receipt_export)
    p = actions.add_parser("import", help="(chi bộ) nhập biên nhận cấp trên gửi về")
    common(p)
    p.add_argument("file", metavar="TỆP", help="tệp biên nhận .sochibo-biennhan")
    p.set_defaults(func=cmd_receipt_import)
