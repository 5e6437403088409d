"""``sochibo enrol`` and ``sochibo bundle``: the cell's side of reporting to the upper level
(enrol with the upper level's file, export the bundle to a stick, look at a bundle's outer
layer without decrypting it, see where the reporting stands)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli_support import CliError, common, emit, open_register
from desktop_app.services import sync_cell
from desktop_app.services.sync_cell import SyncStatus
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
        f"Cấp trên đã xác nhận đến mục số {status.acked_seq}."
        if status.acked_seq
        else "Cấp trên chưa xác nhận lần nhận nào."
    )
    return "\n".join(
        [
            f"Cấp ủy cấp trên: {status.upper_name}",
            f"Vân tay của cấp trên: {status.upper_fingerprint}",
            f"Vân tay của chi bộ: {status.cell_fingerprint} (khóa {status.cell_key_id})",
            f"Nhật ký có {status.head_seq} mục. {acked} Còn {status.pending} thay đổi cấp "
            "trên chưa nhận.",
        ]
    )


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
        done = sync_cell.export_bundle(reg, Path(args.to))
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
    p.set_defaults(func=cmd_export)

    p = actions.add_parser("inspect", help="xem lớp ngoài của một gói (không cần giải mã)")
    p.add_argument("file", metavar="TỆP", help="tệp gói .sochibo-goi (hoặc tệp .minisig)")
    p.add_argument("--key", metavar="KHÓA", help="khóa công khai minisign để đối chiếu")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_inspect)

    p = actions.add_parser("status", help="ghi danh, vân tay, cấp trên đã nhận đến đâu")
    common(p)
    p.set_defaults(func=cmd_status)
